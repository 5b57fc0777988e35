#include "telephony/connectionguard.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTcpSocket>

#include <sys/socket.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcGuard, "ringside.telephony.guard")

namespace ringside::telephony {

namespace {

QByteArray headerValue(const QByteArray &head, const QByteArray &lowerName)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        if (line.left(colon).trimmed().toLower() == lowerName)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

// Where the header block ends (the index just past its blank line), or -1.
qsizetype headEnd(const QByteArray &data, qsizetype from)
{
    for (qsizetype i = std::max<qsizetype>(0, from); i < data.size(); ++i) {
        if (data[i] != '\n')
            continue;
        if (i >= 1 && data[i - 1] == '\n')
            return i + 1;
        if (i >= 2 && data[i - 1] == '\r' && data[i - 2] == '\n')
            return i + 1;
    }
    return -1;
}

} // namespace

qint64 ConnectionLimiter::largestBody() const
{
    qint64 largest = m_limits.maxBodyBytes;
    for (qint64 v : m_limits.bodyBytesByPath)
        largest = std::max(largest, v);
    return largest;
}

bool ConnectionLimiter::admit(const QHostAddress &address)
{
    int &pending = m_pending[address];
    if (m_total >= m_limits.maxConnections || pending >= m_limits.maxPendingPerAddress) {
        if (pending == 0)
            m_pending.remove(address);
        ++m_refused;
        return false;
    }
    ++pending;
    ++m_total;
    return true;
}

void ConnectionLimiter::established(const QHostAddress &address)
{
    const auto it = m_pending.find(address);
    if (it == m_pending.end())
        return;
    if (--it.value() <= 0)
        m_pending.erase(it);
}

void ConnectionLimiter::closed(const QHostAddress &address, bool wasEstablished)
{
    --m_total;
    if (!wasEstablished)
        established(address);
}

bool ConnectionLimiter::reserveBody(qint64 bytes)
{
    if (m_inflightBody + bytes > m_limits.maxInflightBodyBytes)
        return false;
    m_inflightBody += bytes;
    return true;
}

void ConnectionLimiter::releaseBody(qint64 bytes)
{
    m_inflightBody = std::max<qint64>(0, m_inflightBody - bytes);
}

GuardedTcpServer::GuardedTcpServer(std::shared_ptr<ConnectionLimiter> limiter, QObject *httpServer, QObject *parent)
    : QTcpServer(parent), m_limiter(std::move(limiter)), m_httpServer(httpServer)
{
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    // Judged on the bare descriptor: a refused connection costs a system call or three, not a
    // QTcpSocket, so a burst of thousands does not hold up the thread that carries the calls.
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    QHostAddress peer;
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&address), &length) == 0)
        peer = QHostAddress(reinterpret_cast<const sockaddr *>(&address));
    if (!m_limiter->admit(peer)) {
        // Logged at most once a second: a flood must not flood the log too.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - m_lastRefusalLogMs >= 1000) {
            qCWarning(lcGuard, "refused a connection from %s: %d pending from that address, %d in all (%llu refused so far)",
                      qPrintable(peer.toString()), m_limiter->pending(peer), m_limiter->total(),
                      static_cast<unsigned long long>(m_limiter->refused()));
            m_lastRefusalLogMs = now;
        }
        static const char kBusy[] = "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
        [[maybe_unused]] const auto sent = ::send(int(descriptor), kBusy, sizeof kBusy - 1, MSG_DONTWAIT | MSG_NOSIGNAL);
        ::close(int(descriptor));
        return;
    }
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        m_limiter->closed(peer, false);
        return;
    }
    const GatewayLimits &l = m_limiter->limits();
    // Even what Qt buffers for a request the guard has not yet judged is bounded.
    socket->setReadBufferSize(l.maxHeaderBytes + m_limiter->largestBody() + 64 * 1024);
    new ConnectionGuard(socket, peer, m_limiter, m_httpServer);
    addPendingConnection(socket);
}

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, QHostAddress address, std::shared_ptr<ConnectionLimiter> limiter, QObject *httpServer)
    : QObject(socket), m_socket(socket), m_limiter(std::move(limiter)), m_httpServer(httpServer), m_address(std::move(address))
{
    setObjectName(QStringLiteral("ringside-connection-guard"));
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &ConnectionGuard::onDeadline);
    // Connected before the HTTP server connects its own: the guard sees every chunk first.
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    startDeadline(m_limiter->limits().requestTimeoutMs);
}

ConnectionGuard::~ConnectionGuard()
{
    if (m_reserved > 0)
        m_limiter->releaseBody(m_reserved);
    m_limiter->closed(m_address, m_established);
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    if (!socket)
        return nullptr;
    return socket->findChild<ConnectionGuard *>(QStringLiteral("ringside-connection-guard"), Qt::FindDirectChildrenOnly);
}

void ConnectionGuard::startDeadline(int ms)
{
    if (ms > 0)
        m_deadline.start(ms);
    else
        m_deadline.stop();
}

void ConnectionGuard::establish()
{
    if (m_established)
        return;
    m_established = true;
    m_limiter->established(m_address);
}

void ConnectionGuard::upgraded()
{
    m_phase = Phase::Upgraded;
    m_deadline.stop();
    m_head.clear();
    m_head.squeeze();
    if (m_reserved > 0) {
        m_limiter->releaseBody(m_reserved);
        m_reserved = 0;
    }
}

void ConnectionGuard::requestHandled()
{
    if (m_phase == Phase::Upgraded || m_phase == Phase::Refused)
        return;
    m_phase = Phase::Idle;
    m_head.clear();
    m_bodySeen = 0;
    m_bodyExpected = -1;
    if (m_reserved > 0) {
        m_limiter->releaseBody(m_reserved);
        m_reserved = 0;
    }
    startDeadline(m_limiter->limits().idleTimeoutMs);
}

