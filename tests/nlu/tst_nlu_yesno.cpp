#include "nlutestsupport.h"

using namespace ringside::nlu;

class TestNluYesNo : public QObject
{
    Q_OBJECT
private:
    std::optional<Analyser> nlu;

private slots:
    void initTestCase() { QVERIFY(test::loadBuiltin(&nlu)); }

    void answers_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("answer");
        const QString yes = QStringLiteral("yes"), no = QStringLiteral("no"), unsure = QStringLiteral("unsure"),
                      unknown = QStringLiteral("unknown");
        // English
        QTest::addRow("yes") << QStringLiteral("yes") << yes;
        QTest::addRow("Yes.") << QStringLiteral("Yes.") << yes;
        QTest::addRow("yeah sure") << QStringLiteral("yeah sure") << yes;
        QTest::addRow("yep") << QStringLiteral("yep") << yes;
        QTest::addRow("of course") << QStringLiteral("of course") << yes;
        QTest::addRow("okay") << QStringLiteral("okay") << yes;
        QTest::addRow("ok") << QStringLiteral("ok") << yes;
        QTest::addRow("that's right") << QStringLiteral("that's right") << yes;
        QTest::addRow("go ahead") << QStringLiteral("go ahead") << yes;
        QTest::addRow("please confirm") << QStringLiteral("yes please confirm") << yes;
        QTest::addRow("no problem") << QStringLiteral("no problem") << yes;
        QTest::addRow("sounds good") << QStringLiteral("sounds good to me") << yes;
        QTest::addRow("no") << QStringLiteral("no") << no;
        QTest::addRow("nope") << QStringLiteral("nope") << no;
        QTest::addRow("nah") << QStringLiteral("nah") << no;
        QTest::addRow("not really") << QStringLiteral("not really") << no;
        QTest::addRow("no thanks") << QStringLiteral("no thanks") << no;
        QTest::addRow("not interested") << QStringLiteral("I'm not interested") << no;
        QTest::addRow("not now") << QStringLiteral("not now") << no;
        QTest::addRow("not okay") << QStringLiteral("that's not okay") << no;
        QTest::addRow("don't confirm") << QStringLiteral("don't confirm it") << no;
        QTest::addRow("never") << QStringLiteral("never") << no;
        QTest::addRow("not sure") << QStringLiteral("not sure") << unsure;
        QTest::addRow("maybe") << QStringLiteral("maybe") << unsure;
        QTest::addRow("i don't know") << QStringLiteral("I don't know") << unsure;
        QTest::addRow("let me think") << QStringLiteral("let me think about it") << unsure;
        // Hinglish
        QTest::addRow("haan") << QStringLiteral("haan") << yes;
        QTest::addRow("haan ji") << QStringLiteral("haan ji") << yes;
        QTest::addRow("ji haan") << QStringLiteral("ji haan") << yes;
        QTest::addRow("han spelling") << QStringLiteral("han bhai") << yes;
        QTest::addRow("haan ji confirm kar do") << QStringLiteral("haan ji confirm kar do") << yes;
        QTest::addRow("theek hai") << QStringLiteral("theek hai") << yes;
        QTest::addRow("thik hai spelling") << QStringLiteral("thik hai") << yes;
        QTest::addRow("bilkul") << QStringLiteral("bilkul") << yes;
        QTest::addRow("zaroor") << QStringLiteral("haan zaroor") << yes;
        QTest::addRow("confirm kar do") << QStringLiteral("confirm kar do") << yes;
        QTest::addRow("chalega") << QStringLiteral("chalega") << yes;
        QTest::addRow("koi baat nahi") << QStringLiteral("koi baat nahi") << yes;
        QTest::addRow("confirm kar do na") << QStringLiteral("confirm kar do na") << yes;
        QTest::addRow("nahi") << QStringLiteral("nahi") << no;
        QTest::addRow("nahin spelling") << QStringLiteral("nahin") << no;
        QTest::addRow("nahi ji") << QStringLiteral("nahi ji") << no;
        QTest::addRow("ji nahi") << QStringLiteral("ji nahi") << no;
        QTest::addRow("mat karo") << QStringLiteral("mat karo") << no;
        QTest::addRow("nahi chahiye") << QStringLiteral("mujhe nahi chahiye") << no;
        QTest::addRow("rehne do") << QStringLiteral("rehne do") << no;
        QTest::addRow("abhi nahi") << QStringLiteral("abhi nahi") << no;
        QTest::addRow("theek nahi") << QStringLiteral("theek nahi hai") << no;
        QTest::addRow("bilkul nahi") << QStringLiteral("bilkul nahi") << no;
        QTest::addRow("nahi cancel kar do") << QStringLiteral("nahi, cancel kar do, sasta mil gaya") << no;
        QTest::addRow("nahi no comma") << QStringLiteral("nahi cancel kar do") << no;
        QTest::addRow("pata nahi") << QStringLiteral("pata nahi") << unsure;
        QTest::addRow("shayad") << QStringLiteral("shayad") << unsure;
        QTest::addRow("soch ke batata hoon") << QStringLiteral("soch ke batata hoon") << unsure;
        // Devanagari
        QTest::addRow("हाँ") << QStringLiteral("हाँ") << yes;
        QTest::addRow("हां") << QStringLiteral("हां") << yes;
        QTest::addRow("जी हाँ") << QStringLiteral("जी हाँ") << yes;
        QTest::addRow("ठीक है") << QStringLiteral("ठीक है") << yes;
        QTest::addRow("बिल्कुल") << QStringLiteral("बिल्कुल") << yes;
        QTest::addRow("नहीं") << QStringLiteral("नहीं") << no;
        QTest::addRow("जी नहीं") << QStringLiteral("जी नहीं") << no;
        QTest::addRow("मत करो") << QStringLiteral("मत करो") << no;
        QTest::addRow("पता नहीं") << QStringLiteral("पता नहीं") << unsure;
        QTest::addRow("शायद") << QStringLiteral("शायद") << unsure;
        // Corrections and clauses: the last clause that answers wins.
        QTest::addRow("no, I mean yes") << QStringLiteral("no, I mean yes") << yes;
        QTest::addRow("no i mean yes unpunctuated") << QStringLiteral("no i mean yes") << yes;
        QTest::addRow("yes, actually no") << QStringLiteral("yes, actually no") << no;
        QTest::addRow("nahi nahi haan") << QStringLiteral("nahi matlab haan") << yes;
        QTest::addRow("haan lekin kal nahi") << QStringLiteral("haan lekin kal nahi") << yes;
        QTest::addRow("yes but not tomorrow") << QStringLiteral("yes, but not tomorrow") << yes;
        QTest::addRow("no no no") << QStringLiteral("no no no") << no;
        // A reassurance after a no declines; a correction before it accepts.
        QTest::addRow("no, it's fine") << QStringLiteral("no, it's fine") << no;
        QTest::addRow("nahi, theek hai") << QStringLiteral("nahi, theek hai") << no;
        QTest::addRow("नहीं, ठीक है") << QStringLiteral("नहीं, ठीक है") << no;
        QTest::addRow("nope, that's okay") << QStringLiteral("nope, that's okay") << no;
        QTest::addRow("no thanks, no problem") << QStringLiteral("no thanks. no problem, all good") << no;
        QTest::addRow("no wait, yes") << QStringLiteral("no wait, yes") << yes;
        QTest::addRow("no wait, it's fine") << QStringLiteral("no wait, it's fine") << yes;
        QTest::addRow("nahi, theek hai, bhej do") << QStringLiteral("nahi, theek hai, bhej do") << yes;
        QTest::addRow("haan, theek hai") << QStringLiteral("haan, theek hai") << yes;
        QTest::addRow("fine, no") << QStringLiteral("fine, no") << no;
        // No answer at all.
        QTest::addRow("kal nahi alone") << QStringLiteral("kal nahi") << unknown;
        QTest::addRow("cancel it") << QStringLiteral("cancel it") << unknown;
        QTest::addRow("question") << QStringLiteral("where is my order") << unknown;
        QTest::addRow("ghar pe nahi hoon") << QStringLiteral("main ghar pe nahi hoon") << unknown;
        QTest::addRow("empty") << QString() << unknown;
        QTest::addRow("emoji only") << QStringLiteral("\U0001F44D") << unknown;
    }
    void answers()
    {
        QFETCH(QString, input);
        QFETCH(QString, answer);
        QCOMPARE(answerName(nlu->yesNo(input).answer), answer);
    }

    void confidenceReflectsDoubt()
    {
        const YesNo plain = nlu->yesNo(QStringLiteral("yes"));
        const YesNo corrected = nlu->yesNo(QStringLiteral("no, I mean yes"));
        const YesNo negatedYes = nlu->yesNo(QStringLiteral("not okay"));
        QVERIFY(!plain.corrected);
        QVERIFY(corrected.corrected);
        QVERIFY(plain.confidence > corrected.confidence);
        QVERIFY(plain.confidence > negatedYes.confidence);
        QCOMPARE(nlu->yesNo(QStringLiteral("hello")).confidence, 0.0);
    }

    void reassuranceKeepsTheNo()
    {
        const YesNo y = nlu->yesNo(QStringLiteral("no, it's fine"));
        QCOMPARE(y.cue, QStringLiteral("no"));
        QCOMPARE(y.heard, QStringLiteral("no, it's fine"));
        QVERIFY(!y.corrected);
        QVERIFY(y.confidence < nlu->yesNo(QStringLiteral("no")).confidence);
    }

    void cueAndHeard()
    {
        const YesNo y = nlu->yesNo(QStringLiteral("Haan JI, theek hai!"));
        QCOMPARE(y.cue, QStringLiteral("theek hai"));
        QCOMPARE(y.heard, QStringLiteral("theek hai"));
        QCOMPARE(nlu->yesNo(QStringLiteral("हाँ जी")).heard, QStringLiteral("हाँ जी"));
    }
};

QTEST_GUILESS_MAIN(TestNluYesNo)
#include "tst_nlu_yesno.moc"
