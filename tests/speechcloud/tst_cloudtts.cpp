// Cartesia (/tts/bytes and WebSocket) and Azure Speech REST synthesizers against loopback fakes
// speaking the documented protocols (../shared/reference/protocols.md): exact headers and bodies
// out, raw audio back, split anywhere, converted to what the pipeline asked for.

#include "speech/cloud/cartesiawstts.h"
#include "speech/cloud/cloudttsengines.h"
#include "speech/mulaw.h"

#include "fakehttpserver.h"
#include "fakewebsocketserver.h"
#include "ttsrecorder.h"

#include <QTest>
#include <QUrlQuery>

using namespace ringside;
using namespace ringside::fakes;
using namespace ringside::testing;
using json = nlohmann::json;

namespace {
const QString kVoice = QStringLiteral("95856005-0332-41b0-935f-352e296aa0df");
const QString kTwoSentences = QStringLiteral("Your order shipped yesterday. It arrives Friday & Saturday.");

TtsConfig desktop(double speed = 1.0)
{
    TtsConfig c;
    c.voice = kVoice;
    c.language = QStringLiteral("en-US");
    c.sampleRate = 16000;
    c.speed = speed;
    return c;
}

CartesiaOptions cartesia(const QUrl &bytes, const QUrl &ws = {})
{
    CartesiaOptions o;
    o.bytesUrl = bytes;
    o.websocketUrl = ws;
    o.apiKey = QStringLiteral("k-123");
    o.requestTimeoutMs = 3000;
    return o;
}

// A chunked answer split at an odd byte, as a network may deliver it.
ScriptedResponse rawAudio(const QByteArray &bytes)
{
    ScriptedResponse r;
    r.status = 200;
    r.framing = ScriptedResponse::Framing::Chunked;
    r.withHeader("Content-Type", "application/octet-stream");
    const qsizetype cut = (bytes.size() / 2) | 1;
    r.withChunk(bytes.left(cut)).withChunk(bytes.mid(cut), 20);
    return r;
}

json wsChunk(const QString &context, const QByteArray &audio)
{
    return { { "type", "chunk" }, { "data", audio.toBase64().toStdString() }, { "context_id", context.toStdString() },
             { "done", false }, { "status_code", 206 } };
}
json wsDone(const QString &context)
{
    return { { "type", "done" }, { "context_id", context.toStdString() }, { "done", true }, { "status_code", 206 } };
}
} // namespace

