// The gateway's HTTP side and its doors: the TwiML answer to Twilio's form-encoded voice webhook
// (number → agent routing, signature check), the /monitor token (Bearer or ?token=), the per-call
// stream secret, /healthz and /metrics.
#include "gatewayfixture.h"

#include "telephony/twilioweb.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
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

} // namespace

class TestGatewayHttp : public QObject
{
    Q_OBJECT

private slots:
    void twilioVoiceAnswersConnectStream()
    {
        GatewayFixture f([](telephony::GatewayConfig &c) { c.numberAgents.insert(QStringLiteral("+918000000001"), QStringLiteral("returns-handler")); });
        QVERIFY2(f.ok(), qPrintable(f.error));
        const Answer a = request(f.url(QStringLiteral("http"), QStringLiteral("/twilio/voice")), telephony::encodeForm(kWebhook));
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
        const Answer d = request(f.url(QStringLiteral("http"), QStringLiteral("/twilio/voice")), telephony::encodeForm(other));
        QVERIFY(QString::fromUtf8(d.body).contains(QStringLiteral("<Parameter name=\"agent\" value=\"order-tracker\"/>")));

        // An outbound call placed by `ringside-engine call` names its agent and order in the query.
        const Answer out = request(f.url(QStringLiteral("http"), QStringLiteral("/twilio/voice?agent=delivery-notifier&direction=outbound&order=ORD-482913")),
                                   telephony::encodeForm(kWebhook));
        const QString outXml = QString::fromUtf8(out.body);
        QVERIFY2(outXml.contains(QStringLiteral("<Parameter name=\"agent\" value=\"delivery-notifier\"/>")), qPrintable(outXml));
        QVERIFY(outXml.contains(QStringLiteral("<Parameter name=\"direction\" value=\"outbound\"/>")));
        QVERIFY(outXml.contains(QStringLiteral("<Parameter name=\"order\" value=\"ORD-482913\"/>")));

        // Missing CallSid: 400 naming the field. GET: 405.
        const Answer bad = request(f.url(QStringLiteral("http"), QStringLiteral("/twilio/voice")), QByteArrayLiteral("From=%2B91981"));
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.body.contains("CallSid"));
        QCOMPARE(request(f.url(QStringLiteral("http"), QStringLiteral("/twilio/voice")), {}, {}, false).status, 405);
        QCOMPARE(request(f.url(QStringLiteral("http"), QStringLiteral("/nowhere")), {}, {}, false).status, 404);
    }

    void twilioSignatureAndStreamSecretAreChecked()
    {
        const QByteArray token = QByteArrayLiteral("twilio-auth-token");
        GatewayFixture f([&](telephony::GatewayConfig &c) { c.twilioAuthToken = token; });
        QVERIFY2(f.ok(), qPrintable(f.error));
        const QUrl url = f.url(QStringLiteral("http"), QStringLiteral("/twilio/voice"));
        const QByteArray body = telephony::encodeForm(kWebhook);
        QCOMPARE(request(url, body).status, 403);
        QCOMPARE(request(url, body, { { "X-Twilio-Signature", "bm90IGl0" } }).status, 403);
        const QByteArray signature = telephony::twilioSignature(token, url.toString(), kWebhook);
        const Answer ok = request(url, body, { { "X-Twilio-Signature", signature } });
        QCOMPARE(ok.status, 200);
        const QString secret = telephony::streamAuthValue(token, QStringLiteral("CAweb1"));
        QVERIFY(QString::fromUtf8(ok.body).contains(QStringLiteral("<Parameter name=\"ringside_auth\" value=\"%1\"/>").arg(secret)));

        // A stream without the secret is closed; one with the secret from the TwiML becomes a call.
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        auto *intruder = f.dial(QStringLiteral("web0"));
        QSignalSpy closed(intruder, &telephony::StandInCaller::closed);
        QVERIFY(closed.wait(5000));
        QCOMPARE(intruder->closeCode(), int(QWebSocketProtocol::CloseCodePolicyViolated));
        QVERIFY(intruder->closeReason().contains(QStringLiteral("ringside_auth")));
        auto *caller = f.dial(QStringLiteral("web1"), telephony::MediaProtocol::Twilio, { { QStringLiteral("ringside_auth"), secret } });
        QVERIFY(console.waitForType("call_started").is_object());
        caller->hangUp();
        QVERIFY(console.waitForType("call_ended", 8000).is_object());
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
        QCOMPARE(stringAt(query.waitForType("snapshot"), "operator"), QStringLiteral("q"));
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
        const Answer metrics = request(f.url(QStringLiteral("http"), QStringLiteral("/metrics")), {}, {}, false);
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.body.contains("\nringside_live_calls 1\n"));
        QVERIFY(metrics.body.contains("ringside_process_cpu_seconds_total "));
        caller->hangUp();
        QVERIFY(console.waitForType("call_ended", 8000).is_object());

        // Shutting down: health says so (503), new streams and consoles are turned away.
        bool done = false;
        f.gateway().shutdown([&] { done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 8000));
        const Answer down = request(f.url(QStringLiteral("http"), QStringLiteral("/healthz")), {}, {}, false);
        QCOMPARE(down.status, 503);
        QVERIFY(down.body.contains("shutting_down"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayHttp)
#include "tst_gatewayhttp.moc"
