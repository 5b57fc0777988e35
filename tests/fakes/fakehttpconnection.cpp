#include "fakehttpconnection.h"

#include "fakehttpserver.h"

#include <QTimer>

namespace ringside::fakes {

namespace {
constexpr qsizetype kMaxHead = 64 * 1024;

// Decodes a chunked body starting at `from`. Returns bytes consumed, 0 if incomplete, -1 if malformed.
qsizetype decodeChunked(const QByteArray &data, qsizetype from, QByteArray *body)
{
    qsizetype pos = from;
    QByteArray out;
    for (;;) {
        const qsizetype lineEnd = data.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return 0;
        QByteArray sizeText = data.mid(pos, lineEnd - pos);
        if (const qsizetype semi = sizeText.indexOf(';'); semi >= 0)
            sizeText.truncate(semi); // chunk extensions
        bool ok = false;
        const qlonglong size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return -1;
        pos = lineEnd + 2;
        if (size == 0) {
            // Skip trailers up to the blank line.
            const qsizetype end = data.indexOf("\r\n", pos);
            if (end < 0)
                return 0;
            if (end == pos) {
                *body = out;
                return end + 2 - from;
            }
            const qsizetype trailersEnd = data.indexOf("\r\n\r\n", pos);
            if (trailersEnd < 0)
                return 0;
            *body = out;
            return trailersEnd + 4 - from;
        }
        if (data.size() < pos + size + 2)
            return 0;
        out.append(data.mid(pos, size));
        pos += size;
        if (data.mid(pos, 2) != "\r\n")
            return -1;
        pos += 2;
    }
}
} // namespace

FakeHttpConnection::FakeHttpConnection(int id, QTcpSocket *socket, FakeHttpServer *server)
    : QObject(server), m_id(id), m_socket(socket), m_server(server)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &FakeHttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &FakeHttpConnection::onDisconnected);
    if (socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &FakeHttpConnection::onReadyRead);
}

void FakeHttpConnection::onReadyRead()
{
    if (!m_socket)
        return;
    m_in.append(m_socket->readAll());
    if (!m_busy)
        tryParse();
}

void FakeHttpConnection::onDisconnected()
{
    if (!m_closing)
        m_server->noteClientClose(m_busy);
    m_closing = true;
    m_busy = false;
    deleteLater();
}

