// A provider failing mid-call never leaves a dead call: the cloud synthesizer dropping its socket
// in the middle of a reply, and the cloud recognizer's socket closing mid-turn, are both taken
// over by the embedded engines (espeak-ng, pocketsphinx) with nothing lost. And the provider
// factory picks engines by name with keys from the environment.

#include "speech/cloud/cartesiawstts.h"
#include "speech/cloud/deepgramstt.h"
#include "speech/cloud/fallbackstt.h"
#include "speech/cloud/fallbacktts.h"
#include "speech/cloud/speechproviders.h"
#include "speech/pocketsphinxstt.h"

#include "fakewebsocketserver.h"
#include "speechtestaudio.h"
#include "sttrecorder.h"
#include "ttsrecorder.h"

#include <QTest>

#include <atomic>

using namespace ringside;
using namespace ringside::fakes;
using namespace ringside::testing;
using json = nlohmann::json;

namespace {
json wsChunk(const std::string &context, const QByteArray &audio)
{
    return { { "type", "chunk" }, { "data", audio.toBase64().toStdString() }, { "context_id", context }, { "done", false } };
}
} // namespace

class TestSpeechFallback : public QObject
{
    Q_OBJECT
    std::shared_ptr<const PocketsphinxModel> m_model;

private slots:
    void initTestCase()
    {
        auto model = PocketsphinxModel::load();
        QVERIFY2(model.ok(), qPrintable(model.error()));
        m_model = model.value();
    }

    void synthesizerDroppingMidReplyIsFinishedByTheEmbeddedOne()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        const QByteArray bytes = pcmBytes(rampSamples(1600));
        // The first sentence arrives whole; the second gets one chunk, then the connection drops.
        server.setHandler([bytes](FakeWebSocketServer &s, int conn, const WsReceived &m) {
            const json req = m.json();
            const std::string ctx = req.value("context_id", "");
            if (s.receivedOn(conn).size() == 1)
                s.send(conn, { WsAction::json(wsChunk(ctx, bytes)), WsAction::json({ { "type", "done" }, { "context_id", ctx } }, 10) });
            else
                s.send(conn, { WsAction::json(wsChunk(ctx, bytes)), WsAction::abort(30) });
        });
        CartesiaOptions o;
        o.websocketUrl = server.url(QStringLiteral("/tts/websocket"));
        o.apiKey = QStringLiteral("k");
        std::atomic<int> fallbacks{ 0 };
        QString reason;
        std::mutex reasonMutex;
        FallbackTts tts(std::make_shared<CartesiaWsTts>(o), std::make_shared<EspeakTts>(), [&](const QString &why) {
            std::lock_guard l(reasonMutex);
            reason = why;
            ++fallbacks;
        });
        TtsConfig cfg;
        cfg.voice = QStringLiteral("95856005-0332-41b0-935f-352e296aa0df");
        cfg.sampleRate = 16000;
        TtsRecorder rec;
        tts.synthesize(QStringLiteral("Your order shipped yesterday. It arrives on Friday. Anything else?"), cfg, rec.onChunk(), rec.onError());
        QVERIFY(rec.waitFinished(10000));
        QVERIFY2(rec.errorList().isEmpty(), qPrintable(rec.errorList().join(QLatin1Char('\n'))));
        QCOMPARE(fallbacks.load(), 1);
        QVERIFY2(reason.startsWith(QLatin1String("cartesia: ")) && reason.contains(QLatin1String("espeak-ng continues")), qPrintable(reason));
        // Every sentence was spoken, the interrupted one again in full, in order, as one reply.
        const QStringList sentences = rec.sentences();
        QCOMPARE(sentences, (QStringList{ QStringLiteral("Your order shipped yesterday."), QStringLiteral("It arrives on Friday."),
                                          QStringLiteral("It arrives on Friday."), QStringLiteral("Anything else?") }));
        int lastIndex = -1;
        for (const TtsChunk &c : rec.chunkList()) {
            QVERIFY(c.sentenceIndex >= lastIndex);
            lastIndex = c.sentenceIndex;
        }
        // The embedded voice is real speech, well beyond the 3 × 1600 samples the fake sent.
        QVERIFY2(rec.pcm().size() > 16000, qPrintable(QString::number(rec.pcm().size())));
        QVERIFY(tts.hasFallenBack());
        QCOMPARE(tts.name(), QStringLiteral("espeak-ng"));

