// The recognizer off the call's thread: PooledStt runs pocketsphinx on a RecognizerPool. What the
// call's thread does (feed, finalize, expectation) is applied in order on a pool thread; finals
// arrive there, with the words; a language the recognizer cannot hear is refused at once; a
// flood of audio beyond the buffer is reported, not blocked on; after stop() nothing is called.
#include "speech/pocketsphinxstt.h"
#include "speech/pooledstt.h"
#include "speech/recognizerpool.h"
#include "speech/spokentext.h"

#include "speechtestaudio.h"

#include <QTest>

#include <mutex>
#include <thread>

using namespace ringside;
using namespace ringside::test;

namespace {
struct Heard
{
    std::mutex lock;
    QStringList finals;
    QStringList partials;
    QStringList errors;
    std::vector<std::thread::id> threads;
    int count()
    {
        std::lock_guard g(lock);
        return int(finals.size());
    }
};

SttEngine::Callbacks recordInto(Heard &h)
{
    SttEngine::Callbacks cb;
    cb.final = [&h](const QString &text, double) {
        std::lock_guard g(h.lock);
        h.finals << text;
        h.threads.push_back(std::this_thread::get_id());
    };
    cb.partial = [&h](const QString &text) {
        std::lock_guard g(h.lock);
        h.partials << text;
    };
    cb.error = [&h](const QString &message) {
        std::lock_guard g(h.lock);
        h.errors << message;
    };
    return cb;
}

void feedInFrames(SttEngine &stt, const std::vector<std::int16_t> &audio)
{
    for (std::size_t i = 0; i < audio.size(); i += 320)
        stt.feed(audio.data() + i, std::min<std::size_t>(320, audio.size() - i));
}
} // namespace

class TestPooledStt : public QObject
{
    Q_OBJECT
    EspeakTts m_tts;
    std::shared_ptr<const PocketsphinxModel> m_model;

    std::vector<std::int16_t> line(const QString &text)
    {
        std::vector<std::int16_t> a = silence(300, 16000);
        append(a, speak(m_tts, text));
        append(a, silence(300, 16000));
        return a;
    }

private slots:
    void initTestCase()
    {
        auto model = PocketsphinxModel::load();
        QVERIFY2(model.ok(), qPrintable(model.error()));
        m_model = model.value();
    }

    // Two turns fed and finalized before the pool has heard either: both finals come back, in
    // order, with their own words, on the pool's thread.
    void turnsAreHeardInOrderOffThisThread()
    {
        RecognizerPool pool(1);
        PooledStt stt(std::make_unique<PocketsphinxStt>(m_model), pool, &PocketsphinxStt::configProblem);
        Heard heard;
        QVERIFY(stt.start(SttConfig{}, recordInto(heard)));
        feedInFrames(stt, line(QStringLiteral("where is my order")));
        stt.finalize();
        feedInFrames(stt, line(QStringLiteral("talk to a human")));
        stt.finalize();
        QVERIFY(QTest::qWaitFor([&] { return heard.count() == 2; }, 20000));
        std::lock_guard g(heard.lock);
        QCOMPARE(heard.finals.at(0), QStringLiteral("where is my order"));
        QCOMPARE(heard.finals.at(1), QStringLiteral("talk to a human"));
        for (const std::thread::id &t : heard.threads)
            QVERIFY(t != std::this_thread::get_id());
    }

    // An expectation set between turns applies from the next turn on, not to audio already fed.
    void expectationAppliesInOrder()
    {
        RecognizerPool pool(1);
        PooledStt stt(std::make_unique<PocketsphinxStt>(m_model), pool, &PocketsphinxStt::configProblem);
        Heard heard;
        SttConfig cfg;
        cfg.identifierFormats = { QStringLiteral("ORD######") };
        QVERIFY(stt.start(cfg, recordInto(heard)));
        feedInFrames(stt, line(QStringLiteral("yes please")));
        stt.finalize();
        stt.setExpectation(SttExpectation::DigitsAndLetters);
        feedInFrames(stt, line(readAloud(QStringLiteral("ORD482913"))));
        stt.finalize();
        QVERIFY(QTest::qWaitFor([&] { return heard.count() == 2; }, 20000));
        std::lock_guard g(heard.lock);
        QCOMPARE(heard.finals.at(0), QStringLiteral("yes please"));
        QCOMPARE(heard.finals.at(1), QStringLiteral("o r d four eight two nine one three"));
    }