void FakeHttpConnection::tryParse()
{
    while (!m_busy && !m_closing) {
        RecordedRequest request;
        const Parse result = parseOne(&request);
        if (result == Parse::Incomplete)
            return;
        if (result == Parse::Bad) {
            write(QByteArrayLiteral("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            closeOurselves();
            return;
        }
        request.connectionId = m_id;
        m_clientWantsClose = request.header(QByteArrayLiteral("Connection")).toLower() == "close";
        play(m_server->take(std::move(request)));
    }
}

FakeHttpConnection::Parse FakeHttpConnection::parseOne(RecordedRequest *request)
{
    const qsizetype headEnd = m_in.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return m_in.size() > kMaxHead ? Parse::Bad : Parse::Incomplete;
    const QList<QByteArray> lines = m_in.left(headEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    if (first.size() != 3 || !first[2].startsWith("HTTP/1."))
        return Parse::Bad;
    request->method = first[0];
    request->target = first[1];
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return Parse::Bad;
        request->headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }

    const qsizetype bodyStart = headEnd + 4;
    qsizetype consumed = 0;
    if (request->header(QByteArrayLiteral("Transfer-Encoding")).toLower().contains("chunked")) {
        const qsizetype used = decodeChunked(m_in, bodyStart, &request->body);
        if (used < 0)
            return Parse::Bad;
        if (used == 0)
            return Parse::Incomplete;
        consumed = bodyStart + used;
    } else {
        bool ok = true;
        const QByteArray lengthText = request->header(QByteArrayLiteral("Content-Length"));
        const qlonglong length = lengthText.isEmpty() ? 0 : lengthText.trimmed().toLongLong(&ok);
        if (!ok || length < 0)
            return Parse::Bad;
        if (m_in.size() < bodyStart + length) {
            if (!m_sentContinue && request->header(QByteArrayLiteral("Expect")).toLower() == "100-continue") {
                m_sentContinue = true;
                write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            }
            return Parse::Incomplete;
        }
        request->body = m_in.mid(bodyStart, length);
        consumed = bodyStart + length;
    }
    m_in.remove(0, consumed);
    m_sentContinue = false;
    return Parse::Done;
}

void FakeHttpConnection::play(const ScriptedResponse &response)
{
    m_busy = true;
    m_response = response;
    if (m_response.neverAnswer)
        return; // stays busy and silent; the client's timeout or the test's end closes it
    QTimer::singleShot(std::max(0, m_response.firstByteDelayMs), this, &FakeHttpConnection::writeHead);
}

void FakeHttpConnection::writeHead()
{
    if (m_closing)
        return;
    if (!m_response.raw.isEmpty()) {
        write(m_response.raw);
        closeOurselves();
        return;
    }
    using Framing = ScriptedResponse::Framing;
    const QByteArray reason = m_response.reason.isEmpty() ? reasonPhrase(m_response.status) : m_response.reason;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(m_response.status) + ' ' + reason + "\r\n";
    for (const auto &[name, value] : m_response.headers)
        head += name + ": " + value + "\r\n";
    if (m_response.framing == Framing::ContentLength && m_response.header("Content-Length").isEmpty())
        head += "Content-Length: " + QByteArray::number(m_response.wholeBody().size()) + "\r\n";
    if (m_response.framing == Framing::Chunked && m_response.header("Transfer-Encoding").isEmpty())
        head += "Transfer-Encoding: chunked\r\n";
    const bool keepOpen = m_response.keepAlive && !m_clientWantsClose && m_response.framing != Framing::CloseDelimited;
    if (!keepOpen && m_response.header("Connection").isEmpty())
        head += "Connection: close\r\n";
    head += "\r\n";
    write(head);
    writeChunk(0);
}

void FakeHttpConnection::writeChunk(int index)
{
    if (m_closing)
        return;
    if (index == m_response.closeAfterChunks) {
        closeOurselves(); // abrupt: whatever framing promised is left unfinished
        return;
    }
    if (index >= m_response.chunks.size()) {
        endResponse();
        return;
    }
    const ScriptedChunk chunk = m_response.chunks.at(index);
    auto send = [this, index, chunk] {
        if (m_closing)
            return;
        if (m_response.framing == ScriptedResponse::Framing::Chunked) {
            if (!chunk.bytes.isEmpty()) // an empty chunk would end the body early
                write(QByteArray::number(chunk.bytes.size(), 16) + "\r\n" + chunk.bytes + "\r\n");
        } else {
            write(chunk.bytes);
        }
        writeChunk(index + 1);
    };
    if (chunk.delayMs > 0)
        QTimer::singleShot(chunk.delayMs, this, send);
    else
        send();
}

void FakeHttpConnection::endResponse()
{
    using Framing = ScriptedResponse::Framing;
    if (m_response.framing == Framing::Chunked)
        write(QByteArrayLiteral("0\r\n\r\n"));
    const bool keepOpen = m_response.keepAlive && !m_clientWantsClose && m_response.framing != Framing::CloseDelimited;
    if (!keepOpen) {
        closeOurselves();
        return;
    }
    m_busy = false;
    QTimer::singleShot(0, this, &FakeHttpConnection::tryParse); // a pipelined request may be waiting
}

void FakeHttpConnection::closeOurselves()
{
    m_closing = true;
    m_busy = false;
    if (m_socket) {
        m_socket->flush();
        m_socket->disconnectFromHost(); // sends what is buffered, then FIN
    }
}

void FakeHttpConnection::write(const QByteArray &bytes)
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(bytes);
}

} // namespace ringside::fakes
