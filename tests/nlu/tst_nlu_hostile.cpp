#include "nlutestsupport.h"

#include <QRandomGenerator>

using namespace ringside;
using namespace ringside::nlu;

// Whatever arrives — empty, huge, binary, every script at once — analyse() returns, bounded,
// and still reads what it can from the first Normaliser::kMaxAnalysedChars characters.
class TestNluHostile : public QObject
{
    Q_OBJECT
private:
    std::optional<Analyser> nlu;
    std::optional<IntentMatcher> playbook;

    AnalysisContext context() const
    {
        AnalysisContext c;
        c.today = test::testToday();
        c.items = {QStringLiteral("Running Shoes"), QStringLiteral("T-Shirt")};
        c.intents = &*playbook;
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(test::loadBuiltin(&nlu));
        Result<IntentMatcher> m = nlu->compileIntents(nlu->lexicon().document()["intents"]);
        QVERIFY2(m, qPrintable(m.error()));
        playbook.emplace(std::move(m).value());
    }

    void survives_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addRow("empty") << QString();
        QTest::addRow("spaces") << QStringLiteral("     ");
        QTest::addRow("control characters") << QString::fromUtf16(u"\u0000\u0001\u0002\u001b[31m\u007f\u0085\u2028");
        QTest::addRow("only emoji") << QStringLiteral("\U0001F600\U0001F44D\U0001F64F\U0001F525");
        QTest::addRow("lone surrogates") << QString::fromUtf16(u"\xD800 yes \xDC00");
        QTest::addRow("combining marks only") << QString::fromUtf16(u"\u0301\u0302\u0303\u093C\u094D");
        QTest::addRow("devanagari marks without letters") << QString::fromUtf16(u"\u093E\u093F\u0940\u0901");
        QTest::addRow("mixed scripts") << QStringLiteral("haan जी yes да 是的 نعم ✓ kal कल tomorrow");
        QTest::addRow("rtl and zero width") << QString::fromUtf16(u"\u202Eyes\u202C \u200B\u200C\u200Dnahi");
        QTest::addRow("separators only") << QStringLiteral("//--::..++,,;;!!??");
        QTest::addRow("digit soup") << QStringLiteral("1/2/3/4/5-6-7-8:9:0.1.2+3+4");
        QTest::addRow("huge number") << QStringLiteral("99999999999999999999999999999999999999 days later");
        QTest::addRow("every number word") << QStringLiteral("double triple double triple plus plus oh oh");
        QTest::addRow("negators only") << QStringLiteral("not not nahi mat na don't never");
        QTest::addRow("markers only") << QStringLiteral("but but i mean actually lekin magar");
        QTest::addRow("json") << QStringLiteral("{\"intent\": \"cancel\", \"reason\": [1, 2, {}]}");
        QTest::addRow("sql") << QStringLiteral("'; DROP TABLE orders; --");
    }
    void survives()
    {
        QFETCH(QString, input);
        const Analysis a = nlu->analyse(input, context());
        QVERIFY(a.text.source.size() <= Normaliser::kMaxAnalysedChars);
        QVERIFY(a.toJson().is_object());
        QVERIFY(!a.toJson().dump().empty());
    }

    void emptyIsEmpty()
    {
        const Analysis a = nlu->analyse(QString(), context());
        QVERIFY(a.text.isEmpty());
        QCOMPARE(a.yesNo.answer, Answer::Unknown);
        QVERIFY(!a.universal.matchedAny());
        QCOMPARE(a.orderId.status, Found::None);
        QCOMPARE(a.date.status, Found::None);
        QCOMPARE(languageTag(a.language()), QStringLiteral("und"));
    }

    void hundredKilobytesAreCappedAndStillRead()
    {
        // The answer sits in the first 2,000 characters; 100 KB of noise follows it.
        QString text = QStringLiteral("haan ji, kal nahi parson bhej do. order 482913. ");
        while (text.size() < 100 * 1024)
            text += QStringLiteral("lorem ipsum dolor sit amet 12345 नहीं \u0007 ");
        const Analysis a = nlu->analyse(text, context());
        QVERIFY(a.text.truncated);
        QCOMPARE(a.text.source.size(), Normaliser::kMaxAnalysedChars);
        QCOMPARE(a.yesNo.answer, Answer::Yes);
        QCOMPARE(a.orderId.id, QStringLiteral("ORD-482913"));
        QCOMPARE(a.date.date, QDate(2026, 12, 26));
    }

    void nothingPastTheCapIsRead()
    {
        const QString text = QString(Normaliser::kMaxAnalysedChars, QLatin1Char(' ')) + QStringLiteral("ORD 482913 haan");
        const Analysis a = nlu->analyse(text, context());
        QVERIFY(a.text.truncated);
        QCOMPARE(a.orderId.status, Found::None);
        QCOMPARE(a.yesNo.answer, Answer::Unknown);
    }

    void longDigitStringsStayBounded()
    {
        const QString digits = QString(5000, QLatin1Char('9'));
        const Analysis a = nlu->analyse(digits, context());
        QCOMPARE(a.phone.status, Found::Invalid);
        QCOMPARE(a.phone.digits.size(), Normaliser::kMaxAnalysedChars);
        QCOMPARE(a.quantity.status, Found::None);
    }

    void randomNoiseNeverCrashes()
    {
        QRandomGenerator rng(20261224); // fixed seed: failures reproduce
        const QString alphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789 ,.-/:+'!?हाँनहींकलपरसोंशामदो०१२३४५६७८९\u0000\u0007\u200D");
        for (int round = 0; round < 300; ++round) {
            QString text;
            const int length = int(rng.bounded(1, 400));
            for (int i = 0; i < length; ++i)
                text.append(alphabet.at(int(rng.bounded(int(alphabet.size())))));
            const Analysis a = nlu->analyse(text, context());
            QVERIFY(a.text.source == text.left(Normaliser::kMaxAnalysedChars));
        }
    }
};

QTEST_GUILESS_MAIN(TestNluHostile)
#include "tst_nlu_hostile.moc"
