#include "nlutestsupport.h"

using namespace ringside::nlu;

Q_DECLARE_METATYPE(ringside::nlu::ReasonSet)

class TestNluReasons : public QObject
{
    Q_OBJECT
private:
    std::optional<Analyser> nlu;

private slots:
    void initTestCase() { QVERIFY(test::loadBuiltin(&nlu)); }

    void enumsAreTheSeeds()
    {
        QCOMPARE(reasonCodes(ReasonSet::Cancellation).join(QLatin1Char(',')),
                 QStringLiteral("changed_mind,found_cheaper,delivery_too_slow,wrong_item,other"));
        QCOMPARE(reasonCodes(ReasonSet::Abandonment).join(QLatin1Char(',')),
                 QStringLiteral("price_too_high,shipping_cost,payment_issues,found_cheaper,just_browsing,not_ready,other"));
        QCOMPARE(reasonCodes(ReasonSet::Return).join(QLatin1Char(',')),
                 QStringLiteral("damaged,wrong_item,not_as_described,size_issue,quality_issue,changed_mind"));
    }

    void classify_data()
    {
        QTest::addColumn<ReasonSet>("set");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("reason");
        const ReasonSet c = ReasonSet::Cancellation, a = ReasonSet::Abandonment, r = ReasonSet::Return;
        // Cancellation
        QTest::addRow("c sasta mil gaya") << c << QStringLiteral("nahi, cancel kar do, sasta mil gaya") << QStringLiteral("found_cheaper");
        QTest::addRow("c found it cheaper on amazon") << c << QStringLiteral("I found it cheaper on Amazon") << QStringLiteral("found_cheaper");
        QTest::addRow("c better deal") << c << QStringLiteral("got a better deal elsewhere") << QStringLiteral("found_cheaper");
        QTest::addRow("c सस्ता मिल गया") << c << QStringLiteral("सस्ता मिल गया") << QStringLiteral("found_cheaper");
        QTest::addRow("c changed my mind") << c << QStringLiteral("I changed my mind") << QStringLiteral("changed_mind");
        QTest::addRow("c change my mind") << c << QStringLiteral("i have had a change of mind") << QStringLiteral("changed_mind");
        QTest::addRow("c mann badal gaya") << c << QStringLiteral("mann badal gaya") << QStringLiteral("changed_mind");
        QTest::addRow("c man badal gaya spelling") << c << QStringLiteral("man badal gaya hai") << QStringLiteral("changed_mind");
        QTest::addRow("c मन बदल गया") << c << QStringLiteral("मन बदल गया") << QStringLiteral("changed_mind");
        QTest::addRow("c don't need it") << c << QStringLiteral("I don't need it anymore") << QStringLiteral("changed_mind");
        QTest::addRow("c ab nahi chahiye") << c << QStringLiteral("ab nahi chahiye") << QStringLiteral("changed_mind");
        QTest::addRow("c late ho raha hai") << c << QStringLiteral("bahut late ho raha hai") << QStringLiteral("delivery_too_slow");
        QTest::addRow("c takes too long") << c << QStringLiteral("it takes too long") << QStringLiteral("delivery_too_slow");
        QTest::addRow("c taking too long") << c << QStringLiteral("delivery is taking too long") << QStringLiteral("delivery_too_slow");
        QTest::addRow("c der ho rahi hai") << c << QStringLiteral("der ho rahi hai") << QStringLiteral("delivery_too_slow");
        QTest::addRow("c देर हो रही है") << c << QStringLiteral("देर हो रही है") << QStringLiteral("delivery_too_slow");
        QTest::addRow("c galat item") << c << QStringLiteral("galat item order ho gaya") << QStringLiteral("wrong_item");
        QTest::addRow("c wrong size ordered") << c << QStringLiteral("I ordered the wrong size") << QStringLiteral("wrong_item");
        QTest::addRow("c personal reasons") << c << QStringLiteral("personal reasons") << QStringLiteral("other");
        // Abandonment
        QTest::addRow("a too expensive") << a << QStringLiteral("it's too expensive") << QStringLiteral("price_too_high");
        QTest::addRow("a mehenga") << a << QStringLiteral("bahut mehenga hai") << QStringLiteral("price_too_high");
        QTest::addRow("a mehnga spelling") << a << QStringLiteral("mehnga hai yaar") << QStringLiteral("price_too_high");
        QTest::addRow("a महंगा") << a << QStringLiteral("बहुत महंगा है") << QStringLiteral("price_too_high");
        QTest::addRow("a out of budget") << a << QStringLiteral("out of my budget") << QStringLiteral("price_too_high");
        QTest::addRow("a shipping too much") << a << QStringLiteral("shipping is too much") << QStringLiteral("shipping_cost");
        QTest::addRow("a delivery charge") << a << QStringLiteral("the delivery charge was high") << QStringLiteral("shipping_cost");
        QTest::addRow("a डिलीवरी चार्ज") << a << QStringLiteral("डिलीवरी चार्ज ज़्यादा है") << QStringLiteral("shipping_cost");
        QTest::addRow("a payment failed") << a << QStringLiteral("payment failed") << QStringLiteral("payment_issues");
        QTest::addRow("a card declined") << a << QStringLiteral("my card got declined") << QStringLiteral("payment_issues");
        QTest::addRow("a UPI nahi chala") << a << QStringLiteral("UPI nahi chala") << QStringLiteral("payment_issues");
        QTest::addRow("a otp nahi aaya") << a << QStringLiteral("OTP nahi aaya") << QStringLiteral("payment_issues");
        QTest::addRow("a पेमेंट नहीं हुआ") << a << QStringLiteral("पेमेंट नहीं हुआ") << QStringLiteral("payment_issues");
        QTest::addRow("a found cheaper") << a << QStringLiteral("found it cheaper somewhere else") << QStringLiteral("found_cheaper");
        QTest::addRow("a sasta mila") << a << QStringLiteral("flipkart pe sasta mila") << QStringLiteral("found_cheaper");
        QTest::addRow("a just looking") << a << QStringLiteral("I was just looking") << QStringLiteral("just_browsing");
        QTest::addRow("a browsing") << a << QStringLiteral("only browsing") << QStringLiteral("just_browsing");
        QTest::addRow("a bas dekh raha tha") << a << QStringLiteral("bas dekh raha tha") << QStringLiteral("just_browsing");
        QTest::addRow("a not now") << a << QStringLiteral("not now") << QStringLiteral("not_ready");
        QTest::addRow("a later") << a << QStringLiteral("maybe later") << QStringLiteral("not_ready");
        QTest::addRow("a baad mein") << a << QStringLiteral("baad mein lunga") << QStringLiteral("not_ready");
        QTest::addRow("a बाद में") << a << QStringLiteral("बाद में") << QStringLiteral("not_ready");
        QTest::addRow("a salary") << a << QStringLiteral("salary ke baad") << QStringLiteral("not_ready");
        // Return
        QTest::addRow("r damaged") << r << QStringLiteral("it's damaged") << QStringLiteral("damaged");
        QTest::addRow("r broken") << r << QStringLiteral("it arrived broken") << QStringLiteral("damaged");
        QTest::addRow("r toota hua") << r << QStringLiteral("toota hua aaya") << QStringLiteral("damaged");
        QTest::addRow("r tuta spelling") << r << QStringLiteral("tuta hua hai") << QStringLiteral("damaged");
        QTest::addRow("r टूटा हुआ") << r << QStringLiteral("टूटा हुआ है") << QStringLiteral("damaged");
        QTest::addRow("r not working") << r << QStringLiteral("it's not working") << QStringLiteral("damaged");
        QTest::addRow("r wrong item") << r << QStringLiteral("you sent the wrong item") << QStringLiteral("wrong_item");
        QTest::addRow("r galat item") << r << QStringLiteral("galat item aaya hai") << QStringLiteral("wrong_item");
        QTest::addRow("r not what i ordered") << r << QStringLiteral("this is not what I ordered") << QStringLiteral("wrong_item");
        QTest::addRow("r not as described") << r << QStringLiteral("not as described") << QStringLiteral("not_as_described");
        QTest::addRow("r photo jaisa nahi") << r << QStringLiteral("photo jaisa nahi hai") << QStringLiteral("not_as_described");
        QTest::addRow("r फोटो जैसा नहीं") << r << QStringLiteral("फोटो जैसा नहीं है") << QStringLiteral("not_as_described");
        QTest::addRow("r looks different") << r << QStringLiteral("it looks different from the picture") << QStringLiteral("not_as_described");
        QTest::addRow("r size chhota hai") << r << QStringLiteral("size chhota hai") << QStringLiteral("size_issue");
        QTest::addRow("r size bahut chhota") << r << QStringLiteral("size bahut chhota hai") << QStringLiteral("size_issue");
        QTest::addRow("r doesn't fit") << r << QStringLiteral("it doesn't fit") << QStringLiteral("size_issue");
        QTest::addRow("r too tight") << r << QStringLiteral("way too tight") << QStringLiteral("size_issue");
        QTest::addRow("r साइज छोटा") << r << QStringLiteral("साइज छोटा है") << QStringLiteral("size_issue");
        QTest::addRow("r quality achhi nahi") << r << QStringLiteral("quality achhi nahi hai") << QStringLiteral("quality_issue");
        QTest::addRow("r poor quality") << r << QStringLiteral("very poor quality") << QStringLiteral("quality_issue");
        QTest::addRow("r quality kharab") << r << QStringLiteral("quality kharab hai") << QStringLiteral("quality_issue");
        QTest::addRow("r क्वालिटी अच्छी नहीं") << r << QStringLiteral("क्वालिटी अच्छी नहीं है") << QStringLiteral("quality_issue");
        QTest::addRow("r changed my mind") << r << QStringLiteral("I just changed my mind") << QStringLiteral("changed_mind");
        QTest::addRow("r pasand nahi aaya") << r << QStringLiteral("pasand nahi aaya") << QStringLiteral("changed_mind");
        // Negation: a denied reason is not the reason.
        QTest::addRow("r not damaged but tight") << r << QStringLiteral("it's not damaged, just too tight") << QStringLiteral("size_issue");
        QTest::addRow("r toota nahi size chhota") << r << QStringLiteral("toota nahi hai, size chhota hai") << QStringLiteral("size_issue");
        QTest::addRow("a not the price, shipping") << a << QStringLiteral("it's not expensive, the shipping cost is the problem")
                                                   << QStringLiteral("shipping_cost");
    }
    void classify()
    {
        QFETCH(ReasonSet, set);
        QFETCH(QString, input);
        QFETCH(QString, reason);
        const ReasonMatch m = nlu->reason(input, set);
        QCOMPARE(m.reason, reason);
        QVERIFY(m.matched());
        QVERIFY(reasonCodes(set).contains(m.reason));
        QVERIFY(!m.cue.isEmpty());
        QVERIFY(m.confidence > 0.3 && m.confidence <= 1.0);
    }

