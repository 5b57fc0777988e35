#pragma once
// A scripted WebSocket server on 127.0.0.1 for fakes of streaming services (Deepgram live,
// Cartesia TTS, …). It records each connection's handshake (URL with query, headers) and every
// frame received, greets new connections with a script, and lets a handler or the test answer,
// close with a code, or drop the TCP connection without a close frame.
//
//   FakeWebSocketServer server;
//   QVERIFY(server.listen());
//   server.setHandler([](FakeWebSocketServer &s, int conn, const WsReceived &m) {
//       if (!m.binary) s.send(conn, {WsAction::json({{"type", "done"}}), WsAction::close()});
//   });

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketProtocol>
#include <QWebSocketServer>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>

namespace ringside::fakes {

// One step of what the server does on a connection. Steps on a connection run in order; each
// waits its delayMs after the previous one.
struct WsAction
{
    enum class Kind { Text, Binary, Close, Abort };
    Kind kind = Kind::Text;
    QByteArray data;       // UTF-8 text or binary payload
    int delayMs = 0;
    QWebSocketProtocol::CloseCode closeCode = QWebSocketProtocol::CloseCodeNormal;
    QString closeReason;

    static WsAction text(const QString &text, int delayMs = 0);
    static WsAction json(const nlohmann::json &message, int delayMs = 0);
    static WsAction binary(const QByteArray &bytes, int delayMs = 0);
    static WsAction close(QWebSocketProtocol::CloseCode code = QWebSocketProtocol::CloseCodeNormal,
                          const QString &reason = {}, int delayMs = 0);
    static WsAction abort(int delayMs = 0); // TCP drop, no close frame
};

struct WsReceived
{
    int connection = 0;     // index into connections()
    bool binary = false;
    QByteArray data;
    qint64 receivedAtMs = 0;

    QString text() const { return QString::fromUtf8(data); }
    nlohmann::json json() const; // discarded value if not JSON
};

struct WsConnectionInfo
{
    QUrl url;                                    // as requested, including the query
    QList<QPair<QByteArray, QByteArray>> headers;
    bool open = true;
    bool closedByClient = false;                 // the client sent the close (or vanished) first
    QWebSocketProtocol::CloseCode closeCode = QWebSocketProtocol::CloseCodeNormal;
    QString closeReason;

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
};

class FakeWebSocketServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(FakeWebSocketServer &server, int connection, const WsReceived &message)>;

    explicit FakeWebSocketServer(QObject *parent = nullptr);
    ~FakeWebSocketServer() override;

    bool listen(); // on 127.0.0.1, a free port
    quint16 port() const;
    QUrl url(const QString &pathAndQuery = QStringLiteral("/")) const; // ws://127.0.0.1:<port>…

    void setGreeting(const QList<WsAction> &actions); // run on every new connection
    void setHandler(Handler handler);                 // called for every frame received

    void send(int connection, const QList<WsAction> &actions);

    int connectionCount() const { return int(m_connections.size()); }
    const WsConnectionInfo &connection(int index) const { return m_connections.at(index)->info; }
    const QList<WsReceived> &received() const { return m_received; }
    QList<WsReceived> receivedOn(int connection) const;

    bool waitForConnections(int count, int timeoutMs = 5000);
    bool waitForMessages(int count, int timeoutMs = 5000);
    bool waitForClosed(int connection, int timeoutMs = 5000);

signals:
    void connected(int connection);
    void messageReceived(int index);
    void disconnected(int connection);

private:
    struct Connection
    {
        QPointer<QWebSocket> socket;
        WsConnectionInfo info;
        QList<WsAction> pending;
        bool running = false; // an action's timer is ticking
        bool weClosed = false;
    };
    void onNewConnection();
    void record(int index, bool binary, const QByteArray &data);
    void runNext(int index);
    void perform(int index, const WsAction &action);

    QWebSocketServer m_server;
    QElapsedTimer m_clock;
    QList<std::shared_ptr<Connection>> m_connections;
    QList<WsReceived> m_received;
    QList<WsAction> m_greeting;
    Handler m_handler;
};

} // namespace ringside::fakes
