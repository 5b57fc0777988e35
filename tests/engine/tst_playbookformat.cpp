// Playbook loading: every shipped playbook is valid against its agent's tools; each kind of
// mistake is reported with the JSON pointer of the field and a message that says what is wrong.
#include "enginefixture.h"

#include "engine/brainfactory.h"
#include "engine/playbook.h"

#include <QDir>

using namespace ringside;
using namespace ringside::test;

class TestPlaybookFormat : public QObject
{
    Q_OBJECT

private:
    static QByteArray wrap(const char *steps, const char *extra = "")
    {
        // Plain literals: moc loses its place in raw strings whose braces do not balance.
        return QByteArray("{\"playbook\": {\"name\": \"T\", \"start\": \"a\", ") + extra + "\"steps\": " + steps + "}}";
    }

private Q_SLOTS:
    void shippedPlaybooksAreValid()
    {
        const AgentCatalogue catalogue(QString(), toolNames());
        int checked = 0;
        // Every playbook that is shipped loads against its agent (the playbooks of the other agents
        // arrive with their own change; a missing file is the catalogue's concern, not the format's).
        for (const CatalogueEntry &entry : catalogue.entries()) {
            if (playbookPathFor(entry.path, entry.agent.playbook).isEmpty())
                continue;
            const auto loaded = loadAgentPlaybook(entry.agent, entry.path, *sharedAnalyser());
            QVERIFY2(loaded.ok(), qPrintable(entry.slug + QStringLiteral(": ") + (loaded.ok() ? QString() : loaded.error())));
            ++checked;
        }
        QVERIFY(checked >= 1);
        const auto tracker = catalogue.find(QStringLiteral("order-tracker"));
        QVERIFY(tracker.ok());
        const auto pb = loadAgentPlaybook(tracker->agent, tracker->path, *sharedAnalyser());
        QVERIFY(pb.ok());
        QCOMPARE(pb.value()->name, QStringLiteral("Order Tracker"));
        QCOMPARE(pb.value()->start, QStringLiteral("identify"));
        QVERIFY(pb.value()->intents.intents().contains(QStringLiteral("tracking_number")));
    }

    void playbookIsFoundBesideTheAgentOrShipped()
    {
        QTemporaryDir dir;
        const QString agentPath = dir.filePath(QStringLiteral("my-tracker.json"));
        QCOMPARE(playbookPathFor(agentPath, QStringLiteral("order-tracker.playbook.json")),
                 QStringLiteral(":/ringside/agents/order-tracker.playbook.json"));
        QFile own(dir.filePath(QStringLiteral("order-tracker.playbook.json")));
        QVERIFY(own.open(QIODevice::WriteOnly));
        own.write("{}");
        own.close();
        QCOMPARE(playbookPathFor(agentPath, QStringLiteral("order-tracker.playbook.json")), own.fileName());
        QCOMPARE(playbookPathFor(agentPath, QStringLiteral("nowhere.playbook.json")), QString());
    }

    void agentWithoutPlaybookIsExplained()
    {
        Agent agent;
        agent.name = QStringLiteral("Bare");
        QString error;
        BrainSetup setup;
        setup.agent = agent;
        setup.analyser = sharedAnalyser();
        QVERIFY(!createBrain(QStringLiteral("playbook"), setup, &error));
        QVERIFY2(error.contains(QStringLiteral("has no playbook")), qPrintable(error));
        QVERIFY(!createBrain(QStringLiteral("oracle"), setup, &error));
        QVERIFY2(error.contains(QStringLiteral("unknown brain \"oracle\"")), qPrintable(error));
    }

