#include "speech/playbacktracker.h"

#include <QTest>

using namespace ringside;

namespace {
TtsChunk chunk(quint64 job, int sentence, const QString &text, std::int64_t sentenceSample, std::size_t samples,
               bool end, bool last, QList<TtsWordMark> words = {})
{
    TtsChunk c;
    c.job = job;
    c.sentenceIndex = sentence;
    c.sentenceText = text;
    c.sentenceSample = sentenceSample;
    c.sentenceEnd = end;
    c.last = last;
    c.audio = QByteArray(qsizetype(samples * 2), '\0');
    c.words = words;
    return c;
}

const QString kFirst = QStringLiteral("Your order shipped yesterday.");
const QString kSecond = QStringLiteral("It arrives Thursday.");

// "Your order shipped yesterday." with words every 4000 samples; 16000 samples long.
void appendFirst(PlaybackTracker &t, std::int64_t at)
{
    const QList<TtsWordMark> words = {{0, 0, 4}, {4000, 5, 5}, {8000, 11, 7}, {12000, 19, 9}};
    t.append(chunk(1, 0, kFirst, 0, 10000, false, false, words), at, 10000);
    t.append(chunk(1, 0, kFirst, 10000, 6000, true, false), at + 10000, 6000);
}
} // namespace

class TestPlaybackTracker : public QObject
{
    Q_OBJECT
private slots:
    void wordsHeardUpToPlayedPosition_data()
    {
        QTest::addColumn<int>("played");
        QTest::addColumn<QString>("heard");
        QTest::addColumn<QString>("unheard");
        QTest::addRow("nothing") << 100 << QString() << (kFirst + QLatin1Char(' ') + kSecond);
        QTest::addRow("inside first word") << 3000 << QString() << (kFirst + QLatin1Char(' ') + kSecond);
        QTest::addRow("two words") << 9000 << QStringLiteral("Your order") << QStringLiteral("shipped yesterday. ") + kSecond;
        QTest::addRow("first sentence") << 16100 << kFirst << kSecond;
        QTest::addRow("40 percent of second") << 16000 + 4000 << kFirst + QStringLiteral(" It") << QStringLiteral("arrives Thursday.");
        QTest::addRow("60 percent of second") << 16000 + 6000 << kFirst + QStringLiteral(" It arrives") << QStringLiteral("Thursday.");
        QTest::addRow("all") << 26000 << kFirst + QLatin1Char(' ') + kSecond << QString();
    }
    // The second sentence has no word marks (as from some cloud voices): an even pace is assumed.
    void wordsHeardUpToPlayedPosition()
    {
        QFETCH(int, played);
        QFETCH(QString, heard);
        QFETCH(QString, unheard);
        PlaybackTracker t;
        appendFirst(t, 0);
        t.append(chunk(1, 1, kSecond, 0, 10000, true, true), 16000, 10000);
        t.markPlayed(played);
        const auto h = t.heard(1);
        QCOMPARE(h.heardText, heard);
        QCOMPARE(h.unheardText, unheard);
        QCOMPARE(h.complete, unheard.isEmpty());
    }

    // Barge-in: queued audio after the cut never plays, and phones report play-out by marks.
    void truncateAtPlayedPosition()
    {
        PlaybackTracker t;
        appendFirst(t, 48000);
        t.append(chunk(1, 1, kSecond, 0, 10000, true, true), 64000, 10000);
        QCOMPARE(t.queuedEnd(), std::int64_t(74000));
        t.markPlayed(48000 + 12500); // a mark echo: three words have played
        QCOMPARE(t.currentSentence(), 0);
        QCOMPARE(t.currentSentenceEnd(), std::int64_t(64000));
        t.truncate(t.played());
        t.markPlayed(80000); // later marks cannot resurrect dropped audio
        const auto h = t.heard(1);
        QCOMPARE(h.heardText, QStringLiteral("Your order shipped"));
        QCOMPARE(h.unheardText, QStringLiteral("yesterday. ") + kSecond);
        QVERIFY(!h.complete);
    }

    void repliesAreKeptApart()
    {
        PlaybackTracker t;
        appendFirst(t, 0);
        t.append(chunk(2, 0, kSecond, 0, 8000, true, true), 16000, 8000);
        t.markPlayed(19500);
        QCOMPARE(t.heard(1).heardText, kFirst);
        QVERIFY(t.heard(1).complete);
        QCOMPARE(t.heard(2).heardText, QStringLiteral("It"));
        t.forget(1);
        QCOMPARE(t.heard().heardText, QStringLiteral("It"));
        t.reset();
        QVERIFY(t.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPlaybackTracker)
#include "tst_playbacktracker.moc"
