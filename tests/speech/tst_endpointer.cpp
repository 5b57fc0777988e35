#include "speech/endpointer.h"

#include <QTest>

using namespace ringside;

namespace {
constexpr int kRate = 16000;
constexpr std::size_t kFrame = 160; // 10 ms

VadDecision frame(bool active, bool started = false)
{
    VadDecision d;
    d.active = active;
    d.speech = active || !started;
    d.started = started;
    d.onsetRunFrames = started ? 3 : 0;
    return d;
}

// Feeds `speechMs` of active frames (the first starts speech), then silence, and returns the
// frame index (10 ms each) at which the turn ended, or -1.
int framesUntilEnd(Endpointer &ep, int speechMs, int maxSilenceMs, Endpointer::Event *ended = nullptr)
{
    int index = 0;
    for (int i = 0; i < speechMs / 10; ++i, ++index) {
        const auto e = ep.process(frame(true, i == 0), kFrame);
        if (e.kind == Endpointer::Event::Kind::TurnEnded) {
            if (ended)
                *ended = e;
            return index;
        }
    }
    for (int i = 0; i < maxSilenceMs / 10; ++i, ++index) {
        VadDecision quiet;
        quiet.speech = true; // the VAD's hold is still on: the endpointer must count raw activity
        const auto e = ep.process(quiet, kFrame);
        if (e.kind == Endpointer::Event::Kind::TurnEnded) {
            if (ended)
                *ended = e;
            return index;
        }
    }
    return -1;
}
} // namespace

class TestEndpointer : public QObject
{
    Q_OBJECT
private slots:
    void endsAfterEndpointing_data()
    {
        QTest::addColumn<int>("endpointingMs");
        QTest::addRow("seed 250") << 250;
        QTest::addRow("fast 100") << 100;
        QTest::addRow("patient 800") << 800;
    }
    void endsAfterEndpointing()
    {
        QFETCH(int, endpointingMs);
        EndpointerConfig cfg;
        cfg.endpointingMs = endpointingMs;
        Endpointer ep(cfg, kRate);
        Endpointer::Event e;
        const int end = framesUntilEnd(ep, 600, 3000, &e);
        QCOMPARE(end, 60 + endpointingMs / 10 - 1);
        QCOMPARE(e.reason, TurnEndReason::Silence);
        QCOMPARE(e.speechEndSample, std::int64_t(600 * kRate / 1000));
        QCOMPARE(e.decisionSample - e.speechEndSample, std::int64_t(endpointingMs * kRate / 1000));
        // The turn started where the onset run began (two frames before the VAD said so).
        QCOMPARE(e.speechStartSample, std::int64_t(0));
        QVERIFY(!ep.inTurn());
    }

    // While a number is expected and the partial ends in digits, a pause of 400 ms does not end
    // the turn; the extended wait (×3, at most 1.5 s) does.
    void digitsExtendTheWait()
    {
        EndpointerConfig cfg; // 250 ms, ×3, cap 1500
        Endpointer ep(cfg, kRate);
        ep.setExpectation(SttExpectation::DigitsAndLetters);
        ep.process(frame(true, true), kFrame);
        ep.setPartialTranscript(QStringLiteral("my order number is o r d four eight"));
        QCOMPARE(ep.currentTimeoutMs(), 750);
        Endpointer::Event e;
        const int end = framesUntilEnd(ep, 300, 3000, &e);
        QCOMPARE(e.reason, TurnEndReason::DigitSilence);
        QCOMPARE(end, 30 + 75 - 1);
    }