    void problemsNameTheirField_data()
    {
        QTest::addColumn<QByteArray>("doc");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QStringList>("agentTools");
        const QStringList any;
        QTest::addRow("not json") << QByteArray("{\"playbook\": ") << QString() << "" << any;
        QTest::addRow("no playbook key") << QByteArray("{}") << "/playbook" << "required" << any;
        QTest::addRow("unknown top key") << QByteArray(R"({"playbok": {}})") << "/playbok" << "unknown key" << any;
        QTest::addRow("start names no step") << QByteArray(R"({"playbook": {"name": "T", "start": "b", "steps": {"a": {}}}})")
                                             << "/playbook/start" << "no step named \"b\"" << any;
        QTest::addRow("no steps") << QByteArray(R"({"playbook": {"name": "T", "start": "a", "steps": {}}})")
                                  << "/playbook/steps" << "at least one step" << any;
        QTest::addRow("unknown step key") << wrap(R"({"a": {"asks": "x"}})") << "/playbook/steps/a/asks" << "unknown key" << any;
        QTest::addRow("unknown slot") << wrap(R"({"a": {"expect": ["order_number"]}})") << "/playbook/steps/a/expect/0" << "unknown slot" << any;
        QTest::addRow("choice without choices") << wrap(R"({"a": {"expect": ["choice"]}})") << "/playbook/steps/a/expect" << "no \"choices\"" << any;
        QTest::addRow("choices limit of zero")
                << wrap(R"({"a": {"expect": ["choice"], "choices": {"from": "order.orders", "label": "{{item.date}}", "limit": 0}}})")
                << "/playbook/steps/a/choices/limit" << "at least 1" << any;
        QTest::addRow("unknown tool") << wrap(R"({"a": {"on": [{"do": [{"call": "get_order"}]}]}})")
                                      << "/playbook/steps/a/on/0/do/0/call" << "unknown tool \"get_order\"" << any;
        QTest::addRow("tool the agent lacks") << wrap(R"({"a": {"on": [{"do": [{"call": "cancel_order"}]}]}})")
                                              << "/playbook/steps/a/on/0/do/0/call" << "does not list" << QStringList{ QStringLiteral("get_order_status") };
        QTest::addRow("unknown argument") << wrap(R"({"a": {"on": [{"do": [{"call": "get_order_status", "args": {"id": "x"}}]}]}})")
                                          << "/playbook/steps/a/on/0/do/0/args/id" << "takes no argument \"id\"" << any;
        QTest::addRow("goto nowhere") << wrap(R"({"a": {"on": [{"do": [{"goto": "b"}]}]}})")
                                      << "/playbook/steps/a/on/0/do/0/goto" << "no step named \"b\"" << any;
        QTest::addRow("two verbs") << wrap(R"({"a": {"on": [{"do": [{"say": "x", "goto": "a"}]}]}})")
                                   << "/playbook/steps/a/on/0/do/0" << "one verb per action" << any;
        QTest::addRow("no verb") << wrap(R"({"a": {"on": [{"do": [{"speak": "x"}]}]}})")
                                 << "/playbook/steps/a/on/0/do/0" << "no action verb" << any;
        QTest::addRow("empty do") << wrap(R"({"a": {"on": [{"do": []}]}})") << "/playbook/steps/a/on/0/do" << "non-empty" << any;
        QTest::addRow("missing do") << wrap(R"({"a": {"on": [{"when": {"answer": "yes"}}]}})") << "/playbook/steps/a/on/0/do" << "required" << any;
        QTest::addRow("bad answer") << wrap(R"({"a": {"on": [{"when": {"answer": "maybe"}, "do": [{"say": "x"}]}]}})")
                                    << "/playbook/steps/a/on/0/when/answer" << "\"yes\", \"no\" or \"unsure\"" << any;
        QTest::addRow("unknown intent") << wrap(R"({"a": {"on": [{"when": {"intent": "teleport"}, "do": [{"say": "x"}]}]}})")
                                        << "/playbook/steps/a/on/0/when/intent" << "unknown intent \"teleport\"" << any;
        QTest::addRow("unknown condition") << wrap(R"({"a": {"on": [{"when": {"equals": {"a": 1}}, "do": [{"say": "x"}]}]}})")
                                           << "/playbook/steps/a/on/0/when/equals" << "unknown key" << any;
        QTest::addRow("above needs a number") << wrap(R"({"a": {"on": [{"when": {"above": {"o.n": "7"}}, "do": [{"say": "x"}]}]}})")
                                              << "/playbook/steps/a/on/0/when/above/o.n" << "must be a number" << any;
        QTest::addRow("bad escalation reason") << wrap(R"({"a": {"on": [{"do": [{"escalate": "angry"}]}]}})")
                                               << "/playbook/steps/a/on/0/do/0/escalate" << "must be one of" << any;
        QTest::addRow("bad outcome") << wrap(R"({"a": {"on": [{"do": [{"end": "done"}]}]}})")
                                     << "/playbook/steps/a/on/0/do/0/end" << "must be true" << any;
        QTest::addRow("unknown helper") << wrap(R"({"a": {"ask": "Hi {{shout(x)}}"}})") << "/playbook/steps/a/ask" << "unknown helper \"shout\"" << any;
        QTest::addRow("unclosed template") << wrap("{\"a\": {\"ask\": \"Hi {{name\"}}") << "/playbook/steps/a/ask" << "never closed" << any;
        QTest::addRow("empty text") << wrap(R"({"a": {"ask": ""}})") << "/playbook/steps/a/ask" << "must not be empty" << any;
        QTest::addRow("text by language") << wrap(R"({"a": {"ask": {"en": "Hi", "hi": 3}}})") << "/playbook/steps/a/ask/hi" << "non-empty string" << any;
        QTest::addRow("run nothing") << wrap(R"({"a": {"on": [{"do": [{"run": "r"}]}]}})") << "/playbook/steps/a/on/0/do/0/run" << "no routine named \"r\"" << any;
        QTest::addRow("reserved set") << wrap(R"({"a": {"on": [{"do": [{"set": {"vars": "x"}}]}]}})")
                                      << "/playbook/steps/a/on/0/do/0/set/vars" << "not reserved" << any;
        QTest::addRow("bad setting") << wrap(R"({"a": {}})", R"("settings": {"maxRetries": -1}, )")
                                     << "/playbook/settings/maxRetries" << "0 to 10" << any;
        QTest::addRow("bad id pattern") << wrap(R"({"a": {}})", R"("settings": {"orderIdPattern": "???"}, )")
                                        << "/playbook/settings/orderIdPattern" << "" << any;
        QTest::addRow("unknown text key") << wrap(R"({"a": {}})", R"("texts": {"hello": "x"}, )") << "/playbook/texts/hello" << "unknown key" << any;
        QTest::addRow("bad intent") << wrap(R"({"a": {}})", R"("intents": [{"name": ""}], )") << "/playbook/intents/0/name" << "" << any;
        QTest::addRow("duplicate key") << QByteArray(R"({"playbook": {"name": "T", "name": "U", "start": "a", "steps": {"a": {}}}})")
                                       << "/playbook/name" << "more than once" << any;
    }

