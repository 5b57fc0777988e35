// A live Hindi COD call through the gateway on the agent's own cloud providers: the shipped
// cod-confirmation agent names Google Chirp (sttProvider google) and Azure (ttsProvider azure,
// hi-IN-SwaraNeural). A stand-in Twilio or Exotel caller speaks (espeak-ng audio, 8 kHz, real-time
// pace); loopback fakes of Chirp and Azure hear it and speak the agent's replies, which leave the
// gateway as 8 kHz media frames. Then the providers die mid-call, and finally a gateway without
// Chirp keys takes a Hindi call the embedded recognizer cannot hear.
#include "cloudspeechfakes.h"
#include "gatewayfixture.h"
#include "speechtestaudio.h"

#include <QTest>

using namespace ringside;
using namespace ringside::test;
using telephony::MediaProtocol;
using telephony::StandInCaller;

namespace {

const QString kOrder = QStringLiteral("ORD-482950"); // a pending COD order in the demo store (seed 1)

std::string eventText(const json &m)
{
    return m["event"].value("text", std::string());
}

// A gateway whose environment points at the cloud fakes, a console, and one COD call dialled
// to it, up to its call_started.
struct LiveCodCall
{
    CloudSpeechFakes cloud;
    std::unique_ptr<GatewayFixture> f;
    MonitorClient console;
    StandInCaller *caller = nullptr;
    json started;
    QString callId;
    QString problem;

    LiveCodCall(const QStringList &heard, const QString &sid, MediaProtocol protocol, bool withChirp = true)
    {
        if (!cloud.listen()) {
            problem = QStringLiteral("the fakes cannot listen");
            return;
        }
        cloud.transcripts = heard;
        f = std::make_unique<GatewayFixture>([&](telephony::GatewayConfig &c) { c.environment = cloud.environment(withChirp); }, true);
        if (!f->ok()) {
            problem = f->error;
            return;
        }
        if (!console.open(f->url(QStringLiteral("ws"), QStringLiteral("/monitor?operator=asha")))) {
            problem = QStringLiteral("no console");
            return;
        }
        caller = f->dial(sid, protocol, { { QStringLiteral("agent"), QStringLiteral("cod-confirmation") }, { QStringLiteral("order"), kOrder } });
        started = console.waitForType("call_started", 10000);
        if (!started.is_object()) {
            problem = QStringLiteral("no call_started");
            return;
        }
        callId = stringAt(started["call"], "call_id");
    }
};

} // namespace

class TestGatewayCloud : public QObject
{
    Q_OBJECT

    // One breath, no commas: a pause inside would make two turns (the agent's endpointing is 300 ms).
    std::vector<std::int16_t> hindiLine(const QString &words)
    {
        EspeakTts voice;
        if (!voice.isAvailable())
            return {};
        std::vector<std::int16_t> pcm = silence(200, 8000);
        append(pcm, speak(voice, words, QStringLiteral("hi"), 1.0, 8000));
        return pcm;
    }

    // Waits until the agent has finished saying what it started (a "played" event after `from`).
    static bool waitPlayed(MonitorClient &console, const QString &callId, std::size_t from, int ms = 15000)
    {
        return console.waitForEvent(callId, "played", ms, from).is_object();
    }

private slots:
    void hindiCodCallOnChirpAndAzure_data()
    {
        QTest::addColumn<int>("protocol");
        QTest::newRow("twilio") << int(MediaProtocol::Twilio);
        QTest::newRow("exotel") << int(MediaProtocol::Exotel);
    }

