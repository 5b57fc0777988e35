// ringside-engine nlu … end to end, through the real binary.
#include "util/jsonqt.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ringside;

namespace {

const QString kNow = QStringLiteral("2026-12-24T10:00:00+05:30"); // a Thursday

struct Run
{
    int code = -1;
    QList<json> lines;
    QString err;
};

Run engine(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine"), QStringList{QStringLiteral("nlu")} + args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        qFatal("ringside-engine nlu did not finish");
    Run r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.err = QString::fromUtf8(p.readAllStandardError());
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        if (!line.trimmed().isEmpty())
            r.lines.append(json::parse(line.constBegin(), line.constEnd(), nullptr, false));
    }
    return r;
}

QString str(const json &j, const char *a, const char *b = nullptr)
{
    const json &v = b ? j.value(a, json::object()).value(b, json()) : j.value(a, json());
    return v.is_string() ? qs(v.get<std::string>()) : QString();
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

} // namespace

class TestNluCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void argumentsOneLineEach()
    {
        const Run r = engine({QStringLiteral("--now"), kNow, QStringLiteral("kal nahi, parson shaam ko bhej do"),
                              QStringLiteral("O R D four eight two nine one three")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.lines.size(), 2);
        QCOMPARE(str(r.lines[0], "text"), QStringLiteral("kal nahi, parson shaam ko bhej do"));
        QCOMPARE(str(r.lines[0], "date", "date"), QStringLiteral("2026-12-26"));
        QCOMPARE(str(r.lines[0], "timeSlot", "slot"), QStringLiteral("evening"));
        QCOMPARE(str(r.lines[0], "language"), QStringLiteral("hi-Latn"));
        QCOMPARE(str(r.lines[1], "orderId", "id"), QStringLiteral("ORD-482913"));
    }

    void standardInputLineByLine()
    {
        const Run r = engine({QStringLiteral("--now"), kNow}, QByteArrayLiteral("haan ji\nनहीं\n\nkal\n"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.lines.size(), 4); // the empty line is analysed too
        QCOMPARE(str(r.lines[0], "yesNo", "answer"), QStringLiteral("yes"));
        QCOMPARE(str(r.lines[1], "yesNo", "answer"), QStringLiteral("no"));
        QCOMPARE(str(r.lines[1], "language"), QStringLiteral("hi-Deva"));
        QCOMPARE(str(r.lines[2], "language"), QStringLiteral("und"));
        QCOMPARE(str(r.lines[3], "date", "date"), QStringLiteral("2026-12-25"));
    }

    void pastMonthFirstCountryFormatAndItems()
    {
        Run r = engine({QStringLiteral("--now"), kNow, QStringLiteral("--past"), QStringLiteral("kal")});
        QCOMPARE(str(r.lines.value(0), "date", "date"), QStringLiteral("2026-12-23"));
        r = engine({QStringLiteral("--now"), kNow, QStringLiteral("--month-first"), QStringLiteral("05/06")});
        QCOMPARE(str(r.lines.value(0), "date", "date"), QStringLiteral("2027-05-06"));
        r = engine({QStringLiteral("--country"), QStringLiteral("us"), QStringLiteral("four one five five five five zero one three four")});
        QCOMPARE(str(r.lines.value(0), "phone", "e164"), QStringLiteral("+14155550134"));
        r = engine({QStringLiteral("--order-format"), QStringLiteral("#1001"), QStringLiteral("order number one zero zero one")});
        QCOMPARE(str(r.lines.value(0), "orderId", "id"), QStringLiteral("#1001"));
        r = engine({QStringLiteral("--item"), QStringLiteral("Water Bottle"), QStringLiteral("--item"), QStringLiteral("Running Shoes"),
                    QStringLiteral("the shoes please")});
        QCOMPARE(r.lines.value(0).value("item", json::object()).value("index", -1), 1);
    }

    void lexiconAddition()
    {
        const QString file = m_dir.filePath(QStringLiteral("extra.json"));
        write(file, QByteArrayLiteral("{\"reasons\": {\"return\": {\"damaged\": [\"zip is stuck\"]}}}"));
        const Run r = engine({QStringLiteral("--lexicon"), file, QStringLiteral("the zip is stuck")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(str(r.lines.value(0).value("reasons", json::object()), "return", "reason"), QStringLiteral("damaged"));
    }

    void playbookIntents()
    {
        const QString file = m_dir.filePath(QStringLiteral("intents.json"));
        write(file, QByteArrayLiteral("[{\"name\": \"gift_wrap\", \"phrases\": [\"gift pack kar do\"]}]"));
        const Run r = engine({QStringLiteral("--intents"), file, QStringLiteral("haan, gift pack kar do")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(str(r.lines.value(0), "playbookIntent", "intent"), QStringLiteral("gift_wrap"));
    }

    void badInputIsAUsageErrorThatSaysWhy_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::addRow("lexicon label") << QStringLiteral("--lexicon") << QByteArrayLiteral("{\"yesno\": {\"maybe\": [\"x\"]}}")
                                       << QStringLiteral("/yesno/maybe: unknown label");
        QTest::addRow("lexicon not json") << QStringLiteral("--lexicon") << QByteArrayLiteral("{oops") << QStringLiteral("not valid JSON");
        QTest::addRow("intents shape") << QStringLiteral("--intents") << QByteArrayLiteral("[{\"phrases\": [\"x\"]}]")
                                       << QStringLiteral("/0/name: must be a non-empty string");
    }
    void badInputIsAUsageErrorThatSaysWhy()
    {
        QFETCH(QString, option);
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const QString file = m_dir.filePath(QStringLiteral("bad.json"));
        write(file, content);
        const Run r = engine({option, file, QStringLiteral("hello")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.lines.isEmpty());
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.err.contains(file), qPrintable(r.err));
    }

    void otherUsageErrors()
    {
        Run r = engine({QStringLiteral("--order-format"), QStringLiteral("ORD12"), QStringLiteral("x")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("order ID format 'ORD12'")), qPrintable(r.err));
        r = engine({QStringLiteral("--lexicon"), m_dir.filePath(QStringLiteral("missing.json")), QStringLiteral("x")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("missing.json")), qPrintable(r.err));
        r = engine({QStringLiteral("--now"), QStringLiteral("someday"), QStringLiteral("x")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--now")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestNluCli)
#include "tst_nlucli.moc"