    void nothingMatchedFallsBack_data()
    {
        QTest::addColumn<ReasonSet>("set");
        QTest::addColumn<QString>("fallback");
        QTest::addRow("cancellation") << ReasonSet::Cancellation << QStringLiteral("other");
        QTest::addRow("abandonment") << ReasonSet::Abandonment << QStringLiteral("other");
        QTest::addRow("return has no other") << ReasonSet::Return << QString();
    }
    void nothingMatchedFallsBack()
    {
        QFETCH(ReasonSet, set);
        QFETCH(QString, fallback);
        const ReasonMatch m = nlu->reason(QStringLiteral("hello, how are you"), set);
        QCOMPARE(m.reason, fallback);
        QCOMPARE(m.confidence, 0.0);
        QVERIFY(!m.matched());
        QVERIFY(m.cue.isEmpty());
    }

    void strongerCuesAreSurer()
    {
        const ReasonMatch phrase = nlu->reason(QStringLiteral("I found it cheaper on Amazon"), ReasonSet::Cancellation);
        const ReasonMatch word = nlu->reason(QStringLiteral("cheaper"), ReasonSet::Cancellation);
        QCOMPARE(word.reason, QStringLiteral("found_cheaper"));
        QVERIFY(phrase.confidence > word.confidence);
    }

