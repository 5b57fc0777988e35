// The whole chain with real speech: a stand-in Twilio caller speaks (espeak-ng audio, μ-law at
// real-time pace) over the agent's greeting and then gives its order number over the question; the gateway's embedded pocketsphinx hears it, the
// Order Tracker looks the order up and the reply comes back as paced μ-law media frames, while a
// console sees every step and the call record is written.
#include "gatewayfixture.h"
#include "speechtestaudio.h"

#include <QTest>

using namespace ringside;
using namespace ringside::test;
using telephony::StandInCaller;

class TestGatewaySpoken : public QObject
{
    Q_OBJECT

private slots:
    void spokenWismoCall()
    {
        EspeakTts voice;
        QVERIFY2(voice.isAvailable(), qPrintable(voice.initError()));
        const std::vector<std::int16_t> question = speak(voice, QStringLiteral("Where is my order?"), QStringLiteral("en-us"), 1.0, 8000);
        const std::vector<std::int16_t> number = speak(voice, readAloud(QStringLiteral("ORD482913")), QStringLiteral("en-us"), 1.0, 8000);
        QVERIFY(question.size() > 4000 && number.size() > 8000);

        GatewayFixture f({}, true);
        QVERIFY2(f.ok(), qPrintable(f.error));
        MonitorClient console;
        QVERIFY(console.open(f.url(QStringLiteral("ws"), QStringLiteral("/monitor?operator=asha"))));
        StandInCaller *caller = f.dial(QStringLiteral("spoken1"));
        int speechFrames = 0;
        std::vector<qint64> replyArrivals;
        bool heardFinal = false;
        connect(caller, &StandInCaller::mediaReceived, this, [&](int samples, bool speech) {
            QCOMPARE(samples, 160);
            speechFrames += speech ? 1 : 0;
            if (heardFinal)
                replyArrivals.push_back(StandInCaller::nowNs());
        });
        const json started = console.waitForType("call_started");
        QVERIFY(started.is_object());
        QVERIFY(started["call"].value("can_hear", false));
        const QString callId = stringAt(started["call"], "call_id");

        // The greeting starts; the caller does not wait for it to finish.
        QVERIFY(QTest::qWaitFor([&] { return speechFrames >= 25; }, 5000));
        const std::size_t beforeQuestion = console.messages.size();
        caller->say(question);
        // The caller is heard over the greeting (the phone is told to drop the rest of it), and the
        // agent asks for the order or phone number; the caller answers over that question too.
        QVERIFY2(console.waitForEvent(callId, "user_final", 10000, beforeQuestion).is_object(), "the question was not heard");
        const json asked = console.waitForEvent(callId, "agent", 5000, beforeQuestion);
        QVERIFY2(asked.is_object(), "the agent did not answer the question");
        QVERIFY2(asked["event"].value("text", std::string()).find("phone") != std::string::npos, asked.dump().c_str());
        QVERIFY(QTest::qWaitFor([&] { return caller->stats().clears > 0; }, 3000));
        const int framesAtQuestion = speechFrames;
        QVERIFY(QTest::qWaitFor([&] { return speechFrames >= framesAtQuestion + 25; }, 5000));
        caller->say(number);
        const json tool = console.waitForEvent(callId, "tool_call", 15000);
        QStringList heard;
        for (const json &m : console.messages) {
            if (isCallEvent(m, callId, "user_final"))
                heard << QString::fromStdString(m["event"].value("text", std::string()));
        }
        QVERIFY2(!heard.isEmpty(), "nothing was recognized");
        QVERIFY2(tool.is_object(), qPrintable(QStringLiteral("no lookup after hearing \"%1\"").arg(heard.join(QStringLiteral("\" / \"")))));
        heardFinal = true;
        QVERIFY2(heard.join(QLatin1Char(' ')).contains(QStringLiteral("order")), qPrintable(heard.join(QStringLiteral(" / "))));
        QCOMPARE(tool["event"].value("name", std::string()), std::string("get_order_status"));
        QCOMPARE(tool["event"]["arguments"].value("order_id", std::string()), std::string("ORD-482913"));
        QVERIFY(console.waitFor([&](const json &m) {
                           return isCallEvent(m, callId, "agent") && m["event"].value("text", std::string()).find("Blue Dart") != std::string::npos;
                       }).is_object());

        // The reply is heard: paced 20 ms frames, the caller's turn latency measured on the audio.
        QVERIFY(QTest::qWaitFor([&] { return replyArrivals.size() >= 40; }, 6000));
        const double spanMs = double(replyArrivals[39] - replyArrivals[0]) / 1e6;
        QVERIFY2(spanMs > 39 * 20 - 250, qPrintable(QStringLiteral("40 reply frames arrived within %1 ms").arg(spanMs)));
        QVERIFY(!caller->stats().turnLatenciesMs.empty());
        QVERIFY(console.waitForEvent(callId, "turn_latency", 3000).is_object());
        QVERIFY(console.waitForEvent(callId, "user_speech_started", 100).is_object());

        caller->hangUp();
        const json ended = console.waitForType("call_ended", 8000);
        QVERIFY(ended.is_object());
        const auto record = f.record(stringAt(ended, "record_id"));
        QVERIFY(record.has_value());
        const QString transcript = QString::fromStdString(record->transcript.dump());
        QVERIFY(transcript.contains(QStringLiteral("get_order_status")));
        QVERIFY(transcript.contains(QStringLiteral("Blue Dart")));
    }
};

QTEST_GUILESS_MAIN(TestGatewaySpoken)
#include "tst_gatewayspoken.moc"
