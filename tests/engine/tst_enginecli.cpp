// `ringside-engine chat`, `test` and `validate` (for playbooks) as a user runs them: JSON Lines
// events, scripts, typed input on stdin, exit codes and error messages that name the option.
#include "util/jsonqt.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ringside;

namespace {

const QString kNow = QStringLiteral("2026-11-26T10:00:00+05:30");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run engine(const QStringList &args, const QByteArray &stdinText = {})
{
    QProcess p;
    p.start(QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine"), args);
    p.write(stdinText);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

std::vector<json> jsonLines(const QString &text)
{
    std::vector<json> out;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out.push_back(json::parse(line.toStdString(), nullptr, false));
    return out;
}

} // namespace

class TestEngineCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    QString db;

    QString write(const QString &name, const QByteArray &text)
    {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text);
        return f.fileName();
    }

private Q_SLOTS:
    // --help names the program and the command, never the path it was started by (a build folder).
    void helpUsageNamesTheProgramAndCommand_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("usage");
        QTest::addRow("serve") << QStringList{ QStringLiteral("serve") } << QStringLiteral("Usage: ringside-engine serve [options]");
        QTest::addRow("call") << QStringList{ QStringLiteral("call") } << QStringLiteral("Usage: ringside-engine call [options]");
        QTest::addRow("nlu") << QStringList{ QStringLiteral("nlu") } << QStringLiteral("Usage: ringside-engine nlu [options]");
        QTest::addRow("store init") << QStringList{ QStringLiteral("store"), QStringLiteral("init") }
                                    << QStringLiteral("Usage: ringside-engine store init [options]");
        QTest::addRow("campaigns show") << QStringList{ QStringLiteral("campaigns"), QStringLiteral("show") }
                                        << QStringLiteral("Usage: ringside-engine campaigns show [options] ID");
        QTest::addRow("dnd check") << QStringList{ QStringLiteral("dnd"), QStringLiteral("check") }
                                   << QStringLiteral("Usage: ringside-engine dnd check [options] PHONE");
    }

    void helpUsageNamesTheProgramAndCommand()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, usage);
        const Run r = engine(command + QStringList{ QStringLiteral("--help") });
        QCOMPARE(r.exitCode, 0);
        const QString first = r.out.section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(first.startsWith(usage), qPrintable(first));
        QVERIFY2(!r.out.contains(QStringLiteral(RINGSIDE_BINARY_DIR)), qPrintable(first));
    }

    void initTestCase()
    {
        db = dir.filePath(QStringLiteral("store.db"));
        const Run r = engine({ QStringLiteral("store"), QStringLiteral("init"), QStringLiteral("--db"), db, QStringLiteral("--demo"),
                               QStringLiteral("--now"), kNow });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void scriptPrintsEventsAsJsonLines()
    {
        const QString script = write(QStringLiteral("s.json"), R"({"turns": ["Where is my order?", "It is 482913", "It says delivered but I never got it"]})");
        const Run r = engine({ QStringLiteral("chat"), QStringLiteral("--db"), db, QStringLiteral("--agent"), QStringLiteral("order-tracker"),
                               QStringLiteral("--now"), kNow, QStringLiteral("--script"), script, QStringLiteral("--jsonl") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const std::vector<json> events = jsonLines(r.out);
        QStringList types;
        qint64 last = 0;
        for (const json &e : events) {
            QVERIFY2(e.is_object() && e.contains("type") && e.contains("t_ms"), qPrintable(r.out));
            QVERIFY(e["t_ms"].get<qint64>() >= last);
            last = e["t_ms"].get<qint64>();
            types << qs(e["type"].get<std::string>());
        }
        QCOMPARE(types.first(), QStringLiteral("agent"));
        QCOMPARE(types.last(), QStringLiteral("end"));
        QCOMPARE(types.count(QStringLiteral("user")), 3);
        QVERIFY(types.contains(QStringLiteral("tool_call")));
        QVERIFY(types.contains(QStringLiteral("tool_result")));
        QVERIFY(types.contains(QStringLiteral("escalation")));
        for (const json &e : events) {
            if (e["type"] == "tool_call" && e["name"] == "get_order_status")
                QCOMPARE(e["arguments"]["order_id"].get<std::string>(), std::string("ORD-482913"));
            if (e["type"] == "escalation")
                QCOMPARE(e["reason"].get<std::string>(), std::string("delivered_not_received"));
            if (e["type"] == "end")
                QCOMPARE(e["outcome"].get<std::string>(), std::string("escalated"));
        }
    }

    void typedInputPrintsTheAgentsLines()
    {
        const Run r = engine({ QStringLiteral("chat"), QStringLiteral("--db"), db, QStringLiteral("--agent"), QStringLiteral("Order Tracker"),
                               QStringLiteral("--now"), kNow },
                             "482930\nno thanks\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4); // greeting, answer, goodbye, [call ended]
        QVERIFY(lines.at(1).contains(QStringLiteral("O R D 4 8 2 9 3 0")));
        QCOMPARE(lines.at(3), QStringLiteral("[call ended: resolved]"));
        QVERIFY(r.err.contains(QStringLiteral("call record ")));
    }

    void scriptVarsAndVarOptionOverride()
    {
        const QString script = write(QStringLiteral("v.json"), R"({"vars": {"storeName": "Script Shop"}, "turns": ["bye"]})");
        Run r = engine({ QStringLiteral("chat"), QStringLiteral("--db"), db, QStringLiteral("--agent"), QStringLiteral("order-tracker"),
                         QStringLiteral("--script"), script });
        QVERIFY(r.out.contains(QStringLiteral("Thanks for calling Script Shop")));
        r = engine({ QStringLiteral("chat"), QStringLiteral("--db"), db, QStringLiteral("--agent"), QStringLiteral("order-tracker"),
                     QStringLiteral("--script"), script, QStringLiteral("--var"), QStringLiteral("storeName=Option Shop") });
        QVERIFY(r.out.contains(QStringLiteral("Thanks for calling Option Shop")));
    }

    void errorsNameTheProblem_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString d = QStringLiteral("--db");
        const QString a = QStringLiteral("--agent");
        QTest::addRow("no db") << QStringList{ QStringLiteral("chat"), a, QStringLiteral("order-tracker") } << 2 << "--db PATH is required";
        QTest::addRow("no agent") << QStringList{ QStringLiteral("chat"), d, QStringLiteral("x.db") } << 2 << "--agent NAME|FILE is required";
        QTest::addRow("unknown agent") << QStringList{ QStringLiteral("chat"), d, QStringLiteral("x.db"), a, QStringLiteral("nobody") } << 2 << "--agent:";
        QTest::addRow("bad var") << QStringList{ QStringLiteral("chat"), d, QStringLiteral("x.db"), a, QStringLiteral("order-tracker"),
                                                 QStringLiteral("--var"), QStringLiteral("novalue") } << 2 << "--var: \"novalue\" is not NAME=VALUE";
        QTest::addRow("bad now") << QStringList{ QStringLiteral("chat"), d, QStringLiteral("x.db"), a, QStringLiteral("order-tracker"),
                                                 QStringLiteral("--now"), QStringLiteral("yesterday") } << 2 << "";
        QTest::addRow("missing script") << QStringList{ QStringLiteral("chat"), d, QStringLiteral("x.db"), a, QStringLiteral("order-tracker"),
                                                        QStringLiteral("--script"), QStringLiteral("/nonexistent.json") } << 2 << "--script: cannot read";
        QTest::addRow("unknown brain") << QStringList{ QStringLiteral("chat"), d, QString(), a, QStringLiteral("order-tracker"),
                                                       QStringLiteral("--brain"), QStringLiteral("oracle") } << 1 << "unknown brain \"oracle\"";
        QTest::addRow("unknown order") << QStringList{ QStringLiteral("chat"), d, QString(), a, QStringLiteral("delivery-notifier"),
                                                       QStringLiteral("--order"), QStringLiteral("ORD-999999") } << 1 << "--order: no order \"ORD-999999\"";
        QTest::addRow("outbound without ids") << QStringList{ QStringLiteral("chat"), d, QString(), a, QStringLiteral("cart-recovery") }
                                              << 1 << "give --cart ID";
        QTest::addRow("test without path") << QStringList{ QStringLiteral("test") } << 2 << "give a scenario file or folder";
        QTest::addRow("test missing path") << QStringList{ QStringLiteral("test"), QStringLiteral("/nonexistent") } << 2 << "does not exist";
    }

    void errorsNameTheProblem()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        for (QString &arg : args) {
            if (arg.isEmpty())
                arg = db; // rows that need the real store
        }
        const Run r = engine(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void testCommandReportsEachScenarioAndTheTotal()
    {
        const QString folder = dir.filePath(QStringLiteral("suite"));
        QDir().mkpath(folder);
        write(QStringLiteral("suite/a.json"), R"({"name": "good", "agent": "order-tracker", "now": "2026-11-26T10:00:00+05:30",
                                                 "turns": [{"user": "482930", "expect": {"says": "warehouse"}}]})");
        write(QStringLiteral("suite/b.json"), R"({"name": "bad", "agent": "order-tracker", "now": "2026-11-26T10:00:00+05:30",
                                                 "turns": [{"user": "482930", "expect": {"says": "spaceship"}}]})");
        write(QStringLiteral("suite/c.json"), R"({"turns": ["x"]})");
        Run r = engine({ QStringLiteral("test"), folder });
        QCOMPARE(r.exitCode, 1);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0), QStringLiteral("PASS good"));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("FAIL bad: turn 1")));
        QVERIFY(lines.at(1).contains(QStringLiteral("\"spaceship\"")));
        QVERIFY(lines.at(2).startsWith(QStringLiteral("FAIL c.json: ")));
        QVERIFY(lines.at(2).contains(QStringLiteral("/agent: required field is missing")));
        QCOMPARE(lines.at(3), QStringLiteral("1 passed, 2 failed"));
        r = engine({ QStringLiteral("test"), dir.filePath(QStringLiteral("suite/a.json")) });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.endsWith(QStringLiteral("1 passed, 0 failed\n")));
    }

    void validateChecksPlaybooks()
    {
        const QString bad = write(QStringLiteral("bad.playbook.json"),
                                  R"({"playbook": {"name": "x", "start": "a", "steps": {"a": {"on": [{"do": [{"call": "nope"}]}]}}}})");
        Run r = engine({ QStringLiteral("validate"), bad });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(bad + QStringLiteral(": /playbook/steps/a/on/0/do/0/call: unknown tool \"nope\"")), qPrintable(r.out));
        r = engine({ QStringLiteral("validate"), QStringLiteral(RINGSIDE_SOURCE_DIR "/resources/playbooks/order-tracker.playbook.json") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    }
};

QTEST_GUILESS_MAIN(TestEngineCli)
#include "tst_enginecli.moc"
