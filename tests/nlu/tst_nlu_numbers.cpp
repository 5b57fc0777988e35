#include "nlutestsupport.h"

using namespace ringside::nlu;

class TestNluNumbers : public QObject
{
    Q_OBJECT
private:
    std::optional<Analyser> nlu;

private slots:
    void initTestCase() { QVERIFY(test::loadBuiltin(&nlu)); }

    // Every digit string in the text, joined by "|".
    void digitRuns_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("runs");
        QTest::addRow("digit words") << QStringLiteral("four eight two") << QStringLiteral("482");
        QTest::addRow("oh as zero") << QStringLiteral("nine oh one") << QStringLiteral("901");
        QTest::addRow("o as zero") << QStringLiteral("five o five") << QStringLiteral("505");
        QTest::addRow("leading oh before digits") << QStringLiteral("oh four") << QStringLiteral("04");
        QTest::addRow("oh as interjection") << QStringLiteral("oh okay") << QString();
        QTest::addRow("double five") << QStringLiteral("double five") << QStringLiteral("55");
        QTest::addRow("triple nine") << QStringLiteral("triple nine one") << QStringLiteral("9991");
        QTest::addRow("double oh") << QStringLiteral("double oh seven") << QStringLiteral("007");
        QTest::addRow("double digit") << QStringLiteral("double 5") << QStringLiteral("55");
        QTest::addRow("teens") << QStringLiteral("nineteen eighty four") << QStringLiteral("1984");
        QTest::addRow("tens with unit") << QStringLiteral("ninety eight forty five") << QStringLiteral("9845");
        QTest::addRow("bare ten") << QStringLiteral("twenty twenty") << QStringLiteral("2020");
        QTest::addRow("hundred after digit") << QStringLiteral("nine hundred") << QStringLiteral("900");
        QTest::addRow("thousand after digit") << QStringLiteral("two thousand") << QStringLiteral("2000");
        QTest::addRow("hindi digits") << QStringLiteral("char aath do nau ek teen") << QStringLiteral("482913");
        QTest::addRow("hindi spellings") << QStringLiteral("chaar aath shunya paanch") << QStringLiteral("4805");
        QTest::addRow("hindi two-digit words") << QStringLiteral("bees pachees") << QStringLiteral("2025");
        QTest::addRow("devanagari words") << QStringLiteral("चार आठ दो नौ एक तीन") << QStringLiteral("482913");
        QTest::addRow("devanagari digits") << QStringLiteral("४८२९१३") << QStringLiteral("482913");
        QTest::addRow("devanagari double") << QStringLiteral("डबल पाँच") << QStringLiteral("55");
        QTest::addRow("spaced digits join") << QStringLiteral("98123 45678") << QStringLiteral("9812345678");
        QTest::addRow("dashed digits") << QStringLiteral("98123-45678") << QStringLiteral("9812345678");
        QTest::addRow("mixed words and digits") << QStringLiteral("nine 8 four 5") << QStringLiteral("9845");
        QTest::addRow("across a comma") << QStringLiteral("nine eight, four five") << QStringLiteral("9845");
        QTest::addRow("across a filler") << QStringLiteral("nine eight uh four five") << QStringLiteral("9845");
        QTest::addRow("filler at the end stops") << QStringLiteral("nine eight uh okay") << QStringLiteral("98");
        QTest::addRow("plus word") << QStringLiteral("plus nine one nine eight") << QStringLiteral("+9198");
        QTest::addRow("plus sign") << QStringLiteral("+91 98") << QStringLiteral("+9198");
        QTest::addRow("two runs") << QStringLiteral("order 482913 and phone 9845012345")
                                  << QStringLiteral("482913|9845012345");
        QTest::addRow("date is not a run") << QStringLiteral("on 28/12") << QString();
        QTest::addRow("time is not a run") << QStringLiteral("at 5:30") << QString();
        QTest::addRow("kar do is not two") << QStringLiteral("cancel kar do") << QString();
        QTest::addRow("do beside a number is two") << QStringLiteral("do teen") << QStringLiteral("23");
        QTest::addRow("words only") << QStringLiteral("hello there") << QString();
        // A mobile number in two halves with a pause between stays one number; other whole
        // groups on either side of a pause are two.
        QTest::addRow("mobile halves") << QStringLiteral("98765, 43210") << QStringLiteral("9876543210");
        QTest::addRow("mobile halves in words") << QStringLiteral("nine eight seven six five. four three two one zero")
                                                << QStringLiteral("9876543210");
        QTest::addRow("mobile halves after +91") << QStringLiteral("+91 98765, 43210") << QStringLiteral("+919876543210");
        QTest::addRow("not a mobile: two groups") << QStringLiteral("12345, 67890") << QStringLiteral("12345|67890");
        QTest::addRow("six and five: two groups") << QStringLiteral("987654, 43210") << QStringLiteral("987654|43210");
        QTest::addRow("third group after the halves") << QStringLiteral("98765, 43210, 11111")
                                                      << QStringLiteral("9876543210|11111");
    }
    void digitRuns()
    {
        QFETCH(QString, input);
        QFETCH(QString, runs);
        QStringList got;
        for (const DigitRun &r : nlu->lexicon().numbers().digitRuns(nlu->normalise(input)))
            got.append((r.plus ? QStringLiteral("+") : QString()) + r.digits);
        QCOMPARE(got.join(QLatin1Char('|')), runs);
    }

    void cardinals_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<bool>("ordinal");
        QTest::addRow("forty two") << QStringLiteral("forty two") << qint64(42) << false;
        QTest::addRow("two thousand") << QStringLiteral("two thousand") << qint64(2000) << false;
        QTest::addRow("two thousand twenty six") << QStringLiteral("two thousand twenty six") << qint64(2026) << false;
        QTest::addRow("one hundred and five") << QStringLiteral("one hundred and five") << qint64(105) << false;
        QTest::addRow("a hundred") << QStringLiteral("a hundred") << qint64(100) << false;
        QTest::addRow("three lakh") << QStringLiteral("three lakh") << qint64(300000) << false;
        QTest::addRow("digits") << QStringLiteral("28") << qint64(28) << false;
        QTest::addRow("digits with suffix") << QStringLiteral("28th") << qint64(28) << true;
        QTest::addRow("2nd") << QStringLiteral("2nd") << qint64(2) << true;
        QTest::addRow("twenty eighth") << QStringLiteral("twenty eighth") << qint64(28) << true;
        QTest::addRow("first") << QStringLiteral("first") << qint64(1) << true;
        QTest::addRow("teen") << QStringLiteral("teen") << qint64(3) << false;
        QTest::addRow("ek sau") << QStringLiteral("ek sau") << qint64(100) << false;
        QTest::addRow("do hazaar") << QStringLiteral("do hazaar") << qint64(2000) << false;
        QTest::addRow("paanch") << QStringLiteral("paanch") << qint64(5) << false;
        QTest::addRow("pachees") << QStringLiteral("pachees") << qint64(25) << false;
        QTest::addRow("devanagari teen") << QStringLiteral("तीन") << qint64(3) << false;
        QTest::addRow("devanagari bees") << QStringLiteral("बीस") << qint64(20) << false;
        QTest::addRow("doosra") << QStringLiteral("doosra") << qint64(2) << true;
        QTest::addRow("two three stops at two") << QStringLiteral("two three") << qint64(2) << false;
    }
    void cardinals()
    {
        QFETCH(QString, input);
        QFETCH(qint64, value);
        QFETCH(bool, ordinal);
        Cardinal c;
        QVERIFY(nlu->lexicon().numbers().cardinalAt(nlu->normalise(input), 0, &c));
        QCOMPARE(c.value, value);
        QCOMPARE(c.ordinal, ordinal);
    }

    void notCardinals_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addRow("word") << QStringLiteral("hello");
        QTest::addRow("bare hundred") << QStringLiteral("hundred");
        QTest::addRow("phone with dash") << QStringLiteral("98123-45678");
        QTest::addRow("too many digits") << QStringLiteral("1234567890123");
        QTest::addRow("date") << QStringLiteral("28/12");
        QTest::addRow("empty") << QString();
    }
    void notCardinals()
    {
        QFETCH(QString, input);
        Cardinal c;
        QVERIFY(!nlu->lexicon().numbers().cardinalAt(nlu->normalise(input), 0, &c));
    }

    void ambiguousWordsNeedANeighbour()
    {
        Cardinal c;
        const Numbers &n = nlu->lexicon().numbers();
        QVERIFY(!n.cardinalAt(nlu->normalise(QStringLiteral("do")), 0, &c, false));
        QVERIFY(n.cardinalAt(nlu->normalise(QStringLiteral("do")), 0, &c, true));
        QCOMPARE(c.value, qint64(2));
        QVERIFY(n.cardinalAt(nlu->normalise(QStringLiteral("do hazaar")), 0, &c, false));
        QCOMPARE(c.value, qint64(2000));
    }
};

QTEST_GUILESS_MAIN(TestNluNumbers)
#include "tst_nlu_numbers.moc"
