#include "fakewebsocketserver.h"

#include <QNetworkRequest>
#include <QTest>
#include <QTimer>

namespace ringside::fakes {

WsAction WsAction::text(const QString &text, int delayMs)
{
    WsAction a;
    a.kind = Kind::Text;
    a.data = text.toUtf8();
    a.delayMs = delayMs;
    return a;
}

WsAction WsAction::json(const nlohmann::json &message, int delayMs)
{
    WsAction a;
    a.kind = Kind::Text;
    a.data = QByteArray::fromStdString(message.dump());
    a.delayMs = delayMs;
    return a;
}

WsAction WsAction::binary(const QByteArray &bytes, int delayMs)
{
    WsAction a;
    a.kind = Kind::Binary;
    a.data = bytes;
    a.delayMs = delayMs;
    return a;
}

WsAction WsAction::close(QWebSocketProtocol::CloseCode code, const QString &reason, int delayMs)
{
    WsAction a;
    a.kind = Kind::Close;
    a.closeCode = code;
    a.closeReason = reason;
    a.delayMs = delayMs;
    return a;
}

WsAction WsAction::abort(int delayMs)
{
    WsAction a;
    a.kind = Kind::Abort;
    a.delayMs = delayMs;
    return a;
}

nlohmann::json WsReceived::json() const
{
    return nlohmann::json::parse(data.constData(), data.constData() + data.size(), nullptr, false);
}

QByteArray WsConnectionInfo::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

FakeWebSocketServer::FakeWebSocketServer(QObject *parent)
    : QObject(parent), m_server(QStringLiteral("ringside-fake"), QWebSocketServer::NonSecureMode)
{
    connect(&m_server, &QWebSocketServer::newConnection, this, &FakeWebSocketServer::onNewConnection);
}

FakeWebSocketServer::~FakeWebSocketServer()
{
    for (const auto &c : m_connections) {
        if (c->socket) {
            c->socket->disconnect(this);
            c->socket->abort();
        }
    }
}

bool FakeWebSocketServer::listen()
{
    m_clock.start();
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 FakeWebSocketServer::port() const
{
    return m_server.serverPort();
}

QUrl FakeWebSocketServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(port()).arg(pathAndQuery));
}

void FakeWebSocketServer::setGreeting(const QList<WsAction> &actions)
{
    m_greeting = actions;
}

void FakeWebSocketServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

QList<WsReceived> FakeWebSocketServer::receivedOn(int connection) const
{
    QList<WsReceived> out;
    for (const WsReceived &m : m_received) {
        if (m.connection == connection)
            out.append(m);
    }
    return out;
}

bool FakeWebSocketServer::waitForConnections(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_connections.size() >= count; }, timeoutMs);
}

bool FakeWebSocketServer::waitForMessages(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_received.size() >= count; }, timeoutMs);
}

bool FakeWebSocketServer::waitForClosed(int connection, int timeoutMs)
{
    return QTest::qWaitFor([&] {
        return connection < m_connections.size() && !m_connections.at(connection)->info.open;
    }, timeoutMs);
}

void FakeWebSocketServer::onNewConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        const int index = int(m_connections.size());
        auto c = std::make_shared<Connection>();
        c->socket = socket;
        const QNetworkRequest request = socket->request();
        c->info.url = request.url();
        for (const QByteArray &name : request.rawHeaderList())
            c->info.headers.append({name, request.rawHeader(name)});
        m_connections.append(c);

        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, index](const QString &text) { record(index, false, text.toUtf8()); });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, index](const QByteArray &bytes) { record(index, true, bytes); });
        connect(socket, &QWebSocket::disconnected, this, [this, index] {
            Connection &conn = *m_connections.at(index);
            conn.info.open = false;
            conn.info.closedByClient = !conn.weClosed;
            if (conn.socket) {
                conn.info.closeCode = conn.socket->closeCode();
                conn.info.closeReason = conn.socket->closeReason();
                conn.socket->deleteLater();
            }
            emit disconnected(index);
        });
        emit connected(index);
        if (!m_greeting.isEmpty())
            send(index, m_greeting);
    }
}

void FakeWebSocketServer::record(int index, bool binary, const QByteArray &data)
{
    m_received.append({index, binary, data, m_clock.elapsed()});
    const WsReceived message = m_received.constLast();
    emit messageReceived(int(m_received.size()) - 1);
    if (m_handler)
        m_handler(*this, index, message);
}

void FakeWebSocketServer::send(int connection, const QList<WsAction> &actions)
{
    if (connection < 0 || connection >= m_connections.size())
        return;
    m_connections[connection]->pending.append(actions);
    runNext(connection);
}

void FakeWebSocketServer::runNext(int index)
{
    Connection &c = *m_connections[index];
    if (c.running || c.pending.isEmpty())
        return;
    const WsAction action = c.pending.takeFirst();
    if (action.delayMs <= 0) {
        perform(index, action);
        runNext(index);
        return;
    }
    c.running = true;
    QTimer::singleShot(action.delayMs, this, [this, index, action] {
        m_connections[index]->running = false;
        perform(index, action);
        runNext(index);
    });
}

void FakeWebSocketServer::perform(int index, const WsAction &action)
{
    Connection &c = *m_connections[index];
    QWebSocket *socket = c.socket;
    if (!socket || !c.info.open)
        return;
    switch (action.kind) {
    case WsAction::Kind::Text:
        socket->sendTextMessage(QString::fromUtf8(action.data));
        break;
    case WsAction::Kind::Binary:
        socket->sendBinaryMessage(action.data);
        break;
    case WsAction::Kind::Close:
        c.weClosed = true;
        socket->close(action.closeCode, action.closeReason);
        break;
    case WsAction::Kind::Abort:
        c.weClosed = true;
        c.pending.clear();
        socket->abort();
        break;
    }
}

} // namespace ringside::fakes