    void twoReasonsLowerConfidenceAndNameTheRunnerUp()
    {
        const ReasonMatch one = nlu->reason(QStringLiteral("too expensive"), ReasonSet::Abandonment);
        const ReasonMatch two = nlu->reason(QStringLiteral("too expensive and the shipping cost is high"), ReasonSet::Abandonment);
        QVERIFY(two.confidence < one.confidence);
        QVERIFY(!two.runnerUp.isEmpty());
        QVERIFY(two.runnerUp != two.reason);
        QVERIFY((QStringList{two.reason, two.runnerUp}).contains(QStringLiteral("price_too_high")));
        QVERIFY((QStringList{two.reason, two.runnerUp}).contains(QStringLiteral("shipping_cost")));
    }

    void negatedReasonsAreListed()
    {
        const ReasonMatch m = nlu->reason(QStringLiteral("it's not damaged"), ReasonSet::Return);
        QVERIFY(!m.matched());
        QCOMPARE(m.negated, QStringList{QStringLiteral("damaged")});
    }

    void heardQuotesTheCaller()
    {
        const ReasonMatch m = nlu->reason(QStringLiteral("Nahi, Sasta Mil Gaya!"), ReasonSet::Cancellation);
        QCOMPARE(m.heard, QStringLiteral("Sasta Mil Gaya"));
        QCOMPARE(m.cue, QStringLiteral("sasta mil gaya"));
    }
};

QTEST_GUILESS_MAIN(TestNluReasons)
#include "tst_nlu_reasons.moc"