void ConnectionGuard::onReadyRead()
{
    if (m_phase == Phase::Upgraded || m_phase == Phase::Refused || m_phase == Phase::Waiting)
        return;
    const qint64 available = m_socket->bytesAvailable(); // what the HTTP parser has not read yet
    if (available <= 0)
        return;
    const GatewayLimits &l = m_limiter->limits();
    if (m_phase == Phase::Idle) {
        m_phase = Phase::Head;
        startDeadline(l.requestTimeoutMs);
    }
    if (m_phase == Phase::Head) {
        const qint64 room = qint64(l.maxHeaderBytes) + 4 - m_head.size();
        const qsizetype before = m_head.size();
        m_head += m_socket->peek(std::min(available, room));
        const qsizetype end = headEnd(m_head, before - 3);
        if (end < 0) {
            if (m_head.size() > l.maxHeaderBytes)
                refuse(431, "Request Header Fields Too Large",
                       QByteArrayLiteral("the request line and headers are longer than ") + QByteArray::number(l.maxHeaderBytes) + " bytes");
            return;
        }
        const qint64 bodyBytesHere = std::max<qint64>(0, available - (end - before));
        m_head.truncate(end);
        headComplete(end);
        if (m_phase != Phase::Body)
            return;
        m_bodySeen = 0;
        if (bodyBytesHere == 0)
            return;
        m_bodySeen = m_bodyExpected >= 0 ? std::min(bodyBytesHere, m_bodyExpected) : bodyBytesHere;
    } else if (m_phase == Phase::Body) {
        m_bodySeen += m_bodyExpected >= 0 ? std::min(available, m_bodyExpected - m_bodySeen) : available;
    }
    // Chunked bodies carry their framing too: allowed an eighth on top.
    if (m_bodyExpected < 0 && m_bodySeen > m_bodyCap + m_bodyCap / 8 + 1024)
        refuse(413, "Payload Too Large", QByteArrayLiteral("the body is longer than ") + QByteArray::number(m_bodyCap) + " bytes");
    else if (m_bodyExpected >= 0 && m_bodySeen >= m_bodyExpected)
        m_phase = Phase::Waiting; // complete: the parser hands it over now
}

void ConnectionGuard::headComplete(qsizetype end)
{
    const QByteArray head = m_head.left(end);
    const qsizetype lineEnd = head.indexOf('\n');
    const QList<QByteArray> requestLine = head.left(lineEnd).trimmed().split(' ');
    QByteArray target = requestLine.value(1);
    const qsizetype query = target.indexOf('?');
    if (query >= 0)
        target.truncate(query);
    m_bodyCap = m_limiter->bodyLimitFor(QString::fromUtf8(target));
    const bool chunked = headerValue(head, "transfer-encoding").toLower().contains("chunked");
    const QByteArray lengthText = headerValue(head, "content-length");
    bool ok = true;
    const qint64 length = lengthText.isEmpty() ? 0 : lengthText.toLongLong(&ok);
    if (!ok || length < 0) {
        refuse(400, "Bad Request", QByteArrayLiteral("Content-Length: not a number"));
        return;
    }
    if (!chunked && length == 0) {
        m_phase = Phase::Waiting;
        return;
    }
    if (length > m_bodyCap) {
        refuse(413, "Payload Too Large", QByteArrayLiteral("the body is longer than ") + QByteArray::number(m_bodyCap) + " bytes");
        return;
    }
    const qint64 reserve = chunked ? m_bodyCap : length;
    if (!m_limiter->reserveBody(reserve)) {
        refuse(503, "Service Unavailable", QByteArrayLiteral("too many requests are being read; try again shortly"));
        return;
    }
    m_reserved = reserve;
    m_bodyExpected = chunked ? -1 : length;
    m_phase = Phase::Body;
}

void ConnectionGuard::onDeadline()
{
    switch (m_phase) {
    case Phase::Idle:
        // Nothing asked (or nothing more): the connection is closed without a word.
        m_phase = Phase::Refused;
        if (m_httpServer)
            QObject::disconnect(m_socket, &QTcpSocket::readyRead, m_httpServer, nullptr);
        m_socket->disconnectFromHost();
        if (m_socket->state() != QAbstractSocket::UnconnectedState)
            QTimer::singleShot(1000, m_socket, [s = m_socket] { s->abort(); });
        break;
    case Phase::Head:
    case Phase::Body:
        refuse(408, "Request Timeout",
               QByteArrayLiteral("the request did not arrive within ") + QByteArray::number(m_limiter->limits().requestTimeoutMs) + " ms");
        break;
    case Phase::Waiting:
        startDeadline(m_limiter->limits().requestTimeoutMs); // the handler is still answering
        break;
    case Phase::Upgraded:
    case Phase::Refused:
        break;
    }
}

void ConnectionGuard::refuse(int status, const QByteArray &reason, const QByteArray &message)
{
    m_phase = Phase::Refused;
    m_deadline.stop();
    // The HTTP parser must not read this request any further.
    if (m_httpServer)
        QObject::disconnect(m_socket, &QTcpSocket::readyRead, m_httpServer, nullptr);
    qCWarning(lcGuard, "%d %s for %s: %s", status, reason.constData(), qPrintable(m_address.toString()), message.constData());
    QByteArray body = "{\"error\":\"" + message + "\"}";
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: application/json\r\nConnection: close\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    m_socket->write(response);
    m_socket->disconnectFromHost();
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        QTimer::singleShot(2000, m_socket, [s = m_socket] { s->abort(); });
}

} // namespace ringside::telephony