    // Once the partial ends in a complete identifier of a configured format that no longer format
    // could extend, the caller has finished reading it: the ordinary silence ends the turn. A
    // prefix, or an ID that a longer format could still grow into, keeps the longer wait.
    void completeIdentifierEndsAfterOrdinarySilence_data()
    {
        QTest::addColumn<QString>("partial");
        QTest::addColumn<int>("timeoutMs");
        QTest::addRow("order ID complete") << QStringLiteral("it's o r d four eight two nine one three") << 250;
        QTest::addRow("order ID with oh") << QStringLiteral("o r d four oh two nine one three") << 250;
        QTest::addRow("order ID half read") << QStringLiteral("it's o r d four eight two") << 750;
        QTest::addRow("phone complete") << QStringLiteral("nine eight one two three four five six seven eight") << 250;
        QTest::addRow("seven digits may grow into a phone") << QStringLiteral("nine eight one two three four five") << 750;
        QTest::addRow("return ID complete") << QStringLiteral("r e t zero two one seven") << 250;
        QTest::addRow("too long for any format") << QStringLiteral("o r d four eight two nine one three three") << 750;
        // Ordinary words end the turn after the ordinary silence (a first "hi, where is my
        // order?" is not held up); so does a spoken "dash" inside a complete ID.
        QTest::addRow("words") << QStringLiteral("hi where is my order") << 250;
        QTest::addRow("words ending in a closing phrase") << QStringLiteral("thank you that's all") << 250;
        QTest::addRow("words after a complete ID") << QStringLiteral("it's o r d four eight two nine one three where is that") << 250;
        QTest::addRow("words after half an ID") << QStringLiteral("o r d four eight two sorry") << 250;
        QTest::addRow("prefix letters only") << QStringLiteral("my order is o r d") << 750;
        QTest::addRow("mid ID after a sentence") << QStringLiteral("and my other order is o r d four eight") << 750;
        QTest::addRow("double before the digit") << QStringLiteral("o r d four eight double") << 750;
        QTest::addRow("spoken dash after the prefix") << QStringLiteral("o r d dash") << 750;
        QTest::addRow("complete ID with a spoken dash") << QStringLiteral("o r d dash four eight two nine two zero") << 250;
        QTest::addRow("complete ID with double") << QStringLiteral("o r d four eight double two nine one") << 250;
    }
    void completeIdentifierEndsAfterOrdinarySilence()
    {
        QFETCH(QString, partial);
        QFETCH(int, timeoutMs);
        EndpointerConfig cfg;
        cfg.identifierFormats = { QStringLiteral("ORD######"), QStringLiteral("RET-####"), QStringLiteral("[2-9]#########") };
        Endpointer ep(cfg, kRate);
        ep.setExpectation(SttExpectation::DigitsAndLetters);
        ep.process(frame(true, true), kFrame);
        ep.setPartialTranscript(partial);
        QCOMPARE(ep.currentTimeoutMs(), timeoutMs);
        Endpointer::Event e;
        const int end = framesUntilEnd(ep, 300, 3000, &e);
        QCOMPARE(e.reason, timeoutMs == 250 ? TurnEndReason::Silence : TurnEndReason::DigitSilence);
        QCOMPARE(end, 30 + timeoutMs / 10 - 1);
    }

    // Judged at the ordinary silence (judgePauseAfterMs = endpointing): past it the endpointer says
    // it waits only for more of an ID, so the pipeline can ask the recognizer; a partial of words
    // from it ends the turn on the next frame.
    void judgedPauseEndsTheTurn()
    {
        EndpointerConfig cfg;
        cfg.judgePauseAfterMs = 250;
        Endpointer ep(cfg, kRate);
        ep.setExpectation(SttExpectation::DigitsAndLetters);
        ep.process(frame(true, true), kFrame);
        for (int i = 0; i < 30; ++i)
            ep.process(frame(true), kFrame);
        ep.setPartialTranscript(QStringLiteral("a r d four eight"));
        VadDecision quiet;
        quiet.speech = true;
        for (int i = 1; i < 25; ++i) {
            QCOMPARE(ep.process(quiet, kFrame).kind, Endpointer::Event::Kind::None);
            QVERIFY2(!ep.pauseWorthJudging(), qPrintable(QString::number(i)));
        }
        QCOMPARE(ep.process(quiet, kFrame).kind, Endpointer::Event::Kind::None);
        QVERIFY(ep.pauseWorthJudging());
        ep.setPartialTranscript(QStringLiteral("hi where is my order"));
        QVERIFY(!ep.pauseWorthJudging());
        const auto e = ep.process(quiet, kFrame);
        QCOMPARE(e.kind, Endpointer::Event::Kind::TurnEnded);
        QCOMPARE(e.reason, TurnEndReason::Silence);

        // Speech again, and no extension outside an ID-expecting step: nothing to judge.
        ep.setExpectation(SttExpectation::General);
        ep.process(frame(true, true), kFrame);
        ep.setPartialTranscript(QStringLiteral("four eight"));
        for (int i = 0; i < 24; ++i)
            ep.process(quiet, kFrame);
        QVERIFY(!ep.pauseWorthJudging());
    }

