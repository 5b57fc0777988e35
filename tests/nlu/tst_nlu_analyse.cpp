#include "nlutestsupport.h"

#include <thread>

using namespace ringside;
using namespace ringside::nlu;

// analyse() end to end on the utterances quoted in the issue, plus the JSON record.
class TestNluAnalyse : public QObject
{
    Q_OBJECT
private:
    std::optional<Analyser> nlu;

    Analysis analyse(const QString &text) const
    {
        AnalysisContext c;
        c.today = test::testToday();
        return nlu->analyse(text, c);
    }

private slots:
    void initTestCase() { QVERIFY(test::loadBuiltin(&nlu)); }

    void codConfirm()
    {
        const Analysis a = analyse(QStringLiteral("haan ji confirm kar do"));
        QCOMPARE(languageTag(a.language()), QStringLiteral("hi-Latn"));
        QCOMPARE(a.yesNo.answer, Answer::Yes);
        QCOMPARE(a.universal.intent, QStringLiteral("confirm"));
        QVERIFY(a.universal.sure);
        QCOMPARE(a.quantity.status, Found::None); // "kar do" is no quantity
    }

    void codCancelWithReason()
    {
        const Analysis a = analyse(QStringLiteral("nahi, cancel kar do, sasta mil gaya"));
        QCOMPARE(a.yesNo.answer, Answer::No);
        QCOMPARE(a.universal.intent, QStringLiteral("cancel"));
        QCOMPARE(a.cancellation.reason, QStringLiteral("found_cheaper"));
        QCOMPARE(a.cancellation.heard, QStringLiteral("sasta mil gaya"));
    }

    void codReschedule()
    {
        const Analysis a = analyse(QStringLiteral("kal nahi, parson shaam ko bhej do"));
        QCOMPARE(a.date.date, QDate(2026, 12, 26));
        QCOMPARE(a.date.rejected, QList<QDate>{QDate(2026, 12, 25)});
        QCOMPARE(a.timeSlot.slot, QStringLiteral("evening"));
        QCOMPARE(a.universal.intent, QStringLiteral("reschedule"));
    }

    void devanagariReschedule()
    {
        const Analysis a = analyse(QStringLiteral("कल नहीं, परसों शाम को भेज दो"));
        QCOMPARE(languageTag(a.language()), QStringLiteral("hi-Deva"));
        QCOMPARE(a.date.date, QDate(2026, 12, 26));
        QCOMPARE(a.timeSlot.slot, QStringLiteral("evening"));
        QCOMPARE(a.quantity.status, Found::None); // "भेज दो" is no quantity
    }

    void spokenOrderId()
    {
        const Analysis a = analyse(QStringLiteral("O R D four eight two nine one three"));
        QCOMPARE(a.orderId.id, QStringLiteral("ORD-482913"));
        QCOMPARE(a.phone.status, Found::None);
        QCOMPARE(a.quantity.status, Found::None);
    }

    void partialOrderIdIsNotAlsoAPhone()
    {
        const Analysis a = analyse(QStringLiteral("order number four eight two"));
        QCOMPARE(a.orderId.status, Found::Partial);
        QCOMPARE(a.orderId.digits, QStringLiteral("482"));
        QCOMPARE(a.phone.status, Found::None);
    }

    void spokenPhone()
    {
        const Analysis a = analyse(QStringLiteral("my number is nine eight four five double five one two three four"));
        QCOMPARE(a.phone.e164, QStringLiteral("+919845551234"));
        QCOMPARE(a.orderId.status, Found::None);
    }

