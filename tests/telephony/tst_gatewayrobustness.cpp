// Bad input and bad peers affect only their own connection: malformed JSON, binary frames, an
// unknown streamSid, a caller who vanishes without a close frame, a console that stops reading,
// and a console that sends nonsense. Another call running alongside carries on each time.
#include "gatewayfixture.h"
#include "robustnessframes.h"

#include <QTcpSocket>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <QTest>

using namespace ringside;
using namespace ringside::test;
using telephony::StandInCaller;

namespace {

// A client→server WebSocket text frame (masked, as RFC 6455 requires, with a zero mask).
QByteArray maskedTextFrame(const QByteArray &payload)
{
    QByteArray f;
    f.append(char(0x81));
    if (payload.size() < 126) {
        f.append(char(0x80 | payload.size()));
    } else {
        f.append(char(0x80 | 126));
        f.append(char((payload.size() >> 8) & 0xff));
        f.append(char(payload.size() & 0xff));
    }
    f.append(QByteArray(4, '\0'));
    f.append(payload);
    return f;
}

// The other call still answers: typed words reach its session and a reply comes back.
bool callStillAnswers(MonitorClient &console, StandInCaller *caller, const QString &callId)
{
    const std::size_t mark = console.messages.size();
    caller->sayText(QStringLiteral("my order number is O R D 4 8 2 9 1 3"));
    return console.waitForEvent(callId, "user", 5000, mark).is_object() && console.waitForEvent(callId, "agent", 5000, mark).is_object();
}

} // namespace

class TestGatewayRobustness : public QObject
{
    Q_OBJECT

private slots:
    void badFramesAndDroppedCallersStayOnTheirOwnStream()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        StandInCaller *bad = f.dial(QStringLiteral("bad"));
        StandInCaller *good = f.dial(QStringLiteral("good"));
        QVERIFY(console.waitFor([](const json &m) { return stringAt(m, "type") == QLatin1String("call_started") && stringAt(m["call"], "call_id") == QLatin1String("CAbad"); }).is_object());
        QVERIFY(console.waitFor([](const json &m) { return stringAt(m, "type") == QLatin1String("call_started") && stringAt(m["call"], "call_id") == QLatin1String("CAgood"); }).is_object());

        const quint64 rejectedBefore = f.gateway().rejectedFrames();
        bad->sendRaw(QByteArrayLiteral("{\"event\":\"media\", this is not JSON"));
        bad->sendBinary(QByteArray::fromHex("0102032062696e617279"));
        bad->sendRaw(frames::kForeignStreamMedia);
        bad->sendRaw(frames::kUnknownEvent);
        bad->sendRaw(frames::kBadBase64Media);
        QVERIFY2(QTest::qWaitFor([&] { return f.gateway().rejectedFrames() >= rejectedBefore + 5; }, 3000),
                 qPrintable(QStringLiteral("rejected %1").arg(f.gateway().rejectedFrames() - rejectedBefore)));
        // Each was dropped, not fatal: both streams are open and both calls still answer.
        QVERIFY(bad->isOpen());
        QVERIFY(good->isOpen());
        QVERIFY(callStillAnswers(console, bad, QStringLiteral("CAbad")));
        QVERIFY(callStillAnswers(console, good, QStringLiteral("CAgood")));

        // A second start on the same stream is refused without ending the call.
        bad->sendRaw(frames::kSecondStart);
        QVERIFY(QTest::qWaitFor([&] { return f.gateway().rejectedFrames() >= rejectedBefore + 6; }, 3000));
        QCOMPARE(f.gateway().activeCalls(), 2);

