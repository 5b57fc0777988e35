// The gateway's HTTP side and its doors: the TwiML answer to Twilio's form-encoded voice webhook
// (number → agent routing, signature check), the /monitor token (Bearer or ?token=), the signed
// stream parameters, /healthz and /metrics.
#include "gatewayfixture.h"
#include "metricstext.h"
#include "testdatabase.h"

#include "storage/sqlutil.h"
#include "telephony/twilioweb.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace ringside;
using namespace ringside::test;
using telephony::FormFields;

namespace {

struct Answer
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

const QByteArray kTwilioToken = QByteArrayLiteral("twilio-auth-token");

Answer request(const QUrl &url, const QByteArray &postBody = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {}, bool post = true)
{
    QNetworkAccessManager nam;
    QNetworkRequest r(url);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    for (const auto &h : headers)
        r.setRawHeader(h.first, h.second);
    QNetworkReply *reply = post ? nam.post(r, postBody) : nam.get(r);
    (void)QTest::qWaitFor([&] { return reply->isFinished(); }, 5000);
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    a.body = reply->readAll();
    delete reply;
    return a;
}

const FormFields kWebhook = { { QStringLiteral("CallSid"), QStringLiteral("CAweb1") },
                              { QStringLiteral("AccountSid"), QStringLiteral("ACtest") },
                              { QStringLiteral("From"), QStringLiteral("+919812345678") },
                              { QStringLiteral("To"), QStringLiteral("+918000000001") },
                              { QStringLiteral("CallStatus"), QStringLiteral("ringing") } };

// Twilio's webhook as Twilio sends it: form-encoded and signed for its URL.
Answer webhook(const QUrl &url, const FormFields &fields)
{
    return request(url, telephony::encodeForm(fields), { { "X-Twilio-Signature", telephony::twilioSignature(kTwilioToken, url.toString(), fields) } });
}

// The TwiML's <Parameter>s.
QHash<QString, QString> twimlParameters(const QString &xml)
{
    QHash<QString, QString> params;
    static const QRegularExpression re(QStringLiteral("<Parameter name=\"([^\"]+)\" value=\"([^\"]*)\"/>"));
    for (auto it = re.globalMatch(xml); it.hasNext();) {
        const auto m = it.next();
        params.insert(m.captured(1), m.captured(2).replace(QStringLiteral("&amp;"), QStringLiteral("&")));
    }
    return params;
}

} // namespace

