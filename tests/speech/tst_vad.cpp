#include "speech/vad.h"

#include "speechtestaudio.h"

#include <QTest>

using namespace ringside;
using namespace ringside::test;

namespace {
struct Run
{
    int speechFrames = 0;
    int starts = 0;
    int firstStartFrame = -1;
    int lastSpeechFrame = -1;
};

Run runVad(Vad &vad, const std::vector<std::int16_t> &audio, int rate, int frameMs)
{
    Run r;
    const std::size_t frame = std::size_t(rate * frameMs / 1000);
    int index = 0;
    for (std::size_t i = 0; i + frame <= audio.size(); i += frame, ++index) {
        const VadDecision d = vad.process(audio.data() + i, frame);
        if (d.started) {
            ++r.starts;
            if (r.firstStartFrame < 0)
                r.firstStartFrame = index;
        }
        if (d.speech) {
            ++r.speechFrames;
            r.lastSpeechFrame = index;
        }
    }
    return r;
}
} // namespace

class TestVad : public QObject
{
    Q_OBJECT
    EspeakTts m_tts;

private slots:
    void speechBetweenSilences_data()
    {
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("frameMs");
        QTest::addColumn<double>("noiseRms");
        QTest::addRow("16k 10ms clean") << 16000 << 10 << 0.0;
        QTest::addRow("8k 20ms clean") << 8000 << 20 << 0.0;
        QTest::addRow("16k 10ms noisy line") << 16000 << 10 << 150.0;
        QTest::addRow("8k 10ms noisy line") << 8000 << 10 << 150.0;
    }
    // One second of silence, an utterance, one second of silence: speech starts within the
    // utterance's first 100 ms and ends after it (hold), exactly once.
    void speechBetweenSilences()
    {
        QFETCH(int, rate);
        QFETCH(int, frameMs);
        QFETCH(double, noiseRms);
        const auto utterance = speak(m_tts, QStringLiteral("where is my order"), QStringLiteral("en-us"), 1.0, rate);
        QVERIFY(!utterance.empty());
        std::vector<std::int16_t> audio = silence(1000, rate);
        append(audio, utterance);
        append(audio, silence(1000, rate));
        if (noiseRms > 0)
            addNoise(audio, noiseRms, 7);

        VadConfig cfg;
        cfg.sampleRate = rate;
        cfg.holdFrames = 200 / frameMs;
        Vad vad(cfg);
        const Run r = runVad(vad, audio, rate, frameMs);
        const int speechStart = 1000 / frameMs;
        const int speechEnd = speechStart + int(utterance.size() * 1000 / std::size_t(rate)) / frameMs;
        QCOMPARE(r.starts, 1);
        QVERIFY2(r.firstStartFrame >= speechStart && r.firstStartFrame <= speechStart + 100 / frameMs,
                 qPrintable(QStringLiteral("started at frame %1, speech at %2").arg(r.firstStartFrame).arg(speechStart)));
        QVERIFY2(r.lastSpeechFrame >= speechEnd - 2 && r.lastSpeechFrame <= speechEnd + 300 / frameMs,
                 qPrintable(QStringLiteral("last speech frame %1, utterance ends at %2").arg(r.lastSpeechFrame).arg(speechEnd)));
    }

    // Steady noise far above the initial floor stops counting as speech once the floor adapts.
    void steadyNoiseIsNotSpeech()
    {
        std::vector<std::int16_t> audio = silence(6000, 16000);
        addNoise(audio, 1500.0, 3); // about -27 dBFS
        Vad vad(VadConfig{});
        const Run r = runVad(vad, audio, 16000, 10);
        QVERIFY2(r.speechFrames < 100, qPrintable(QStringLiteral("%1 frames of noise called speech").arg(r.speechFrames)));
        QVERIFY(vad.noiseFloorDbfs() > -35.0);
    }

    // A 20 ms click is shorter than the onset hysteresis.
    void clickIsNotSpeech()
    {
        std::vector<std::int16_t> audio = silence(500, 16000);
        mixInto(audio, tone(1000.0, 20, 16000, 20000.0), 4000);
        Vad vad(VadConfig{});
        QCOMPARE(runVad(vad, audio, 16000, 10).starts, 0);
    }

    // The hold keeps speech on across a short pause between words, but not across a long one.
    void holdBridgesShortGaps()
    {
        const auto word = speak(m_tts, QStringLiteral("order"));
        for (int gapMs : {120, 600}) {
            std::vector<std::int16_t> audio = silence(500, 16000);
            append(audio, word);
            append(audio, silence(gapMs, 16000));
            append(audio, word);
            append(audio, silence(800, 16000));
            VadConfig cfg;
            cfg.holdFrames = 25;
            Vad vad(cfg);
            const int starts = runVad(vad, audio, 16000, 10).starts;
            QCOMPARE(starts, gapMs < 250 ? 1 : 2);
        }
    }

    void resetForgets()
    {
        const auto word = speak(m_tts, QStringLiteral("hello there"));
        std::vector<std::int16_t> audio = silence(300, 16000);
        append(audio, word);
        Vad vad(VadConfig{});
        runVad(vad, audio, 16000, 10);
        QVERIFY(vad.inSpeech());
        vad.reset();
        QVERIFY(!vad.inSpeech());
    }
};

QTEST_GUILESS_MAIN(TestVad)
#include "tst_vad.moc"
