// The playbook interpreter's behaviour through real sessions over the demo store: the built-in
// behaviour every playbook gets (retries, offer of a person, repeat, wait, goodbye, partial IDs,
// whispers), choices, listening hints, the Order Tracker's paths, and the action language.
#include "enginefixture.h"

#include "engine/playbookbrain.h"

#include <QSqlQuery>

using namespace ringside;
using namespace ringside::test;

class TestPlaybookBrain : public QObject
{
    Q_OBJECT

private:
    EngineFixture f;

    struct Call
    {
        std::unique_ptr<Session> session;
        EventLog log;

        // The reply to one turn.
        QString turn(const QString &text)
        {
            const size_t mark = log.mark();
            if (!sayAndWait(*session, text))
                return QStringLiteral("<no answer>");
            return log.replySince(mark);
        }
        json toolsSince(size_t mark) const
        {
            json out = json::array();
            for (const SessionEvent &ev : log.since(mark, QStringLiteral("tool_call")))
                out.push_back({ { "name", ev.data["name"] }, { "arguments", ev.data["arguments"] } });
            return out;
        }
        PlaybookBrain &brain() { return static_cast<PlaybookBrain &>(session->brain()); }
    };

    std::unique_ptr<Call> call(const QString &agent = QStringLiteral("order-tracker"), const QByteArray &playbook = {},
                               EngineFixture *fixture = nullptr)
    {
        EngineFixture &fx = fixture ? *fixture : f;
        SessionRequest r = fx.request(agent);
        if (!playbook.isEmpty()) {
            const PlaybookLoadResult loaded = loadPlaybook(playbook, *sharedAnalyser(), r.agent.tools);
            if (!loaded.ok()) {
                qWarning("%s", qPrintable(formatIssue(loaded.issues.first())));
                return nullptr;
            }
            r.playbook = loaded.playbook;
        }
        auto c = std::make_unique<Call>();
        QString why;
        c->session = fx.session(r, &why);
        if (!c->session) {
            qWarning("%s", qPrintable(why));
            return nullptr;
        }
        c->log.attach(*c->session);
        c->session->start();
        return c;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(f.ok(), qPrintable(f.error)); }

    void notUnderstoodAsksAgainThenOffersAPerson()
    {
        auto c = call();
        QVERIFY(c);
        const QString first = c->turn(QStringLiteral("banana pancakes"));
        QVERIFY2(first.startsWith(QStringLiteral("Sorry, I didn't catch that.")), qPrintable(first));
        QVERIFY(first.contains(QStringLiteral("order number or the phone number")));
        QVERIFY(c->turn(QStringLiteral("purple elephants")).startsWith(QStringLiteral("Sorry, I didn't catch that.")));
        const QString offer = c->turn(QStringLiteral("tangerine"));
        QVERIFY2(offer.contains(QStringLiteral("connect you with someone")), qPrintable(offer));
        QCOMPARE(c->log.count(QStringLiteral("escalation")), 0);
        c->turn(QStringLiteral("yes please"));
        const auto esc = c->log.since(0, QStringLiteral("escalation"));
        QCOMPARE(esc.size(), size_t(1));
        QCOMPARE(stringAt(esc[0].data, "reason"), QStringLiteral("other"));
        QVERIFY(stringAt(esc[0].data, "summary").contains(QStringLiteral("could not understand")));
        QVERIFY(c->session->isEnded());
    }

    void decliningThePersonTriesAgain()
    {
        auto c = call();
        for (int i = 0; i < 3; ++i)
            c->turn(QStringLiteral("zzz qqq"));
        const QString again = c->turn(QStringLiteral("no thanks"));
        QVERIFY2(again.contains(QStringLiteral("try once more")), qPrintable(again));
        QVERIFY(again.contains(QStringLiteral("order number")));
        const size_t mark = c->log.mark();
        c->turn(QStringLiteral("482913"));
        QCOMPARE(c->toolsSince(mark).size(), size_t(1));
    }

