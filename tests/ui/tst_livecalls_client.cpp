// MonitorClient against a real GatewayServer on loopback: the token refused or accepted, the
// snapshot and hello answered, and reconnection with backoff once the engine comes up.
#include "livecalls/monitorclient.h"

#include "storage/database.h"
#include "telephony/gatewayruntime.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace ringside;
using namespace ringside::ui;

class TestLiveCallsClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void refusesWithoutOrWithWrongToken_data();
    void refusesWithoutOrWithWrongToken();
    void acceptsTheToken();
    void badUrlIsRefusedAtOnce();
    void reconnectsWithBackoffUntilTheEngineIsUp();

private:
    std::shared_ptr<telephony::GatewayRuntime> makeRuntime();
    QUrl monitorUrl(quint16 port) const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/monitor").arg(port)); }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::shared_ptr<telephony::GatewayRuntime> m_runtime;
    quint16 m_port = 0;
};

std::shared_ptr<telephony::GatewayRuntime> TestLiveCallsClient::makeRuntime()
{
    telephony::GatewayConfig config;
    config.workers = 1;
    config.speechRecognition = false;
    config.operators = { telephony::OperatorCredential::fromToken(QStringLiteral("tester"), QStringLiteral("s3cret-token")) };
    auto rt = telephony::GatewayRuntime::create(*m_db, config);
    if (!rt.ok())
        qFatal("gateway: %s", qPrintable(rt.error()));
    return rt.value();
}

void TestLiveCallsClient::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_db = Database::open(m_dir.filePath(QStringLiteral("client.db")), &error);
    QVERIFY2(m_db, qPrintable(error));
    m_runtime = makeRuntime();
    m_port = m_runtime->listen(QHostAddress::LocalHost, 0, &error);
    QVERIFY2(m_port != 0, qPrintable(error));
}

void TestLiveCallsClient::cleanupTestCase()
{
    m_runtime.reset();
    m_db.reset();
}

void TestLiveCallsClient::refusesWithoutOrWithWrongToken_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("says");
    QTest::addRow("no token") << QString() << QStringLiteral("wants an access token");
    QTest::addRow("wrong token") << QStringLiteral("guess") << QStringLiteral("refused the access token");
}

void TestLiveCallsClient::refusesWithoutOrWithWrongToken()
{
    QFETCH(QString, token);
    QFETCH(QString, says);
    MonitorClient client;
    client.setBackoff(20, 40);
    int messages = 0;
    client.setMessageSink([&](json) { ++messages; });
    QSignalSpy states(&client, &MonitorClient::stateChanged);
    client.open({ monitorUrl(m_port), token, QStringLiteral("tester") });
    QVERIFY(QTest::qWaitFor([&] { return client.state() == MonitorClient::State::Refused; }, 5000));
    const QString detail = states.last().at(1).toString();
    QVERIFY2(detail.contains(says), qPrintable(detail));
    QVERIFY(detail.contains(QStringLiteral("401")));
    // A refusal is final: no retries, no feed.
    QTest::qWait(150);
    QCOMPARE(client.attempts(), 1);
    QCOMPARE(client.state(), MonitorClient::State::Refused);
    QCOMPARE(messages, 0);
    QVERIFY(!client.sendText(QByteArrayLiteral("{\"command\":\"ping\"}")));
}

void TestLiveCallsClient::acceptsTheToken()
{
    MonitorClient client;
    std::vector<json> received;
    client.setMessageSink([&](json m) { received.push_back(std::move(m)); });
    client.open({ monitorUrl(m_port), QStringLiteral("s3cret-token"), QStringLiteral("tester") });
    QVERIFY(QTest::qWaitFor([&] { return received.size() >= 2; }, 5000));
    QCOMPARE(client.state(), MonitorClient::State::Connected);
    QCOMPARE(stringAt(received[0], "type"), QStringLiteral("snapshot"));
    QCOMPARE(received[0].value("protocol", 0), 1);
    QCOMPARE(stringAt(received[0], "operator"), QStringLiteral("tester")); // the token's operator, from the first message on
    QVERIFY(received[0]["calls"].is_array());
    // The hello the client sends on connecting names this operator.
    QCOMPARE(stringAt(received[1], "type"), QStringLiteral("ack"));
    QCOMPARE(stringAt(received[1], "operator"), QStringLiteral("tester"));
    QVERIFY(client.sendText(QByteArrayLiteral("{\"id\":\"p1\",\"command\":\"ping\"}")));
    QVERIFY(QTest::qWaitFor([&] { return received.size() >= 3; }, 5000));
    QCOMPARE(stringAt(received[2], "id"), QStringLiteral("p1"));
    // An unknown call is refused by the engine, and said so.
    QVERIFY(client.sendText(QByteArrayLiteral("{\"id\":\"t1\",\"command\":\"takeover\",\"call_id\":\"nope\"}")));
    QVERIFY(QTest::qWaitFor([&] { return received.size() >= 4; }, 5000));
    QCOMPARE(stringAt(received[3], "type"), QStringLiteral("error"));
    QCOMPARE(stringAt(received[3], "code"), QStringLiteral("unknown_call"));
    client.close();
    QCOMPARE(client.state(), MonitorClient::State::Disconnected);
}

void TestLiveCallsClient::badUrlIsRefusedAtOnce()
{
    MonitorClient client;
    client.open({ QUrl(QStringLiteral("http://127.0.0.1:1/monitor")), QString(), QString() });
    QCOMPARE(client.state(), MonitorClient::State::Refused);
    client.open({ QUrl(QStringLiteral("ws://127.0.0.1:%1/not-the-feed").arg(m_port)), QStringLiteral("s3cret-token"), QString() });
    QVERIFY(QTest::qWaitFor([&] { return client.state() == MonitorClient::State::Refused; }, 5000));
}

void TestLiveCallsClient::reconnectsWithBackoffUntilTheEngineIsUp()
{
    // A port with nothing on it (yet).
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    MonitorClient client;
    client.setBackoff(20, 80);
    int snapshots = 0;
    client.setMessageSink([&](json m) { snapshots += stringAt(m, "type") == QLatin1String("snapshot") ? 1 : 0; });
    client.open({ monitorUrl(port), QStringLiteral("s3cret-token"), QString() });
    QVERIFY(QTest::qWaitFor([&] { return client.attempts() >= 3; }, 5000));
    QCOMPARE(client.state(), MonitorClient::State::Reconnecting);
    QCOMPARE(client.nextRetryMs(), 80); // 20, 40, 80, then capped

    // The engine comes up on that port: the client finds it on its next try.
    auto second = makeRuntime();
    QString error;
    QCOMPARE(second->listen(QHostAddress::LocalHost, port, &error), port);
    QVERIFY(QTest::qWaitFor([&] { return client.state() == MonitorClient::State::Connected && snapshots == 1; }, 5000));
    QCOMPARE(client.attempts(), 0);

    // The engine goes away: the client keeps trying.
    second.reset();
    QVERIFY(QTest::qWaitFor([&] { return client.state() == MonitorClient::State::Reconnecting; }, 5000));
    client.close();
}

QTEST_MAIN(TestLiveCallsClient)
#include "tst_livecalls_client.moc"
