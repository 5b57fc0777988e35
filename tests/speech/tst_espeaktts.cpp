#include "speech/espeaktts.h"
#include "speech/sentencesplitter.h"

#include "speechtestaudio.h"

#include <QTest>

#include <condition_variable>
#include <mutex>

using namespace ringside;
using namespace ringside::test;

namespace {
// Collects one job's chunks and errors from the engine's thread.
struct Collector
{
    std::mutex m;
    std::condition_variable cv;
    QList<TtsChunk> chunks;
    QString error;
    bool done = false;

    TtsEngine::ChunkHandler chunkHandler()
    {
        return [this](const TtsChunk &c) {
            std::lock_guard lock(m);
            chunks.append(c);
            if (c.last) {
                done = true;
                cv.notify_all();
            }
        };
    }
    TtsEngine::ErrorHandler errorHandler()
    {
        return [this](quint64, const QString &message) {
            std::lock_guard lock(m);
            error = message;
            done = true;
            cv.notify_all();
        };
    }
    bool wait(int ms = 20000)
    {
        std::unique_lock lock(m);
        return cv.wait_for(lock, std::chrono::milliseconds(ms), [this] { return done; });
    }
    std::size_t samples()
    {
        std::size_t n = 0;
        for (const TtsChunk &c : chunks)
            n += c.sampleCount();
        return n;
    }
};

TtsConfig config(int rate = 16000, AudioEncoding enc = AudioEncoding::Pcm16, double speed = 1.0)
{
    TtsConfig c;
    c.sampleRate = rate;
    c.encoding = enc;
    c.speed = speed;
    return c;
}

const QString kReply = QStringLiteral("Your order shipped yesterday via BlueDart. It should arrive by Thursday. "
                                      "Would you like the tracking number?");
} // namespace

class TestEspeakTts : public QObject
{
    Q_OBJECT
    EspeakTts m_tts;

private slots:
    void initTestCase() { QVERIFY2(m_tts.isAvailable(), qPrintable(m_tts.initError())); }

    // Each sentence arrives in order, in one or more chunks; the first chunk is only part of the
    // first sentence, so playback can begin before the rest exists.
    void sentenceBySentence()
    {
        Collector c;
        const quint64 job = m_tts.synthesize(kReply, config(), c.chunkHandler(), c.errorHandler());
        QVERIFY(job != 0);
        QVERIFY(c.wait());
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        const QStringList sentences = splitForSpeech(kReply);
        QCOMPARE(sentences.size(), 3);
        int expectedSentence = 0;
        std::int64_t expectedOffset = 0;
        int ends = 0, lasts = 0;
        std::size_t firstSentenceSamples = 0;
        for (const TtsChunk &chunk : c.chunks) {
            QCOMPARE(chunk.job, job);
            QCOMPARE(chunk.sentenceIndex, expectedSentence);
            QCOMPARE(chunk.sentenceText, sentences.at(expectedSentence));
            QCOMPARE(chunk.sentenceSample, expectedOffset);
            if (chunk.sentenceIndex == 0)
                firstSentenceSamples += chunk.sampleCount();
            expectedOffset += std::int64_t(chunk.sampleCount());
            lasts += chunk.last ? 1 : 0;
            if (chunk.sentenceEnd) {
                ++ends;
                ++expectedSentence;
                expectedOffset = 0;
            }
        }
        QCOMPARE(ends, 3);
        QCOMPARE(lasts, 1);
        QVERIFY(c.chunks.last().last);
        QVERIFY(c.chunks.size() > 3);
        QVERIFY(c.chunks.first().sampleCount() > 0);
        QVERIFY(c.chunks.first().sampleCount() < firstSentenceSamples / 2);
    }

    // Word positions let playback that stops early tell which words were heard.
    void wordMarks()
    {
        Collector c;
        m_tts.synthesize(QStringLiteral("Where is my order today?"), config(), c.chunkHandler(), c.errorHandler());
        QVERIFY(c.wait());
        QList<TtsWordMark> words;
        for (const TtsChunk &chunk : c.chunks)
            words += chunk.words;
        QCOMPARE(words.size(), 5);
        const QString text = c.chunks.first().sentenceText;
        QCOMPARE(text.mid(words[3].textPosition, words[3].textLength), QStringLiteral("order"));
        for (int i = 1; i < words.size(); ++i)
            QVERIFY(words[i].sentenceSample > words[i - 1].sentenceSample);
        QVERIFY(words.last().sentenceSample < std::int64_t(c.samples()));
    }

    void formats_data()
    {
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("encoding");
        QTest::addRow("phone 8k mulaw") << 8000 << int(AudioEncoding::MuLaw);
        QTest::addRow("desktop 16k pcm") << 16000 << int(AudioEncoding::Pcm16);
        QTest::addRow("desktop 24k pcm") << 24000 << int(AudioEncoding::Pcm16);
    }
    // The same words last the same time at every rate; bytes per sample follow the encoding.
    void formats()
    {
        QFETCH(int, rate);
        QFETCH(int, encoding);
        Collector c;
        m_tts.synthesize(QStringLiteral("Thanks for calling. Goodbye."), config(rate, AudioEncoding(encoding)), c.chunkHandler(),
                         c.errorHandler());
        QVERIFY(c.wait());
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        for (const TtsChunk &chunk : c.chunks) {
            QCOMPARE(chunk.sampleRate, rate);
            QCOMPARE(int(chunk.encoding), encoding);
            QCOMPARE(std::size_t(chunk.audio.size()), chunk.sampleCount() * (encoding == int(AudioEncoding::MuLaw) ? 1 : 2));
        }
        const double seconds = double(c.samples()) / rate;
        // Compare with the 16 kHz rendering of the same text.
        const auto reference = speak(m_tts, QStringLiteral("Thanks for calling. Goodbye."));
        QVERIFY(std::abs(seconds - double(reference.size()) / 16000.0) < 0.02);
        QVERIFY(rms(c.chunks.first().toPcm16()) > 0.0 || c.chunks.size() > 1);
    }

