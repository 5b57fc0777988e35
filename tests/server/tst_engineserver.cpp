// What `ringside-engine serve` runs, through the core API (core/server): ServeOptions checked
// into a ServeConfig (each problem names its option; secrets and fallbacks from the environment
// given), and an EngineServer started from it on loopback: it answers /healthz, refuses a
// --number route to a missing agent as a usage problem, registers itself in the engines table
// (draining while it shuts down, stopped once gone) and shuts down politely.
#include "server/engineserver.h"
#include "server/serveconfig.h"
#include "storage/database.h"
#include "storage/engineregistry.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

using namespace ringside;
using namespace ringside::server;

class TestEngineServer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static ServeOptions options()
    {
        ServeOptions o;
        o.port = QStringLiteral("0");
        o.speechRecognition = false;
        o.workers = QStringLiteral("1");
        o.campaignProvider.reset();
        return o;
    }

private slots:
    void defaultsMakeAWorkingConfig()
    {
        const auto config = serveConfigFrom(options(), QProcessEnvironment());
        QVERIFY2(config.ok(), qPrintable(config.error()));
        QCOMPARE(config->host, QHostAddress(QStringLiteral("127.0.0.1")));
        QCOMPARE(config->port, quint16(0));
        QCOMPARE(config->gateway.limits.maxCalls, 500);
        QCOMPARE(config->gateway.escalationSlaMs, 120000);
        QCOMPARE(config->gateway.defaultInboundAgent, QStringLiteral("order-tracker"));
        QCOMPARE(config->gateway.brainKind, QStringLiteral("playbook"));
        QVERIFY(!config->gateway.speechRecognition);
        QVERIFY(!config->campaignProvider);
    }

    void problemsNameTheOption_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::addRow("no port") << "port" << QString() << "--port: required, a number from 0 to 65535";
        QTest::addRow("port too big") << "port" << "65536" << "--port: required, a number from 0 to 65535";
        QTest::addRow("host") << "host" << "localhost" << "--host: \"localhost\" is not an IP address";
        QTest::addRow("workers") << "workers" << "257" << "--workers: must be a number from 0 to 256";
        QTest::addRow("sla zero") << "escalation-sla" << "0" << "--escalation-sla: must be whole seconds from 1 to 86400";
        QTest::addRow("brain") << "brain" << "gpt" << "--brain: \"gpt\" is not playbook or llm";
        QTest::addRow("public url") << "public-url" << "ftp://x.example.com" << "--public-url: \"ftp://x.example.com\" is not an http(s) URL";
        QTest::addRow("operators") << "operators" << "/no/such/operators.json" << "--operators: ";
        QTest::addRow("max calls") << "max-calls" << "0" << "--max-calls: must be a number from 1 to 100000";
        QTest::addRow("number") << "number" << "12=" << "--number: \"12=\" is not E164=AGENT";
        QTest::addRow("number without agent") << "number" << "+919812345678" << "--number: \"+919812345678\" is not E164=AGENT";
    }

    void problemsNameTheOption()
    {
        QFETCH(QString, option);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        ServeOptions o = options();
        if (option == QLatin1String("port"))
            o.port = value.isNull() ? std::nullopt : std::optional(value);
        else if (option == QLatin1String("host"))
            o.host = value;
        else if (option == QLatin1String("workers"))
            o.workers = value;
        else if (option == QLatin1String("escalation-sla"))
            o.escalationSlaSeconds = value;
        else if (option == QLatin1String("brain"))
            o.brain = value;
        else if (option == QLatin1String("public-url"))
            o.publicUrl = value;
        else if (option == QLatin1String("operators"))
            o.operatorsFile = value;
        else if (option == QLatin1String("max-calls"))
            o.maxCalls = value;
        else if (option == QLatin1String("number"))
            o.numbers = { value };
        const auto config = serveConfigFrom(o, QProcessEnvironment());
        QVERIFY(!config.ok());
        QVERIFY2(config.error().startsWith(expected), qPrintable(config.error()));
    }

    void environmentAndOptions()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("RINGSIDE_MONITOR_TOKEN"), QStringLiteral("env-token-0123456789"));
        env.insert(QStringLiteral("RINGSIDE_PUBLIC_URL"), QStringLiteral(" https://voice.example.com "));
        env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), QStringLiteral("tw-secret"));
        env.insert(QStringLiteral("RINGSIDE_STREAM_SECRET"), QStringLiteral("stream-secret"));
        env.insert(QStringLiteral("EXOTEL_STREAM_CREDENTIALS"), QStringLiteral("KEY:TOKEN"));
        ServeOptions o = options();
        o.numbers = { QStringLiteral(" 09812345678 = delivery-notifier ") };
        auto config = serveConfigFrom(o, env);
        QVERIFY2(config.ok(), qPrintable(config.error()));
        QCOMPARE(config->gateway.monitorToken, QStringLiteral("env-token-0123456789"));
        QCOMPARE(config->gateway.publicUrl, QStringLiteral("https://voice.example.com")); // trimmed
        QCOMPARE(config->gateway.twilioAuthToken, QByteArray("tw-secret"));
        QCOMPARE(config->gateway.streamSecret, QByteArray("stream-secret"));
        QCOMPARE(config->gateway.exotelCredentials, QStringLiteral("KEY:TOKEN"));
        QCOMPARE(config->gateway.numberAgents.value(QStringLiteral("+919812345678")), QStringLiteral("delivery-notifier"));
        // Options given win over the environment, even when empty.
        o.token = QString();
        o.publicUrl = QStringLiteral("http://10.0.0.5:8080");
        config = serveConfigFrom(o, env);
        QVERIFY2(config.ok(), qPrintable(config.error()));
        QVERIFY(config->gateway.monitorToken.isEmpty());
        QCOMPARE(config->gateway.publicUrl, QStringLiteral("http://10.0.0.5:8080"));
    }

    void startsListensAndShutsDown()
    {
        QString error;
        auto db = Database::open(m_dir.filePath(QStringLiteral("serve.db")), &error);
        QVERIFY2(db, qPrintable(error));
        const auto config = serveConfigFrom(options(), QProcessEnvironment());
        QVERIFY2(config.ok(), qPrintable(config.error()));
        QStringList notices;
        StartFailure failure;
        auto engine = EngineServer::start(*db, config.value(), &notices, &failure);
        QVERIFY2(engine, qPrintable(failure.message));
        QVERIFY(engine->port() != 0);
        // No secrets configured: the person starting it is told streams are refused.
        QVERIFY2(notices.join(u'\n').contains(QStringLiteral("media streams are refused")), qPrintable(notices.join(u'\n')));
        QVERIFY(engine->generatedMonitorToken().isEmpty()); // on loopback no token is made up
        // Registered in the engines table, at the address it listens on, under its lease owner id.
        const auto row = EngineRegistry(*db).byId(engine->engineId());
        QVERIFY(row);
        QCOMPARE(row->state, engine_state::running);
        QCOMPARE(row->address, QStringLiteral("http://127.0.0.1:%1").arg(engine->port()));
        QCOMPARE(row->pid, QCoreApplication::applicationPid());

        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> reply(
                network.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/healthz").arg(engine->port())))));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

        bool done = false;
        QVERIFY(!engine->isShuttingDown());
        engine->shutdown([&done] { done = true; });
        QVERIFY(engine->isShuttingDown());
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(engine->activeCalls(), 0);
        QCOMPARE(engine->endedCalls(), quint64(0));
        const QString id = engine->engineId();
        QCOMPARE(EngineRegistry(*db).byId(id)->state, engine_state::draining); // shutting down
        engine.reset();
        QCOMPARE(EngineRegistry(*db).byId(id)->state, engine_state::stopped);
    }

    void routeToAMissingAgentIsAUsageProblem()
    {
        QString error;
        auto db = Database::open(m_dir.filePath(QStringLiteral("routes.db")), &error);
        QVERIFY2(db, qPrintable(error));
        ServeOptions o = options();
        o.numbers = { QStringLiteral("+919812345678=no-such-agent") };
        const auto config = serveConfigFrom(o, QProcessEnvironment());
        QVERIFY2(config.ok(), qPrintable(config.error()));
        StartFailure failure;
        auto engine = EngineServer::start(*db, config.value(), nullptr, &failure);
        QVERIFY(!engine);
        QVERIFY(failure.usage);
        QVERIFY2(failure.message.startsWith(QStringLiteral("--number +919812345678: ")), qPrintable(failure.message));
    }
};

QTEST_GUILESS_MAIN(TestEngineServer)
#include "tst_engineserver.moc"
