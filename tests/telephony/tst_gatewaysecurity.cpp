// The gateway's doors against a hostile peer on the network (issue 14): who may start a call as
// whom, what a stream or request may cost, what /monitor lets a stranger do, and what leaks into
// the logs and the feed. Every case here was a way in on the first gateway.
#include "gatewayfixture.h"

#include "telephony/streamsigner.h"
#include "util/remotejson.h"
#include "telephony/twilioweb.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTimer>
#include <QTest>

using namespace ringside;
using namespace ringside::test;
using telephony::MediaProtocol;
using telephony::StandInCaller;

namespace {

// A raw HTTP exchange: writes `request`, returns what came back before the server closed or
// `ms` passed (the status line first).
QByteArray rawExchange(quint16 port, const QByteArray &request, int ms = 5000)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(3000))
        return {};
    s.write(request);
    QByteArray answer;
    (void)QTest::qWaitFor(
            [&] {
                answer += s.readAll();
                return s.state() == QAbstractSocket::UnconnectedState || answer.contains("\r\n\r\n");
            },
            ms);
    answer += s.readAll();
    return answer;
}

int statusOf(const QByteArray &answer)
{
    if (!answer.startsWith("HTTP/1.1 "))
        return 0;
    return answer.mid(9, 3).toInt();
}

QByteArray upgradeRequest(const QByteArray &pathAndQuery, const QByteArray &extraHeaders = {})
{
    return "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n";
}

// "[[[…]]]" nested `depth` deep.
std::string nested(int depth)
{
    return std::string(std::size_t(depth), '[') + std::string(std::size_t(depth), ']');
}

StandInCaller::Config callerConfig(const GatewayFixture &f, const QString &sid, MediaProtocol protocol = MediaProtocol::Twilio)
{
    StandInCaller::Config c;
    c.protocol = protocol;
    c.url = f.url(QStringLiteral("ws"), protocol == MediaProtocol::Twilio ? QStringLiteral("/twilio/media") : QStringLiteral("/exotel/media"));
    c.streamSid = QStringLiteral("MZ") + sid;
    c.callSid = QStringLiteral("CA") + sid;
    c.from = QStringLiteral("+919812345678");
    c.to = QStringLiteral("+918000000000");
    return c;
}

// Dials and gives the gateway time to take the call; true if it did not and the stream is closed.
bool refused(StandInCaller &caller, telephony::Gateway &gateway, int callsBefore)
{
    caller.dial(true);
    (void)QTest::qWaitFor([&] { return gateway.activeCalls() > callsBefore; }, 2500);
    return gateway.activeCalls() == callsBefore && !caller.isOpen();
}

} // namespace

