// ringside-engine store … end to end, through the real binary.
#include "util/jsonqt.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ringside;

namespace {
const QString kNow = QStringLiteral("2026-11-26T10:00:00+05:30");

struct Run {
    int code = -1;
    QByteArray out;
    QString err;
};

Run engine(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine"), args);
    if (!p.waitForFinished(120000))
        qFatal("ringside-engine %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
             QString::fromUtf8(p.readAllStandardError()) };
}

QStringList store(const QString &sub, const QString &db, const QStringList &more = {})
{
    return QStringList{ QStringLiteral("store"), sub, QStringLiteral("--db"), db } + more;
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}
} // namespace

class TestStoreCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private slots:
    void initDemoExportImportExportIsTheSame()
    {
        const Run init = engine(store(QStringLiteral("init"), path("demo.db"),
                                      { QStringLiteral("--demo"), QStringLiteral("--seed"), QStringLiteral("5"),
                                        QStringLiteral("--now"), kNow }));
        QVERIFY2(init.code == 0, qPrintable(init.err));
        QVERIFY2(init.out.contains("demo store (seed 5)"), init.out.constData());

        const Run exported = engine(store(QStringLiteral("export"), path("demo.db")));
        QCOMPARE(exported.code, 0);
        const json doc = json::parse(exported.out.toStdString());
        const std::size_t orders = doc["orders"].size();
        QVERIFY(orders >= 500);
        QVERIFY(exported.out.contains("\"id\": \"ORD-482913\""));

        const Run toFile = engine(store(QStringLiteral("export"), path("demo.db"),
                                        { QStringLiteral("--out"), path("demo.json") }));
        QCOMPARE(toFile.code, 0);
        QFile file(path("demo.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), exported.out);

        QCOMPARE(engine(store(QStringLiteral("init"), path("copy.db"))).code, 0);
        const Run imported = engine(store(QStringLiteral("import"), path("copy.db"), { path("demo.json") }));
        QVERIFY2(imported.code == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains(QStringLiteral("%1 orders").arg(orders).toUtf8()), imported.out.constData());
        QCOMPARE(engine(store(QStringLiteral("export"), path("copy.db"))).out, exported.out);

        const Run stats = engine(store(QStringLiteral("stats"), path("copy.db"),
                                       { QStringLiteral("--json"), QStringLiteral("--now"), kNow }));
        QCOMPARE(stats.code, 0);
        const json s = json::parse(stats.out.toStdString());
        QVERIFY(s["orders"]["total"] == orders);
        QVERIFY(s["orders"]["cod_pending"].get<int>() > 0);
        QVERIFY(s["offers"]["expired"] == 1);
        const Run text = engine(store(QStringLiteral("stats"), path("copy.db")));
        QVERIFY2(text.out.contains(QStringLiteral("orders     %1").arg(orders).toUtf8()), text.out.constData());
    }

    void sameSeedSameStoreAcrossProcesses()
    {
        for (const char *name : { "s1.db", "s2.db", "s3.db" }) {
            const QString seed = QLatin1String(name) == QLatin1String("s3.db") ? QStringLiteral("6") : QStringLiteral("5");
            QCOMPARE(engine(store(QStringLiteral("init"), path(name), { QStringLiteral("--demo"), QStringLiteral("--seed"),
                                                                         seed, QStringLiteral("--now"), kNow })).code, 0);
        }
        const QByteArray first = engine(store(QStringLiteral("export"), path("s1.db"))).out;
        QCOMPARE(engine(store(QStringLiteral("export"), path("s2.db"))).out, first);
        QVERIFY(engine(store(QStringLiteral("export"), path("s3.db"))).out != first);
    }

    void demoOnlyIntoAnEmptyStore()
    {
        const QString db = path("full.db");
        QCOMPARE(engine(store(QStringLiteral("init"), db, { QStringLiteral("--demo"), QStringLiteral("--now"), kNow })).code, 0);
        const QByteArray before = engine(store(QStringLiteral("export"), db)).out;
        const Run again = engine(store(QStringLiteral("init"), db, { QStringLiteral("--demo"), QStringLiteral("--now"), kNow }));
        QCOMPARE(again.code, 1);
        QVERIFY2(again.err.contains(QStringLiteral("--demo needs an empty store")), qPrintable(again.err));
        QCOMPARE(engine(store(QStringLiteral("export"), db)).out, before);
        QCOMPARE(engine(store(QStringLiteral("init"), db)).code, 0); // a plain init of a full store is fine
    }

    // The demo call history adds thousands of orders; the showcase phones still find only their
    // own (docs/demo-store.md), and a phone's list names what each order holds.
    void showcasePhonesKeepTheirOrdersWithTheHistory()
    {
        const QString db = path("history.db");
        QCOMPARE(engine(store(QStringLiteral("init"), db, { QStringLiteral("--demo"), QStringLiteral("--now"), kNow })).code, 0);
        auto lookup = [&](const char *phone) {
            const Run r = engine({ QStringLiteral("tool"), QStringLiteral("--db"), db, QStringLiteral("--now"), kNow,
                                   QStringLiteral("get_order_status"),
                                   QStringLiteral("{\"phone_number\": \"%1\"}").arg(QLatin1String(phone)) });
            return json::parse(r.out.toStdString(), nullptr, false);
        };
        const json priya = lookup("+919812345678");
        QCOMPARE(qs(priya.value("order_id_raw", "")), QStringLiteral("ORD-482913"));
        QVERIFY(!priya.contains("multiple"));
        const json arjun = lookup("+919876501234");
        QCOMPARE(arjun.value("count", 0), 3);
        QStringList items;
        for (const json &o : arjun["orders"])
            items << qs(o.value("items", ""));
        QVERIFY2(items.contains(QStringLiteral("Wireless Earbuds")), qPrintable(items.join(QStringLiteral(" | "))));
    }

    void brokenFileChangesNothing()
    {
        const QString db = path("broken.db");
        write(path("good.json"), R"({"customers": [{"id": "C-1", "name": "Asha", "phone": "9812345678", "country": "IN"}]})");
        QCOMPARE(engine(store(QStringLiteral("import"), db, { path("good.json") })).code, 0);
        const QByteArray before = engine(store(QStringLiteral("export"), db)).out;

        write(path("bad.json"), R"({"customers": [{"id": "C-2", "name": "Ravi"}],
            "orders": [{"id": "ORD-1", "customer_id": "C-2", "status": "shiped", "total": 10, "currency": "INR",
                        "created_at": "2026-11-20T10:15:00+05:30", "items": [{"sku": "A", "name": "A", "quantity": 1, "price": 10}]}]})");
        const Run bad = engine(store(QStringLiteral("import"), db, { path("bad.json") }));
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("rejected, nothing was imported")), qPrintable(bad.err));
        QVERIFY2(bad.err.contains(QStringLiteral("orders[0].status: 'shiped' is not one of processing, shipped")), qPrintable(bad.err));
        QCOMPARE(engine(store(QStringLiteral("export"), db)).out, before);

        const Run dup = engine(store(QStringLiteral("import"), db, { path("good.json") }));
        QCOMPARE(dup.code, 1);
        QVERIFY2(dup.err.contains(QStringLiteral("customers[0].id: 'C-1' already exists")), qPrintable(dup.err));
        write(path("changed.json"), R"({"customers": [{"id": "C-1", "name": "Asha Rao", "phone": "9812345678", "country": "IN", "colour": "red"}]})");
        const Run replaced = engine(store(QStringLiteral("import"), db, { QStringLiteral("--replace"), path("changed.json") }));
        QVERIFY2(replaced.code == 0, qPrintable(replaced.err));
        QVERIFY2(replaced.err.contains(QStringLiteral("warning: customers[0].colour: unknown key, ignored")), qPrintable(replaced.err));
        QVERIFY(engine(store(QStringLiteral("export"), db)).out.contains("\"name\": \"Asha Rao\""));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString db = m_dir.filePath(QStringLiteral("usage.db"));
        QTest::addRow("no subcommand") << QStringList{ QStringLiteral("store") } << 2 << "say what to do";
        QTest::addRow("unknown subcommand") << store(QStringLiteral("frobnicate"), db) << 2 << "unknown subcommand 'frobnicate'";
        QTest::addRow("import without file") << store(QStringLiteral("import"), db) << 2 << "exactly one FILE";
        QTest::addRow("bad seed") << store(QStringLiteral("init"), db, { QStringLiteral("--seed"), QStringLiteral("abc") })
                                  << 2 << "--seed: 'abc'";
        QTest::addRow("bad now") << store(QStringLiteral("init"), db, { QStringLiteral("--now"), QStringLiteral("soon") })
                                 << 2 << "--now: 'soon'";
        QTest::addRow("unknown option") << store(QStringLiteral("export"), db, { QStringLiteral("--colour") }) << 2 << "colour";
        QTest::addRow("no db") << QStringList{ QStringLiteral("store"), QStringLiteral("stats") } << 2 << "--db PATH is required";
        QTest::addRow("missing file") << store(QStringLiteral("import"), db, { m_dir.filePath(QStringLiteral("nope.json")) })
                                      << 1 << "cannot read";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const Run r = engine(args);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void helpSucceeds()
    {
        const Run r = engine({ QStringLiteral("store"), QStringLiteral("--help") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("init"));
        QCOMPARE(engine({ QStringLiteral("store"), QStringLiteral("import"), QStringLiteral("--help") }).code, 0);
    }
};

QTEST_GUILESS_MAIN(TestStoreCli)
#include "tst_storecli.moc"