    // Judged after 100 ms of silence (judgePauseAfterMs; the default stays at the ordinary silence,
    // docs/benchmarks.md says why), the recognizer's reading can be ready by the ordinary silence:
    // a partial of words that arrives early still ends the turn exactly at endpointingMs, never
    // before; speech again withdraws the question; a judgement that it is an ID keeps the digit
    // extension.
    void pauseJudgedBeforeTheOrdinarySilence()
    {
        EndpointerConfig cfg;
        cfg.judgePauseAfterMs = 100;
        Endpointer ep(cfg, kRate);
        ep.setExpectation(SttExpectation::DigitsAndLetters);
        ep.process(frame(true, true), kFrame);
        for (int i = 0; i < 30; ++i)
            ep.process(frame(true), kFrame);
        ep.setPartialTranscript(QStringLiteral("h i w e r"));
        VadDecision quiet;
        quiet.speech = true;
        for (int i = 1; i < 10; ++i) {
            QCOMPARE(ep.process(quiet, kFrame).kind, Endpointer::Event::Kind::None);
            QVERIFY2(!ep.pauseWorthJudging(), qPrintable(QString::number(i)));
        }
        QCOMPARE(ep.process(quiet, kFrame).kind, Endpointer::Event::Kind::None); // 100 ms
        QVERIFY(ep.pauseWorthJudging());

        // The caller goes on: nothing to judge until the next pause.
        ep.process(frame(true), kFrame);
        QVERIFY(!ep.pauseWorthJudging());
        for (int i = 0; i < 10; ++i)
            ep.process(quiet, kFrame);
        QVERIFY(ep.pauseWorthJudging());

        // The reading says words at 120 ms of silence: the turn still ends at 250 ms, as "silence".
        ep.process(quiet, kFrame);
        ep.process(quiet, kFrame);
        ep.setPartialTranscript(QStringLiteral("hi where is my order"));
        QVERIFY(!ep.pauseWorthJudging());
        QCOMPARE(ep.currentTimeoutMs(), 250);
        int silentMs = 120;
        Endpointer::Event e;
        while (e.kind == Endpointer::Event::Kind::None && silentMs < 2000) {
            e = ep.process(quiet, kFrame);
            silentMs += 10;
        }
        QCOMPARE(e.kind, Endpointer::Event::Kind::TurnEnded);
        QCOMPARE(e.reason, TurnEndReason::Silence);
        QCOMPARE(silentMs, 250);

        // The reading says an ID (no partial of words): the digit extension runs its course.
        ep.process(frame(true, true), kFrame);
        for (int i = 0; i < 30; ++i)
            ep.process(frame(true), kFrame);
        ep.setPartialTranscript(QStringLiteral("four eight two"));
        silentMs = 0;
        e = {};
        while (e.kind == Endpointer::Event::Kind::None && silentMs < 2000) {
            e = ep.process(quiet, kFrame);
            silentMs += 10;
        }
        QCOMPARE(e.reason, TurnEndReason::DigitSilence);
        QCOMPARE(silentMs, 750);
    }