class TestGatewaySecurity : public QObject
{
    Q_OBJECT

private slots:
    // 1. A media stream cannot choose its own caller.
    void anUnsignedStreamCannotNameItsCaller()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        StandInCaller::Config c = callerConfig(f, QStringLiteral("forged1"));
        c.customParameters = { { QStringLiteral("customer"), QStringLiteral("C-0001") }, { QStringLiteral("order"), QStringLiteral("ORD-482913") } };
        StandInCaller caller(c);
        QVERIFY2(refused(caller, f.gateway(), 0), "an unsigned stream naming a customer became a call");
        QVERIFY(!console.waitForType("call_started", 500).is_object());
    }

    void theStreamSecretCoversEveryParameterAndIsSingleUse()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        telephony::StreamSigner signer(telephony::StreamSigner::keyFrom(kStreamSecret, {}));
        QHash<QString, QString> signedParams = { { QStringLiteral("agent"), QStringLiteral("order-tracker") },
                                                 { QStringLiteral("from"), QStringLiteral("+919812345678") } };
        signer.signInto(&signedParams, QStringLiteral("CAsig1"), 60);

        // The first gateway's per-call secret (an HMAC of the callSid alone) with a customer of the caller's choosing.
        StandInCaller::Config c = callerConfig(f, QStringLiteral("tamper1"));
        c.customParameters = { { QStringLiteral("ringside_auth"),
                                 QString::fromLatin1(QMessageAuthenticationCode::hash("CAtamper1", kStreamSecret, QCryptographicHash::Sha256).toHex()) },
                               { QStringLiteral("customer"), QStringLiteral("C-0001") } };
        StandInCaller oldStyle(c);
        QVERIFY2(refused(oldStyle, f.gateway(), 0), "a callSid-only secret became a call");
        // A signed set with one more parameter (or one changed) is refused. (The callers below send
        // exactly the parameters given: no numbers of their own.)
        auto presigned = [&](const QString &sid) {
            StandInCaller::Config p = callerConfig(f, sid);
            p.from.clear();
            p.to.clear();
            return p;
        };
        c = presigned(QStringLiteral("sig1"));
        c.customParameters = signedParams;
        c.customParameters.insert(QStringLiteral("customer"), QStringLiteral("C-0001"));
        StandInCaller added(c);
        QVERIFY2(refused(added, f.gateway(), 0), "an unsigned customer rode along a valid signature");
        c.customParameters = signedParams;
        c.customParameters.insert(QStringLiteral("from"), QStringLiteral("+919800000001"));
        StandInCaller changed(c);
        QVERIFY2(refused(changed, f.gateway(), 0), "a changed caller number kept its signature");
        // Signed for another call.
        c = presigned(QStringLiteral("other"));
        c.customParameters = signedParams;
        StandInCaller elsewhere(c);
        QVERIFY2(refused(elsewhere, f.gateway(), 0), "a signature for CAsig1 started CAother");
        // Expired.
        QHash<QString, QString> stale = { { QStringLiteral("agent"), QStringLiteral("order-tracker") } };
        stale.insert(QStringLiteral("ringside_auth"), signer.sign(stale, QDateTime::currentSecsSinceEpoch() - 5));
        c = presigned(QStringLiteral("stale"));
        c.customParameters = stale;
        StandInCaller expired(c);
        QVERIFY2(refused(expired, f.gateway(), 0), "an expired signature became a call");

        // The real thing is a call — once.
        c = presigned(QStringLiteral("sig1"));
        c.customParameters = signedParams;
        StandInCaller genuine(c);
        genuine.dial(true);
        QVERIFY(console.waitForType("call_started").is_object());
        genuine.hangUp();
        QVERIFY(console.waitForType("call_ended", 8000).is_object());
        c.streamSid = QStringLiteral("MZsig1again");
        StandInCaller replay(c);
        QVERIFY2(refused(replay, f.gateway(), 0), "a signature was used twice");
        QVERIFY(replay.closeReason().contains(QStringLiteral("already used")));
    }

    void withoutASecretNoStreamIsTaken()
    {
        GatewayFixture f([](telephony::GatewayConfig &c) {
            c.streamSecret.clear();
            c.twilioAuthToken.clear();
        });
        QVERIFY2(f.ok(), qPrintable(f.error));
        QCOMPARE(statusOf(rawExchange(f.port, upgradeRequest("/twilio/media"))), 403);
    }

    void exotelIsClosedWithoutItsCredentials()
    {
        GatewayFixture f([](telephony::GatewayConfig &c) { c.exotelCredentials.clear(); });
        QVERIFY2(f.ok(), qPrintable(f.error));
        const QByteArray answer = rawExchange(f.port, upgradeRequest("/exotel/media?agent=order-tracker"));
        QVERIFY2(statusOf(answer) == 401 || statusOf(answer) == 403, answer.left(200).constData());
        QCOMPARE(f.gateway().activeCalls(), 0);
    }

    void exotelNeedsItsCredentialsAndSignedIdentity()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        QCOMPARE(statusOf(rawExchange(f.port, upgradeRequest("/exotel/media"))), 401);
        QCOMPARE(statusOf(rawExchange(f.port, upgradeRequest("/exotel/media", "Authorization: Basic " + QByteArrayLiteral("exotel-key:guess").toBase64() + "\r\n"))), 401);
        // Authenticated but unsigned: it may name an agent (a static applet URL), nothing about the caller.
        StandInCaller::Config c = callerConfig(f, QStringLiteral("ex1"), MediaProtocol::Exotel);
        c.authorization = "Basic " + kExotelCredentials.toUtf8().toBase64();
        c.url.setQuery(QStringLiteral("agent=order-tracker&order=ORD-482913"));
        StandInCaller withOrder(c);
        QVERIFY2(refused(withOrder, f.gateway(), 0), "an unsigned Exotel stream named an order");
        c = callerConfig(f, QStringLiteral("ex2"), MediaProtocol::Exotel);
        c.authorization = "Basic " + kExotelCredentials.toUtf8().toBase64();
        c.url.setQuery(QStringLiteral("agent=order-tracker&sample-rate=8000"));
        StandInCaller agentOnly(c);
        agentOnly.dial(true);
        QVERIFY(QTest::qWaitFor([&] { return f.gateway().activeCalls() == 1; }, 5000));
    }

    // 3. What a stranger can make the gateway hold.
    void anOversizedBodyIsRefusedBeforeItIsRead()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        const QByteArray head = "POST /twilio/voice HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                "Content-Length: 209715200\r\n\r\n";
        const QByteArray answer = rawExchange(f.port, head + QByteArray(64 * 1024, 'a'));
        QCOMPARE(statusOf(answer), 413);
    }

    void oversizedHeadersAreRefused()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        const QByteArray answer = rawExchange(f.port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + QByteArray(256 * 1024, 'p') + "\r\n\r\n");
        QCOMPARE(statusOf(answer), 431);
        // The server is fine afterwards.
        QCOMPARE(statusOf(rawExchange(f.port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")), 200);
    }

    void aHugeWebSocketFrameClosesOnlyItsStream()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        QWebSocket ws;
        ws.open(f.url(QStringLiteral("ws"), QStringLiteral("/twilio/media")));
        QVERIFY(QTest::qWaitFor([&] { return ws.state() == QAbstractSocket::ConnectedState; }, 5000));
        QSignalSpy closed(&ws, &QWebSocket::disconnected);
        ws.sendTextMessage(QString(4 * 1024 * 1024, QLatin1Char('a')));
        QVERIFY2(closed.wait(5000), "a 4 MB frame on a media stream was accepted");
        QCOMPARE(ws.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    }

    void aStreamThatNeverStartsIsClosed()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        QWebSocket ws;
        ws.open(f.url(QStringLiteral("ws"), QStringLiteral("/twilio/media")));
        QVERIFY(QTest::qWaitFor([&] { return ws.state() == QAbstractSocket::ConnectedState; }, 5000));
        QVERIFY2(QTest::qWaitFor([&] { return ws.state() == QAbstractSocket::UnconnectedState; }, 12000),
                 "a stream that never sent start stayed open");
    }

    void validFramesDoNotForgiveAFloodOfBadOnes()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        QWebSocket ws;
        ws.open(f.url(QStringLiteral("ws"), QStringLiteral("/twilio/media")));
        QVERIFY(QTest::qWaitFor([&] { return ws.state() == QAbstractSocket::ConnectedState; }, 5000));
        // One good frame after every ten bad ones, 300 bad in all, as fast as the socket goes.
        for (int i = 0; i < 300; ++i) {
            ws.sendTextMessage(QStringLiteral("{ not json"));
            if (i % 10 == 9)
                ws.sendTextMessage(QStringLiteral(R"({"event":"connected","protocol":"Call","version":"1.0.0"})"));
        }
        QVERIFY2(QTest::qWaitFor([&] { return ws.state() == QAbstractSocket::UnconnectedState; }, 5000),
                 "a stream sending mostly garbage was never closed");
    }

    void manyIdleConnectionsFromOneAddressAreCapped()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 200; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->connectToHost(QHostAddress::LocalHost, f.port);
            sockets.push_back(std::move(s));
        }
        QTest::qWait(1500);
        int open = 0;
        for (const auto &s : sockets)
            open += s->state() == QAbstractSocket::ConnectedState ? 1 : 0;
        QVERIFY2(open < 100, qPrintable(QStringLiteral("%1 of 200 idle connections from one address stayed open").arg(open)));
        sockets.clear();
        QVERIFY(QTest::qWaitFor([&] { return statusOf(rawExchange(f.port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")) == 200; }, 5000));
    }

    void callsAndConsolesNoLongerCountAsStrangers()
    {
        GatewayFixture f([](telephony::GatewayConfig &c) { c.limits.maxPendingPerAddress = 3; });
        QVERIFY2(f.ok(), qPrintable(f.error));
        // Six calls and two consoles from one address, one after another: each stops counting
        // against the address once its call has started (or it has signed in).
        for (int i = 1; i <= 6; ++i) {
            f.dial(QStringLiteral("many%1").arg(i));
            QVERIFY2(QTest::qWaitFor([&] { return f.gateway().activeCalls() == i; }, 5000),
                     qPrintable(QStringLiteral("call %1 of 6 did not start").arg(i)));
        }
        MonitorClient a, b;
        QVERIFY(a.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        QVERIFY(b.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        QCOMPARE(statusOf(rawExchange(f.port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")), 200);
    }

    void keyedDigitsAreBounded()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        StandInCaller *caller = f.dial(QStringLiteral("dtmf1"));
        QVERIFY(console.waitForType("call_started").is_object());
        const std::size_t mark = console.messages.size();
        for (int i = 0; i < 90; ++i) // fewer than the 100 events a second a stream may send
            caller->pressDigit(QString::number(i % 10));
        caller->pressDigit(QStringLiteral("#"));
        const json turn = console.waitForEvent(QStringLiteral("CAdtmf1"), "user", 8000, mark);
        QVERIFY(turn.is_object());
        const QString text = stringAt(turn["event"], "text");
        QVERIFY2(text.size() <= 64, qPrintable(QStringLiteral("a keyed turn of %1 characters").arg(text.size())));
    }

    void aSlowRequestIsCutOff()
    {
        GatewayFixture f([](telephony::GatewayConfig &c) { c.limits.requestTimeoutMs = 800; });
        QVERIFY2(f.ok(), qPrintable(f.error));
        // Headers a byte at a time, never finished: answered 408 and closed once the time is up.
        QTcpSocket slow;
        QByteArray answer;
        connect(&slow, &QTcpSocket::readyRead, this, [&] { answer += slow.readAll(); });
        slow.connectToHost(QHostAddress::LocalHost, f.port);
        QVERIFY(slow.waitForConnected(3000));
        slow.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
        QTimer trickle;
        connect(&trickle, &QTimer::timeout, this, [&] {
            if (slow.state() == QAbstractSocket::ConnectedState && answer.isEmpty())
                slow.write("a");
        });
        trickle.start(100);
        const bool closed = QTest::qWaitFor([&] { return slow.state() == QAbstractSocket::UnconnectedState; }, 5000);
        QVERIFY2(closed, "a request trickling in byte by byte was never cut off");
        QCOMPARE(statusOf(answer), 408);
    }

    void concurrentCallsAreCapped()
    {
        GatewayFixture f([](telephony::GatewayConfig &c) { c.limits.maxCalls = 2; });
        QVERIFY2(f.ok(), qPrintable(f.error));
        f.dial(QStringLiteral("cap1"));
        f.dial(QStringLiteral("cap2"));
        QVERIFY(QTest::qWaitFor([&] { return f.gateway().activeCalls() == 2; }, 5000));
        StandInCaller *third = f.dial(QStringLiteral("cap3"));
        QSignalSpy closed(third, &StandInCaller::closed);
        QVERIFY(closed.wait(5000));
        QVERIFY2(third->closeReason().contains(QStringLiteral("limit")), qPrintable(third->closeReason()));
        QCOMPARE(f.gateway().activeCalls(), 2);
    }

    // 4. A deeply nested id (or anything else) cannot crash /monitor or a media stream.
    void deepNestingIsRefusedBeforeParsing()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        const std::string deep = R"({"id":)" + nested(100000) + R"(,"command":"ping"})";
        console.socket.sendTextMessage(QString::fromStdString(deep));
        const json error = console.waitForType("error");
        QCOMPARE(stringAt(error, "code"), QStringLiteral("bad_request"));
        QVERIFY(error.contains("id") && error["id"].is_null());
        // An id must be a string or a number.
        console.socket.sendTextMessage(QStringLiteral(R"({"id":{"a":[1,2]},"command":"ping"})"));
        QVERIFY(console.waitFor([](const json &m) { return stringAt(m, "message").contains(QStringLiteral("id")); }).is_object());
        const json pong = console.reply(console.send({ { "command", "ping" } }));
        QCOMPARE(stringAt(pong, "type"), QStringLiteral("ack"));

        QWebSocket media;
        media.open(f.url(QStringLiteral("ws"), QStringLiteral("/twilio/media")));
        QVERIFY(QTest::qWaitFor([&] { return media.state() == QAbstractSocket::ConnectedState; }, 5000));
        const quint64 before = f.gateway().rejectedFrames();
        media.sendTextMessage(QString::fromStdString(R"({"event":"connected","x":)" + nested(20000) + "}"));
        QVERIFY(QTest::qWaitFor([&] { return f.gateway().rejectedFrames() > before; }, 5000));
    }

    // 5. /monitor: Origin, and /metrics behind the token.
    void aWebPageCannotOpenTheMonitor()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        const QByteArray evil = rawExchange(f.port, upgradeRequest("/monitor?operator=x", "Origin: https://evil.example\r\n"));
        QCOMPARE(statusOf(evil), 403);
        QCOMPARE(f.gateway().monitorCount(), 0);
        // Programs (no Origin header: the console, scripts) are fine.
        QCOMPARE(statusOf(rawExchange(f.port, upgradeRequest("/monitor?operator=x"))), 101);
    }

    void metricsNeedTheTokenWhenOneIsSet()
    {
        GatewayFixture f([](telephony::GatewayConfig &c) { c.monitorToken = QStringLiteral("s3cret"); });
        QVERIFY2(f.ok(), qPrintable(f.error));
        QCOMPARE(statusOf(rawExchange(f.port, "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")), 401);
        QCOMPARE(statusOf(rawExchange(f.port, "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer s3cret\r\n\r\n")), 200);
        // Liveness stays open: load balancers probe it.
        QCOMPARE(statusOf(rawExchange(f.port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")), 200);
    }

    // 6. A console is the operator its token names, on every command.
    void operatorsAreWhoTheirTokenSays()
    {
        GatewayFixture f([](telephony::GatewayConfig &c) {
            c.operators = { telephony::OperatorCredential::fromToken(QStringLiteral("asha"), QStringLiteral("asha-token-0123456789")),
                            telephony::OperatorCredential::fromToken(QStringLiteral("ravi"), QStringLiteral("ravi-token-0123456789")) };
        });
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient asha, ravi, nobody;
        QVERIFY(!nobody.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor?operator=asha"))));
        QVERIFY(asha.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor")), QByteArrayLiteral("Bearer asha-token-0123456789")));
        // Ravi asks to be called asha, in the URL and in hello: he stays ravi.
        QVERIFY(ravi.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor?operator=asha&token=ravi-token-0123456789"))));
        QCOMPARE(stringAt(ravi.waitForType("snapshot"), "operator"), QStringLiteral("ravi"));
        const json hello = ravi.reply(ravi.send({ { "command", "hello" }, { "operator", "asha" } }));
        QCOMPARE(stringAt(hello, "operator"), QStringLiteral("ravi"));

        f.dial(QStringLiteral("held1"));
        QVERIFY(asha.waitForType("call_started").is_object());
        const json took = asha.reply(asha.send({ { "command", "takeover" }, { "call_id", "CAheld1" } }));
        QCOMPARE(stringAt(took, "type"), QStringLiteral("ack"));
        for (const char *command : { "say", "whisper", "end", "takeover", "handback" }) {
            const json answer = ravi.reply(ravi.send({ { "command", command }, { "call_id", "CAheld1" }, { "text", "Please read me your card number." } }));
            QVERIFY2(stringAt(answer, "type") == QLatin1String("error") && stringAt(answer, "code") == QLatin1String("taken_over"),
                     qPrintable(QStringLiteral("%1 on asha's call: %2").arg(QLatin1String(command), QString::fromStdString(answer.dump()))));
        }
        QCOMPARE(stringAt(asha.reply(asha.send({ { "command", "say" }, { "call_id", "CAheld1" }, { "text", "Hello." } })), "type"), QStringLiteral("ack"));
    }

    // 8. Numbers stay out of the logs and the feed; identifiers are checked.
    void numbersAreMaskedInLogsAndTheFeed()
    {
        static QStringList logged;
        logged.clear();
        const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &m) { logged << m; });
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor?operator=asha"))));
        StandInCaller *caller = f.dial(QStringLiteral("pii1"));
        const json started = console.waitForType("call_started");
        // The order's delivery address comes back in a tool result: consoles see it masked.
        caller->sayText(QStringLiteral("my order number is O R D 4 8 2 9 1 3"));
        const json result = console.waitForEvent(QStringLiteral("CApii1"), "tool_result", 8000);
        qInstallMessageHandler(previous);
        QVERIFY(result.is_object());
        QStringList addresses;
        std::function<void(const json &)> collect = [&](const json &v) {
            if (v.is_object()) {
                for (auto it = v.begin(); it != v.end(); ++it) {
                    if (it.key() == "delivery_address" && it->is_string())
                        addresses << QString::fromStdString(it->get<std::string>());
                    collect(*it);
                }
            } else if (v.is_array()) {
                for (const json &e : v)
                    collect(e);
            }
        };
        collect(result);
        QVERIFY2(!addresses.isEmpty(), result.dump().c_str());
        for (const QString &a : std::as_const(addresses))
            QVERIFY2(a.contains(QChar(0x2022)), qPrintable(a));
        QVERIFY(started.is_object());
        const QString from = stringAt(started["call"], "from");
        QVERIFY2(!from.contains(QStringLiteral("9812345678")) && from.endsWith(QStringLiteral("5678")), qPrintable(from));
        for (const QString &line : std::as_const(logged))
            QVERIFY2(!line.contains(QStringLiteral("9812345678")), qPrintable(line));
        // The operator who takes the call sees whom they are talking to.
        const json took = console.reply(console.send({ { "command", "takeover" }, { "call_id", "CApii1" } }));
        QCOMPARE(stringAt(objectAt(took, "caller"), "from"), QStringLiteral("+919812345678"));
    }

    void forgedIdentifiersAreRefused()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        StandInCaller::Config c = callerConfig(f, QStringLiteral("x"));
        c.callSid = QStringLiteral("CA1\ncall CA2 ended: resolved");
        StandInCaller newline(c);
        QVERIFY2(refused(newline, f.gateway(), 0), "a callSid with a line break became a call");
        c = callerConfig(f, QStringLiteral("y"));
        c.from = QString(300, QLatin1Char('9'));
        StandInCaller longFrom(c);
        QVERIFY2(refused(longFrom, f.gateway(), 0), "a 300-digit caller number became a call");
    }

    // 10. /metrics reads SQLite away from the thread that carries call audio.
    void metricsDoNotHoldUpTheServerThread()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        // A store with years of history: the metrics query reads a million rollup rows.
        QSqlQuery fill(f.db->connection());
        QVERIFY(fill.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) "
                                         "INSERT INTO call_rollup(day, use_case, agent, channel, calls) "
                                         "SELECT 2400000 + i, 'wismo', 'Order Tracker ' || (i % 500), 'twilio', 1 FROM n")));
        QNetworkAccessManager nam;
        QNetworkReply *metrics = nam.get(QNetworkRequest(f.url(QStringLiteral("http"), QStringLiteral("/metrics"))));
        QTest::qWait(20);
        QNetworkReply *health = nam.get(QNetworkRequest(f.url(QStringLiteral("http"), QStringLiteral("/healthz"))));
        // Which answer comes first: health must not queue behind a slow metrics query.
        bool healthFirst = false;
        QVERIFY(QTest::qWaitFor([&] {
            if (health->isFinished() && !metrics->isFinished())
                healthFirst = true;
            return health->isFinished() || metrics->isFinished();
        }, 20000));
        QVERIFY2(healthFirst, "/healthz waited for /metrics");
        // Only the order above is the check; the query itself may take long on a loaded machine.
        QVERIFY(QTest::qWaitFor([&] { return metrics->isFinished(); }, 120000));
        delete metrics;
        delete health;
    }
};

QTEST_GUILESS_MAIN(TestGatewaySecurity)
#include "tst_gatewaysecurity.moc"