    void repeatSaysTheLastReplyAgain()
    {
        auto c = call();
        const QString answer = c->turn(QStringLiteral("ORD 482930")); // processing: 2 sentences
        QVERIFY(answer.contains(QStringLiteral("warehouse")));
        const QString again = c->turn(QStringLiteral("sorry, can you repeat that?"));
        QCOMPARE(again, QStringLiteral("Sure. ") + answer);
    }

    void waitKeepsTheStep()
    {
        auto c = call();
        const QString wait = c->turn(QStringLiteral("hold on, let me find it"));
        QVERIFY2(wait.contains(QStringLiteral("take your time")), qPrintable(wait));
        QCOMPARE(c->brain().currentStep(), QStringLiteral("identify"));
        const size_t mark = c->log.mark();
        c->turn(QStringLiteral("ok it's 482913"));
        QCOMPARE(c->toolsSince(mark)[0]["arguments"]["order_id"].get<std::string>(), std::string("ORD-482913"));
    }

    void waitWithAnIdIsTheId()
    {
        auto c = call();
        const size_t mark = c->log.mark();
        c->turn(QStringLiteral("wait, it's 482913"));
        QCOMPARE(c->toolsSince(mark).size(), size_t(1));
    }

    void goodbyeEndsWithTheOutcomeSoFar_data()
    {
        QTest::addColumn<QStringList>("turns");
        QTest::addColumn<QString>("outcome");
        QTest::addRow("before anything") << QStringList{ QStringLiteral("bye") } << "failed";
        QTest::addRow("after an answer") << QStringList{ QStringLiteral("482913"), QStringLiteral("no that's all, bye") } << "resolved";
    }

    void goodbyeEndsWithTheOutcomeSoFar()
    {
        QFETCH(QStringList, turns);
        QFETCH(QString, outcome);
        auto c = call();
        QString last;
        for (const QString &t : turns)
            last = c->turn(t);
        QVERIFY2(last.contains(QStringLiteral("Thanks for calling Kiran Stores")), qPrintable(last));
        QVERIFY(c->session->isEnded());
        QCOMPARE(c->session->outcome(), outcome);
    }

    void partialOrderIdIsJoinedWithTheNextTurn()
    {
        auto c = call();
        const QString ask = c->turn(QStringLiteral("it's 4829"));
        QVERIFY2(ask.contains(QStringLiteral("4 8 2 9")), qPrintable(ask));
        QVERIFY(ask.contains(QStringLiteral("rest of the order number")));
        const size_t mark = c->log.mark();
        const QString answer = c->turn(QStringLiteral("one three"));
        const json tools = c->toolsSince(mark);
        QCOMPARE(tools.size(), size_t(1));
        QCOMPARE(tools[0]["arguments"]["order_id"].get<std::string>(), std::string("ORD-482913"));
        QVERIFY(answer.contains(QStringLiteral("Blue Dart")));
    }

    void tooManyDigitsIsInvalid()
    {
        auto c = call();
        const QString reply = c->turn(QStringLiteral("my order number is ORD 48291345"));
        QVERIFY2(reply.contains(QStringLiteral("doesn't look like one of our order numbers")), qPrintable(reply));
        QCOMPARE(c->log.count(QStringLiteral("tool_call")), 0);
    }

    void phoneWithSeveralOrdersOffersAChoice_data()
    {
        QTest::addColumn<QString>("pick");
        QTest::addColumn<QString>("order");
        QTest::addRow("by position") << "the second one" << "ORD-482920";
        QTest::addRow("by id digits") << "482921" << "ORD-482921";
        QTest::addRow("by status words") << "the one out for delivery" << "ORD-482922";
        QTest::addRow("hinglish position") << "pehla wala" << "ORD-482922";
    }

    void phoneWithSeveralOrdersOffersAChoice()
    {
        QFETCH(QString, pick);
        QFETCH(QString, order);
        auto c = call();
        const QString list = c->turn(QStringLiteral("my number is 98765 01234"));
        QVERIFY2(list.contains(QStringLiteral("I found 3 orders")), qPrintable(list));
        QVERIFY(list.contains(QStringLiteral("out for delivery")));
        QCOMPARE(c->brain().currentStep(), QStringLiteral("choose_order"));
        const size_t mark = c->log.mark();
        c->turn(pick);
        const json tools = c->toolsSince(mark);
        QCOMPARE(tools.size(), size_t(1));
        QCOMPARE(qs(tools[0]["arguments"]["order_id"].get<std::string>()), order);
    }