    // A judgement asked later than the ordinary silence would only add to the wait: it is capped.
    void judgePauseAfterIsCappedAtEndpointing()
    {
        EndpointerConfig cfg;
        cfg.endpointingMs = 200;
        cfg.judgePauseAfterMs = 400;
        Endpointer ep(cfg, kRate);
        ep.setExpectation(SttExpectation::DigitsAndLetters);
        ep.process(frame(true, true), kFrame);
        ep.setPartialTranscript(QStringLiteral("four eight"));
        VadDecision quiet;
        quiet.speech = true;
        for (int i = 1; i < 20; ++i)
            ep.process(quiet, kFrame);
        QVERIFY(!ep.pauseWorthJudging());
        ep.process(quiet, kFrame);
        QVERIFY(ep.pauseWorthJudging());
    }

    void leadInAlsoExtends()
    {
        Endpointer ep(EndpointerConfig{}, kRate);
        ep.setExpectation(SttExpectation::DigitsAndLetters);
        ep.process(frame(true, true), kFrame);
        ep.setPartialTranscript(QStringLiteral("my phone number is"));
        QCOMPARE(ep.currentTimeoutMs(), 750);
        ep.setPartialTranscript(QStringLiteral("i don't have it"));
        QCOMPARE(ep.currentTimeoutMs(), 250);
    }

    void extensionIsCapped()
    {
        EndpointerConfig cfg;
        cfg.endpointingMs = 800;
        Endpointer ep(cfg, kRate);
        ep.setExpectation(SttExpectation::DigitsAndLetters);
        ep.process(frame(true, true), kFrame);
        ep.setPartialTranscript(QStringLiteral("nine eight one"));
        QCOMPARE(ep.currentTimeoutMs(), 1500);
    }

    // Digits in the partial do not matter when the conversation does not expect a number.
    void noExtensionWhenNotExpected()
    {
        Endpointer ep(EndpointerConfig{}, kRate);
        ep.process(frame(true, true), kFrame);
        ep.setPartialTranscript(QStringLiteral("it costs four nine nine"));
        QCOMPARE(ep.currentTimeoutMs(), 250);
    }

    // Hold music: the VAD never stops, and the turn is finalized at the cap anyway — then again
    // every cap while it goes on.
    void turnCap()
    {
        EndpointerConfig cfg;
        cfg.maxTurnMs = 2000;
        Endpointer ep(cfg, kRate);
        QList<int> ends;
        QList<TurnEndReason> reasons;
        for (int i = 0; i < 650; ++i) {
            const auto e = ep.process(frame(true, i == 0), kFrame);
            if (e.kind == Endpointer::Event::Kind::TurnEnded) {
                ends << i;
                reasons << e.reason;
                QCOMPARE(e.speechEndSample, e.decisionSample);
            }
        }
        QCOMPARE(ends.size(), 3);
        QCOMPARE(reasons.first(), TurnEndReason::TurnCap);
        QCOMPARE(ends.first(), 199);
        QVERIFY(ends[1] - ends[0] >= 199 && ends[1] - ends[0] <= 201);
    }

    void quietFramesBeforeSpeechDoNothing()
    {
        Endpointer ep(EndpointerConfig{}, kRate);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(ep.process(VadDecision{}, kFrame).kind, Endpointer::Event::Kind::None);
        QVERIFY(!ep.inTurn());
        QCOMPARE(ep.position(), std::int64_t(100 * kFrame));
    }

    void names()
    {
        QCOMPARE(turnEndReasonName(TurnEndReason::TurnCap), QStringLiteral("turn_cap"));
        QCOMPARE(turnEndReasonName(TurnEndReason::DigitSilence), QStringLiteral("digit_silence"));
    }
};

QTEST_GUILESS_MAIN(TestEndpointer)
#include "tst_endpointer.moc"