class TestGatewayHttp : public QObject
{
    Q_OBJECT

private slots:
    void twilioVoiceAnswersConnectStream()
    {
        GatewayFixture f([](telephony::GatewayConfig &c) {
            c.numberAgents.insert(QStringLiteral("+918000000001"), QStringLiteral("returns-handler"));
            c.twilioAuthToken = kTwilioToken;
        });
        QVERIFY2(f.ok(), qPrintable(f.error));
        const Answer a = webhook(f.url(QStringLiteral("http"), QStringLiteral("/twilio/voice")), kWebhook);
        QCOMPARE(a.status, 200);
        QVERIFY(a.contentType.startsWith("text/xml"));
        const QString xml = QString::fromUtf8(a.body);
        QVERIFY2(xml.contains(QStringLiteral("<Connect><Stream url=\"ws://127.0.0.1:%1/twilio/media\">").arg(f.port)), qPrintable(xml));
        QVERIFY(xml.contains(QStringLiteral("<Parameter name=\"agent\" value=\"returns-handler\"/>")));
        QVERIFY(xml.contains(QStringLiteral("<Parameter name=\"from\" value=\"+919812345678\"/>")));
        QVERIFY(xml.contains(QStringLiteral("<Parameter name=\"direction\" value=\"inbound\"/>")));

        // A number nobody routed goes to the default inbound agent.
        FormFields other = kWebhook;
        other[3].second = QStringLiteral("+14155550100");
        const Answer d = webhook(f.url(QStringLiteral("http"), QStringLiteral("/twilio/voice")), other);
        QVERIFY(QString::fromUtf8(d.body).contains(QStringLiteral("<Parameter name=\"agent\" value=\"order-tracker\"/>")));

        // An outbound call placed by `ringside-engine call` names its agent and order in the query.
        const Answer out = webhook(f.url(QStringLiteral("http"), QStringLiteral("/twilio/voice?agent=delivery-notifier&direction=outbound&order=ORD-482913&language=ta-IN")),
                                   kWebhook);
        const QString outXml = QString::fromUtf8(out.body);
        QVERIFY2(outXml.contains(QStringLiteral("<Parameter name=\"agent\" value=\"delivery-notifier\"/>")), qPrintable(outXml));
        QVERIFY(outXml.contains(QStringLiteral("<Parameter name=\"direction\" value=\"outbound\"/>")));
        QVERIFY(outXml.contains(QStringLiteral("<Parameter name=\"order\" value=\"ORD-482913\"/>")));
        // A campaign call also names the language it was decided in (the agent's variant runs it).
        QVERIFY(outXml.contains(QStringLiteral("<Parameter name=\"language\" value=\"ta-IN\"/>")));

        // Missing CallSid: 400 naming the field. GET: 405.
        const Answer bad = webhook(f.url(QStringLiteral("http"), QStringLiteral("/twilio/voice")), { { QStringLiteral("From"), QStringLiteral("+91981") } });
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.body.contains("CallSid"));
        QCOMPARE(request(f.url(QStringLiteral("http"), QStringLiteral("/twilio/voice")), {}, {}, false).status, 405);
        QCOMPARE(request(f.url(QStringLiteral("http"), QStringLiteral("/nowhere")), {}, {}, false).status, 404);
    }

    void twilioSignatureAndStreamSecretAreChecked()
    {
        GatewayFixture f([&](telephony::GatewayConfig &c) {
            c.twilioAuthToken = kTwilioToken;
            c.streamSecret.clear(); // the Twilio token signs the stream parameters too
        });
        QVERIFY2(f.ok(), qPrintable(f.error));
        const QUrl url = f.url(QStringLiteral("http"), QStringLiteral("/twilio/voice"));
        const QByteArray body = telephony::encodeForm(kWebhook);
        QCOMPARE(request(url, body).status, 403);
        QCOMPARE(request(url, body, { { "X-Twilio-Signature", "bm90IGl0" } }).status, 403);
        const Answer ok = webhook(url, kWebhook);
        QCOMPARE(ok.status, 200);
        // Every parameter the stream will carry is signed, bound to the call, with an expiry.
        const QHash<QString, QString> params = twimlParameters(QString::fromUtf8(ok.body));
        QCOMPARE(params.value(QStringLiteral("call_sid")), QStringLiteral("CAweb1"));
        QVERIFY2(params.value(QStringLiteral("ringside_auth")).startsWith(QLatin1String("v1.")), ok.body.constData());

        // A stream without the signature is closed; one with the TwiML's parameters becomes a call.
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        telephony::StandInCaller::Config c;
        c.url = f.url(QStringLiteral("ws"), QStringLiteral("/twilio/media"));
        c.streamSid = QStringLiteral("MZweb0");
        c.callSid = QStringLiteral("CAweb1");
        telephony::StandInCaller intruder(c);
        QSignalSpy closed(&intruder, &telephony::StandInCaller::closed);
        intruder.dial(true);
        QVERIFY(closed.wait(5000));
        QCOMPARE(intruder.closeCode(), int(QWebSocketProtocol::CloseCodePolicyViolated));
        QVERIFY(intruder.closeReason().contains(QStringLiteral("ringside_auth")));
        c.streamSid = QStringLiteral("MZweb1");
        c.customParameters = params;
        telephony::StandInCaller caller(c);
        caller.dial(true);
        const json started = console.waitForType("call_started");
        QVERIFY(started.is_object());
        QCOMPARE(stringAt(started["call"], "agent_slug"), QStringLiteral("order-tracker"));
        caller.hangUp();
        QVERIFY(console.waitForType("call_ended", 8000).is_object());

        // Without the Twilio token nothing proves a webhook is Twilio's: none is answered.
        GatewayFixture open;
        QVERIFY2(open.ok(), qPrintable(open.error));
        const Answer refused = request(open.url(QStringLiteral("http"), QStringLiteral("/twilio/voice")), body);
        QCOMPARE(refused.status, 403);
        QVERIFY(refused.body.contains("TWILIO_AUTH_TOKEN"));
    }

    void monitorTokenIsRequired()
    {
        GatewayFixture f([](telephony::GatewayConfig &c) { c.monitorToken = QStringLiteral("s3cret"); });
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient none, wrong, bearer, query;
        QVERIFY(!none.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        QVERIFY(!wrong.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor?token=guess"))));
        QVERIFY(!wrong.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor")), QByteArrayLiteral("Bearer s3cre")));
        QCOMPARE(f.gateway().monitorCount(), 0);
        QVERIFY(bearer.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor")), QByteArrayLiteral("Bearer s3cret")));
        QVERIFY(bearer.waitForType("snapshot").is_object());
        QVERIFY(query.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor?token=s3cret&operator=q"))));
        // The one --token is one operator: the console is that operator, whatever it asks to be called.
        QCOMPARE(stringAt(query.waitForType("snapshot"), "operator"), QStringLiteral("operator"));
        QCOMPARE(f.gateway().monitorCount(), 2);

        // The refusal is a plain 401 before any WebSocket exists.
        const Answer refused = request(f.url(QStringLiteral("http"), QStringLiteral("/monitor")), {},
                                       { { "Upgrade", "websocket" }, { "Connection", "Upgrade" }, { "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==" },
                                         { "Sec-WebSocket-Version", "13" } },
                                       false);
        QCOMPARE(refused.status, 401);
    }

    void healthAndMetrics()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        auto *caller = f.dial(QStringLiteral("h1"));
        QVERIFY(console.waitForType("call_started").is_object());
        const Answer health = request(f.url(QStringLiteral("http"), QStringLiteral("/healthz")), {}, {}, false);
        QCOMPARE(health.status, 200);
        const json h = json::parse(health.body.toStdString());
        QCOMPARE(h.value("status", std::string()), std::string("ok"));
        QCOMPARE(h.value("active_calls", -1), 1);
        QCOMPARE(h.value("monitors", -1), 1);
        QVERIFY(h.value("process_cpu_ms", -1) >= 0);
        // The late frames by how late, every one in exactly one bucket; the media I/O threads.
        QVERIFY(h.value("media_threads", 0) >= 1);
        const json lateBy = h.value("late_frames_by_ms", json::object());
        QCOMPARE(lateBy.size(), std::size_t(telephony::SendStats::kLateBuckets));
        long long bucketed = 0;
        for (const auto &[ms, frames] : lateBy.items())
            bucketed += frames.get<long long>();
        QVERIFY(bucketed <= h.value("late_frames", -1LL)); // the buckets are read first, each counted after the total
        QVERIFY(lateBy.contains("20") && lateBy.contains("320"));
        QVERIFY(h.value("late_frames_queued_late", -1LL) >= 0);
        const Answer metrics = request(f.url(QStringLiteral("http"), QStringLiteral("/metrics")), {}, {}, false);
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.body.contains("\nringside_live_calls 1\n"));
        QVERIFY(metrics.body.contains("\nringside_media_connections 1\n"));
        QVERIFY(metrics.body.contains("ringside_process_cpu_seconds_total "));

        // The greeting, once synthesized, is kept: the reply cache's size is on /metrics, and a
        // second caller's identical greeting is served from it.
        const auto value = &test::metricValue;
        const auto metricsNow = [&] { return request(f.url(QStringLiteral("http"), QStringLiteral("/metrics")), {}, {}, false).body; };
        QVERIFY(QTest::qWaitFor([&] { return value(metricsNow(), "ringside_tts_cache_entries") >= 1; }, 10000));
        const QByteArray first = metricsNow();
        QVERIFY2(value(first, "ringside_tts_cache_bytes") > 0, first.constData());
        QVERIFY(value(first, "ringside_tts_cache_misses_total") >= 1);
        QVERIFY(value(first, "ringside_tts_cache_hits_total") >= 0);
        caller->hangUp();
        QVERIFY(console.waitForType("call_ended", 8000).is_object());
        auto *again = f.dial(QStringLiteral("h2"));
        QVERIFY(console.waitForType("call_started").is_object());
        QVERIFY(QTest::qWaitFor([&] { return value(metricsNow(), "ringside_tts_cache_hits_total") > value(first, "ringside_tts_cache_hits_total"); },
                                10000));
        again->hangUp();
        QVERIFY(console.waitForType("call_ended", 8000).is_object());

        // Shutting down: health says so (503), new streams and consoles are turned away.
        bool done = false;
        f.gateway().shutdown([&] { done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 8000));
        const Answer down = request(f.url(QStringLiteral("http"), QStringLiteral("/healthz")), {}, {}, false);
        QCOMPARE(down.status, 503);
        QVERIFY(down.body.contains("shutting_down"));
    }

    // The database refuses call records (an SQLite trigger aborts every write, as a read-only or
    // full disk would): the consoles are told, /healthz and /metrics count the waiting record,
    // the call still ends with its record id, and once writes go through again the record lands
    // and the consoles hear that too.
    void refusedCallRecordsAreShownAndWrittenLater()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        const auto refuse = [&](bool on) { testing::refuseCallRecordWrites(*f.db, on); };
        refuse(true);
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        auto *caller = f.dial(QStringLiteral("r1"));
        QVERIFY(console.waitForType("call_started").is_object());
        const json alarm = console.waitForType("call_records", 5000);
        QVERIFY(alarm.is_object());
        QVERIFY(alarm.value("waiting", 0) >= 1);
        QVERIFY(stringAt(alarm, "error").contains(QLatin1String("records refused for the test")));
        MonitorClient late; // connects after the alarm: its snapshot says so
        QVERIFY(late.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        QVERIFY(late.waitForType("snapshot").value("call_records_waiting", 0) >= 1);

        const json health = json::parse(request(f.url(QStringLiteral("http"), QStringLiteral("/healthz")), {}, {}, false).body.toStdString());
        QCOMPARE(health.value("status", std::string()), std::string("ok")); // calls go on: no reason to take the engine out
        const json records = health.value("call_records", json::object());
        QVERIFY2(records.value("waiting", 0) >= 1, records.dump().c_str());
        QVERIFY(records.value("deferred_writes", 0) >= 1);
        QVERIFY(stringAt(records, "last_error").contains(QLatin1String("records refused for the test")));
        const QByteArray metrics = request(f.url(QStringLiteral("http"), QStringLiteral("/metrics")), {}, {}, false).body;
        QVERIFY2(test::metricValue(metrics, "ringside_call_records_waiting") >= 1, metrics.constData());

        caller->hangUp();
        const json ended = console.waitForType("call_ended", 8000);
        const QString recordId = stringAt(ended, "record_id");
        QVERIFY(!recordId.isEmpty());
        QVERIFY(!f.record(recordId).has_value());

        refuse(false);
        const std::size_t after = console.messages.size();
        const json back = console.waitForType("call_records", 15000, after); // the next retry, then the next look
        QVERIFY(back.is_object());
        QCOMPARE(back.value("waiting", -1), 0);
        const auto record = f.record(recordId);
        QVERIFY(record.has_value());
        QCOMPARE(record->outcome, stringAt(ended, "outcome"));
        const json healed = json::parse(request(f.url(QStringLiteral("http"), QStringLiteral("/healthz")), {}, {}, false).body.toStdString());
        QCOMPARE(healed.value("call_records", json::object()).value("waiting", -1), 0);
    }
};

QTEST_GUILESS_MAIN(TestGatewayHttp)
#include "tst_gatewayhttp.moc"
