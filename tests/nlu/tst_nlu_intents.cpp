#include "nlutestsupport.h"

#include <QFile>

using namespace ringside;
using namespace ringside::nlu;

class TestNluIntents : public QObject
{
    Q_OBJECT
private:
    std::optional<Analyser> nlu;
    std::optional<IntentMatcher> playbook;

private slots:
    void initTestCase()
    {
        QVERIFY(test::loadBuiltin(&nlu));
        // Intents as a playbook designer would write them: phrases in any of the three scripts.
        QFile file(QStringLiteral(RINGSIDE_TEST_DIR "/data/playbook_intents.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const json intents = json::parse(bytes.constBegin(), bytes.constEnd());
        Result<IntentMatcher> m = nlu->compileIntents(intents, QStringLiteral("/playbook/intents"));
        QVERIFY2(m, qPrintable(m.error()));
        playbook.emplace(std::move(m).value());
    }

    void universal_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("intent");
        QTest::addRow("repeat that") << QStringLiteral("can you repeat that") << QStringLiteral("repeat");
        QTest::addRow("say again") << QStringLiteral("sorry, say again?") << QStringLiteral("repeat");
        QTest::addRow("didn't catch that") << QStringLiteral("I didn't catch that") << QStringLiteral("repeat");
        QTest::addRow("phir se bolo") << QStringLiteral("phir se bolo") << QStringLiteral("repeat");
        QTest::addRow("dobara") << QStringLiteral("dobara boliye") << QStringLiteral("repeat");
        QTest::addRow("फिर से बोलिए") << QStringLiteral("फिर से बोलिए") << QStringLiteral("repeat");
        QTest::addRow("hold on") << QStringLiteral("hold on") << QStringLiteral("wait");
        QTest::addRow("one sec") << QStringLiteral("one sec please") << QStringLiteral("wait");
        QTest::addRow("ek minute") << QStringLiteral("ek minute") << QStringLiteral("wait");
        QTest::addRow("ruko") << QStringLiteral("ruko zara") << QStringLiteral("wait");
        QTest::addRow("रुकिए") << QStringLiteral("एक मिनट रुकिए") << QStringLiteral("wait");
        QTest::addRow("bye") << QStringLiteral("okay bye") << QStringLiteral("goodbye");
        QTest::addRow("that's all") << QStringLiteral("that's all, thanks") << QStringLiteral("goodbye");
        QTest::addRow("bas alone") << QStringLiteral("bas") << QStringLiteral("goodbye");
        QTest::addRow("dhanyavaad bas itna hi") << QStringLiteral("dhanyavaad, bas itna hi") << QStringLiteral("goodbye");
        QTest::addRow("बस इतना ही") << QStringLiteral("धन्यवाद, बस इतना ही") << QStringLiteral("goodbye");
        QTest::addRow("talk to a human") << QStringLiteral("I want to talk to a human") << QStringLiteral("human");
        QTest::addRow("real person") << QStringLiteral("get me a real person") << QStringLiteral("human");
        QTest::addRow("agent") << QStringLiteral("agent please") << QStringLiteral("human");
        QTest::addRow("manager") << QStringLiteral("let me speak to your manager") << QStringLiteral("human");
        QTest::addRow("insaan se baat") << QStringLiteral("insaan se baat karni hai") << QStringLiteral("human");
        QTest::addRow("इंसान से बात") << QStringLiteral("किसी इंसान से बात कराओ") << QStringLiteral("human");
        QTest::addRow("complaint") << QStringLiteral("I want to file a complaint") << QStringLiteral("complaint");
        QTest::addRow("shikayat") << QStringLiteral("shikayat karni hai") << QStringLiteral("complaint");
        QTest::addRow("शिकायत") << QStringLiteral("मुझे शिकायत करनी है") << QStringLiteral("complaint");
        QTest::addRow("thanks") << QStringLiteral("thank you so much") << QStringLiteral("thanks");
        QTest::addRow("shukriya") << QStringLiteral("bahut shukriya") << QStringLiteral("thanks");
        QTest::addRow("hello") << QStringLiteral("hello") << QStringLiteral("greeting");
        QTest::addRow("namaste") << QStringLiteral("namaste ji") << QStringLiteral("greeting");
        QTest::addRow("shows delivered") << QStringLiteral("It shows delivered but I didn't get it") << QStringLiteral("not_received");
        QTest::addRow("not received") << QStringLiteral("I have not received my order") << QStringLiteral("not_received");
        QTest::addRow("mila nahi") << QStringLiteral("order mila nahi") << QStringLiteral("not_received");
        QTest::addRow("abhi tak nahi mila") << QStringLiteral("abhi tak nahi mila") << QStringLiteral("not_received");
        QTest::addRow("नहीं मिला") << QStringLiteral("पार्सल नहीं मिला") << QStringLiteral("not_received");
        QTest::addRow("arrived broken") << QStringLiteral("it arrived broken") << QStringLiteral("damaged");
        QTest::addRow("toota hua aaya") << QStringLiteral("toota hua aaya hai") << QStringLiteral("damaged");
        QTest::addRow("where is my order") << QStringLiteral("Where's my order?") << QStringLiteral("where_is_order");
        QTest::addRow("order kab aayega") << QStringLiteral("mera order kab aayega") << QStringLiteral("where_is_order");
        QTest::addRow("मेरा ऑर्डर कहाँ है") << QStringLiteral("मेरा ऑर्डर कहाँ है") << QStringLiteral("where_is_order");
        QTest::addRow("cancel my order") << QStringLiteral("please cancel my order") << QStringLiteral("cancel");
        QTest::addRow("cancel kar do") << QStringLiteral("nahi, cancel kar do, sasta mil gaya") << QStringLiteral("cancel");
        QTest::addRow("cancelled inflection") << QStringLiteral("I want it cancelled") << QStringLiteral("cancel");
        QTest::addRow("कैंसल कर दो") << QStringLiteral("ऑर्डर कैंसल कर दो") << QStringLiteral("cancel");
        QTest::addRow("confirm") << QStringLiteral("haan ji confirm kar do") << QStringLiteral("confirm");
        QTest::addRow("don't cancel, confirm") << QStringLiteral("don't cancel, confirm it") << QStringLiteral("confirm");
        QTest::addRow("change address") << QStringLiteral("I need to change my address") << QStringLiteral("modify");
        QTest::addRow("address badalna") << QStringLiteral("address badalna hai") << QStringLiteral("modify");
        QTest::addRow("payment change") << QStringLiteral("payment change karna hai") << QStringLiteral("modify");
        QTest::addRow("reschedule") << QStringLiteral("can you reschedule the delivery") << QStringLiteral("reschedule");
        QTest::addRow("kal nahi parson") << QStringLiteral("kal nahi, parson shaam ko bhej do") << QStringLiteral("reschedule");
        QTest::addRow("won't be home") << QStringLiteral("I won't be home tomorrow") << QStringLiteral("not_available");
        QTest::addRow("ghar pe nahi hoon") << QStringLiteral("main ghar pe nahi hoon") << QStringLiteral("not_available");
        QTest::addRow("घर पे नहीं हूँ") << QStringLiteral("मैं घर पे नहीं हूँ") << QStringLiteral("not_available");
        QTest::addRow("return") << QStringLiteral("I want to return it") << QStringLiteral("return");
        QTest::addRow("wapas karna hai") << QStringLiteral("ye wapas karna hai") << QStringLiteral("return");
        QTest::addRow("refund") << QStringLiteral("where is my refund") << QStringLiteral("refund");
        QTest::addRow("price match") << QStringLiteral("can you match the price") << QStringLiteral("price_match");
        QTest::addRow("discount") << QStringLiteral("koi discount hai") << QStringLiteral("discount");
        QTest::addRow("send link") << QStringLiteral("send me the link") << QStringLiteral("checkout");
        QTest::addRow("fit") << QStringLiteral("I'm not sure about the size") << QStringLiteral("fit_quality");
    }
    void universal()
    {
        QFETCH(QString, input);
        QFETCH(QString, intent);
        const IntentResult r = nlu->universalIntent(input);
        QCOMPARE(r.intent, intent);
        QVERIFY(r.confidence >= 0.6);
        QVERIFY(!r.matched.isEmpty());
        QVERIFY(r.ranking.first().intent == intent);
    }

    void nothingUniversal_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addRow("yes") << QStringLiteral("yes");
        QTest::addRow("order id") << QStringLiteral("ORD 482913");
        QTest::addRow("just browsing") << QStringLiteral("bas dekh raha tha");
        QTest::addRow("empty") << QString();
        QTest::addRow("gibberish") << QStringLiteral("qwerty zxcvb");
    }
    void nothingUniversal()
    {
        QFETCH(QString, input);
        const IntentResult r = nlu->universalIntent(input);
        QVERIFY2(r.intent.isEmpty(), qPrintable(r.intent));
        QVERIFY(!r.sure);
    }