    void speedChangesDuration()
    {
        const auto slow = speak(m_tts, kReply, QStringLiteral("en-us"), 0.7);
        const auto normal = speak(m_tts, kReply, QStringLiteral("en-us"), 1.0);
        const auto fast = speak(m_tts, kReply, QStringLiteral("en-us"), 1.4);
        QVERIFY(slow.size() > normal.size() * 1.2);
        QVERIFY(fast.size() < normal.size() * 0.85);
        QCOMPARE(EspeakTts::wordsPerMinute(1.1), 193);
    }

    void voices_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("voice");
        QTest::addColumn<QString>("text");
        QTest::addRow("en-us") << QStringLiteral("en-US") << QStringLiteral("en-us") << QStringLiteral("Hello there.");
        QTest::addRow("en-gb") << QStringLiteral("en-GB") << QString() << QStringLiteral("Hello there.");
        QTest::addRow("female variant") << QStringLiteral("en-US") << QStringLiteral("en-us+f3") << QStringLiteral("Hello there.");
        QTest::addRow("british variant") << QStringLiteral("en-GB") << QStringLiteral("en-gb+m3") << QStringLiteral("Hello there.");
        QTest::addRow("cloud voice id falls back") << QStringLiteral("en-US")
                                                   << QStringLiteral("95856005-0332-41b0-935f-352e296aa0df")
                                                   << QStringLiteral("Hello there.");
        QTest::addRow("hindi devanagari") << QStringLiteral("hi-IN") << QStringLiteral("hi-IN-SwaraNeural")
                                          << QStringLiteral("नमस्ते जी। आपका ऑर्डर कन्फर्म हो गया है।");
        QTest::addRow("hinglish") << QStringLiteral("hi-IN") << QString()
                                  << QStringLiteral("Namaste ji! Kya aap is order ko confirm karte hain?");
    }
    void voices()
    {
        QFETCH(QString, language);
        QFETCH(QString, voice);
        QFETCH(QString, text);
        TtsConfig cfg = config();
        cfg.language = language;
        cfg.voice = voice;
        Collector c;
        m_tts.synthesize(text, cfg, c.chunkHandler(), c.errorHandler());
        QVERIFY(c.wait());
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QVERIFY(c.samples() > 8000); // more than half a second of speech
    }

    void badRequestsNameTheField_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");
        QTest::addColumn<double>("speed");
        QTest::addColumn<int>("rate");
        QTest::addColumn<QString>("error");
        QTest::addRow("language") << QStringLiteral("Bonjour") << QStringLiteral("fr-FR") << 1.0 << 16000
                                  << QStringLiteral("ttsConfig.language: espeak-ng in Ringside speaks English and Hindi, not 'fr-FR'");
        QTest::addRow("speed") << QStringLiteral("Hi") << QStringLiteral("en-US") << 9.0 << 16000
                               << QStringLiteral("ttsConfig.speed: 9 is outside 0.5–2.5");
        QTest::addRow("rate") << QStringLiteral("Hi") << QStringLiteral("en-US") << 1.0 << 4000
                              << QStringLiteral("sampleRate: 4000 Hz is outside 8000–48000 Hz");
        QTest::addRow("empty") << QStringLiteral("   ") << QStringLiteral("en-US") << 1.0 << 16000
                               << QStringLiteral("text: nothing to say");
    }
    void badRequestsNameTheField()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QFETCH(double, speed);
        QFETCH(int, rate);
        QFETCH(QString, error);
        TtsConfig cfg = config(rate, AudioEncoding::Pcm16, speed);
        cfg.language = language;
        Collector c;
        m_tts.synthesize(text, cfg, c.chunkHandler(), c.errorHandler());
        QVERIFY(c.wait());
        QCOMPARE(c.error, error);
        QVERIFY(c.chunks.isEmpty());
    }

    // After cancel() returns no more chunks arrive, and the engine goes on serving other jobs.
    void cancelStopsAtOnce()
    {
        QString longText;
        for (int i = 0; i < 12; ++i)
            longText += QStringLiteral("This is sentence number %1 of a long reply. ").arg(i + 1);
        Collector c;
        std::mutex firstLock;
        std::condition_variable firstCv;
        bool first = false;
        auto onChunk = [&](const TtsChunk &chunk) {
            c.chunkHandler()(chunk);
            std::lock_guard lock(firstLock);
            first = true;
            firstCv.notify_all();
        };
        const quint64 job = m_tts.synthesize(longText, config(), onChunk, c.errorHandler());
        {
            std::unique_lock lock(firstLock);
            QVERIFY(firstCv.wait_for(lock, std::chrono::seconds(20), [&] { return first; }));
        }
        m_tts.cancel(job);
        qsizetype atCancel;
        {
            std::lock_guard lock(c.m);
            atCancel = c.chunks.size();
        }
        const auto next = speak(m_tts, QStringLiteral("Still here."));
        QVERIFY(!next.empty());
        std::lock_guard lock(c.m);
        QCOMPARE(c.chunks.size(), atCancel);
        QVERIFY(!c.done);
        QVERIFY(c.chunks.last().sentenceIndex < 11);
    }
};

QTEST_GUILESS_MAIN(TestEspeakTts)
#include "tst_espeaktts.moc"