        // The rest of the call stays on the embedded engine: the provider is not asked again.
        const int sent = int(server.received().size());
        TtsRecorder next;
        tts.synthesize(QStringLiteral("Goodbye."), cfg, next.onChunk(), next.onError());
        QVERIFY(next.waitFinished(10000));
        QVERIFY(next.errorList().isEmpty());
        QCOMPARE(int(server.received().size()), sent);
        QCOMPARE(fallbacks.load(), 1);
    }

    void recognizerClosingMidTurnIsTakenOverWithTheTurnsAudio()
    {
        FakeWebSocketServer server;
        QVERIFY(server.listen());
        // Deepgram fails after the first audio frame of the call: 1011, as on an internal error.
        server.setHandler([](FakeWebSocketServer &s, int conn, const WsReceived &m) {
            if (m.binary && s.receivedOn(conn).size() == 1)
                s.send(conn, { WsAction::close(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("internal error")) });
        });
        DeepgramOptions o;
        o.url = server.url(QStringLiteral("/v1/listen"));
        o.apiKey = QStringLiteral("dg");
        auto model = m_model;
        FallbackStt stt(std::make_unique<DeepgramStt>(o), [model] { return std::make_unique<PocketsphinxStt>(model); });
        SttRecorder rec;
        SttConfig cfg;
        cfg.sampleRate = 16000;
        QVERIFY(stt.start(cfg, rec.callbacks()));
        QCOMPARE(stt.name(), QStringLiteral("deepgram"));

        EspeakTts tts;
        std::vector<std::int16_t> audio = test::silence(200, 16000);
        test::append(audio, test::speak(tts, QStringLiteral("where is my order"), QStringLiteral("en-us"), 1.0, 16000));
        test::append(audio, test::silence(300, 16000));
        const std::size_t frame = 320;
        stt.feed(audio.data(), frame);
        QVERIFY(rec.waitErrors(1));
        for (std::size_t at = frame; at < audio.size(); at += frame)
            stt.feed(audio.data() + at, std::min(frame, audio.size() - at));
        stt.finalize();
        QVERIFY(rec.waitFinals(1));
        QVERIFY(stt.hasFallenBack());
        QCOMPARE(stt.name(), QStringLiteral("pocketsphinx"));
        QVERIFY2(rec.error(0).contains(QLatin1String("1011")) && rec.error(0).contains(QLatin1String("embedded recognizer continues")),
                 qPrintable(rec.error(0)));
        // The words spoken before the failure were replayed: the whole line is heard.
        QCOMPARE(test::normalizeTranscript(rec.finalText(0)), QStringLiteral("where is my order"));
        QCOMPARE(rec.errorCount(), 1);
    }

    void providersComeFromTheAgentAndTheEnvironment()
    {
        QProcessEnvironment none;
        SpeechProviders bare(none);
        SpeechChoice c = bare.choose(QStringLiteral("deepgram"), QString(), QStringLiteral("cartesia"));
        QVERIFY(c.stt && c.tts);
        QCOMPARE(c.stt->name(), QStringLiteral("pocketsphinx"));
        QCOMPARE(c.tts->name(), QStringLiteral("espeak-ng"));
        QVERIFY2(c.notices.join(QLatin1Char('\n')).contains(QLatin1String("DEEPGRAM_API_KEY")), qPrintable(c.notices.join(QLatin1Char('\n'))));
        QVERIFY(c.notices.join(QLatin1Char('\n')).contains(QLatin1String("CARTESIA_API_KEY")));

        QProcessEnvironment keys;
        keys.insert(QStringLiteral("DEEPGRAM_API_KEY"), QStringLiteral("dg"));
        keys.insert(QStringLiteral("CARTESIA_API_KEY"), QStringLiteral("ca"));
        keys.insert(QStringLiteral("AZURE_SPEECH_KEY"), QStringLiteral("az"));
        keys.insert(QStringLiteral("AZURE_SPEECH_REGION"), QStringLiteral("centralindia"));
        keys.insert(QStringLiteral("GOOGLE_ACCESS_TOKEN"), QStringLiteral("ya29"));
        keys.insert(QStringLiteral("GOOGLE_CLOUD_PROJECT"), QStringLiteral("p"));
        SpeechProviders keyed(keys);
        c = keyed.choose(QStringLiteral("deepgram"), QStringLiteral("nova-2"), QStringLiteral("cartesia"));
        QCOMPARE(c.stt->name(), QStringLiteral("deepgram"));
        QCOMPARE(c.tts->name(), QStringLiteral("cartesia"));
        QVERIFY(c.notices.isEmpty());
        c = keyed.choose(QStringLiteral("google"), QStringLiteral("chirp"), QStringLiteral("azure"));
        QCOMPARE(c.stt->name(), QStringLiteral("google"));
        QCOMPARE(c.tts->name(), QStringLiteral("azure"));
        c = keyed.choose(QStringLiteral("whisper"), QString(), QStringLiteral("embedded"));
        QCOMPARE(c.stt->name(), QStringLiteral("pocketsphinx"));
        QVERIFY2(c.notices.value(0).contains(QLatin1String("whisper")) && c.notices.value(0).contains(QLatin1String("not a known provider")),
                 qPrintable(c.notices.value(0)));
    }
};

QTEST_GUILESS_MAIN(TestSpeechFallback)
#include "tst_speechfallback.moc"
