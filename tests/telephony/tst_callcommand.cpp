// ringside-engine call against a fake Twilio / Exotel REST API on loopback: the exact request
// (path, Basic auth, form fields, the webhook or stream URL with the call's parameters), the
// provider's call id printed, and clear failures for provider errors, missing credentials and
// unknown orders.
#include "fakehttpserver.h"

#include "commerce/demostore.h"
#include "commerce/fixtureimporter.h"
#include "storage/database.h"
#include "telephony/streamsigner.h"
#include "telephony/twilioweb.h"
#include "util/clock.h"
#include "util/jsonqt.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace ringside;
using ringside::fakes::FakeHttpServer;
using ringside::fakes::ScriptedResponse;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the binary without blocking the event loop, so the fake server can answer it.
Run runEngine(const QStringList &args, const QHash<QString, QString> &env)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER", "TWILIO_API_BASE", "EXOTEL_ACCOUNT_SID",
                              "EXOTEL_API_KEY", "EXOTEL_API_TOKEN", "EXOTEL_API_BASE", "EXOTEL_STREAM_CREDENTIALS", "RINGSIDE_PUBLIC_URL",
                              "RINGSIDE_STREAM_SECRET" })
        e.remove(QLatin1String(name));
    for (auto it = env.begin(); it != env.end(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine"), args);
    (void)QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 20000);
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestCallCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    QStringList callArgs(const QStringList &extra) const
    {
        return QStringList{ QStringLiteral("call"), QStringLiteral("--db"), m_db, QStringLiteral("--to"), QStringLiteral("+919812345678"),
                            QStringLiteral("--agent"), QStringLiteral("order-tracker"), QStringLiteral("--url"), QStringLiteral("https://voice.example.com") }
               + extra;
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("store.db"));
        QString error;
        auto db = Database::open(m_db, &error);
        QVERIFY2(db, qPrintable(error));
        commerce::ImportOptions options;
        options.now = parseIso(QStringLiteral("2026-11-26T10:00:00+05:30"));
        QVERIFY(commerce::FixtureImporter(*db).importData(commerce::generateDemoStore(1, options.now), options).ok);
    }

    void twilioCallsJson()
    {
        FakeHttpServer twilio;
        QVERIFY(twilio.listen());
        twilio.enqueue(ScriptedResponse::json(201, { { "sid", "CA0123456789" }, { "status", "queued" } }));
        const Run r = runEngine(callArgs({ QStringLiteral("--order"), QStringLiteral("ORD-482913"), QStringLiteral("--from"), QStringLiteral("+14155550100") }),
                                { { QStringLiteral("TWILIO_ACCOUNT_SID"), QStringLiteral("ACtest") },
                                  { QStringLiteral("TWILIO_AUTH_TOKEN"), QStringLiteral("s3cret") },
                                  { QStringLiteral("TWILIO_API_BASE"), twilio.url().toString() } });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const json printed = json::parse(r.out.toStdString());
        QCOMPARE(printed.value("call_sid", std::string()), std::string("CA0123456789"));
        QCOMPARE(printed.value("status", std::string()), std::string("queued"));

        QCOMPARE(twilio.requests().size(), 1);
        const auto &req = twilio.requests().at(0);
        QCOMPARE(req.method, QByteArray("POST"));
        QCOMPARE(req.path(), QStringLiteral("/2010-04-01/Accounts/ACtest/Calls.json"));
        QCOMPARE(req.header("Authorization"), QByteArray("Basic " + QByteArray("ACtest:s3cret").toBase64()));
        QVERIFY(req.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
        const telephony::FormFields form = telephony::parseForm(req.body);
        QCOMPARE(telephony::formValue(form, QStringLiteral("To")), QStringLiteral("+919812345678"));
        QCOMPARE(telephony::formValue(form, QStringLiteral("From")), QStringLiteral("+14155550100"));
        const QUrl webhook(telephony::formValue(form, QStringLiteral("Url")));
        QCOMPARE(webhook.scheme(), QStringLiteral("https"));
        QCOMPARE(webhook.host(), QStringLiteral("voice.example.com"));
        QCOMPARE(webhook.path(), QStringLiteral("/twilio/voice"));
        const QUrlQuery q(webhook);
        QCOMPARE(q.queryItemValue(QStringLiteral("agent")), QStringLiteral("order-tracker"));
        QCOMPARE(q.queryItemValue(QStringLiteral("direction")), QStringLiteral("outbound"));
        QCOMPARE(q.queryItemValue(QStringLiteral("order")), QStringLiteral("ORD-482913"));
        QVERIFY(!q.queryItemValue(QStringLiteral("customer")).isEmpty());
    }

    void exotelConnect()
    {
        FakeHttpServer exotel;
        QVERIFY(exotel.listen());
        exotel.enqueue(ScriptedResponse::text(200, QByteArrayLiteral("<?xml version=\"1.0\"?><TwilioResponse><Call><Sid>b6cfaf1c</Sid><Status>in-progress</Status></Call></TwilioResponse>"),
                                              QByteArrayLiteral("application/xml")));
        const Run r = runEngine(callArgs({ QStringLiteral("--provider"), QStringLiteral("exotel"), QStringLiteral("--from"), QStringLiteral("08047112233") }),
                                { { QStringLiteral("EXOTEL_ACCOUNT_SID"), QStringLiteral("kiran1") },
                                  { QStringLiteral("EXOTEL_API_KEY"), QStringLiteral("key") },
                                  { QStringLiteral("EXOTEL_API_TOKEN"), QStringLiteral("tok") },
                                  { QStringLiteral("EXOTEL_STREAM_CREDENTIALS"), QStringLiteral("sk:st") },
                                  { QStringLiteral("RINGSIDE_STREAM_SECRET"), QStringLiteral("gateway-stream-secret") },
                                  { QStringLiteral("EXOTEL_API_BASE"), exotel.url().toString() } });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json::parse(r.out.toStdString()).value("call_sid", std::string()), std::string("b6cfaf1c"));
        QCOMPARE(exotel.requests().size(), 1);
        const auto &req = exotel.requests().at(0);
        QCOMPARE(req.path(), QStringLiteral("/v1/accounts/kiran1/calls/connect"));
        QCOMPARE(req.header("Authorization"), QByteArray("Basic " + QByteArray("key:tok").toBase64()));
        const telephony::FormFields form = telephony::parseForm(req.body);
        QCOMPARE(telephony::formValue(form, QStringLiteral("from")), QStringLiteral("+919812345678"));
        QCOMPARE(telephony::formValue(form, QStringLiteral("callerid")), QStringLiteral("08047112233"));
        QCOMPARE(telephony::formValue(form, QStringLiteral("streamtype")), QStringLiteral("bidirectional"));
        const QUrl stream(telephony::formValue(form, QStringLiteral("streamurl")));
        QCOMPARE(stream.scheme(), QStringLiteral("wss"));
        QCOMPARE(stream.userName(), QStringLiteral("sk"));
        QCOMPARE(stream.password(), QStringLiteral("st"));
        QCOMPARE(stream.path(), QStringLiteral("/exotel/media"));
        QCOMPARE(QUrlQuery(stream).queryItemValue(QStringLiteral("agent")), QStringLiteral("order-tracker"));
        // The parameters are signed with the gateway's stream secret, and the gateway accepts them once.
        QHash<QString, QString> params;
        for (const auto &item : QUrlQuery(stream).queryItems(QUrl::FullyDecoded))
            params.insert(item.first, item.second);
        QVERIFY(params.value(QStringLiteral("ringside_auth")).startsWith(QLatin1String("v1.")));
        telephony::StreamSigner gateway(telephony::StreamSigner::keyFrom("gateway-stream-secret", {}));
        QString why;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QCOMPARE(gateway.verify(params, QStringLiteral("b6cfaf1c"), now, &why), telephony::StreamSigner::Verdict::Ok);
        QCOMPARE(gateway.verify(params, QStringLiteral("b6cfaf1c"), now, &why), telephony::StreamSigner::Verdict::Replayed);
        params.insert(QStringLiteral("customer"), QStringLiteral("C-0001"));
        QCOMPARE(gateway.verify(params, QStringLiteral("b6cfaf1c"), now, &why), telephony::StreamSigner::Verdict::BadSignature);

        // Without the stream secret the call is not placed: the gateway would refuse the stream.
        const Run unsigned_ = runEngine(callArgs({ QStringLiteral("--provider"), QStringLiteral("exotel"), QStringLiteral("--from"), QStringLiteral("08047112233") }),
                                        { { QStringLiteral("EXOTEL_ACCOUNT_SID"), QStringLiteral("kiran1") },
                                          { QStringLiteral("EXOTEL_API_KEY"), QStringLiteral("key") },
                                          { QStringLiteral("EXOTEL_API_TOKEN"), QStringLiteral("tok") },
                                          { QStringLiteral("EXOTEL_STREAM_CREDENTIALS"), QStringLiteral("sk:st") },
                                          { QStringLiteral("EXOTEL_API_BASE"), exotel.url().toString() } });
        QCOMPARE(unsigned_.exitCode, 2);
        QVERIFY2(unsigned_.err.contains(QStringLiteral("RINGSIDE_STREAM_SECRET")), qPrintable(unsigned_.err));
        QCOMPARE(exotel.requests().size(), 1);
    }

    void failuresAreClear()
    {
        FakeHttpServer twilio;
        QVERIFY(twilio.listen());
        twilio.enqueue(ScriptedResponse::json(401, { { "code", 20003 }, { "message", "Authenticate" }, { "status", 401 } }));
        const QHash<QString, QString> env = { { QStringLiteral("TWILIO_ACCOUNT_SID"), QStringLiteral("ACtest") },
                                              { QStringLiteral("TWILIO_AUTH_TOKEN"), QStringLiteral("wrong") },
                                              { QStringLiteral("TWILIO_FROM_NUMBER"), QStringLiteral("+14155550100") },
                                              { QStringLiteral("TWILIO_API_BASE"), twilio.url().toString() } };
        const Run refused = runEngine(callArgs({}), env);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("HTTP 401")) && refused.err.contains(QStringLiteral("Authenticate")), qPrintable(refused.err));

        const Run noOrder = runEngine(callArgs({ QStringLiteral("--order"), QStringLiteral("ORD-000000") }), env);
        QCOMPARE(noOrder.exitCode, 2);
        QVERIFY2(noOrder.err.contains(QStringLiteral("--order")), qPrintable(noOrder.err));

        QHash<QString, QString> noSid = env;
        noSid.remove(QStringLiteral("TWILIO_ACCOUNT_SID"));
        const Run noCredentials = runEngine(callArgs({}), noSid);
        QCOMPARE(noCredentials.exitCode, 2);
        QVERIFY2(noCredentials.err.contains(QStringLiteral("TWILIO_ACCOUNT_SID")), qPrintable(noCredentials.err));

        const Run badNumber = runEngine({ QStringLiteral("call"), QStringLiteral("--db"), m_db, QStringLiteral("--to"), QStringLiteral("call me"),
                                          QStringLiteral("--agent"), QStringLiteral("order-tracker") },
                                        env);
        QCOMPARE(badNumber.exitCode, 2);
        QVERIFY(badNumber.err.contains(QStringLiteral("--to")));
        QCOMPARE(twilio.requests().size(), 1); // only the first attempt reached the provider
    }
};

QTEST_GUILESS_MAIN(TestCallCommand)
#include "tst_callcommand.moc"