    void escalations_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("intent");
        QTest::addRow("delivered not received") << QStringLiteral("It shows delivered but I didn't get it") << QStringLiteral("not_received");
        QTest::addRow("human") << QStringLiteral("I want to talk to a real person") << QStringLiteral("human");
        QTest::addRow("complaint") << QStringLiteral("mujhe complaint karni hai") << QStringLiteral("complaint");
        QTest::addRow("damaged") << QStringLiteral("the box came damaged") << QStringLiteral("damaged");
    }
    void escalations()
    {
        QFETCH(QString, input);
        QFETCH(QString, intent);
        QCOMPARE(analyse(input).universal.intent, intent);
    }

    void dontCancelIsNotCancel()
    {
        const Analysis a = analyse(QStringLiteral("don't cancel"));
        QVERIFY(a.universal.intent != QStringLiteral("cancel"));
        QVERIFY(a.universal.negated.contains(QStringLiteral("cancel")));
    }

    // "wait" said only to take the floor before the request is not a request to wait.
    void leadingWaitGivesWayToTheRequest_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("intent");
        QTest::addRow("wait, then cancel") << QStringLiteral("wait, I want to cancel it") << QStringLiteral("cancel");
        QTest::addRow("ek minute, then where") << QStringLiteral("ek minute, mera order kahan hai") << QStringLiteral("where_is_order");
        QTest::addRow("wait alone") << QStringLiteral("hold on please") << QStringLiteral("wait");
        QTest::addRow("wait twice") << QStringLiteral("ruko, ek minute") << QStringLiteral("wait");
        QTest::addRow("wait, then nothing sure") << QStringLiteral("hold on, hmm") << QStringLiteral("wait");
    }
    void leadingWaitGivesWayToTheRequest()
    {
        QFETCH(QString, input);
        QFETCH(QString, intent);
        const Analysis a = analyse(input);
        QCOMPARE(a.universal.intent, intent);
        if (intent != QLatin1String("wait"))
            QCOMPARE(a.universal.runnerUp, QStringLiteral("wait"));
    }

    void leadingWaitGivesWayToThePlaybooksRequest()
    {
        json intents = json::array();
        intents.push_back({{"name", "question_any"}, {"phrases", {"kuch poochna hai", "ask you something"}}});
        Result<IntentMatcher> m = nlu->compileIntents(intents);
        QVERIFY2(m, qPrintable(m.error()));
        AnalysisContext c;
        c.intents = &m.value();
        const Analysis a = nlu->analyse(QStringLiteral("ruko, mujhe kuch poochna hai"), c);
        QCOMPARE(a.playbook.intent, QStringLiteral("question_any"));
        QVERIFY2(a.universal.intent.isEmpty(), qPrintable(a.universal.intent));
        QCOMPARE(nlu->analyse(QStringLiteral("ruko"), c).universal.intent, QStringLiteral("wait"));
    }

    // Said without a pause: the words after the opening wait are read alone.
    void leadingWaitInOneClause()
    {
        json intents = json::array();
        intents.push_back({{"name", "question_any"}, {"phrases", {"pehle batao"}}});
        Result<IntentMatcher> m = nlu->compileIntents(intents);
        QVERIFY2(m, qPrintable(m.error()));
        AnalysisContext c;
        c.intents = &m.value();
        const Analysis a = nlu->analyse(QStringLiteral("ruko pehle batao iski warranty kitni hai"), c);
        QCOMPARE(a.playbook.intent, QStringLiteral("question_any"));
        QVERIFY2(a.universal.intent.isEmpty(), qPrintable(a.universal.intent));
        QCOMPARE(a.universal.runnerUp, QStringLiteral("wait"));
        QCOMPARE(nlu->analyse(QStringLiteral("hold on a second"), c).universal.intent, QStringLiteral("wait"));
        QCOMPARE(analyse(QStringLiteral("wait I want to cancel it")).universal.intent, QStringLiteral("cancel"));
    }

    // A built-in reading pieced together from scattered words, or heard inside the playbook's longer
    // phrase, gives way to the playbook's phrase heard whole, whatever the step.
    void weakerBuiltinGivesWay()
    {
        json intents = json::array();
        intents.push_back({{"name", "myself"}, {"phrases", {"on my own", "checkout myself"}}});
        Result<IntentMatcher> m = nlu->compileIntents(intents);
        QVERIFY2(m, qPrintable(m.error()));
        AnalysisContext c;
        c.intents = &m.value();
        const QString scattered = QStringLiteral("no, i'll order it on my own when i'm ready");
        const IntentResult alone = analyse(scattered).universal;
        QVERIFY2(alone.partial && !alone.intent.isEmpty(), qPrintable(alone.intent));
        Analysis a = nlu->analyse(scattered, c);
        QCOMPARE(a.playbook.intent, QStringLiteral("myself"));
        QVERIFY2(a.universal.intent.isEmpty(), qPrintable(a.universal.intent));
        QCOMPARE(a.universal.runnerUp, alone.intent);

        const QString inside = QStringLiteral("leave it, i'll finish the checkout myself");
        QCOMPARE(analyse(inside).universal.intent, QStringLiteral("checkout"));
        a = nlu->analyse(inside, c);
        QCOMPARE(a.playbook.intent, QStringLiteral("myself"));
        QVERIFY2(a.universal.intent.isEmpty(), qPrintable(a.universal.intent));

        // A repeat in the clause that names what to say again asks for that; in a clause of its own it stays.
        json offer = json::array();
        offer.push_back({{"name", "explain_offer"}, {"phrases", {"explain the offer"}}});
        Result<IntentMatcher> o = nlu->compileIntents(offer);
        QVERIFY2(o, qPrintable(o.error()));
        AnalysisContext cart;
        cart.intents = &o.value();
        a = nlu->analyse(QStringLiteral("sorry, explain the offer once more"), cart);
        QCOMPARE(a.playbook.intent, QStringLiteral("explain_offer"));
        QVERIFY2(a.universal.intent.isEmpty(), qPrintable(a.universal.intent));
        QCOMPARE(nlu->analyse(QStringLiteral("can you say that again? explain the offer"), cart).universal.intent, QStringLiteral("repeat"));

        // A built-in phrase heard whole beside it stays: the rules' order decides.
        a = nlu->analyse(QStringLiteral("i'll do it on my own, cancel my order"), c);
        QCOMPARE(a.playbook.intent, QStringLiteral("myself"));
        QCOMPARE(a.universal.intent, QStringLiteral("cancel"));
    }

    void playbookIntentsRunBesideUniversal()
    {
        json intents = json::array();
        intents.push_back({{"name", "gift_wrap"}, {"phrases", {"gift wrap it", "gift pack kar do"}}});
        Result<IntentMatcher> m = nlu->compileIntents(intents);
        QVERIFY2(m, qPrintable(m.error()));
        AnalysisContext c;
        c.intents = &m.value();
        const Analysis a = nlu->analyse(QStringLiteral("haan, gift pack kar do"), c);
        QCOMPARE(a.playbook.intent, QStringLiteral("gift_wrap"));
        QCOMPARE(a.yesNo.answer, Answer::Yes);
    }

    // The playbook's reading of the same words wins only where the step listens for it: its own
    // rules name it, or its rule is surely tried before any rule for the built-in one. ("return ka
    // status" is no built-in intent at all: where_is_order excludes "return status".)
    void playbookReadingWinsWhereTheStepListens()
    {
        json intents = json::array();
        intents.push_back({{"name", "refund_status"}, {"phrases", {"refund status", "status of my refund", "refund ka status"}}});
        Result<IntentMatcher> m = nlu->compileIntents(intents);
        QVERIFY2(m, qPrintable(m.error()));
        const QString text = QStringLiteral("refund ka status batao");
        const QString builtin = analyse(text).universal.intent;
        QVERIFY(!builtin.isEmpty()); // without the playbook, a built-in intent reads it

        AnalysisContext c;
        c.intents = &m.value();
        const Analysis nowhere = nlu->analyse(text, c); // no step: both readings stay
        QCOMPARE(nowhere.playbook.intent, QStringLiteral("refund_status"));
        QCOMPARE(nowhere.universal.intent, builtin);

        AnalysisContext own = c;
        own.stepIntents = QStringList{ QStringLiteral("refund_status") };
        const Analysis a = nlu->analyse(text, own);
        QCOMPARE(a.playbook.intent, QStringLiteral("refund_status"));
        QVERIFY(a.universal.intent.isEmpty());
        QCOMPARE(a.universal.runnerUp, builtin); // set aside, not forgotten

        AnalysisContext first = c; // an `anywhere` rule for it comes before the built-in one's
        first.firstRuleSure = { { QStringLiteral("refund_status"), 1 } };
        first.firstRulePossible = { { QStringLiteral("refund_status"), 1 }, { builtin, 4 } };
        QVERIFY(nlu->analyse(text, first).universal.intent.isEmpty());

        AnalysisContext later = c; // the built-in one's rule comes first: the rules' order decides
        later.firstRuleSure = { { QStringLiteral("refund_status"), 5 } };
        later.firstRulePossible = { { QStringLiteral("refund_status"), 5 }, { builtin, 2 } };
        QCOMPARE(nlu->analyse(text, later).universal.intent, builtin);

        // Words the playbook phrase does not cover keep their built-in reading.
        const Analysis both = nlu->analyse(QStringLiteral("refund status please, and I want to talk to a human"), own);
        QCOMPARE(both.playbook.intent, QStringLiteral("refund_status"));
        QCOMPARE(both.universal.intent, QStringLiteral("human"));
    }

    // A built-in intent that no rule at the step may act on (context given, the intent not in it)
    // gives way to the playbook's reading of the same words; with a rule for it, both stay.
    void builtinNoRuleActsOnGivesWay()
    {
        json intents = json::array();
        intents.push_back({{"name", "change_delivery"}, {"phrases", {"delivery ka time badal", "time badalna"}}});
        Result<IntentMatcher> m = nlu->compileIntents(intents);
        QVERIFY2(m, qPrintable(m.error()));
        const QString text = QStringLiteral("delivery ka time badalna hai");
        QCOMPARE(analyse(text).universal.intent, QStringLiteral("modify"));

        AnalysisContext c;
        c.intents = &m.value();
        c.firstRulePossible = { { QStringLiteral("human"), 0 }, { QStringLiteral("change_delivery"), 3 } };
        const Analysis a = nlu->analyse(text, c);
        QCOMPARE(a.playbook.intent, QStringLiteral("change_delivery"));
        QVERIFY2(a.universal.intent.isEmpty(), qPrintable(a.universal.intent));
        QCOMPARE(a.universal.runnerUp, QStringLiteral("modify"));

        c.firstRulePossible.insert(QStringLiteral("modify"), 1); // a rule for it comes first: it stays
        QCOMPARE(nlu->analyse(text, c).universal.intent, QStringLiteral("modify"));

        // Through other words too, when the playbook's reading is one a rule would take.
        json quality = json::array();
        quality.push_back({{"name", "fit_quality"}, {"phrases", {"quality achhi hai"}}});
        Result<IntentMatcher> q = nlu->compileIntents(quality);
        QVERIFY2(q, qPrintable(q.error()));
        const QString both = QStringLiteral("quality achhi hai na, pichhli baar kharab aaya tha");
        QCOMPARE(analyse(both).universal.intent, QStringLiteral("damaged"));
        AnalysisContext cart;
        cart.intents = &q.value();
        cart.firstRulePossible = { { QStringLiteral("human"), 0 }, { QStringLiteral("fit_quality"), 2 } };
        const Analysis idle = nlu->analyse(both, cart);
        QCOMPARE(idle.playbook.intent, QStringLiteral("fit_quality"));
        QVERIFY2(idle.universal.intent.isEmpty(), qPrintable(idle.universal.intent));
        cart.firstRulePossible.insert(QStringLiteral("damaged"), 5); // a rule may act on it: it stays
        QCOMPARE(nlu->analyse(both, cart).universal.intent, QStringLiteral("damaged"));
    }

    // A partial phrase is negated only when most of its words are: "kal nahi, … parson" denies the
    // day, not the change; "delivery mat badal do" still denies it.
    void partialPhraseNegatedByMostOfItsWords()
    {
        json intents = json::array();
        intents.push_back({{"name", "change_delivery"}, {"phrases", {"delivery kal kar do", "delivery badal do"}}});
        Result<IntentMatcher> m = nlu->compileIntents(intents);
        QVERIFY2(m, qPrintable(m.error()));
        AnalysisContext c;
        c.intents = &m.value();
        QCOMPARE(nlu->analyse(QStringLiteral("kal nahi, delivery parson karwa do"), c).playbook.intent, QStringLiteral("change_delivery"));
        const Analysis denied = nlu->analyse(QStringLiteral("delivery mat badal do"), c);
        QVERIFY(denied.playbook.intent.isEmpty());
        QVERIFY(denied.playbook.negated.contains(QStringLiteral("change_delivery")));
    }

    // One intent's exclusion is not lost to another intent's longer overlapping one: "tracking
    // number bhej do" is neither the built-in confirm ("number bhej do") nor where_is_order
    // ("tracking number").
    void exclusionsOfDifferentIntentsAllApply()
    {
        const Analysis a = analyse(QStringLiteral("tracking number bhej do"));
        QVERIFY2(a.universal.intent != QLatin1String("confirm"), qPrintable(a.universal.intent));
        QVERIFY2(a.universal.intent != QLatin1String("where_is_order"), qPrintable(a.universal.intent));
        QCOMPARE(analyse(QStringLiteral("haan, bhej do")).universal.intent, QStringLiteral("confirm"));
    }

    // "ya nahi" (or not) asks; it does not deny what came before it.
    void orNotAsksRatherThanDenies()
    {
        json intents = json::array();
        intents.push_back({{"name", "picked_up"}, {"phrases", {"pick hua"}}});
        Result<IntentMatcher> m = nlu->compileIntents(intents);
        QVERIFY2(m, qPrintable(m.error()));
        AnalysisContext c;
        c.intents = &m.value();
        QCOMPARE(nlu->analyse(QStringLiteral("return pick hua ya nahi"), c).playbook.intent, QStringLiteral("picked_up"));
        QVERIFY(nlu->analyse(QStringLiteral("return pick hua nahi"), c).playbook.negated.contains(QStringLiteral("picked_up")));
    }

    void itemsOnlyWhenGiven()
    {
        AnalysisContext c;
        QCOMPARE(nlu->analyse(QStringLiteral("the running shoes"), c).item.index, -1);
        c.items = {QStringLiteral("Water Bottle"), QStringLiteral("Running Shoes")};
        QCOMPARE(nlu->analyse(QStringLiteral("the running shoes"), c).item.index, 1);
    }

    void sharedAcrossThreadsGivesTheSameAnswers()
    {
        const QStringList texts = {QStringLiteral("haan ji confirm kar do"), QStringLiteral("nahi, cancel kar do, sasta mil gaya"),
                                   QStringLiteral("kal nahi, parson shaam ko bhej do"), QStringLiteral("O R D four eight two nine one three"),
                                   QStringLiteral("मेरा ऑर्डर कहाँ है"), QStringLiteral("It shows delivered but I didn't get it")};
        QList<std::string> expected;
        for (const QString &t : texts)
            expected.append(analyse(t).toJson().dump());
        const Analyser shared = *nlu; // copies share one compiled lexicon
        std::atomic<int> mismatches{0};
        std::vector<std::thread> threads;
        for (int n = 0; n < 4; ++n) {
            threads.emplace_back([&, n] {
                AnalysisContext c;
                c.today = test::testToday();
                for (int round = 0; round < 50; ++round) {
                    const int i = (round + n) % int(texts.size());
                    if (shared.analyse(texts.at(i), c).toJson().dump() != expected.at(i))
                        ++mismatches;
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(mismatches.load(), 0);
    }

    void jsonRecord()
    {
        const json j = analyse(QStringLiteral("nahi, cancel kar do, sasta mil gaya")).toJson();
        QCOMPARE(qs(j["language"].get<std::string>()), QStringLiteral("hi-Latn"));
        QCOMPARE(qs(j["normalised"].get<std::string>()), QStringLiteral("nahi cancel kar do sasta mil gaya"));
        QCOMPARE(qs(j["yesNo"]["answer"].get<std::string>()), QStringLiteral("no"));
        QCOMPARE(qs(j["intent"]["intent"].get<std::string>()), QStringLiteral("cancel"));
        QCOMPARE(qs(j["reasons"]["cancellation"]["reason"].get<std::string>()), QStringLiteral("found_cheaper"));
        QVERIFY(!j.contains("orderId")); // what was not found is left out
        QVERIFY(!j.contains("date"));

        const json d = analyse(QStringLiteral("kal nahi, parson")).toJson();
        QCOMPARE(qs(d["date"]["date"].get<std::string>()), QStringLiteral("2026-12-26"));
        QCOMPARE(qs(d["date"]["rejected"][0].get<std::string>()), QStringLiteral("2026-12-25"));
        QCOMPARE(qs(d["date"]["status"].get<std::string>()), QStringLiteral("complete"));
    }
};

QTEST_GUILESS_MAIN(TestNluAnalyse)
#include "tst_nlu_analyse.moc"