    void problemsNameTheirField()
    {
        QFETCH(QByteArray, doc);
        QFETCH(QString, pointer);
        QFETCH(QString, message);
        QFETCH(QStringList, agentTools);
        const PlaybookLoadResult r = loadPlaybook(doc, *sharedAnalyser(), agentTools);
        QVERIFY(!r.ok());
        QVERIFY(!r.issues.isEmpty());
        QStringList all;
        bool found = false;
        for (const PlaybookIssue &issue : r.issues) {
            all << formatIssue(issue);
            found = found || (issue.pointer == pointer && issue.message.contains(message));
        }
        QVERIFY2(found, qPrintable(QStringLiteral("wanted %1 \"%2\", got: %3").arg(pointer, message, all.join(QStringLiteral(" | ")))));
    }

    void validMinimalPlaybookLoads()
    {
        const PlaybookLoadResult r = loadPlaybook(wrap(R"({"a": {"ask": "Hi?", "expect": ["yes_no"], "on": [
            {"when": {"answer": "yes"}, "do": [{"end": true}]}]}})", R"("settings": {"maxRetries": 1, "orderIdPattern": "AB-1234"}, )"),
                                                  *sharedAnalyser());
        QVERIFY2(r.ok(), r.issues.isEmpty() ? "" : qPrintable(formatIssue(r.issues.first())));
        QCOMPARE(r.playbook->settings.maxRetries, 1);
        QVERIFY(r.playbook->settings.orderIdPattern.has_value());
        QCOMPARE(r.playbook->settings.orderIdPattern->digits, 4);
        QVERIFY(r.playbook->step(QStringLiteral("a")));
        QVERIFY(!r.playbook->step(QStringLiteral("b")));
    }

    // What each step listens for, in the order the brain tries it (the NLU's step-aware reading).
    void stepsKnowWhatTheyListenFor()
    {
        const AgentCatalogue catalogue(QString(), toolNames());
        const auto load = [&](const char *slug) {
            const auto entry = catalogue.find(QLatin1String(slug));
            return loadAgentPlaybook(entry->agent, entry->path, *sharedAnalyser()).value();
        };
        const auto cod = load("cod-confirmation");
        const Playbook::Listening confirm = cod->listening.value(QStringLiteral("confirm"));
        QVERIFY(confirm.own.contains(QStringLiteral("confirm")));     // the step's own rules
        QVERIFY(!confirm.own.contains(QStringLiteral("pay_online"))); // only `anywhere` names it here
        QVERIFY(cod->listening.value(QStringLiteral("payment_change")).own.contains(QStringLiteral("pay_online")));
        // `modify`'s anywhere rule is tried before the one for pay_online: "can I pay online
        // instead?" stays a modify at the confirmation step.
        QVERIFY(confirm.firstPossible.value(QStringLiteral("modify")) < confirm.firstSure.value(QStringLiteral("pay_online")));
        // A rule restricted to other steps is not tried here.
        QVERIFY(!cod->listening.value(QStringLiteral("new_address")).firstPossible.contains(QStringLiteral("pay_online")));
        // A person is offered before any rule (the playbook does not name `human`).
        QCOMPARE(confirm.firstPossible.value(QStringLiteral("human"), -1), 0);

        const auto returns = load("returns-handler");
        const Playbook::Listening identify = returns->listening.value(QStringLiteral("identify"));
        QVERIFY(identify.firstSure.contains(QStringLiteral("return_status")));
        QVERIFY(identify.firstSure.value(QStringLiteral("return_status")) < identify.firstPossible.value(QStringLiteral("return")));
    }
};

QTEST_GUILESS_MAIN(TestPlaybookFormat)
#include "tst_playbookformat.moc"
