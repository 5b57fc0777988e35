// Calls through the real gateway on loopback with typed input (the ringside.text extension), so
// the tests exercise the media protocols, the monitor feed and the operator commands without
// waiting on speech recognition: a WISMO call's events and paced audio, take-over / whisper / say /
// hand back / end, the accept race, the escalation SLA, Exotel chunking.
#include "gatewayfixture.h"

#include "speech/mulaw.h"
#include "telephony/monitorprotocol.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace ringside;
using namespace ringside::test;
using telephony::MediaProtocol;
using telephony::StandInCaller;

namespace {

std::string eventText(const json &m)
{
    return m.value("event", json::object()).value("text", std::string());
}

} // namespace

class TestGatewayCalls : public QObject
{
    Q_OBJECT

private slots:
    void wismoCallEventsAndPacedAudio()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor?operator=asha"))));
        const json snapshot = console.waitForType("snapshot");
        QVERIFY(snapshot.is_object());
        QCOMPARE(snapshot["calls"].size(), 0u);
        QCOMPARE(stringAt(snapshot, "operator"), QStringLiteral("asha"));

        StandInCaller *caller = f.dial(QStringLiteral("wismo1"));
        std::vector<qint64> arrivals;
        connect(caller, &StandInCaller::mediaReceived, this, [&](int samples, bool) {
            QCOMPARE(samples, 160); // 20 ms of 8 kHz μ-law per frame
            arrivals.push_back(StandInCaller::nowNs());
        });
        const json started = console.waitForType("call_started");
        QVERIFY2(started.is_object(), "no call_started");
        const QString callId = stringAt(started["call"], "call_id");
        QCOMPARE(callId, QStringLiteral("CAwismo1"));
        QCOMPARE(stringAt(started["call"], "agent_slug"), QStringLiteral("order-tracker"));
        QCOMPARE(stringAt(started["call"], "provider"), QStringLiteral("twilio"));
        const json greeting = console.waitForEvent(callId, "agent");
        QVERIFY(eventText(greeting).find("order number") != std::string::npos);

        // Let the greeting play for a second: frames must come at the phone's pace, not in a burst.
        QVERIFY(QTest::qWaitFor([&] { return arrivals.size() >= 50; }, 5000));
        const double spanMs = double(arrivals[49] - arrivals[0]) / 1e6;
        QVERIFY2(spanMs > 49 * 20 - 250, qPrintable(QStringLiteral("50 frames arrived within %1 ms").arg(spanMs)));
        // ...though the first ones leave together, ahead of their slots (100 ms of audio queued
        // ahead), so a worker held up for less than that delays none of them.
        const double firstSixMs = double(arrivals[5] - arrivals[0]) / 1e6;
        QVERIFY2(firstSixMs < 60, qPrintable(QStringLiteral("the greeting's first 6 frames took %1 ms to arrive").arg(firstSixMs)));
        QVERIFY(caller->stats().answered);

        const std::size_t mark = console.messages.size();
        caller->sayText(QStringLiteral("my order number is O R D 4 8 2 9 1 3"));
        const json user = console.waitForEvent(callId, "user", 5000, mark);
        QCOMPARE(QString::fromStdString(eventText(user)), QStringLiteral("my order number is O R D 4 8 2 9 1 3"));
        const json tool = console.waitForEvent(callId, "tool_call", 5000, mark);
        QCOMPARE(tool["event"].value("name", std::string()), std::string("get_order_status"));
        QCOMPARE(tool["event"]["arguments"].value("order_id", std::string()), std::string("ORD-482913"));
        const json result = console.waitForEvent(callId, "tool_result", 5000, mark);
        QCOMPARE(result["event"]["result"].value("carrier_name", std::string()), std::string("Blue Dart"));
        const json reply = console.waitForEvent(callId, "agent", 5000, mark);
        QVERIFY(eventText(reply).find("Blue Dart") != std::string::npos);

