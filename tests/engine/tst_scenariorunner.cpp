// The scenario runner itself: it passes what holds, fails what does not with a reason, reports
// bad files by pointer, and gives every scenario a fresh store.
#include "enginefixture.h"

#include "scenarios/scenariorunner.h"

#include <QFile>

using namespace ringside;
using namespace ringside::test;

class TestScenarioRunner : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;

    QString write(const QString &name, const QByteArray &text)
    {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(text);
        return file.fileName();
    }

    static QByteArray scenario(const char *turns, const char *expect = "{}")
    {
        // Plain literals: moc loses its place in raw strings whose braces do not balance.
        return QByteArray("{\"name\": \"s\", \"agent\": \"order-tracker\", \"now\": \"2026-11-26T10:00:00+05:30\", \"turns\": ")
                + turns + ", \"expect\": " + expect + "}";
    }

private Q_SLOTS:
    void passingScenarioPasses()
    {
        const QString file = write(QStringLiteral("pass.json"), scenario(R"([
            {"user": "where is my order", "expect": {"says": "ORDER NUMBER", "noTools": true}},
            {"user": "ORD 482913", "expect": {"tool": {"name": "get_order_status", "arguments": {"order_id": "ord-482913"}},
                                              "says": ["Blue Dart"], "notSays": "pineapple"}}])",
                                                                         R"({"outcome": "resolved", "escalation": false,
                                                                             "tools": [{"name": "get_order_status"}],
                                                                             "record": {"orderId": "ORD-482913", "useCase": "wismo", "turns": 2}})"));
        const ScenarioFile read = readScenarioFile(file);
        QVERIFY2(read.errors.isEmpty(), qPrintable(read.errors.join(QLatin1Char('\n'))));
        ScenarioRunner runner(sharedAnalyser());
        const ScenarioOutcome r = runner.run(read.scenarios.first());
        QVERIFY2(r.passed, qPrintable(r.failures.join(QLatin1Char('\n'))));
        QVERIFY(r.transcript.size() > 4);
    }

    void failingExpectationsSayWhy_data()
    {
        QTest::addColumn<QByteArray>("doc");
        QTest::addColumn<QString>("why");
        QTest::addRow("text") << scenario(R"([{"user": "where is my order", "expect": {"says": "pineapple"}}])")
                              << "expected \"pineapple\"";
        QTest::addRow("not text") << scenario(R"([{"user": "where is my order", "expect": {"notSays": "order number"}}])")
                                  << "did not expect \"order number\"";
        QTest::addRow("tool arguments") << scenario(R"([{"user": "482913", "expect": {"tool": {"name": "get_order_status", "arguments": {"order_id": "ORD-1"}}}}])")
                                        << "expected a call get_order_status";
        QTest::addRow("no tools") << scenario(R"([{"user": "482913", "expect": {"noTools": true}}])") << "expected no tool calls";
        QTest::addRow("escalation") << scenario(R"([{"user": "482913", "expect": {"escalation": true}}])") << "expected escalation, got none";
        QTest::addRow("outcome") << scenario(R"(["482913"])", R"({"outcome": "cancelled"})") << "expected outcome cancelled, got resolved";
        QTest::addRow("sentences") << scenario(R"([{"user": "482913", "expect": {"maxSentences": 1}}])") << "at most 1 allowed";
        QTest::addRow("record") << scenario(R"(["482913"])", R"({"record": {"orderId": "ORD-482920"}})") << "record: orderId expected";
        QTest::addRow("turn after the end") << scenario(R"(["bye", "hello?"])") << "the call had already ended";
        QTest::addRow("tools in order") << scenario(R"(["482913", "yes"])", R"({"tools": [{"name": "get_tracking_details"}, {"name": "get_order_status"}]})")
                                        << "(in order)";
        QTest::addRow("unknown order option") << QByteArray(R"({"agent": "order-tracker", "order": "ORD-1", "turns": ["hi"]})")
                                              << "--order: no order";
        QTest::addRow("unknown agent") << QByteArray(R"({"agent": "nobody", "turns": ["hi"]})") << "agent:";
    }

    void failingExpectationsSayWhy()
    {
        QFETCH(QByteArray, doc);
        QFETCH(QString, why);
        const ScenarioFile read = readScenarioFile(write(QStringLiteral("fail.json"), doc));
        QVERIFY2(read.errors.isEmpty(), qPrintable(read.errors.join(QLatin1Char('\n'))));
        ScenarioRunner runner(sharedAnalyser());
        const ScenarioOutcome r = runner.run(read.scenarios.first());
        QVERIFY(!r.passed);
        QVERIFY2(r.failures.join(QLatin1Char('\n')).contains(why), qPrintable(r.failures.join(QLatin1Char('\n'))));
    }

    void badFilesNameTheField_data()
    {
        QTest::addColumn<QByteArray>("doc");
        QTest::addColumn<QString>("where");
        QTest::addRow("not json") << QByteArray("{") << "not JSON";
        QTest::addRow("no agent") << QByteArray(R"({"turns": ["hi"]})") << "/agent: required field is missing";
        QTest::addRow("no turns") << QByteArray(R"({"agent": "order-tracker"})") << "/turns: required";
        QTest::addRow("unknown key") << QByteArray(R"({"agent": "order-tracker", "turns": ["hi"], "expects": {}})") << "/expects: unknown key";
        QTest::addRow("bad turn expectation") << QByteArray(R"({"agent": "order-tracker", "turns": [{"user": "hi", "expect": {"say": "x"}}]})")
                                              << "/turns/0/expect/say: unknown key";
        QTest::addRow("bad escalation") << QByteArray(R"({"agent": "order-tracker", "turns": ["hi"], "expect": {"escalation": "yes"}})")
                                        << "/expect/escalation: must be true, false";
        QTest::addRow("in a list") << QByteArray(R"({"scenarios": [{"agent": "order-tracker", "turns": ["hi"]}, {"agent": 3, "turns": ["x"]}]})")
                                   << "/scenarios/1/agent: must be a non-empty string";
    }

    void badFilesNameTheField()
    {
        QFETCH(QByteArray, doc);
        QFETCH(QString, where);
        const ScenarioFile read = readScenarioFile(write(QStringLiteral("bad.json"), doc));
        QVERIFY(read.scenarios.isEmpty());
        QVERIFY2(read.errors.join(QLatin1Char('\n')).contains(where), qPrintable(read.errors.join(QLatin1Char('\n'))));
        QVERIFY(read.errors.first().startsWith(dir.filePath(QStringLiteral("bad.json"))));
    }

    void everyScenarioGetsAFreshStore()
    {
        // The first cancels nothing it can reach, so reschedule: the second must still see the
        // original estimate, not the first one's new date. Both call from the order's own number
        // (a caller on another number is asked to verify first).
        const QString file = write(QStringLiteral("fresh.json"), R"([
            {"name": "moves the date", "agent": "order-tracker", "now": "2026-11-26T10:00:00+05:30",
             "callerPhone": "+919812345678",
             "turns": ["482913", "can you reschedule it to Monday", "evening"],
             "expect": {"tools": [{"name": "reschedule_delivery"}], "outcome": "rescheduled"}},
            {"name": "sees the original", "agent": "order-tracker", "now": "2026-11-26T10:00:00+05:30",
             "callerPhone": "+919812345678",
             "turns": [{"user": "482913", "expect": {"says": "expected to arrive", "notSays": "rescheduled"}}]}
        ])");
        const ScenarioFile read = readScenarioFile(file);
        QCOMPARE(read.scenarios.size(), 2);
        ScenarioRunner runner(sharedAnalyser());
        for (const Scenario &s : read.scenarios) {
            const ScenarioOutcome r = runner.run(s);
            QVERIFY2(r.passed, qPrintable(s.name + QStringLiteral(": ") + r.failures.join(QLatin1Char('\n'))));
        }
    }

    void foldersSkipFixtures()
    {
        QTemporaryDir tree;
        QDir(tree.path()).mkpath(QStringLiteral("a/fixtures"));
        for (const char *name : { "b.json", "a/c.json", "a/fixtures/store.json", "a/notes.txt" }) {
            QFile f(tree.filePath(QLatin1String(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        const QStringList files = scenarioFiles(tree.path());
        QCOMPARE(files, (QStringList{ tree.filePath(QStringLiteral("a/c.json")), tree.filePath(QStringLiteral("b.json")) }));
    }
};

QTEST_GUILESS_MAIN(TestScenarioRunner)
#include "tst_scenariorunner.moc"