class TestCloudTts : public QObject
{
    Q_OBJECT
private slots:
    void cartesiaBytesRequestsMatchTheProtocol()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        const auto first = rampSamples(1601), second = rampSamples(900, 53);
        server.enqueue(rawAudio(pcmBytes(first)));
        server.enqueue(rawAudio(pcmBytes(second)));
        auto tts = makeCartesiaBytesTts(cartesia(server.url(QStringLiteral("/tts/bytes"))));
        TtsRecorder rec;
        tts->synthesize(kTwoSentences, desktop(), rec.onChunk(), rec.onError());
        QVERIFY(rec.waitFinished());
        QVERIFY2(rec.errorList().isEmpty(), qPrintable(rec.errorList().join(QLatin1Char('\n'))));
        QCOMPARE(server.requests().size(), 2);
        const QStringList transcripts = { QStringLiteral("Your order shipped yesterday."), QStringLiteral("It arrives Friday & Saturday.") };
        for (int i = 0; i < 2; ++i) {
            const RecordedRequest &r = server.requests().at(i);
            QCOMPARE(r.method, QByteArray("POST"));
            QCOMPARE(r.path(), QStringLiteral("/tts/bytes"));
            QCOMPARE(r.header("Cartesia-Version"), QByteArray("2025-04-16"));
            QCOMPARE(r.header("Authorization"), QByteArray("Bearer k-123"));
            QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
            const json body = r.json();
            QCOMPARE(body.value("model_id", ""), std::string("sonic-2"));
            QCOMPARE(QString::fromStdString(body.value("transcript", "")), transcripts.at(i));
            QVERIFY(body["voice"] == (json{ { "mode", "id" }, { "id", kVoice.toStdString() } }));
            QVERIFY(body["output_format"] == (json{ { "container", "raw" }, { "encoding", "pcm_s16le" }, { "sample_rate", 16000 } }));
            QCOMPARE(body.value("language", ""), std::string("en"));
            QVERIFY(!body.contains("generation_config")); // sonic-2 takes no speed
            QVERIFY(!body.contains("context_id"));
        }
        std::vector<std::int16_t> expected = first;
        expected.insert(expected.end(), second.begin(), second.end());
        QCOMPARE(rec.pcm(), expected);
        QCOMPARE(rec.sentences(), transcripts);
        const auto chunks = rec.chunkList();
        QVERIFY(chunks.back().last && chunks.back().sentenceEnd);
        for (const TtsChunk &c : chunks)
            QCOMPARE(c.sampleRate, 16000);
    }

    void cartesiaSonic3SendsSpeedAndPhonesGetMuLaw()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        QByteArray mulaw;
        for (int i = 0; i < 800; ++i)
            mulaw.append(char(i % 256));
        server.enqueue(rawAudio(mulaw));
        CartesiaOptions o = cartesia(server.url(QStringLiteral("/tts/bytes")));
        o.model = QStringLiteral("sonic-3");
        auto tts = makeCartesiaBytesTts(o);
        TtsConfig phone = desktop(1.2);
        phone.sampleRate = 8000;
        phone.encoding = AudioEncoding::MuLaw;
        TtsRecorder rec;
        tts->synthesize(QStringLiteral("Thank you."), phone, rec.onChunk(), rec.onError());
        QVERIFY(rec.waitFinished());
        QVERIFY(rec.errorList().isEmpty());
        const json body = server.requests().at(0).json();
        QCOMPARE(body["generation_config"]["speed"].get<double>(), 1.2);
        QVERIFY(body["output_format"]["encoding"] == json("pcm_mulaw"));
        QVERIFY(body["output_format"]["sample_rate"] == json(8000));
        QByteArray got;
        for (const TtsChunk &c : rec.chunkList()) {
            QCOMPARE(c.encoding, AudioEncoding::MuLaw);
            got += c.audio;
        }
        QCOMPARE(got, mulaw); // passed through byte for byte
    }

    void cartesiaRefusedKeyAndMissingVoiceAreClear()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(ScriptedResponse::json(401, { { "error", "Invalid API key" } }));
        auto tts = makeCartesiaBytesTts(cartesia(server.url(QStringLiteral("/tts/bytes"))));
        TtsRecorder rec;
        tts->synthesize(QStringLiteral("Hello."), desktop(), rec.onChunk(), rec.onError());
        QVERIFY(rec.waitFinished());
        QCOMPARE(rec.errorList().size(), 1);
        QVERIFY2(rec.errorList().at(0).startsWith(QLatin1String("cartesia: HTTP 401")) && rec.errorList().at(0).contains(QLatin1String("API key")),
                 qPrintable(rec.errorList().at(0)));
        QVERIFY(rec.chunkList().isEmpty());

        TtsRecorder noVoice;
        TtsConfig c = desktop();
        c.voice.clear();
        tts->synthesize(QStringLiteral("Hello."), c, noVoice.onChunk(), noVoice.onError());
        QVERIFY(noVoice.waitFinished());
        QVERIFY2(noVoice.errorList().value(0).contains(QLatin1String("ttsVoice")), qPrintable(noVoice.errorList().value(0)));
        QCOMPARE(server.requests().size(), 1); // nothing was sent for it
    }

    void cartesiaWebSocketSpeaksEachSentenceInItsOwnContext()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        const auto audio = rampSamples(1200);
        const QByteArray bytes = pcmBytes(audio);
        server.setHandler([bytes](FakeWebSocketServer &s, int conn, const WsReceived &m) {
            const json req = m.json();
            if (!req.is_object() || req.contains("cancel"))
                return;
            const QString ctx = QString::fromStdString(req.value("context_id", ""));
            s.send(conn, { WsAction::json(wsChunk(ctx, bytes.left(1001))), WsAction::json(wsChunk(ctx, bytes.mid(1001)), 10),
                           WsAction::json(wsDone(ctx), 10) });
        });
        CartesiaWsTts tts(cartesia({}, server.url(QStringLiteral("/tts/websocket"))));
        TtsRecorder rec;
        tts.synthesize(kTwoSentences, desktop(), rec.onChunk(), rec.onError());
        QVERIFY(rec.waitFinished());
        QVERIFY2(rec.errorList().isEmpty(), qPrintable(rec.errorList().join(QLatin1Char('\n'))));
        QCOMPARE(server.connectionCount(), 1);
        const QUrlQuery q(server.connection(0).url);
        QCOMPARE(q.queryItemValue(QStringLiteral("cartesia_version")), QStringLiteral("2025-04-16"));
        QCOMPARE(q.queryItemValue(QStringLiteral("api_key")), QStringLiteral("k-123"));
        QCOMPARE(server.received().size(), 2);
        QStringList contexts;
        for (const WsReceived &m : server.received()) {
            QVERIFY(!m.binary);
            const json req = m.json();
            QCOMPARE(req.value("model_id", ""), std::string("sonic-2"));
            QVERIFY(req["voice"]["id"] == json(kVoice.toStdString()));
            QVERIFY(req["output_format"]["encoding"] == json("pcm_s16le"));
            QCOMPARE(req.value("continue", true), false);
            contexts << QString::fromStdString(req.value("context_id", ""));
        }
        QVERIFY(QString::fromStdString(server.received().at(1).json().value("transcript", "")) == QStringLiteral("It arrives Friday & Saturday."));
        QVERIFY(!contexts.at(0).isEmpty() && contexts.at(0) != contexts.at(1));
        std::vector<std::int16_t> expected = audio;
        expected.insert(expected.end(), audio.begin(), audio.end());
        QCOMPARE(rec.pcm(), expected);

        // The socket stays open for the next reply.
        TtsRecorder again;
        tts.synthesize(QStringLiteral("Anything else?"), desktop(), again.onChunk(), again.onError());
        QVERIFY(again.waitFinished());
        QCOMPARE(server.connectionCount(), 1);
        QCOMPARE(again.pcm(), audio);
    }

    // Whatever the server sends (a null context, numbers where strings belong, a non-object) is
    // ignored or reported, never an exception that ends the process.
    void cartesiaWebSocketSurvivesOddMessages()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        const QByteArray bytes = pcmBytes(rampSamples(400));
        server.setHandler([bytes](FakeWebSocketServer &s, int conn, const WsReceived &m) {
            const json req = m.json();
            if (!req.is_object() || req.contains("cancel"))
                return;
            const QString ctx = QString::fromStdString(req.value("context_id", ""));
            s.send(conn, { WsAction::json({ { "type", "chunk" }, { "context_id", nullptr }, { "data", "AAAA" } }),
                           WsAction::json({ { "type", 7 }, { "context_id", ctx.toStdString() } }),
                           WsAction::json({ { "type", "chunk" }, { "context_id", ctx.toStdString() }, { "data", 12 } }),
                           WsAction::json(json::array({ 1, 2 })), WsAction::text(QStringLiteral("null")),
                           WsAction::json(wsChunk(ctx, bytes)), WsAction::json(wsDone(ctx)) });
        });
        CartesiaWsTts tts(cartesia({}, server.url(QStringLiteral("/tts/websocket"))));
        TtsRecorder rec;
        tts.synthesize(QStringLiteral("Hello."), desktop(), rec.onChunk(), rec.onError());
        QVERIFY(rec.waitFinished());
        QVERIFY2(rec.errorList().isEmpty(), qPrintable(rec.errorList().join(QLatin1Char('\n'))));
        QCOMPARE(rec.pcm(), rampSamples(400));
    }

    void cartesiaWebSocketCancelAndErrors()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        const QByteArray bytes = pcmBytes(rampSamples(400));
        server.setHandler([bytes](FakeWebSocketServer &s, int conn, const WsReceived &m) {
            const json req = m.json();
            if (!req.is_object() || req.contains("cancel"))
                return;
            const QString ctx = QString::fromStdString(req.value("context_id", ""));
            if (req.value("transcript", "") == "Bad voice.")
                s.send(conn, { WsAction::json({ { "type", "error" }, { "context_id", ctx.toStdString() }, { "error", "voice not found" }, { "status_code", 400 } }) });
            else // one chunk, the rest much later
                s.send(conn, { WsAction::json(wsChunk(ctx, bytes)), WsAction::json(wsChunk(ctx, bytes), 300), WsAction::json(wsDone(ctx), 10) });
        });
        CartesiaWsTts tts(cartesia({}, server.url(QStringLiteral("/tts/websocket"))));
        TtsRecorder rec;
        const quint64 job = tts.synthesize(QStringLiteral("A long answer."), desktop(), rec.onChunk(), rec.onError());
        QTRY_COMPARE(rec.chunkList().size(), 1);
        tts.cancel(job);
        QVERIFY(server.waitForMessages(2));
        const json cancel = server.received().at(1).json();
        QCOMPARE(cancel.value("cancel", false), true);
        QVERIFY(cancel["context_id"] == server.received().at(0).json()["context_id"]);
        QTest::qWait(400);
        QCOMPARE(rec.chunkList().size(), 1); // nothing after the cancel
        QVERIFY(rec.errorList().isEmpty());

        TtsRecorder bad;
        tts.synthesize(QStringLiteral("Bad voice."), desktop(), bad.onChunk(), bad.onError());
        QVERIFY(bad.waitFinished());
        QCOMPARE(bad.errorList(), QStringList{ QStringLiteral("cartesia: voice not found") });

        // A dropped socket fails the job in flight; the next job opens a new one.
        server.setHandler([](FakeWebSocketServer &s, int conn, const WsReceived &) { s.send(conn, { WsAction::abort() }); });
        TtsRecorder dropped;
        tts.synthesize(QStringLiteral("Hello."), desktop(), dropped.onChunk(), dropped.onError());
        QVERIFY(dropped.waitFinished());
        QVERIFY2(dropped.errorList().value(0).startsWith(QLatin1String("cartesia: ")), qPrintable(dropped.errorList().value(0)));
        server.setHandler([bytes](FakeWebSocketServer &s, int conn, const WsReceived &m) {
            const QString ctx = QString::fromStdString(m.json().value("context_id", ""));
            s.send(conn, { WsAction::json(wsChunk(ctx, bytes)), WsAction::json(wsDone(ctx)) });
        });
        TtsRecorder next;
        tts.synthesize(QStringLiteral("Hello again."), desktop(), next.onChunk(), next.onError());
        QVERIFY(next.waitFinished());
        QVERIFY(next.errorList().isEmpty());
        QCOMPARE(server.connectionCount(), 2);
    }

    void azureSendsSsmlWithVoiceAndProsodyRate()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        const auto audio = rampSamples(1500);
        server.enqueue(rawAudio(pcmBytes(audio)));
        AzureTtsOptions o;
        o.url = server.url(QStringLiteral("/cognitiveservices/v1"));
        o.key = QStringLiteral("az-key");
        auto tts = makeAzureTts(o);
        TtsConfig c;
        c.voice = QStringLiteral("hi-IN-SwaraNeural");
        c.language = QStringLiteral("hi-IN");
        c.speed = 1.1;
        c.sampleRate = 16000;
        TtsRecorder rec;
        tts->synthesize(QStringLiteral("Aapka order <kal> aa jayega & paisa taiyar rakhein"), c, rec.onChunk(), rec.onError());
        QVERIFY(rec.waitFinished());
        QVERIFY2(rec.errorList().isEmpty(), qPrintable(rec.errorList().join(QLatin1Char('\n'))));
        const RecordedRequest &r = server.requests().at(0);
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path(), QStringLiteral("/cognitiveservices/v1"));
        QCOMPARE(r.header("Ocp-Apim-Subscription-Key"), QByteArray("az-key"));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/ssml+xml"));
        QCOMPARE(r.header("X-Microsoft-OutputFormat"), QByteArray("raw-16khz-16bit-mono-pcm"));
        QCOMPARE(QString::fromUtf8(r.body),
                 QStringLiteral("<speak version='1.0' xml:lang='hi-IN'><voice name='hi-IN-SwaraNeural'><prosody rate='+10%'>"
                                "Aapka order &lt;kal&gt; aa jayega &amp; paisa taiyar rakhein</prosody></voice></speak>"));
        QCOMPARE(rec.pcm(), audio);
    }

    // A 503 or a dropped connection before any audio: the sentence is sent again once, and the
    // caller hears the provider's voice throughout. A refusal (4xx) and a second failure of the same
    // sentence are reported at once, so FallbackTts speaks the rest.
    void azureRetriesATransientFailureOncePerSentence()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        const auto first = rampSamples(800);
        const auto second = rampSamples(900);
        ScriptedResponse unavailable;
        unavailable.status = 503;
        unavailable.withChunk("busy");
        ScriptedResponse dropped;
        dropped.raw = "HTTP/1.1 200 OK\r\nContent-Length: 4000\r\n\r\n"; // then closed: no audio
        server.enqueue(unavailable);
        server.enqueue(rawAudio(pcmBytes(first)));
        server.enqueue(dropped);
        server.enqueue(rawAudio(pcmBytes(second)));
        AzureTtsOptions o;
        o.url = server.url(QStringLiteral("/cognitiveservices/v1"));
        o.key = QStringLiteral("az-key");
        auto tts = makeAzureTts(o);
        TtsRecorder rec;
        tts->synthesize(QStringLiteral("Your order is confirmed. Thank you for shopping with us."), desktop(), rec.onChunk(),
                        rec.onError());
        QVERIFY(rec.waitFinished());
        QVERIFY2(rec.errorList().isEmpty(), qPrintable(rec.errorList().join(QLatin1Char('\n'))));
        QCOMPARE(server.requests().size(), 4);
        QCOMPARE(server.requests().at(0).body, server.requests().at(1).body); // the same sentence again
        QCOMPARE(server.requests().at(2).body, server.requests().at(3).body);
        std::vector<std::int16_t> both = first;
        both.insert(both.end(), second.begin(), second.end());
        QCOMPARE(rec.pcm(), both);

        // The same sentence failing twice: one retry, then the error.
        FakeHttpServer flaky;
        QVERIFY(flaky.listen());
        flaky.enqueue(unavailable);
        flaky.enqueue(unavailable);
        o.url = flaky.url(QStringLiteral("/cognitiveservices/v1"));
        auto flakyTts = makeAzureTts(o);
        TtsRecorder failed;
        flakyTts->synthesize(QStringLiteral("Hello."), desktop(), failed.onChunk(), failed.onError());
        QVERIFY(failed.waitFinished());
        QCOMPARE(flaky.requests().size(), 2);
        QCOMPARE(failed.errorList().size(), 1);
        QVERIFY2(failed.errorList().constFirst().contains(QStringLiteral("503")), qPrintable(failed.errorList().constFirst()));

        // A refusal is not retried.
        FakeHttpServer refusing;
        QVERIFY(refusing.listen());
        ScriptedResponse forbidden;
        forbidden.status = 401;
        forbidden.withChunk("bad key");
        refusing.enqueue(forbidden);
        o.url = refusing.url(QStringLiteral("/cognitiveservices/v1"));
        auto refusedTts = makeAzureTts(o);
        TtsRecorder refused;
        refusedTts->synthesize(QStringLiteral("Hello."), desktop(), refused.onChunk(), refused.onError());
        QVERIFY(refused.waitFinished());
        QCOMPARE(refusing.requests().size(), 1);
        QCOMPARE(refused.errorList().size(), 1);
    }

    void azurePhoneAudioIsMuLawAndOtherRatesAreConverted()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        QByteArray mulaw;
        for (int i = 0; i < 640; ++i)
            mulaw.append(char((i * 7) % 256));
        server.enqueue(rawAudio(mulaw));
        server.enqueue(rawAudio(pcmBytes(rampSamples(1600))));
        AzureTtsOptions o;
        o.url = server.url(QStringLiteral("/cognitiveservices/v1"));
        o.key = QStringLiteral("az-key");
        auto tts = makeAzureTts(o);

        TtsConfig phone;
        phone.language = QStringLiteral("en-US");
        phone.speed = 0.9;
        phone.sampleRate = 8000; // PCM16 asked: μ-law from Azure, decoded here
        TtsRecorder rec;
        tts->synthesize(QStringLiteral("Hello."), phone, rec.onChunk(), rec.onError());
        QVERIFY(rec.waitFinished());
        QCOMPARE(server.requests().at(0).header("X-Microsoft-OutputFormat"), QByteArray("raw-8khz-8bit-mono-mulaw"));
        QVERIFY(server.requests().at(0).body.contains("<voice name='en-US-JennyNeural'><prosody rate='-10%'>"));
        std::vector<std::int16_t> decoded(std::size_t(mulaw.size()));
        muLawDecode(reinterpret_cast<const std::uint8_t *>(mulaw.constData()), decoded.size(), decoded.data());
        QCOMPARE(rec.pcm(), decoded);

        TtsConfig wide = phone;
        wide.sampleRate = 24000;
        TtsRecorder rec24;
        tts->synthesize(QStringLiteral("Hello."), wide, rec24.onChunk(), rec24.onError());
        QVERIFY(rec24.waitFinished());
        QCOMPARE(server.requests().at(1).header("X-Microsoft-OutputFormat"), QByteArray("raw-16khz-16bit-mono-pcm"));
        const std::size_t got = rec24.pcm().size();
        QVERIFY2(got > 2300 && got <= 2400, qPrintable(QString::number(got))); // 1600 samples at 16 kHz → 2400 at 24 kHz
        for (const TtsChunk &ch : rec24.chunkList())
            QCOMPARE(ch.sampleRate, 24000);
    }
};

QTEST_GUILESS_MAIN(TestCloudTts)
#include "tst_cloudtts.moc"