    void hindiCodCallOnChirpAndAzure()
    {
        QFETCH(int, protocol);
        const std::vector<std::int16_t> yes = hindiLine(QStringLiteral("हाँ जी कन्फर्म कर दीजिए"));
        const std::vector<std::int16_t> no = hindiLine(QStringLiteral("नहीं धन्यवाद"));
        QVERIFY2(yes.size() > 8000 && no.size() > 4000, "espeak-ng could not speak Hindi");

        LiveCodCall live({ QStringLiteral("हाँ जी, कन्फर्म कर दीजिए"), QStringLiteral("नहीं, धन्यवाद") },
                         QStringLiteral("codcloud%1").arg(protocol), MediaProtocol(protocol));
        QVERIFY2(live.problem.isEmpty(), qPrintable(live.problem));
        // Named references, not a structured binding: clang 14 (CI's noui tree) cannot capture
        // structured bindings in the lambdas below.
        auto &cloud = live.cloud;
        auto &f = live.f;
        auto &console = live.console;
        auto &caller = live.caller;
        auto &started = live.started;
        auto &callId = live.callId;
        const json &call = started["call"];
        QVERIFY2(call.value("can_hear", false), call.dump().c_str());
        QCOMPARE(stringAt(call, "stt"), QStringLiteral("google"));
        QCOMPARE(stringAt(call, "tts"), QStringLiteral("azure"));
        QCOMPARE(stringAt(call, "language"), QStringLiteral("hi-IN"));

        // The greeting is Azure's audio (Swara, 8 kHz μ-law asked), played to the caller.
        QVERIFY(waitPlayed(console, callId, 0));
        QVERIFY(cloud.azure->requests().size() >= 1);
        const fakes::RecordedRequest &greeting = cloud.azure->requests().at(0);
        QCOMPARE(greeting.header("Ocp-Apim-Subscription-Key"), QByteArray("fake-azure-key"));
        QCOMPARE(greeting.header("X-Microsoft-OutputFormat"), QByteArray("raw-8khz-8bit-mono-mulaw"));
        QVERIFY2(greeting.body.contains("<voice name='hi-IN-SwaraNeural'>"), greeting.body.constData());
        QVERIFY2(greeting.body.contains("Namaste"), greeting.body.constData());
        QVERIFY(QTest::qWaitFor([&] { return containsRun(caller->receivedAudio(), cloud.azureSpeech); }, 3000));

        // The caller confirms in Hindi: one Chirp request for the turn, in hi-IN, 16 kHz LINEAR16.
        const std::size_t beforeYes = console.messages.size();
        const std::size_t heardBefore = caller->receivedAudio().size();
        caller->say(yes);
        const json final = console.waitForEvent(callId, "user_final", 15000, beforeYes);
        QVERIFY2(final.is_object(), "the confirmation was not heard");
        QCOMPARE(QString::fromStdString(eventText(final)), QStringLiteral("हाँ जी, कन्फर्म कर दीजिए"));
        QCOMPARE(cloud.chirp->requests().size(), 1);
        const json body = cloud.chirp->requests().at(0).json();
        QCOMPARE(cloud.chirp->requests().at(0).path(), QStringLiteral("/v2/projects/ringside-test/locations/asia-south1/recognizers/_:recognize"));
        QCOMPARE(cloud.chirp->requests().at(0).header("Authorization"), QByteArray("Bearer ya29.fake-token"));
        const json config = body.value("config", json::object());
        QCOMPARE(QString::fromStdString(config.value("languageCodes", json()).dump()), QStringLiteral("[\"hi-IN\"]"));
        QCOMPARE(config.value("explicitDecodingConfig", json::object()).value("sampleRateHertz", 0), 16000);
        // At least the spoken part of the line went to Chirp (16 kHz PCM16, base64).
        const QByteArray audio = QByteArray::fromBase64(QByteArray::fromStdString(body.value("content", std::string())));
        QVERIFY2(audio.size() > qsizetype(yes.size()) * 2, qPrintable(QString::number(audio.size())));

        const json tool = console.waitForEvent(callId, "tool_call", 10000, beforeYes);
        QVERIFY2(tool.is_object(), "no confirm_cod_order");
        QCOMPARE(tool["event"].value("name", std::string()), std::string("confirm_cod_order"));
        QCOMPARE(tool["event"]["arguments"].value("order_id", std::string()), kOrder.toStdString());
        QCOMPARE(tool["event"]["arguments"].value("confirmed", false), true);
        const json reply = console.waitFor([&](const json &m) { return isCallEvent(m, callId, "agent") && eventText(m).find("confirm ho gaya") != std::string::npos; },
                                           10000, beforeYes);
        QVERIFY2(reply.is_object(), "no confirmation reply");
        // Synthesized by Azure and heard by the caller as its audio.
        QVERIFY(QTest::qWaitFor([&] { return cloud.azureTexts().join(QString()).contains(QStringLiteral("confirm ho gaya")); }, 5000));
        QVERIFY(QTest::qWaitFor([&] {
            const auto &heard = caller->receivedAudio();
            return containsRun(std::vector<std::int16_t>(heard.begin() + std::ptrdiff_t(heardBefore), heard.end()), cloud.azureSpeech);
        }, 8000));
        QVERIFY(waitPlayed(console, callId, beforeYes));

        // "No, thank you": the call ends confirmed, the record written.
        const std::size_t beforeNo = console.messages.size();
        caller->say(no);
        const json ended = console.waitForType("call_ended", 20000, beforeNo);
        QVERIFY2(ended.is_object(), "the call did not end");
        QCOMPARE(stringAt(ended, "outcome"), QStringLiteral("confirmed"));
        QCOMPARE(cloud.chirp->requests().size(), 2);
        const auto record = f->record(stringAt(ended, "record_id"));
        QVERIFY(record.has_value());
        QCOMPARE(record->language, QStringLiteral("hi-IN"));
        QCOMPARE(record->channel, protocol == int(MediaProtocol::Twilio) ? QStringLiteral("twilio") : QStringLiteral("exotel"));
        QCOMPARE(record->outcome, QStringLiteral("confirmed"));
        QCOMPARE(console.count([&](const json &m) { return isCallEvent(m, callId, "speech_error"); }), 0);
    }