        // The agent's words reach the caller as audio and the marks come back.
        const std::size_t before = arrivals.size();
        QVERIFY(QTest::qWaitFor([&] { return arrivals.size() >= before + 25; }, 5000));
        QVERIFY(caller->stats().marksReceived > 0);
        QVERIFY(caller->stats().marksEchoed > 0);
        QVERIFY(caller->receivedEvents().contains(QStringLiteral("mark")));

        caller->hangUp();
        const json ended = console.waitForType("call_ended", 8000);
        QVERIFY2(ended.is_object(), "no call_ended");
        QCOMPARE(stringAt(ended, "call_id"), callId);
        const QString recordId = stringAt(ended, "record_id");
        QVERIFY(!recordId.isEmpty());
        const auto record = f.record(recordId);
        QVERIFY(record.has_value());
        QCOMPARE(record->channel, QStringLiteral("twilio"));
        QCOMPARE(record->agent, QStringLiteral("Order Tracker"));
        QVERIFY(QString::fromStdString(record->transcript.dump()).contains(QStringLiteral("Blue Dart")));
        QCOMPARE(f.gateway().activeCalls(), 0);
    }

    // The media sockets are carried by their own I/O threads (MediaShard): a gateway thread that is
    // busy for a while (here it sleeps; in life, a burst of console commands or logging) does not
    // hold up the frames of the calls. With one thread carrying every socket none left meanwhile.
    void framesLeaveWhileTheGatewayThreadIsBusy()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        QVERIFY(f.gateway().mediaThreads() >= 1);
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor?operator=asha"))));
        StandInCaller *caller = f.dial(QStringLiteral("busy1"));
        const json started = console.waitForType("call_started");
        QVERIFY2(started.is_object(), "no call_started");
        const QString callId = stringAt(started["call"], "call_id");
        QVERIFY(console.waitForEvent(callId, "agent").is_object()); // the greeting, a few seconds of speech
        const telephony::SendStats &sent = f.gateway().sendStats();
        QVERIFY(QTest::qWaitFor([&] { return sent.framesSent.load() >= 10; }, 5000));

        const quint64 before = sent.framesSent.load();
        QThread::msleep(600); // this thread (the gateway's, and the caller's) does nothing
        const quint64 during = sent.framesSent.load() - before;
        QVERIFY2(during >= 10, qPrintable(QStringLiteral("%1 frames left in 600 ms (30 are due)").arg(during)));

        // The caller gets them all once its own thread runs again, and the call carries on.
        QVERIFY(QTest::qWaitFor([&] { return caller->stats().mediaFramesReceived >= qint64(before + during); }, 5000));
        caller->hangUp();
        QVERIFY(console.waitForType("call_ended", 8000).is_object());
    }

    // A call whose stream names a language (a campaign call decided in Hindi) is run by the agent's
    // variant for it, and the record says so.
    void aCallsLanguageChoosesTheAgentsVariant()
    {
        QTemporaryDir agents;
        QVERIFY(QDir(agents.path()).mkpath(QStringLiteral("variants")));
        QFile shipped(QStringLiteral(":/ringside/agents/order-tracker.json"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        json doc = json::parse(shipped.readAll().toStdString());
        doc["agent"]["language"] = "hi-IN";
        // The shipped playbook's texts are English only, so a Hindi variant brings its own.
        doc["agent"]["playbook"] = "tracker-hi.playbook.json";
        QFile variant(agents.filePath(QStringLiteral("variants/order-tracker.hi-IN.json")));
        QVERIFY(variant.open(QIODevice::WriteOnly));
        variant.write(QByteArray::fromStdString(doc.dump(2)));
        variant.close();
        QFile hindiPlaybook(agents.filePath(QStringLiteral("variants/tracker-hi.playbook.json")));
        QVERIFY(hindiPlaybook.open(QIODevice::WriteOnly));
        hindiPlaybook.write(R"({"playbook": {"name": "Tracker in Hindi", "start": "identify", "steps": {"identify": {
            "ask": {"en": "What is your order number?", "hi": "Aapka order number kya hai?"}, "expect": ["order_id"],
            "on": [{"when": {"heard": "order_id"}, "do": [{"say": {"en": "Thank you.", "hi": "Dhanyavaad."}}, {"end": "resolved"}]}]}}}})");
        hindiPlaybook.close();

        GatewayFixture f([&](telephony::GatewayConfig &c) { c.agentsFolder = agents.path(); });
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor?operator=asha"))));
        QVERIFY(console.waitForType("snapshot").is_object());
        StandInCaller *caller = f.dial(QStringLiteral("hindi1"), MediaProtocol::Twilio,
                                       { { QStringLiteral("agent"), QStringLiteral("order-tracker") },
                                         { QStringLiteral("language"), QStringLiteral("hi-IN") } });
        const json started = console.waitForType("call_started");
        QVERIFY2(started.is_object(), "no call_started");
        const QString callId = stringAt(started["call"], "call_id");
        QVERIFY(console.waitForEvent(callId, "agent").is_object()); // the greeting
        caller->hangUp();
        const json ended = console.waitForType("call_ended", 8000);
        QVERIFY2(ended.is_object(), "no call_ended");
        const auto record = f.record(stringAt(ended, "record_id"));
        QVERIFY(record.has_value());
        QCOMPARE(record->language, QStringLiteral("hi-IN"));

        // Without a language the same agent speaks its own.
        const std::size_t mark = console.messages.size();
        StandInCaller *plain = f.dial(QStringLiteral("own1"));
        const json second = console.waitForType("call_started", 5000, mark);
        QVERIFY2(second.is_object(), "no second call_started");
        QVERIFY(console.waitForEvent(stringAt(second["call"], "call_id"), "agent", 5000, mark).is_object());
        plain->hangUp();
        const json secondEnd = console.waitForType("call_ended", 8000, mark);
        QVERIFY2(secondEnd.is_object(), "no second call_ended");
        QCOMPARE(f.record(stringAt(secondEnd, "record_id"))->language, QStringLiteral("en-US"));
    }

    void operatorTakesOverWhispersSaysHandsBackEnds()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient alice, bob;
        QVERIFY(alice.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor?operator=alice"))));
        QVERIFY(bob.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor?operator=bob"))));
        StandInCaller *caller = f.dial(QStringLiteral("op1"));
        const json started = alice.waitForType("call_started");
        QVERIFY(started.is_object());
        const QString callId = stringAt(started["call"], "call_id");
        QVERIFY(alice.waitForEvent(callId, "agent").is_object());

        // Take over: acknowledged, the state changes for everyone, the phone drops the AI's audio.
        const int clearsBefore = int(caller->stats().clears);
        const QString take = alice.send({ { "command", "takeover" }, { "call_id", callId } });
        QCOMPARE(alice.reply(take).value("type", std::string()), std::string("ack"));
        const json state = bob.waitFor([&](const json &m) { return m.value("type", std::string()) == "call_state" && stringAt(m, "state") == QLatin1String("taken_over"); });
        QCOMPARE(stringAt(state, "operator"), QStringLiteral("alice"));
        QVERIFY(QTest::qWaitFor([&] { return caller->stats().clears > clearsBefore; }, 3000));

        // Another operator cannot speak on it or take it.
        const json bobSay = bob.reply(bob.send({ { "command", "say" }, { "call_id", callId }, { "text", "hi" } }));
        QCOMPARE(bobSay.value("code", std::string()), std::string("taken_over"));
        const json bobTake = bob.reply(bob.send({ { "command", "takeover" }, { "call_id", callId } }));
        QCOMPARE(bobTake.value("code", std::string()), std::string("taken_over"));

        // While taken over the AI stays silent: the caller's words get no AI reply.
        std::size_t mark = alice.messages.size();
        caller->sayText(QStringLiteral("where is my order"));
        QVERIFY(alice.waitForEvent(callId, "user", 5000, mark).is_object());
        QTest::qWait(400);
        QCOMPARE(alice.count([&](const json &m) { return isCallEvent(m, callId, "agent"); }, mark), 0);

        // Listen: the call's audio comes to the console in binary frames that name the call.
        const json listening = alice.reply(alice.send({ { "command", "listen" }, { "call_id", callId }, { "on", true } }));
        QCOMPARE(listening.value("sample_rate", 0), 8000);
        QVERIFY(QTest::qWaitFor([&] { return alice.binaryFrames >= 5; }, 3000));
        QCOMPARE(bob.binaryFrames, 0);
        telephony::monitor::AudioFrame heard;
        QString problem;
        QVERIFY2(telephony::monitor::decodeAudioFrame(alice.lastBinary, &heard, &problem), qPrintable(problem));
        QCOMPARE(heard.kind, telephony::monitor::AudioKind::CallAudio);
        QCOMPARE(heard.callId, callId);
        QCOMPARE(heard.sampleRate, 8000);
        QCOMPARE(int(heard.samples.size()), 160);
        // Operator audio (the console's microphone) reaches the caller while Alice holds the call.
        const std::vector<std::int16_t> tone = [] {
            std::vector<std::int16_t> t(1600);
            for (std::size_t i = 0; i < t.size(); ++i)
                t[i] = std::int16_t(6000 * ((i / 8) % 2 ? 1 : -1));
            return t;
        }();
        const qint64 beforeMic = caller->stats().mediaFramesReceived;
        alice.socket.sendBinaryMessage(telephony::monitor::encodeAudioFrame(telephony::monitor::AudioKind::OperatorAudio, callId, 8000, tone.data(), tone.size()));
        QVERIFY(QTest::qWaitFor([&] { return caller->stats().mediaFramesReceived >= beforeMic + 8; }, 3000));
        const int errorsBefore = bob.count([](const json &m) { return stringAt(m, "code") == QLatin1String("bad_audio"); });
        bob.socket.sendBinaryMessage(telephony::monitor::encodeAudioFrame(telephony::monitor::AudioKind::OperatorAudio, callId, 8000, tone.data(), tone.size()));
        QVERIFY(bob.waitFor([&](const json &m) { return stringAt(m, "code") == QLatin1String("bad_audio"); }, 3000).is_object());
        QVERIFY(bob.count([](const json &m) { return stringAt(m, "code") == QLatin1String("bad_audio"); }) > errorsBefore);
        alice.send({ { "command", "listen" }, { "call_id", callId }, { "on", false } });

        // Say: the operator's words in the agent's voice reach the caller.
        mark = alice.messages.size();
        const qint64 framesBefore = caller->stats().mediaFramesReceived;
        const json said = alice.reply(alice.send({ { "command", "say" }, { "call_id", callId }, { "text", "Hello, this is Alice from Kiran Stores." } }));
        QCOMPARE(said.value("type", std::string()), std::string("ack"));
        const json spoken = alice.waitForEvent(callId, "agent", 5000, mark);
        QVERIFY(eventText(spoken).find("Alice") != std::string::npos);
        QVERIFY(QTest::qWaitFor([&] { return caller->stats().mediaFramesReceived > framesBefore + 10; }, 5000));

        // Whisper: guidance the AI keeps, visible to consoles, never spoken.
        const json whispered = alice.reply(alice.send({ { "command", "whisper" }, { "call_id", callId }, { "text", "Offer the tracking number." } }));
        QCOMPARE(whispered.value("type", std::string()), std::string("ack"));
        QVERIFY(bob.waitForEvent(callId, "whisper").is_object());
        const json empty = alice.reply(alice.send({ { "command", "whisper" }, { "call_id", callId }, { "text", "  " } }));
        QCOMPARE(empty.value("code", std::string()), std::string("bad_request"));

        // Hand back: the AI answers the next words again.
        const json back = alice.reply(alice.send({ { "command", "handback" }, { "call_id", callId } }));
        QCOMPARE(back.value("type", std::string()), std::string("ack"));
        QVERIFY(bob.waitFor([&](const json &m) { return m.value("type", std::string()) == "call_state" && stringAt(m, "state") == QLatin1String("active"); }).is_object());
        mark = alice.messages.size();
        caller->sayText(QStringLiteral("my order number is O R D 4 8 2 9 1 3"));
        QVERIFY(alice.waitForEvent(callId, "tool_call", 5000, mark).is_object());
        QVERIFY(eventText(alice.waitForEvent(callId, "agent", 5000, mark)).find("Blue Dart") != std::string::npos);
        const json againSay = alice.reply(alice.send({ { "command", "say" }, { "call_id", callId }, { "text", "hi" } }));
        QCOMPARE(againSay.value("code", std::string()), std::string("not_taken_over"));

        // End: the call closes for everyone and its record says a person was involved.
        const json bad = alice.reply(alice.send({ { "command", "end" }, { "call_id", callId }, { "outcome", "splendid" } }));
        QCOMPARE(bad.value("code", std::string()), std::string("bad_request"));
        QVERIFY(QString::fromStdString(bad.value("message", std::string())).contains(QStringLiteral("outcome")));
        const json endAck = alice.reply(alice.send({ { "command", "end" }, { "call_id", callId }, { "outcome", "resolved" } }));
        QCOMPARE(endAck.value("type", std::string()), std::string("ack"));
        const json ended = bob.waitForType("call_ended", 8000);
        QVERIFY2(ended.is_object(), "no call_ended after end");
        const auto record = f.record(stringAt(ended, "record_id"));
        QVERIFY(record.has_value());
        QCOMPARE(record->handledBy, QStringLiteral("ai_then_human"));
        QCOMPARE(record->outcome, QStringLiteral("resolved"));
        const QString transcript = QString::fromStdString(record->transcript.dump());
        QVERIFY(transcript.contains(QStringLiteral("Offer the tracking number.")));
        QVERIFY(transcript.contains(QStringLiteral("Hello, this is Alice")));
        QVERIFY(QTest::qWaitFor([&] { return !caller->isOpen(); }, 5000));
        const json unknown = alice.reply(alice.send({ { "command", "takeover" }, { "call_id", callId } }));
        QCOMPARE(unknown.value("code", std::string()), std::string("unknown_call"));
    }

    void exactlyOneOperatorWinsTheAcceptRace()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient alice, bob;
        QVERIFY(alice.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor?operator=alice"))));
        QVERIFY(bob.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor?operator=bob"))));
        StandInCaller *caller = f.dial(QStringLiteral("race1"));
        const QString callId = stringAt(alice.waitForType("call_started")["call"], "call_id");
        QVERIFY(!callId.isEmpty());

        // Not queued yet: nothing to accept.
        QCOMPARE(alice.reply(alice.send({ { "command", "accept" }, { "call_id", callId } })).value("code", std::string()), std::string("not_queued"));

        caller->sayText(QStringLiteral("I want to talk to a human"));
        QVERIFY(alice.waitForEvent(callId, "escalation").is_object());
        const json queue = bob.waitFor([&](const json &m) { return m.value("type", std::string()) == "queue" && !m["entries"].empty(); });
        QVERIFY2(queue.is_object(), "no queue update");
        QCOMPARE(stringAt(queue["entries"][0], "call_id"), callId);
        QVERIFY(queue["entries"][0].contains("wait_ms"));

        // Both accept at once: exactly one ack, one already_accepted.
        const QString a = alice.send({ { "command", "accept" }, { "call_id", callId } });
        const QString b = bob.send({ { "command", "accept" }, { "call_id", callId } });
        const json ra = alice.reply(a), rb = bob.reply(b);
        QVERIFY(ra.is_object() && rb.is_object());
        const bool aliceWon = ra.value("type", std::string()) == "ack";
        const bool bobWon = rb.value("type", std::string()) == "ack";
        QVERIFY2(aliceWon != bobWon, "exactly one operator must win");
        const json loser = aliceWon ? rb : ra;
        QCOMPARE(loser.value("code", std::string()), std::string("already_accepted"));
        const json accepted = alice.waitForType("escalation_accepted");
        QCOMPARE(stringAt(accepted, "operator"), aliceWon ? QStringLiteral("alice") : QStringLiteral("bob"));
        QVERIFY((aliceWon ? ra : rb).contains("waited_ms"));
        const json emptied = alice.waitFor([&](const json &m) { return m.value("type", std::string()) == "queue" && m["entries"].empty(); });
        QVERIFY(emptied.is_object());
        QCOMPARE(f.gateway().queueLength(), 0);
        caller->hangUp();
        QVERIFY(alice.waitForType("call_ended", 8000).is_object());
    }

    void escalationSlaOffersACallback()
    {
        GatewayFixture f([](telephony::GatewayConfig &c) { c.escalationSlaMs = 800; });
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        QCOMPARE(console.waitForType("snapshot").value("escalation_sla_ms", 0), 800);
        StandInCaller *caller = f.dial(QStringLiteral("sla1"));
        const QString callId = stringAt(console.waitForType("call_started")["call"], "call_id");
        caller->sayText(QStringLiteral("I want to talk to a human"));
        QVERIFY(console.waitForEvent(callId, "escalation").is_object());
        const qint64 framesAtQueue = caller->stats().mediaFramesReceived;

        // Nobody accepts: after the SLA the caller is offered a callback.
        const json expired = console.waitForType("escalation_expired", 5000);
        QVERIFY2(expired.is_object(), "the SLA never ran out");
        QVERIFY(expired.value("waited_ms", 0) >= 800);
        QVERIFY(caller->stats().mediaFramesReceived > framesAtQueue); // the caller is not left in silence
        const json offer = console.waitFor([&](const json &m) { return isCallEvent(m, callId, "agent") && eventText(m).find("call you back") != std::string::npos; });
        QVERIFY2(offer.is_object(), "no callback offer");
        QCOMPARE(console.reply(console.send({ { "command", "accept" }, { "call_id", callId } })).value("code", std::string()), std::string("call_ending"));

        caller->hangUp();
        const json ended = console.waitForType("call_ended", 8000);
        QVERIFY(ended.is_object());
        QCOMPARE(stringAt(ended, "outcome"), QStringLiteral("callback"));
        const auto record = f.record(stringAt(ended, "record_id"));
        QVERIFY(record.has_value());
        QCOMPARE(record->outcome, QStringLiteral("callback"));
        QVERIFY(QString::fromStdString(record->transcript.dump()).contains(QStringLiteral("call you back")));
    }

    void exotelChunksAreWholeMultiplesOf320()
    {
        GatewayFixture f;
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor"))));
        StandInCaller *caller = f.dial(QStringLiteral("ex1"), MediaProtocol::Exotel);
        std::vector<int> sizes;
        connect(caller, &StandInCaller::mediaReceived, this, [&](int samples, bool) { sizes.push_back(samples * 2); });
        const json started = console.waitForType("call_started");
        QCOMPARE(stringAt(started["call"], "provider"), QStringLiteral("exotel"));
        QVERIFY(QTest::qWaitFor([&] { return sizes.size() >= 8; }, 5000));
        for (int bytes : sizes) {
            QVERIFY2(bytes % 320 == 0, qPrintable(QStringLiteral("chunk of %1 bytes").arg(bytes)));
            QVERIFY2(bytes >= 3200, qPrintable(QStringLiteral("chunk of %1 bytes").arg(bytes)));
        }
        QVERIFY(caller->receivedEvents().contains(QStringLiteral("mark")));
        caller->hangUp();
        QVERIFY(console.waitForType("call_ended", 8000).is_object());
    }
};

QTEST_GUILESS_MAIN(TestGatewayCalls)
#include "tst_gatewaycalls.moc"
