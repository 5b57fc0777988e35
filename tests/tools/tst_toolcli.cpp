// `ringside-engine tool` as a user runs it: every tool once, the exit codes, --now, --list.
#include "commerce/fixtureimporter.h"
#include "storage/database.h"
#include "tools/toolcatalogue.h"
#include "util/jsonqt.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ringside;

namespace {

const QString kNow = QStringLiteral("2026-11-26T10:00:00+05:30");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run engine(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine"), args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

bool subset(const json &actual, const json &expected)
{
    if (expected.is_object()) {
        if (!actual.is_object())
            return false;
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            if (!actual.contains(it.key()) || !subset(actual.at(it.key()), it.value()))
                return false;
        }
        return true;
    }
    if (expected.is_number() && actual.is_number())
        return expected.get<double>() == actual.get<double>();
    return actual == expected;
}

} // namespace

class TestToolCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // A fresh copy of the fixture store per call, so rows do not see each other's writes.
    QString freshStore()
    {
        static int n = 0;
        const QString path = m_dir.filePath(QStringLiteral("store%1.db").arg(++n));
        QString error;
        auto db = Database::open(path, &error);
        if (!db)
            return {};
        const auto report = commerce::FixtureImporter(*db).importFile(QStringLiteral(RINGSIDE_TEST_DIR "/fixtures/toolstore.json"));
        return report.ok ? path : QString();
    }

private slots:
    void calls_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exit");
        QTest::addColumn<QString>("expected");
        QFile f(QStringLiteral(RINGSIDE_TEST_DIR "/cases/cli.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        for (const json &c : json::parse(f.readAll().toStdString())) {
            QStringList args;
            for (const json &a : c.at("args"))
                args << qs(a.get<std::string>());
            QTest::addRow("%s", c.at("name").get<std::string>().c_str())
                    << args << c.at("exit").get<int>() << qs(c.at("expected").dump());
        }
    }
    void calls()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exit);
        QFETCH(QString, expected);
        const QString db = freshStore();
        QVERIFY(!db.isEmpty());
        const Run r = engine(QStringList{ QStringLiteral("tool"), QStringLiteral("--db"), db, QStringLiteral("--now"), kNow } + args);
        QVERIFY2(r.exitCode == exit, qPrintable(QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.exitCode).arg(r.out, r.err)));
        // One JSON document on stdout, whatever the outcome.
        const json result = json::parse(r.out.toStdString(), nullptr, false);
        QVERIFY2(!result.is_discarded(), qPrintable(r.out));
        QVERIFY2(subset(result, json::parse(expected.toStdString())), qPrintable(r.out));
    }

    void everyToolWasTried()
    {
        QFile f(QStringLiteral(RINGSIDE_TEST_DIR "/cases/cli.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QStringList tried;
        for (const json &c : json::parse(f.readAll().toStdString())) {
            for (const json &a : c.at("args"))
                tried << qs(a.get<std::string>());
        }
        for (const QString &name : toolNames())
            QVERIFY2(tried.contains(name), qPrintable(name));
    }

    void nowIsHonoured()
    {
        const QString db = freshStore();
        QVERIFY(!db.isEmpty());
        const Run r = engine({ QStringLiteral("tool"), QStringLiteral("--db"), db, QStringLiteral("--now"),
                               QStringLiteral("2026-11-26T17:30:00+05:30"), QStringLiteral("get_abandoned_cart"),
                               QStringLiteral(R"({"customer_id":"CUST-1003"})") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(json::parse(r.out.toStdString()).at("abandoned_hours_ago").get<double>(), 10.0);
    }

    void prettyPrints()
    {
        const QString db = freshStore();
        const Run r = engine({ QStringLiteral("tool"), QStringLiteral("--db"), db, QStringLiteral("--pretty"), QStringLiteral("end_call") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("\n  \"ended\": true")));
    }

    void usageErrors()
    {
        const QString db = freshStore();
        QCOMPARE(engine({ QStringLiteral("tool"), QStringLiteral("get_order_status"), QStringLiteral("{}") }).exitCode, 2); // no --db
        const Run noName = engine({ QStringLiteral("tool"), QStringLiteral("--db"), db });
        QCOMPARE(noName.exitCode, 2);
        QVERIFY2(noName.err.contains(QStringLiteral("NAME")), qPrintable(noName.err));
        const Run badNow = engine({ QStringLiteral("tool"), QStringLiteral("--db"), db, QStringLiteral("--now"), QStringLiteral("soon"),
                                    QStringLiteral("end_call") });
        QCOMPARE(badNow.exitCode, 2);
        QVERIFY2(badNow.err.contains(QStringLiteral("--now")), qPrintable(badNow.err));
        QCOMPARE(engine({ QStringLiteral("tool"), QStringLiteral("--db"), db, QStringLiteral("end_call"), QStringLiteral("{}"),
                          QStringLiteral("extra") }).exitCode, 2);
    }

    void storeFailureExitsOne()
    {
        const QString db = freshStore();
        {
            QString error;
            auto open = Database::open(db, &error);
            QVERIFY(open);
            QSqlQuery q(open->connection());
            QVERIFY(q.exec(QStringLiteral("DROP TABLE offers")));
        }
        const Run r = engine({ QStringLiteral("tool"), QStringLiteral("--db"), db, QStringLiteral("check_available_offers"),
                               QStringLiteral(R"({"cart_id":"CART-3001"})") });
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(qs(json::parse(r.out.toStdString()).at("error").at("code").get<std::string>()), QStringLiteral("internal"));
    }

    void listsTools()
    {
        const Run r = engine({ QStringLiteral("tool"), QStringLiteral("--list") });
        QCOMPARE(r.exitCode, 0);
        for (const QString &name : toolNames())
            QVERIFY2(r.out.contains(name + QLatin1Char(' ')), qPrintable(name));
    }
};

QTEST_GUILESS_MAIN(TestToolCli)
#include "tst_toolcli.moc"