    // Chirp answers one request 503 (a blip on Google's side): the request is sent again, the
    // caller's words are heard, and the rest of the call is heard too — no speech_error, no apology.
    void chirpUnavailableOnceStillHearsTheCall()
    {
        const std::vector<std::int16_t> yes = hindiLine(QStringLiteral("हाँ जी कन्फर्म कर दीजिए"));
        const std::vector<std::int16_t> no = hindiLine(QStringLiteral("नहीं धन्यवाद"));
        QVERIFY2(yes.size() > 8000 && no.size() > 4000, "espeak-ng could not speak Hindi");

        LiveCodCall live({ QStringLiteral("हाँ जी, कन्फर्म कर दीजिए"), QStringLiteral("नहीं, धन्यवाद") }, QStringLiteral("cod503"),
                         MediaProtocol::Twilio);
        QVERIFY2(live.problem.isEmpty(), qPrintable(live.problem));
        auto &cloud = live.cloud;
        auto &console = live.console;
        auto &caller = live.caller;
        auto &callId = live.callId;
        QVERIFY(waitPlayed(console, callId, 0));

        cloud.chirpUnavailable = 1;
        const std::size_t beforeYes = console.messages.size();
        caller->say(yes);
        const json final = console.waitForEvent(callId, "user_final", 15000, beforeYes);
        QVERIFY2(final.is_object(), "the confirmation was not heard");
        QCOMPARE(QString::fromStdString(eventText(final)), QStringLiteral("हाँ जी, कन्फर्म कर दीजिए"));
        QCOMPARE(cloud.chirp->requests().size(), 2); // the 503, then the same audio again
        QCOMPARE(cloud.chirp->requests().at(1).body, cloud.chirp->requests().at(0).body);
        const json tool = console.waitForEvent(callId, "tool_call", 10000, beforeYes);
        QVERIFY2(tool.is_object(), "no confirm_cod_order");
        QCOMPARE(tool["event"]["arguments"].value("confirmed", false), true);
        QVERIFY(waitPlayed(console, callId, beforeYes));

        // The next turn is heard as well: the call ends confirmed.
        const std::size_t beforeNo = console.messages.size();
        caller->say(no);
        const json ended = console.waitForType("call_ended", 20000, beforeNo);
        QVERIFY2(ended.is_object(), "the call did not end");
        QCOMPARE(stringAt(ended, "outcome"), QStringLiteral("confirmed"));
        QCOMPARE(cloud.chirp->requests().size(), 3);
        QCOMPARE(console.count([&](const json &m) { return isCallEvent(m, callId, "speech_error"); }), 0);
    }

