#include "speech/bargeindetector.h"

#include <QTest>

using namespace ringside;

namespace {
VadDecision active(bool on)
{
    VadDecision d;
    d.active = on;
    d.speech = on;
    return d;
}
} // namespace

class TestBargeInDetector : public QObject
{
    Q_OBJECT
private slots:
    // minSpeechMs (80) of caller speech during playback confirms a barge-in, once, and reports
    // where it began.
    void firesAfterMinimumSpeech()
    {
        BargeInDetector d(BargeInConfig{}, 16000);
        for (int i = 0; i < 20; ++i)
            QVERIFY(!d.process(active(false), 160, true));
        int firedAt = -1;
        for (int i = 0; i < 30; ++i)
            if (d.process(active(true), 160, true)) {
                QCOMPARE(firedAt, -1);
                firedAt = i;
            }
        QCOMPARE(firedAt, BargeInConfig{}.minSpeechMs / 10 - 1); // frames 0..7 are 80 ms
        QCOMPARE(d.speechStartSample(), std::int64_t(20 * 160));
    }

    void shortNoiseDoesNot()
    {
        BargeInDetector d(BargeInConfig{}, 16000);
        for (int round = 0; round < 10; ++round) {
            for (int i = 0; i < 5; ++i)
                QVERIFY(!d.process(active(true), 160, true)); // 50 ms cough
            for (int i = 0; i < 10; ++i)
                QVERIFY(!d.process(active(false), 160, true));
        }
    }

    // A dip shorter than maxGapMs (a stop consonant) does not restart the count.
    // Scattered active frames (echo leaking while the canceller adapts) do not add up, however
    // long the span they cover.
    void scatteredFramesDoNot()
    {
        BargeInDetector d(BargeInConfig{}, 16000);
        for (int i = 0; i < 60; ++i) {
            QVERIFY(!d.process(active(true), 160, true));
            QVERIFY(!d.process(active(false), 160, true));
            QVERIFY(!d.process(active(false), 160, true));
        }
    }

    void bridgesShortDips()
    {
        BargeInDetector d(BargeInConfig{}, 16000);
        bool fired = false;
        for (int i = 0; i < 5; ++i)
            fired |= d.process(active(true), 160, true);
        for (int i = 0; i < 3; ++i)
            fired |= d.process(active(false), 160, true);
        for (int i = 0; i < 4; ++i)
            fired |= d.process(active(true), 160, true);
        QVERIFY(fired);
    }

    void onlyWhileAgentSpeaks()
    {
        BargeInDetector d(BargeInConfig{}, 16000);
        for (int i = 0; i < 50; ++i)
            QVERIFY(!d.process(active(true), 160, false));
    }

    void waitsForWords()
    {
        BargeInConfig cfg;
        cfg.minWords = 2;
        BargeInDetector d(cfg, 16000);
        for (int i = 0; i < 30; ++i)
            QVERIFY(!d.process(active(true), 160, true));
        d.setPartialWordCount(1);
        QVERIFY(!d.process(active(true), 160, true));
        d.setPartialWordCount(2);
        QVERIFY(d.process(active(true), 160, true));
    }
};

QTEST_GUILESS_MAIN(TestBargeInDetector)
#include "tst_bargeindetector.moc"