    void listeningHintFollowsTheStep()
    {
        auto c = call();
        QCOMPARE(c->session->brain().expectation(), ListenExpectation::DigitsAndLetters);
        c->turn(QStringLiteral("482913"));
        QCOMPARE(c->brain().currentStep(), QStringLiteral("offer_tracking"));
        QCOMPARE(c->session->brain().expectation(), ListenExpectation::YesNo);
        QVERIFY(c->session->brain().expectedPhrases().contains(QStringLiteral("yes")));
    }

    void whisperedGotoMovesTheCall()
    {
        auto c = call();
        c->turn(QStringLiteral("482913"));
        c->session->whisper(QStringLiteral("goto anything_else"));
        const QString reply = c->turn(QStringLiteral("hmm"));
        QCOMPARE(reply, QStringLiteral("Is there anything else I can help you with?"));
        QCOMPARE(c->brain().currentStep(), QStringLiteral("anything_else"));
    }

    void hinglishIsUnderstood()
    {
        auto c = call();
        QVERIFY(c->turn(QStringLiteral("mera order kahan hai")).contains(QStringLiteral("order number")));
        c->turn(QStringLiteral("order number 482920 hai"));
        c->turn(QStringLiteral("delivered dikha raha hai par mila nahi"));
        const auto esc = c->log.since(0, QStringLiteral("escalation"));
        QCOMPARE(esc.size(), size_t(1));
        QCOMPARE(stringAt(esc[0].data, "reason"), QStringLiteral("delivered_not_received"));
    }

    void storeFailureApologisesAndHandsOver()
    {
        EngineFixture broken;
        QVERIFY(broken.ok());
        QSqlQuery q(broken.db->connection());
        QVERIFY(q.exec(QStringLiteral("DROP TABLE order_items")));
        auto c = call(QStringLiteral("order-tracker"), {}, &broken);
        QVERIFY(c);
        const QString reply = c->turn(QStringLiteral("482913"));
        QVERIFY2(reply.contains(QStringLiteral("trouble with our system")), qPrintable(reply));
        const auto esc = c->log.since(0, QStringLiteral("escalation"));
        QCOMPARE(esc.size(), size_t(1));
        QCOMPARE(stringAt(esc[0].data, "reason"), QStringLiteral("other"));
    }