    // Azure dies first: the reply is spoken by espeak-ng and the call goes on. Then Chirp dies:
    // nothing can hear Hindi, so the agent apologises and the call waits for an operator.
    void providersDieMidCall()
    {
        const std::vector<std::int16_t> yes = hindiLine(QStringLiteral("हाँ जी कन्फर्म कर दीजिए"));
        const std::vector<std::int16_t> more = hindiLine(QStringLiteral("एक और बात पूछनी थी"));
        QVERIFY2(yes.size() > 8000 && more.size() > 8000, "espeak-ng could not speak Hindi");

        LiveCodCall live({ QStringLiteral("हाँ जी, कन्फर्म कर दीजिए"), QStringLiteral("एक और बात पूछनी थी") }, QStringLiteral("codfail1"),
                         MediaProtocol::Twilio);
        QVERIFY2(live.problem.isEmpty(), qPrintable(live.problem));
        // Named references, not a structured binding: clang 14 (CI's noui tree) cannot capture
        // structured bindings in the lambdas below.
        auto &cloud = live.cloud;
        auto &f = live.f;
        auto &console = live.console;
        auto &caller = live.caller;
        auto &callId = live.callId;
        QVERIFY(waitPlayed(console, callId, 0));

        // Azure goes away; the caller's confirmation is still heard and answered, in espeak-ng.
        cloud.killAzure();
        const std::size_t beforeYes = console.messages.size();
        int framesAfter = 0;
        connect(caller, &StandInCaller::mediaReceived, this, [&](int, bool speech) { framesAfter += speech ? 1 : 0; });
        caller->say(yes);
        QVERIFY2(console.waitForEvent(callId, "tool_call", 15000, beforeYes).is_object(), "the confirmation was not acted on");
        const json fallback = console.waitFor([&](const json &m) {
            return isCallEvent(m, callId, "notice") && m["event"].value("message", std::string()).find("ttsProvider") != std::string::npos;
        }, 10000, beforeYes);
        QVERIFY2(fallback.is_object(), "no notice that the synthesizer fell back");
        QVERIFY2(fallback["event"].value("message", std::string()).find("continues the call") != std::string::npos, fallback.dump().c_str());
        QVERIFY2(waitPlayed(console, callId, beforeYes), "the reply was not played");
        QVERIFY2(framesAfter > 50, qPrintable(QString::number(framesAfter))); // over a second of reply audio
        QVERIFY(caller->isOpen());

        // Chirp goes away: the next turn cannot be recognized and nothing else hears Hindi.
        cloud.killChirp();
        const std::size_t beforeMore = console.messages.size();
        caller->say(more);
        const json error = console.waitForEvent(callId, "speech_error", 15000, beforeMore);
        QVERIFY2(error.is_object(), "the failed recognizer was not reported");
        QVERIFY2(error["event"].value("message", std::string()).find("embedded recognizer continues") == std::string::npos, error.dump().c_str());
        const json apology = console.waitFor([&](const json &m) {
            return isCallEvent(m, callId, "agent") && m["event"].value("by", std::string()) == "gateway";
        }, 5000, beforeMore);
        QVERIFY2(apology.is_object(), "no apology");
        QVERIFY2(QString::fromStdString(eventText(apology)).contains(QStringLiteral("माफ़ कीजिए")), apology.dump().c_str());
        const json escalation = console.waitForEvent(callId, "escalation", 5000, beforeMore);
        QVERIFY2(escalation.is_object(), "the call was not handed to an operator");
        QCOMPARE(escalation["event"].value("reason", std::string()), std::string("cannot_hear"));
        QCOMPARE(f->gateway().queueLength(), 1);
        // The apology is heard (espeak-ng: Azure is gone), the line stays open for the operator,
        // and no empty turn reaches the agent.
        QVERIFY(waitPlayed(console, callId, beforeMore));
        QVERIFY(caller->isOpen());
        std::size_t escalatedAt = beforeMore;
        while (escalatedAt < console.messages.size() && !isCallEvent(console.messages[escalatedAt], callId, "escalation"))
            ++escalatedAt;
        QTest::qWait(500);
        QCOMPARE(console.count([&](const json &m) { return isCallEvent(m, callId, "user") || isCallEvent(m, callId, "user_final"); }, escalatedAt), 0);

        caller->hangUp();
        const json ended = console.waitForType("call_ended", 10000, beforeMore);
        QVERIFY2(ended.is_object(), "the call did not end");
        const auto record = f->record(stringAt(ended, "record_id"));
        QVERIFY(record.has_value());
        QCOMPARE(record->escalationReason, QStringLiteral("cannot_hear"));
    }

