// The scripted WebSocket fake, seen from a real QWebSocket client: handshake recording, greeting
// scripts, handler replies, ordering of delayed steps, close codes and abrupt drops.
#include "fakewebsocketserver.h"

#include <QNetworkRequest>
#include <QUrlQuery>
#include <QTest>
#include <QWebSocket>

using namespace ringside::fakes;

namespace {

// A client that remembers what it heard, in order, tagged "t:" (text) or "b:" (binary).
struct Client
{
    QWebSocket socket;
    QStringList heard;
    bool wasConnected = false;
    QList<QAbstractSocket::SocketError> errors;

    Client()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &t) { heard << QStringLiteral("t:") + t; });
        QObject::connect(&socket, &QWebSocket::binaryMessageReceived, &socket,
                         [this](const QByteArray &b) { heard << QStringLiteral("b:") + QString::fromLatin1(b.toHex()); });
        QObject::connect(&socket, &QWebSocket::connected, &socket, [this] { wasConnected = true; });
        QObject::connect(&socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), &socket,
                         [this](QAbstractSocket::SocketError e) { errors << e; });
    }
    bool open(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(url);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        socket.open(request);
        return QTest::qWaitFor([&] { return wasConnected; }, 5000);
    }
    bool waitHeard(int count) { return QTest::qWaitFor([&] { return heard.size() >= count; }, 5000); }
    bool waitClosed()
    {
        return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, 5000);
    }
};

} // namespace

class TestFakeWebSocketServer : public QObject
{
    Q_OBJECT
private slots:
    void recordsTheHandshake()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        Client client;
        QVERIFY(client.open(server.url(QStringLiteral("/v1/listen?model=nova-3&encoding=mulaw")),
                            {{"Authorization", "Token abc"}}));
        QVERIFY(server.waitForConnections(1));
        const WsConnectionInfo &info = server.connection(0);
        QCOMPARE(info.url.path(), QStringLiteral("/v1/listen"));
        QCOMPARE(QUrlQuery(info.url).queryItemValue(QStringLiteral("model")), QStringLiteral("nova-3"));
        QCOMPARE(info.header("authorization"), QByteArray("Token abc"));
        QVERIFY(info.open);
    }

    void greetsThenAnswersThroughTheHandler()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        server.setGreeting({WsAction::json({{"event", "connected"}})});
        server.setHandler([](FakeWebSocketServer &s, int connection, const WsReceived &m) {
            if (m.binary)
                s.send(connection, {WsAction::binary(m.data + QByteArray("\x01", 1))});
            else
                s.send(connection, {WsAction::json({{"echo", m.json()["n"]}})});
        });
        Client client;
        QVERIFY(client.open(server.url()));
        QVERIFY(client.waitHeard(1));
        QCOMPARE(client.heard.at(0), QStringLiteral("t:{\"event\":\"connected\"}"));

        client.socket.sendTextMessage(QStringLiteral("{\"n\":7}"));
        client.socket.sendBinaryMessage(QByteArray("\xAA\xBB", 2));
        QVERIFY(client.waitHeard(3));
        QCOMPARE(client.heard.at(1), QStringLiteral("t:{\"echo\":7}"));
        QCOMPARE(client.heard.at(2), QStringLiteral("b:aabb01"));

        QCOMPARE(server.received().size(), 2);
        QVERIFY(!server.received().at(0).binary);
        QVERIFY(server.received().at(0).json()["n"] == 7);
        QVERIFY(server.received().at(1).binary);
        QCOMPARE(server.receivedOn(0).size(), 2);
        QCOMPARE(server.receivedOn(1).size(), 0);
    }

    void delayedStepsKeepTheirOrder()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        // The slow first step must not be overtaken by the quick second one.
        server.setGreeting({WsAction::text(QStringLiteral("slow"), 300), WsAction::text(QStringLiteral("quick"))});
        Client client;
        QVERIFY(client.open(server.url()));
        QVERIFY(client.waitHeard(2));
        QCOMPARE(client.heard, (QStringList{QStringLiteral("t:slow"), QStringLiteral("t:quick")}));
    }

    void closesWithACode()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        server.setGreeting({WsAction::text(QStringLiteral("bye")),
                            WsAction::close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("bad key"))});
        Client client;
        QVERIFY(client.open(server.url()));
        QVERIFY(client.waitClosed());
        QCOMPARE(client.heard, QStringList{QStringLiteral("t:bye")});
        QCOMPARE(client.socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(client.socket.closeReason(), QStringLiteral("bad key"));
        QVERIFY(client.errors.isEmpty()); // a proper close, unlike abort()
        QVERIFY(server.waitForClosed(0));
        QVERIFY(!server.connection(0).closedByClient);
    }

    void abortDropsWithoutACloseFrame()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        server.setGreeting({WsAction::abort(50), WsAction::text(QStringLiteral("never sent"))});
        Client client;
        QVERIFY(client.open(server.url()));
        QVERIFY(client.waitClosed());
        QVERIFY(client.heard.isEmpty());
        QVERIFY(client.errors.contains(QAbstractSocket::RemoteHostClosedError));
        QVERIFY(server.waitForClosed(0));
        QVERIFY(!server.connection(0).closedByClient);
    }

    void recordsTheClientsClose()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        Client client;
        QVERIFY(client.open(server.url()));
        QVERIFY(server.waitForConnections(1));
        client.socket.close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("done"));
        QVERIFY(server.waitForClosed(0));
        QVERIFY(server.connection(0).closedByClient);
        QCOMPARE(server.connection(0).closeCode, QWebSocketProtocol::CloseCodeGoingAway);
        QCOMPARE(server.connection(0).closeReason, QStringLiteral("done"));
    }
};

QTEST_GUILESS_MAIN(TestFakeWebSocketServer)
#include "tst_fakewebsocketserver.moc"
