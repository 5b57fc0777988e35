// ringside-engine serve and loadgen as a new user runs them: a gateway process on a free port,
// two stand-in callers speaking WAV recordings for a few seconds, the report; then SIGTERM in the
// middle of two live calls ends them politely and loses no call record.
#include "speechtestaudio.h"

#include "analytics/callrecordstore.h"
#include "commerce/demostore.h"
#include "commerce/fixtureimporter.h"
#include "speech/wavwriter.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/jsonqt.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <csignal>

using namespace ringside;

namespace {

const QString kEngine = QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine");

// serve and loadgen share the stream secret, as an operator would set it for both.
QProcessEnvironment withStreamSecret()
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("RINGSIDE_STREAM_SECRET"), QStringLiteral("serve-test-stream-secret"));
    e.remove(QStringLiteral("TWILIO_AUTH_TOKEN"));
    return e;
}

json getJson(const QUrl &url)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    (void)QTest::qWaitFor([&] { return reply->isFinished(); }, 3000);
    const json doc = json::parse(reply->readAll().toStdString(), nullptr, false);
    delete reply;
    return doc;
}

} // namespace

class TestServeCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_utterances;

    // Starts `serve` on a free port; returns the port (0 on failure).
    quint16 startServe(QProcess &serve)
    {
        serve.setProcessChannelMode(QProcess::SeparateChannels);
        serve.setProcessEnvironment(withStreamSecret());
        serve.start(kEngine, { QStringLiteral("serve"), QStringLiteral("--db"), m_db, QStringLiteral("--port"), QStringLiteral("0"),
                               QStringLiteral("--now"), QStringLiteral("2026-11-26T10:00:00+05:30"), QStringLiteral("--workers"), QStringLiteral("2") });
        QByteArray out;
        static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QRegularExpressionMatch m;
        (void)QTest::qWaitFor(
                [&] {
                    out += serve.readAllStandardOutput();
                    m = listening.match(QString::fromUtf8(out));
                    return m.hasMatch() || serve.state() == QProcess::NotRunning;
                },
                10000);
        return m.hasMatch() ? quint16(m.captured(1).toUInt()) : 0;
    }

    qint64 twilioRecords()
    {
        QString error;
        auto db = Database::open(m_db, &error);
        analytics::CallFilter filter;
        filter.channel = QStringLiteral("twilio");
        return db ? analytics::CallRecordStore(*db).count(filter) : -1;
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("store.db"));
        QString error;
        {
            auto db = Database::open(m_db, &error);
            QVERIFY2(db, qPrintable(error));
            commerce::ImportOptions options;
            options.now = parseIso(QStringLiteral("2026-11-26T10:00:00+05:30"));
            QVERIFY(commerce::FixtureImporter(*db).importData(commerce::generateDemoStore(1, options.now), options).ok);
        }
        // The caller's recordings, as a user would put them in a folder.
        m_utterances = m_dir.filePath(QStringLiteral("utterances"));
        QVERIFY(QDir().mkpath(m_utterances));
        EspeakTts voice;
        QVERIFY2(voice.isAvailable(), qPrintable(voice.initError()));
        QVERIFY(WavWriter::write(m_utterances + QStringLiteral("/01.wav"), test::speak(voice, QStringLiteral("Where is my order?")), 16000,
                                 AudioEncoding::Pcm16, &error));
        QVERIFY(WavWriter::write(m_utterances + QStringLiteral("/02.wav"), test::speak(voice, test::readAloud(QStringLiteral("ORD482913"))),
                                 16000, AudioEncoding::Pcm16, &error));
    }

    void loadgenReportsTwoAnsweredCalls()
    {
        QProcess serve;
        const quint16 port = startServe(serve);
        QVERIFY2(port != 0, serve.readAllStandardError().constData());
        QProcess loadgen;
        loadgen.setProcessEnvironment(withStreamSecret());
        loadgen.start(kEngine, { QStringLiteral("loadgen"), QStringLiteral("--url"), QStringLiteral("ws://127.0.0.1:%1/twilio/media").arg(port),
                                 QStringLiteral("--calls"), QStringLiteral("2"), QStringLiteral("--duration"), QStringLiteral("3"),
                                 QStringLiteral("--utterances"), m_utterances, QStringLiteral("--json") });
        QVERIFY(QTest::qWaitFor([&] { return loadgen.state() == QProcess::NotRunning; }, 15000));
        const QByteArray err = loadgen.readAllStandardError();
        QVERIFY2(loadgen.exitCode() == 0, err.constData());
        QVERIFY(err.contains("2 utterance(s): 01.wav, 02.wav"));
        const json report = json::parse(loadgen.readAllStandardOutput().toStdString(), nullptr, false);
        QVERIFY(report.is_object());
        QCOMPARE(report.value("calls", 0), 2);
        QCOMPARE(report.value("answered", 0), 2);
        QCOMPARE(report.value("dropped_calls", -1), 0);
        QVERIFY(report.value("frames_sent", 0) >= 2 * 100);      // 3 s of 20 ms frames per call, at least most of them
        QVERIFY(report.value("frames_received", 0) >= 2 * 50);  // the greeting, paced
        QVERIFY(report["late_frames"].is_number_integer());
        QVERIFY(report["turn_latency_ms"].contains("p99"));
        QVERIFY(report.value("engine_cpu_percent", -1.0) >= 0.0);
        QCOMPARE(report.value("cpu_source", std::string()), std::string("gateway /healthz"));
        QVERIFY(QTest::qWaitFor([&] { return getJson(QUrl(QStringLiteral("http://127.0.0.1:%1/healthz").arg(port))).value("active_calls", -1) == 0; }, 5000));
        serve.terminate();
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitCode(), 0);
    }

    void sigtermEndsLiveCallsAndKeepsTheirRecords()
    {
        const qint64 before = twilioRecords();
        QVERIFY(before >= 0);
        QProcess serve;
        const quint16 port = startServe(serve);
        QVERIFY(port != 0);
        QProcess loadgen;
        loadgen.setProcessEnvironment(withStreamSecret());
        loadgen.start(kEngine, { QStringLiteral("loadgen"), QStringLiteral("--url"), QStringLiteral("ws://127.0.0.1:%1/twilio/media").arg(port),
                                 QStringLiteral("--calls"), QStringLiteral("2"), QStringLiteral("--duration"), QStringLiteral("60"),
                                 QStringLiteral("--utterances"), m_utterances, QStringLiteral("--json") });
        const QUrl health(QStringLiteral("http://127.0.0.1:%1/healthz").arg(port));
        QVERIFY(QTest::qWaitFor([&] { return getJson(health).value("active_calls", 0) == 2; }, 8000));
        QTest::qWait(500); // the greetings are playing

        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY2(serve.waitForFinished(10000), "serve did not stop on SIGTERM");
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
        const QString log = QString::fromUtf8(serve.readAllStandardError());
        QVERIFY2(log.contains(QStringLiteral("shutting down, ending 2 call(s)")), qPrintable(log));
        QCOMPARE(twilioRecords(), before + 2);

        // The callers saw the gateway end their calls.
        QVERIFY(QTest::qWaitFor([&] { return loadgen.state() == QProcess::NotRunning; }, 10000));
        const json report = json::parse(loadgen.readAllStandardOutput().toStdString(), nullptr, false);
        QCOMPARE(report.value("dropped_calls", 0), 2);
        QCOMPARE(report.value("answered", 0), 2);
    }

    // Bound beyond loopback without a token, serve makes one up and prints it: /monitor is never
    // open to the network.
    void aPublicBindGetsAGeneratedToken()
    {
        QProcess serve;
        serve.setProcessChannelMode(QProcess::SeparateChannels);
        serve.start(kEngine, { QStringLiteral("serve"), QStringLiteral("--db"), m_db, QStringLiteral("--port"), QStringLiteral("0"),
                               QStringLiteral("--host"), QStringLiteral("0.0.0.0"), QStringLiteral("--no-stt"), QStringLiteral("--workers"),
                               QStringLiteral("1") });
        static const QRegularExpression listening(QStringLiteral("listening on http://0\\.0\\.0\\.0:(\\d+)"));
        static const QRegularExpression generated(QStringLiteral("monitor token \\(generated\\): ([0-9a-f]{32,})"));
        QByteArray out;
        QRegularExpressionMatch port, token;
        (void)QTest::qWaitFor(
                [&] {
                    out += serve.readAllStandardOutput();
                    port = listening.match(QString::fromUtf8(out));
                    token = generated.match(QString::fromUtf8(out));
                    return (port.hasMatch() && token.hasMatch()) || serve.state() == QProcess::NotRunning;
                },
                10000);
        QVERIFY2(port.hasMatch(), out.constData());
        QVERIFY2(token.hasMatch(), out.constData());
        const QUrl monitor(QStringLiteral("ws://127.0.0.1:%1/monitor").arg(port.captured(1)));
        QWebSocket open;
        open.open(monitor);
        QVERIFY(QTest::qWaitFor([&] { return open.state() == QAbstractSocket::UnconnectedState || open.state() == QAbstractSocket::ConnectedState; }, 5000));
        QTest::qWait(100);
        QCOMPARE(open.state(), QAbstractSocket::UnconnectedState);
        QWebSocket withToken;
        QNetworkRequest request(monitor);
        request.setRawHeader("Authorization", "Bearer " + token.captured(1).toLatin1());
        withToken.open(request);
        QVERIFY(QTest::qWaitFor([&] { return withToken.state() == QAbstractSocket::ConnectedState; }, 5000));
        serve.terminate();
        QVERIFY(serve.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestServeCommand)
#include "tst_servecommand.moc"