    void negatedIntentsAreSetAside_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("negated");
        QTest::addRow("don't cancel") << QStringLiteral("don't cancel") << QStringLiteral("cancel");
        QTest::addRow("do not cancel my order") << QStringLiteral("do not cancel my order") << QStringLiteral("cancel");
        QTest::addRow("cancel mat karo") << QStringLiteral("cancel mat karo") << QStringLiteral("cancel");
        QTest::addRow("cancel nahi karna") << QStringLiteral("cancel nahi karna hai") << QStringLiteral("cancel");
        QTest::addRow("don't return") << QStringLiteral("I don't want to return it") << QStringLiteral("return");
        QTest::addRow("कैंसल मत करो") << QStringLiteral("कैंसल मत करो") << QStringLiteral("cancel");
    }
    void negatedIntentsAreSetAside()
    {
        QFETCH(QString, input);
        QFETCH(QString, negated);
        const IntentResult r = nlu->universalIntent(input);
        QVERIFY2(r.intent != negated, qPrintable(r.intent));
        QVERIFY(r.negated.contains(negated));
    }

    void exclusionsStopFalseHits()
    {
        QVERIFY(nlu->universalIntent(QStringLiteral("the delivery agent was rude")).intent != QStringLiteral("human"));
        QVERIFY(nlu->universalIntent(QStringLiteral("I changed my mind")).intent != QStringLiteral("modify"));
        QVERIFY(nlu->universalIntent(QStringLiteral("no thanks")).intent != QStringLiteral("thanks"));
    }

    void modifyDetail_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("detail");
        QTest::addRow("address") << QStringLiteral("I want to change the address") << QStringLiteral("address");
        QTest::addRow("pata") << QStringLiteral("pata badalna hai") << QStringLiteral("address");
        QTest::addRow("date") << QStringLiteral("change the date please") << QStringLiteral("date");
        QTest::addRow("payment") << QStringLiteral("I want to change payment method to UPI") << QStringLiteral("payment");
        QTest::addRow("online") << QStringLiteral("online pay karna hai") << QStringLiteral("payment");
        QTest::addRow("quantity") << QStringLiteral("change the quantity") << QStringLiteral("items");
    }
    void modifyDetail()
    {
        QFETCH(QString, input);
        QFETCH(QString, detail);
        const IntentResult r = nlu->universalIntent(input);
        QCOMPARE(r.intent, QStringLiteral("modify"));
        QCOMPARE(r.detail, detail);
    }

    void playbookIntents_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("intent");
        QTest::addRow("english phrase") << QStringLiteral("where is my parcel") << QStringLiteral("track_package");
        QTest::addRow("hinglish phrase") << QStringLiteral("mera parcel kahan hai") << QStringLiteral("track_package");
        QTest::addRow("devanagari phrase") << QStringLiteral("मेरा पार्सल कहाँ है") << QStringLiteral("track_package");
        QTest::addRow("keyword") << QStringLiteral("I need the tracking") << QStringLiteral("track_package");
        QTest::addRow("inflected phrase") << QStringLiteral("tracking my packages") << QStringLiteral("track_package");
        QTest::addRow("reordered words") << QStringLiteral("package track karna hai") << QStringLiteral("track_package");
        QTest::addRow("offers") << QStringLiteral("koi offer hai kya") << QStringLiteral("talk_offers");
        QTest::addRow("discount keyword") << QStringLiteral("is there a discount") << QStringLiteral("talk_offers");
        QTest::addRow("size") << QStringLiteral("what size should I take") << QStringLiteral("size_help");
        QTest::addRow("stop whole") << QStringLiteral("Stop!") << QStringLiteral("stop_calls");
        QTest::addRow("stop calling") << QStringLiteral("please stop calling me") << QStringLiteral("stop_calls");
        QTest::addRow("phone mat karna") << QStringLiteral("dobara phone mat karna") << QStringLiteral("stop_calls");
    }
    void playbookIntents()
    {
        QFETCH(QString, input);
        QFETCH(QString, intent);
        const IntentResult r = playbook->match(nlu->normalise(input));
        QCOMPARE(r.intent, intent);
    }

    void playbookWholeOnlyWhenAlone()
    {
        QVERIFY(playbook->match(nlu->normalise(QStringLiteral("stop the delivery"))).intent != QStringLiteral("stop_calls"));
        QVERIFY(playbook->match(nlu->normalise(QStringLiteral("size chart download"))).intent != QStringLiteral("size_help"));
    }

    void sureNeedsAClearWinner()
    {
        // One clear phrase: sure.
        IntentResult r = playbook->match(nlu->normalise(QStringLiteral("where is my parcel")));
        QVERIFY(r.sure);
        QCOMPARE(r.confidence, 1.0);
        // Two intents equally strong: not sure, and the runner-up is named.
        r = playbook->match(nlu->normalise(QStringLiteral("tracking and discount")));
        QVERIFY(!r.sure);
        QVERIFY(!r.runnerUp.isEmpty());
        QCOMPARE(r.confidence, r.runnerUpConfidence);
        // Raising the threshold makes a single keyword not enough.
        IntentMatcher strict = *playbook;
        strict.setOptions({0.95, 0.1});
        QVERIFY(!strict.match(nlu->normalise(QStringLiteral("tracking"))).sure);
        QVERIFY(playbook->match(nlu->normalise(QStringLiteral("tracking"))).sure);
    }

    // Two intents heard whole and tied: the phrase holding the other's wins, else the one said last
    // (the caller's conclusion). The tie stays visible: not sure, the other one the runner-up.
    void tiesGoToTheBetterReading()
    {
        json intents = json::array();
        intents.push_back({{"name", "not_ordered"}, {"phrases", {"i never ordered"}}});
        intents.push_back({{"name", "wrong_number"}, {"phrases", {"have the wrong number"}}});
        intents.push_back({{"name", "pay_card"}, {"phrases", {"pay by card"}}});
        intents.push_back({{"name", "card_question"}, {"phrases", {"can i pay by card"}}});
        Result<IntentMatcher> m = nlu->compileIntents(intents);
        QVERIFY2(m, qPrintable(m.error()));
        IntentResult r = m->match(nlu->normalise(QStringLiteral("I never ordered anything, you must have the wrong number")));
        QCOMPARE(r.intent, QStringLiteral("wrong_number"));
        QCOMPARE(r.runnerUp, QStringLiteral("not_ordered"));
        QVERIFY(!r.sure);
        r = m->match(nlu->normalise(QStringLiteral("you have the wrong number, I never ordered")));
        QCOMPARE(r.intent, QStringLiteral("not_ordered"));
        QCOMPARE(m->match(nlu->normalise(QStringLiteral("can I pay by card"))).intent, QStringLiteral("card_question"));
    }

    void sameNameMerges()
    {
        json intents = json::array();
        intents.push_back({{"name", "a"}, {"phrases", {"first phrase here"}}});
        intents.push_back({{"name", "a"}, {"keywords", {"zebra"}}});
        Result<IntentMatcher> m = nlu->compileIntents(intents);
        QVERIFY2(m, qPrintable(m.error()));
        QCOMPARE(m->intents(), QStringList{QStringLiteral("a")});
        QCOMPARE(m->match(nlu->normalise(QStringLiteral("zebra"))).intent, QStringLiteral("a"));
        QCOMPARE(m->match(nlu->normalise(QStringLiteral("first phrase here"))).intent, QStringLiteral("a"));
    }

    void badIntentsExplain_data()
    {
        QTest::addColumn<QString>("intents");
        QTest::addColumn<QString>("error");
        QTest::addRow("not an array") << QStringLiteral("{\"name\": \"x\"}") << QStringLiteral("/playbook/intents: must be an array");
        QTest::addRow("missing name") << QStringLiteral("[{\"phrases\": [\"hi\"]}]")
                                      << QStringLiteral("/playbook/intents/0/name: must be a non-empty string");
        QTest::addRow("no phrases") << QStringLiteral("[{\"name\": \"x\"}]")
                                    << QStringLiteral("/playbook/intents/0: intent 'x' needs phrases, keywords or whole");
        QTest::addRow("phrase not a string") << QStringLiteral("[{\"name\": \"x\", \"phrases\": [\"ok\", 3]}]")
                                             << QStringLiteral("/playbook/intents/0/phrases/1: must be a phrase string");
        QTest::addRow("empty phrase") << QStringLiteral("[{\"name\": \"x\", \"phrases\": [\"?!\"]}]")
                                      << QStringLiteral("/playbook/intents/0/phrases/0: has no words");
        QTest::addRow("bad weight") << QStringLiteral("[{\"name\": \"x\", \"phrases\": [{\"phrase\": \"a b\", \"weight\": 2}]}]")
                                    << QStringLiteral("/playbook/intents/0/phrases/0/weight: must be a number above 0 and at most 1");
        QTest::addRow("unknown key") << QStringLiteral("[{\"name\": \"x\", \"phrase\": [\"a\"]}]")
                                     << QStringLiteral("/playbook/intents/0/phrase: unknown key");
        QTest::addRow("details not object") << QStringLiteral("[{\"name\": \"x\", \"keywords\": [\"a\"], \"details\": [\"b\"]}]")
                                            << QStringLiteral("/playbook/intents/0/details: must be an object");
    }
    void badIntentsExplain()
    {
        QFETCH(QString, intents);
        QFETCH(QString, error);
        const Result<IntentMatcher> m = nlu->compileIntents(json::parse(intents.toStdString()), QStringLiteral("/playbook/intents"));
        QVERIFY(!m);
        QVERIFY2(m.error().startsWith(error), qPrintable(m.error()));
    }
};

QTEST_GUILESS_MAIN(TestNluIntents)
#include "tst_nlu_intents.moc"