    // No Chirp keys: the embedded recognizer cannot hear hi-IN. The call is answered, says why
    // (call_started notices, the record), greets, apologises and waits for an operator.
    void hindiWithoutCloudRecognizerGoesToAnOperator()
    {
        LiveCodCall live({}, QStringLiteral("codnokey1"), MediaProtocol::Twilio, false);
        QVERIFY2(live.problem.isEmpty(), qPrintable(live.problem));
        // Named references, not a structured binding: clang 14 (CI's noui tree) cannot capture
        // structured bindings in the lambdas below.
        auto &cloud = live.cloud;
        auto &f = live.f;
        auto &console = live.console;
        auto &caller = live.caller;
        auto &started = live.started;
        auto &callId = live.callId;
        const json &call = started["call"];
        QVERIFY(!call.value("can_hear", true));
        QCOMPARE(stringAt(call, "tts"), QStringLiteral("azure"));
        const std::string notices = call.value("notices", json::array()).dump();
        QVERIFY2(notices.find("sttProvider google: GOOGLE_ACCESS_TOKEN and GOOGLE_CLOUD_PROJECT are not set") != std::string::npos, notices.c_str());

        const json greeting = console.waitForEvent(callId, "agent", 5000);
        QVERIFY(greeting.is_object());
        QVERIFY(eventText(greeting).find("Namaste") != std::string::npos);
        const json apology = console.waitFor([&](const json &m) {
            return isCallEvent(m, callId, "agent") && m["event"].value("by", std::string()) == "gateway";
        }, 5000);
        QVERIFY2(apology.is_object(), "no apology");
        QVERIFY(QString::fromStdString(eventText(apology)).contains(QStringLiteral("माफ़ कीजिए")));
        const json escalation = console.waitForEvent(callId, "escalation", 5000);
        QVERIFY2(escalation.is_object(), "the call was not handed to an operator");
        QCOMPARE(escalation["event"].value("reason", std::string()), std::string("cannot_hear"));
        // Both were spoken by Azure, after each other: greeting first.
        QVERIFY(QTest::qWaitFor([&] { return cloud.azureTexts().join(QString()).contains(QStringLiteral("माफ़ कीजिए")); }, 8000));
        QVERIFY(cloud.azureTexts().first().contains(QStringLiteral("Namaste")));

        caller->hangUp();
        const json ended = console.waitForType("call_ended", 10000);
        QVERIFY2(ended.is_object(), "the call did not end");
        const auto record = f->record(stringAt(ended, "record_id"));
        QVERIFY(record.has_value());
        QCOMPARE(record->escalationReason, QStringLiteral("cannot_hear"));
        QVERIFY2(QString::fromStdString(record->transcript.dump()).contains(QStringLiteral("GOOGLE_ACCESS_TOKEN")), "the record does not say why");
    }
};

QTEST_MAIN(TestGatewayCloud)
#include "tst_gatewaycloud.moc"