    void actionsCountSetBranchRevenueAndEnd()
    {
        const QByteArray pb = R"({"playbook": {"name": "t", "start": "a", "steps": {"a": {
            "ask": "Say something?", "expect": ["text"], "on": [
            {"when": {"heard": "text"}, "do": [
                {"count": "n"}, {"set": {"said": "{{turn.text}}"}},
                {"branch": [
                    {"when": {"above": {"counters.n": 1}, "isNot": {"said": "stop"}},
                     "do": [{"say": "Second time: {{said}}."}, {"revenue": {"amount": "{{vars.amount}}", "currency": "INR"}}, {"end": "recovered"}]},
                    {"when": {"is": {"counters.n": 1}}, "do": [{"say": "First: {{said}}."}]}
                ]}
            ]}]}}}})";
        SessionRequest r = f.request(QStringLiteral("order-tracker"));
        r.subject.overrides.insert(QStringLiteral("amount"), QStringLiteral("12.5"));
        const PlaybookLoadResult loaded = loadPlaybook(pb, *sharedAnalyser(), r.agent.tools);
        QVERIFY2(loaded.ok(), loaded.issues.isEmpty() ? "" : qPrintable(formatIssue(loaded.issues.first())));
        r.playbook = loaded.playbook;
        auto s = f.session(r);
        QVERIFY(s);
        EventLog log;
        log.attach(*s);
        s->start();
        size_t mark = log.mark();
        QVERIFY(sayAndWait(*s, QStringLiteral("hello")));
        QCOMPARE(log.replySince(mark), QStringLiteral("First: hello."));
        mark = log.mark();
        QVERIFY(sayAndWait(*s, QStringLiteral("again")));
        QCOMPARE(log.replySince(mark), QStringLiteral("Second time: again."));
        QVERIFY(s->isEnded());
        const auto record = f.records->byId(f.recordId(*s));
        QVERIFY(record);
        QCOMPARE(record->outcome, QStringLiteral("recovered"));
        QCOMPARE(record->revenueMinor, qint64(1250));
        QCOMPARE(record->currency, QStringLiteral("INR"));
    }

    // Two intents tied for first: the first rule naming either of them runs, whichever the matcher
    // put first ("I never ordered anything, wrong number").
    void tiedIntentsGoByRuleOrder_data()
    {
        QTest::addColumn<bool>("betaFirst");
        QTest::addRow("beta rule first") << true;
        QTest::addRow("alpha rule first") << false;
    }
    void tiedIntentsGoByRuleOrder()
    {
        QFETCH(bool, betaFirst);
        const QByteArray alpha = R"({"when": {"intent": "alpha"}, "do": [{"say": "Alpha."}]})";
        const QByteArray beta = R"({"when": {"intent": "beta"}, "do": [{"say": "Beta."}]})";
        const QByteArray pb = R"({"playbook": {"name": "t", "start": "a",
            "intents": [{"name": "alpha", "phrases": ["blue sky today"]}, {"name": "beta", "phrases": ["green grass here"]}],
            "steps": {"a": {"ask": "Colour?", "on": [)" + (betaFirst ? beta + "," + alpha : alpha + "," + beta) + R"(]}}}})";
        auto c = call(QStringLiteral("order-tracker"), pb);
        QVERIFY(c);
        QCOMPARE(c->turn(QStringLiteral("blue sky today, green grass here")), betaFirst ? QStringLiteral("Beta.") : QStringLiteral("Alpha."));
        // Not tied: the intent heard wins wherever its rule stands.
        QCOMPARE(c->turn(QStringLiteral("blue sky today")), QStringLiteral("Alpha."));
    }

    void missingValueIsNotSpokenButNoticed()
    {
        const QByteArray pb = R"({"playbook": {"name": "t", "start": "a", "steps": {"a": {
            "ask": "Anything?", "on": [{"do": [{"say": "Your code is {{nothing.here}}, {{storeName}}."}]}]}}}})";
        auto c = call(QStringLiteral("order-tracker"), pb);
        QVERIFY(c);
        const size_t mark = c->log.mark();
        const QString reply = c->turn(QStringLiteral("hi"));
        QVERIFY(!reply.contains(QLatin1String("{{")));
        QVERIFY2(reply.contains(QStringLiteral("Kiran Stores")), qPrintable(reply));
        bool noticed = false;
        for (const SessionEvent &ev : c->log.since(mark, QStringLiteral("notice")))
            noticed = noticed || stringAt(ev.data, "message").contains(QStringLiteral("nothing.here"));
        QVERIFY(noticed);
    }

    void toolArgumentsDropEmptyValues()
    {
        const QByteArray pb = R"({"playbook": {"name": "t", "start": "a", "steps": {"a": {
            "ask": "Order?", "expect": ["order_id"], "on": [{"when": {"heard": "order_id"}, "do": [
              {"call": "get_order_status", "args": {"order_id": "{{slots.order_id}}", "phone_number": "{{slots.phone}}"}, "as": "o"},
              {"say": "Status {{status(o.status)}}, {{count(o.items)}} item."}]}]}}}})";
        auto c = call(QStringLiteral("order-tracker"), pb);
        QVERIFY(c);
        const size_t mark = c->log.mark();
        const QString reply = c->turn(QStringLiteral("482922"));
        const json tools = c->toolsSince(mark);
        QCOMPARE(tools.size(), size_t(1));
        QVERIFY(tools[0]["arguments"] == json({ { "order_id", "ORD-482922" } }));
        QCOMPARE(reply, QStringLiteral("Status out for delivery, 1 item."));
    }
};

QTEST_GUILESS_MAIN(TestPlaybookBrain)
#include "tst_playbookbrain.moc"
