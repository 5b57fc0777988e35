// `ringside-engine validate` end to end: the real binary on golden broken files and on the
// shipped agents. Each golden/<case>/ holds agent.json (or the files named in args),
// expected.txt (exact stdout) and exit-code; args, when present, replaces "agent.json".
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

namespace {

const QString engine = QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine");

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runEngine(const QStringList &args, const QString &workingDir)
{
    QProcess p;
    p.setWorkingDirectory(workingDir);
    p.start(engine, args);
    Run run;
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = p.exitCode();
    run.out = p.readAllStandardOutput();
    run.err = p.readAllStandardError();
    return run;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestValidateCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(engine), qPrintable(engine));
    }

    void golden_data()
    {
        QTest::addColumn<QString>("dir");
        const QDir golden(QStringLiteral(RINGSIDE_TEST_DIR "/golden"));
        const QStringList cases = golden.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY(cases.size() >= 12);
        for (const QString &c : cases)
            QTest::addRow("%s", qPrintable(c)) << golden.filePath(c);
    }
    void golden()
    {
        QFETCH(QString, dir);
        QStringList args = { QStringLiteral("validate") };
        const QByteArray argsFile = readAll(dir + QStringLiteral("/args")).trimmed();
        args += argsFile.isEmpty() ? QStringList{ QStringLiteral("agent.json") }
                                   : QString::fromUtf8(argsFile).split(u' ', Qt::SkipEmptyParts);
        const QByteArray expected = readAll(dir + QStringLiteral("/expected.txt"));
        const QByteArray exitCodeText = readAll(dir + QStringLiteral("/exit-code")).trimmed();
        bool ok = false;
        const int expectedExit = exitCodeText.toInt(&ok);
        QVERIFY2(ok, "exit-code file missing or not a number");

        const Run run = runEngine(args, dir);
        QCOMPARE(QString::fromUtf8(run.out), QString::fromUtf8(expected));
        QCOMPARE(run.exitCode, expectedExit);
        // Problems go to stdout one per line; stderr carries only the summary.
        QCOMPARE(run.err.count('\n'), 1);
    }

    void shippedAgentsAreValid()
    {
        const QDir dir(QStringLiteral(RINGSIDE_SOURCE_DIR "/resources/agents"));
        QStringList args = { QStringLiteral("validate") };
        for (const QString &f : dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name)) {
            if (!f.endsWith(QLatin1String(".playbook.json")))
                args << f;
        }
        QCOMPARE(args.size(), 6);
        const Run run = runEngine(args, dir.path());
        QCOMPARE(QString::fromUtf8(run.out), QString());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QString::fromUtf8(run.err).trimmed(), QStringLiteral("validate: 5 file(s), no problems"));
    }

    void noFilesIsAUsageError()
    {
        const Run run = runEngine({ QStringLiteral("validate") }, QDir::tempPath());
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QByteArray());
        QVERIFY2(run.err.contains("give at least one agent file"), run.err.constData());
    }

    void helpListsTheCommand()
    {
        const Run run = runEngine({ QStringLiteral("--help") }, QDir::tempPath());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("validate"));
    }
};

QTEST_GUILESS_MAIN(TestValidateCli)
#include "tst_validatecli.moc"