    // While an ID is expected, a pause is judged on the pool: words said so far come back as a
    // partial of words (the endpointer then ends the turn) and are the turn's final; an ID read
    // in two groups is not cut — after the pause the turn goes on and the final has both groups.
    void pauseIsJudged()
    {
        RecognizerPool pool(1);
        PooledStt stt(std::make_unique<PocketsphinxStt>(m_model), pool, &PocketsphinxStt::configProblem);
        Heard heard;
        SttConfig cfg;
        cfg.interimResults = true;
        cfg.identifierFormats = { QStringLiteral("ORD######") };
        cfg.expectation = SttExpectation::DigitsAndLetters;
        QVERIFY(stt.start(cfg, recordInto(heard)));
        auto sequenceWords = [](const QString &text) {
            const QStringList w = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            return std::count_if(w.begin(), w.end(), [](const QString &x) { return isSequenceWord(x); });
        };

        feedInFrames(stt, line(QStringLiteral("Hi, where is my order?")));
        QVERIFY(stt.judgePause());
        QVERIFY(QTest::qWaitFor([&] {
            std::lock_guard g(heard.lock);
            return !heard.partials.isEmpty() && heard.partials.last().contains(QLatin1String("order"));
        }, 20000));
        stt.finalize();
        QVERIFY(QTest::qWaitFor([&] { return heard.count() == 1; }, 20000));
        {
            std::lock_guard g(heard.lock);
            QCOMPARE(heard.finals.at(0), heard.partials.last());
            QVERIFY2(sequenceWords(heard.finals.at(0)) < 3, qPrintable(heard.finals.at(0)));
            heard.partials.clear();
        }

        std::vector<std::int16_t> first = silence(300, 16000);
        append(first, speak(m_tts, QStringLiteral("my order number is O R D 4 8 2")));
        append(first, silence(300, 16000));
        feedInFrames(stt, first);
        QVERIFY(stt.judgePause());
        feedInFrames(stt, line(QStringLiteral("9 1 3")));
        stt.finalize();
        QVERIFY(QTest::qWaitFor([&] { return heard.count() == 2; }, 20000));
        std::lock_guard g(heard.lock);
        const QString id = collapseSpelledSequence(heard.finals.at(1));
        QVERIFY2(id.size() == 9 && id.startsWith(QLatin1String("ORD48")), qPrintable(heard.finals.at(1)));
    }

    // A pause judged after an ID was read out hands the reading to the endpointer as a partial
    // too (the live partial may lag a digit behind), so a complete ID ends the turn after the
    // ordinary silence; the final is that reading, not decoded again.
    void judgedIdIsHandedOnAsAPartial()
    {
        RecognizerPool pool(1);
        PooledStt stt(std::make_unique<PocketsphinxStt>(m_model), pool, &PocketsphinxStt::configProblem);
        Heard heard;
        SttConfig cfg;
        cfg.interimResults = true;
        cfg.identifierFormats = { QStringLiteral("ORD######") };
        cfg.expectation = SttExpectation::DigitsAndLetters;
        QVERIFY(stt.start(cfg, recordInto(heard)));
        feedInFrames(stt, line(readAloud(QStringLiteral("ORD482913"))));
        QVERIFY(stt.judgePause());
        stt.finalize();
        QVERIFY(QTest::qWaitFor([&] { return heard.count() == 1; }, 20000));
        std::lock_guard g(heard.lock);
        QCOMPARE(heard.finals.at(0), QStringLiteral("o r d four eight two nine one three"));
        QVERIFY2(!heard.partials.isEmpty() && heard.partials.last() == heard.finals.at(0), qPrintable(heard.partials.join(QLatin1Char('|'))));
    }

    void unsupportedLanguageIsRefusedAtOnce()
    {
        RecognizerPool pool(1);
        PooledStt stt(std::make_unique<PocketsphinxStt>(m_model), pool, &PocketsphinxStt::configProblem);
        Heard heard;
        SttConfig cfg;
        cfg.language = QStringLiteral("hi-IN");
        QVERIFY(!stt.start(cfg, recordInto(heard)));
        QCOMPARE(heard.errors.size(), 1);
        QVERIFY2(heard.errors.first().startsWith(QLatin1String("unsupported language: hi-IN")), qPrintable(heard.errors.first()));
    }

    // More audio than the buffer holds is dropped and said once; the caller's thread never waits.
    void overflowIsReportedNotWaitedFor()
    {
        RecognizerPool pool(1);
        PooledStt stt(std::make_unique<PocketsphinxStt>(m_model), pool, &PocketsphinxStt::configProblem, 1);
        Heard heard;
        QVERIFY(stt.start(SttConfig{}, recordInto(heard)));
        const std::vector<std::int16_t> flood(16000 * 3, 0);
        stt.feed(flood.data(), flood.size());
        stt.feed(flood.data(), flood.size());
        std::lock_guard g(heard.lock);
        QCOMPARE(heard.errors.size(), 1);
        QVERIFY2(heard.errors.first().contains(QLatin1String("fell behind")), qPrintable(heard.errors.first()));
    }

    // stop() waits for a slice in progress; nothing is called after it returns.
    void nothingAfterStop()
    {
        RecognizerPool pool(2);
        Heard heard;
        {
            PooledStt stt(std::make_unique<PocketsphinxStt>(m_model), pool, &PocketsphinxStt::configProblem);
            QVERIFY(stt.start(SttConfig{}, recordInto(heard)));
            feedInFrames(stt, line(QStringLiteral("cancel it")));
            stt.finalize();
            stt.stop();
            const int afterStop = heard.count();
            stt.finalize();
            QTest::qWait(300);
            QCOMPARE(heard.count(), afterStop);
        }
        QVERIFY(heard.count() <= 1);
    }
};

QTEST_GUILESS_MAIN(TestPooledStt)
#include "tst_pooledstt.moc"
