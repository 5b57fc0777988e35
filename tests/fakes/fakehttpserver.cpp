#include "fakehttpserver.h"

#include "fakehttpconnection.h"

#include <QTest>

namespace ringside::fakes {

FakeHttpServer::FakeHttpServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onNewConnection);
}

FakeHttpServer::~FakeHttpServer() = default;

bool FakeHttpServer::listen()
{
    m_clock.start();
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 FakeHttpServer::port() const
{
    return m_server.serverPort();
}

QUrl FakeHttpServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(pathAndQuery));
}

void FakeHttpServer::enqueue(const ScriptedResponse &response)
{
    m_queue.enqueue(response);
}

void FakeHttpServer::setResponder(Responder responder)
{
    m_responder = std::move(responder);
}

bool FakeHttpServer::waitForRequests(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_requests.size() >= count; }, timeoutMs);
}

bool FakeHttpServer::waitForClientCloses(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_clientCloses >= count; }, timeoutMs);
}

void FakeHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connectionsAccepted;
        // The connection owns itself: it deletes itself when the socket closes, and the server
        // (its parent) deletes whatever is left when the test ends.
        new FakeHttpConnection(m_connectionsAccepted, socket, this);
    }
}

ScriptedResponse FakeHttpServer::take(RecordedRequest request)
{
    request.receivedAtMs = m_clock.elapsed();
    m_requests.append(request);
    ScriptedResponse answer;
    if (!m_queue.isEmpty()) {
        answer = m_queue.dequeue();
    } else if (m_responder) {
        answer = m_responder(m_requests.constLast());
    } else {
        ++m_unscripted;
        const QString message = QStringLiteral("fake server: no scripted response for %1 %2")
                                    .arg(QString::fromLatin1(request.method), QString::fromUtf8(request.target));
        answer = ScriptedResponse::json(500, {{"error", {{"message", message.toStdString()}}}});
    }
    emit requestReceived(int(m_requests.size()) - 1);
    return answer;
}

void FakeHttpServer::noteClientClose(bool midResponse)
{
    ++m_clientCloses;
    if (midResponse)
        ++m_clientClosesMidResponse;
    emit clientClosed(midResponse);
}

} // namespace ringside::fakes