        // The bad caller vanishes without a close frame: its call ends with a record, the other lives on.
        bad->drop();
        const json ended = console.waitFor([](const json &m) { return stringAt(m, "type") == QLatin1String("call_ended") && stringAt(m, "call_id") == QLatin1String("CAbad"); }, 8000);
        QVERIFY2(ended.is_object(), "the dropped call never ended");
        QVERIFY(f.record(stringAt(ended, "record_id")).has_value());
        QCOMPARE(f.gateway().activeCalls(), 1);
        QVERIFY(callStillAnswers(console, good, QStringLiteral("CAgood")));
        good->hangUp();
        QVERIFY(console.waitFor([](const json &m) { return stringAt(m, "type") == QLatin1String("call_ended") && stringAt(m, "call_id") == QLatin1String("CAgood"); }, 8000).is_object());
    }

    void aStreamThatNeverStartsIsRefused()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        // A start without a streamSid names the missing field and the stream is closed.
        QWebSocket ws;
        ws.open(f.url(QStringLiteral("ws"), QStringLiteral("/twilio/media")));
        QVERIFY(QTest::qWaitFor([&] { return ws.state() == QAbstractSocket::ConnectedState; }, 5000));
        ws.sendTextMessage(QString::fromUtf8(frames::kMediaBeforeStart));
        QVERIFY(QTest::qWaitFor([&] { return f.gateway().rejectedFrames() >= 1; }, 3000));
        QCOMPARE(f.gateway().activeCalls(), 0);
        ws.sendTextMessage(QString::fromUtf8(frames::kStartWithoutSid));
        QVERIFY(QTest::qWaitFor([&] { return f.gateway().rejectedFrames() >= 2; }, 3000));
        QCOMPARE(f.gateway().activeCalls(), 0);
    }

    void aCallerWhoLeftBeforeTheHandoverIsForgotten()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        // A busy server hands a finished handshake over late; by then the caller may have hung up,
        // and the socket's disconnected() has come and gone. The gateway must still let it go
        // (the soak's unanswered callers kept ~10 KB each until serve stopped).
        f.gateway().addMediaStream(std::make_unique<QWebSocket>(), telephony::MediaProtocol::Twilio);
        QCOMPARE(f.gateway().mediaConnections(), 1);
        // Longer than the start deadline (5 s): that deadline's close() does not let it go either.
        QVERIFY(QTest::qWaitFor([&] { return f.gateway().mediaConnections() == 0; }, 8000));

        // A caller who stays is held for its call, and let go when it hangs up.
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        StandInCaller *caller = f.dial(QStringLiteral("stays"));
        QVERIFY(console.waitForType("call_started").is_object());
        QCOMPARE(f.gateway().mediaConnections(), 1);
        caller->hangUp();
        QVERIFY(console.waitForType("call_ended", 8000).is_object());
        QVERIFY(QTest::qWaitFor([&] { return f.gateway().mediaConnections() == 0; }, 5000));
    }

    void consoleNonsenseGetsErrorsAndTheConsoleStays()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        console.socket.sendTextMessage(QStringLiteral("{ not json"));
        const json notJson = console.waitForType("error");
        QCOMPARE(notJson.value("code", std::string()), std::string("bad_request"));
        console.socket.sendBinaryMessage(QByteArray::fromHex("07676172626167"));
        QVERIFY(console.waitFor([](const json &m) { return stringAt(m, "code") == QLatin1String("bad_audio"); }).is_object());
        const json unknown = console.reply(console.send({ { "command", "teleport" }, { "call_id", "x" } }));
        QCOMPARE(unknown.value("code", std::string()), std::string("unknown_call"));
        const json noCall = console.reply(console.send({ { "command", "takeover" } }));
        QCOMPARE(noCall.value("code", std::string()), std::string("bad_request"));
        QVERIFY(QString::fromStdString(noCall.value("message", std::string())).contains(QStringLiteral("call_id")));
        const json pong = console.reply(console.send({ { "command", "ping" } }));
        QCOMPARE(pong.value("type", std::string()), std::string("ack"));
        QCOMPARE(console.socket.state(), QAbstractSocket::ConnectedState);
    }

    void aSlowConsoleIsSkippedThenDisconnectedAlone()
    {
        GatewayFixture f([](telephony::GatewayConfig &c) {
            c.monitorBufferBytes = 256 * 1024;
            c.monitorLagTimeoutMs = 1000;
            c.limits.maxCommandsPerSecond = 1000000; // this console is slow, not rude: its snapshots are answered
        });
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient fast;
        QVERIFY(fast.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor?operator=fast"))));
        StandInCaller *caller = f.dial(QStringLiteral("busy"));
        QVERIFY(fast.waitForType("call_started").is_object());

        // A console that completes the handshake, asks for snapshot after snapshot and never reads
        // (a tiny kernel receive buffer, so the server's unsent bytes pile up as they would over a
        // slow link).
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        const int small = 4096;
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(f.port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
        QTcpSocket slow;
        slow.setReadBufferSize(1024);
        QVERIFY(slow.setSocketDescriptor(fd));
        slow.write(QByteArrayLiteral("GET /monitor?operator=slow HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"));
        QVERIFY(QTest::qWaitFor([&] { return f.gateway().monitorCount() == 2; }, 5000));
        QByteArray flood;
        for (int i = 0; i < 600; ++i)
            flood += maskedTextFrame(frames::kSnapshotCommand);
        slow.write(flood);
        // The episode counter only rises: a starved test thread that wakes after the lag already
        // ended in a disconnect still sees that the console lagged first.
        QVERIFY2(QTest::qWaitFor([&] { return f.gateway().monitorLagEpisodes() >= 1; }, 5000), "the slow console never lagged");

        // The calls and the other console do not wait for it.
        QVERIFY(callStillAnswers(fast, caller, QStringLiteral("CAbusy")));
        QCOMPARE(fast.socket.state(), QAbstractSocket::ConnectedState);

        // It keeps asking and never catches up: past the timeout it is disconnected, and only it.
        const bool dropped = QTest::qWaitFor(
                [&] {
                    if (slow.state() == QAbstractSocket::ConnectedState)
                        slow.write(flood);
                    return f.gateway().monitorCount() == 1;
                },
                8000);
        QVERIFY2(dropped, qPrintable(QStringLiteral("the slow console was never disconnected (%1 consoles, %2 lagging)")
                                             .arg(f.gateway().monitorCount())
                                             .arg(f.gateway().laggingMonitors())));
        QVERIFY(callStillAnswers(fast, caller, QStringLiteral("CAbusy")));
        QCOMPARE(fast.socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(f.gateway().laggingMonitors(), 0);
        caller->hangUp();
        QVERIFY(fast.waitForType("call_ended", 8000).is_object());
    }
};

QTEST_GUILESS_MAIN(TestGatewayRobustness)
#include "tst_gatewayrobustness.moc"
