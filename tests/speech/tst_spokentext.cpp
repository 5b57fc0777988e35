#include "speech/identifierformat.h"
#include "speech/sentencesplitter.h"
#include "speech/spokentext.h"

#include <QTest>

using namespace ringside;

class TestSpokenText : public QObject
{
    Q_OBJECT
private slots:
    void words_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("words");
        QTest::addRow("plain") << QStringLiteral("Where is my order?") << QStringLiteral("where is my order");
        QTest::addRow("apostrophes") << QStringLiteral("It’s too expensive, I don't know") << QStringLiteral("it's too expensive i don't know");
        QTest::addRow("order id") << QStringLiteral("my order is ORD-482913") << QStringLiteral("my order is o r d four eight two nine one three");
        QTest::addRow("digits") << QStringLiteral("It's 1234567") << QStringLiteral("it's one two three four five six seven");
        QTest::addRow("acronym") << QStringLiteral("pay by UPI or COD") << QStringLiteral("pay by u p i or c o d");
        QTest::addRow("single capital") << QStringLiteral("I want A refund") << QStringLiteral("i want a refund");
        QTest::addRow("symbols") << QStringLiteral("10% off & free") << QStringLiteral("one zero percent off and free");
    }
    void words()
    {
        QFETCH(QString, text);
        QFETCH(QString, words);
        QCOMPARE(spokenWords(text).join(QLatin1Char(' ')), words);
    }

    void sequenceEnd_data()
    {
        QTest::addColumn<QString>("transcript");
        QTest::addColumn<bool>("inside");
        QTest::addRow("digit") << QStringLiteral("my number is nine eight") << true;
        QTest::addRow("letter") << QStringLiteral("o r d") << true;
        QTest::addRow("oh") << QStringLiteral("five oh") << true;
        QTest::addRow("double") << QStringLiteral("four double") << true;
        QTest::addRow("word") << QStringLiteral("nine eight thanks") << false;
        QTest::addRow("empty") << QString() << false;
    }
    void sequenceEnd()
    {
        QFETCH(QString, transcript);
        QFETCH(bool, inside);
        QCOMPARE(endsInsideSequence(transcript), inside);
    }

    void collapse_data()
    {
        QTest::addColumn<QString>("transcript");
        QTest::addColumn<QString>("chars");
        QTest::addRow("order id") << QStringLiteral("my order number is o r d four eight two nine one three") << QStringLiteral("ORD482913");
        QTest::addRow("double") << QStringLiteral("nine double eight oh one") << QStringLiteral("98801");
        QTest::addRow("triple") << QStringLiteral("triple five") << QStringLiteral("555");
        QTest::addRow("longest run wins") << QStringLiteral("i said one two three four then five") << QStringLiteral("1234");
        QTest::addRow("none") << QStringLiteral("talk to a human") << QString();
    }
    void collapse()
    {
        QFETCH(QString, transcript);
        QFETCH(QString, chars);
        QCOMPARE(collapseSpelledSequence(transcript), chars);
    }

    // Every spelled run in order, so an ID in the middle of a sentence is found beside others.
    void runs()
    {
        QCOMPARE(spelledRuns(QStringLiteral("and my other order is o r d seven seven one two oh four where is that one")),
                 (QStringList{ QStringLiteral("ORD771204") }));
        QCOMPARE(spelledRuns(QStringLiteral("it's r e t zero two one seven or nine eight double five")),
                 (QStringList{ QStringLiteral("RET0217"), QStringLiteral("9855") }));
        QCOMPARE(spelledRuns(QStringLiteral("i want a refund")), QStringList());
    }

    // The store's identifier shapes: a run fits, or could still grow into, a format.
    void formats()
    {
        QVERIFY(runMatchesFormat(QStringLiteral("ORD482913"), QStringLiteral("ORD-######")));
        QVERIFY(!runMatchesFormat(QStringLiteral("ORD48291"), QStringLiteral("ORD-######")));
        QVERIFY(!runMatchesFormat(QStringLiteral("ORX482913"), QStringLiteral("ORD-######")));
        QVERIFY(runMatchesFormat(QStringLiteral("9812345678"), QStringLiteral("[2-9]#########")));
        QVERIFY(!runMatchesFormat(QStringLiteral("1812345678"), QStringLiteral("[2-9]#########")));
        QVERIFY(runMatchesFormat(QStringLiteral("AB12"), QStringLiteral("@@##")));
        QVERIFY(runIsPrefixOfFormat(QStringLiteral("ORD48"), QStringLiteral("ORD######")));
        QVERIFY(!runIsPrefixOfFormat(QStringLiteral("ORD482913"), QStringLiteral("ORD######")));
        QCOMPARE(storeIdentifierFormats(QStringLiteral("ORD followed by six digits")),
                 (QStringList{ QStringLiteral("ORD######"), QStringLiteral("RET-####"), QStringLiteral("[2-9]#########") }));
        QCOMPARE(storeIdentifierFormats(QStringLiteral("whatever the warehouse says")).size(), 2);
    }

    // A long sentence is cut at a clause boundary so its first part can be spoken sooner.
    void longSentenceSplitAtComma()
    {
        const QString text = QStringLiteral("I checked with the courier and the warehouse, and your parcel left Mumbai this "
                                            "morning, so it should reach you by Thursday evening at the latest.");
        const QStringList parts = splitForSpeech(text, 60);
        QVERIFY(parts.size() >= 2);
        for (const QString &p : parts)
            QVERIFY2(p.size() <= 60 || !p.contains(QLatin1Char(',')), qPrintable(p));
        QCOMPARE(parts.join(QLatin1Char(' ')), text);
    }
};

QTEST_GUILESS_MAIN(TestSpokenText)
#include "tst_spokentext.moc"
