#include "commerce/fixtureexporter.h"
#include "commerce/fixtureimporter.h"
#include "storetestutil.h"

using namespace ringside;
using namespace ringside::commerce;
using namespace ringside::testing;

class TestFixtureRoundTrip : public QObject
{
    Q_OBJECT
private slots:
    // data/store.json is written in the export's own layout: importing it and exporting the store
    // must give the file back byte for byte (times in each customer's zone, amounts with 2 decimals,
    // nulls and optional keys where they were).
    void importThenExportGivesTheSameFile()
    {
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        const ImportReport report = importData(*db, "store.json");
        QVERIFY2(report.ok, qPrintable(report.errors.join(QLatin1Char('\n'))));
        const QByteArray exported = exportFixture(*db);
        const QByteArray golden = readData("store.json");
        if (exported != golden) {
            QFile out(dir.filePath(QStringLiteral("exported.json")));
            out.open(QIODevice::WriteOnly);
            out.write(exported);
            dir.setAutoRemove(false);
            QFAIL(qPrintable(QStringLiteral("export differs from the golden file; see %1").arg(out.fileName())));
        }
    }

    void exportOfAnExportIsStable()
    {
        QTemporaryDir dir;
        auto first = openDatabase(dir, "a.db");
        QVERIFY(importData(*first, "baseline.json").ok);
        const QByteArray once = exportFixture(*first);
        auto second = openDatabase(dir, "b.db");
        const ImportReport report = FixtureImporter(*second).importText(once);
        QVERIFY2(report.ok, qPrintable(report.errors.join(QLatin1Char('\n'))));
        QCOMPARE(exportFixture(*second), once);
        // The export spells out what the sparse baseline left to defaults.
        const json doc = json::parse(once.toStdString());
        QVERIFY(doc["customers"][0]["type"] == "consumer");
        QVERIFY(doc["orders"][0]["delivered_at"].is_null());
        QVERIFY(doc["settings"]["returnWindowDays"] == 7);
        QVERIFY(once.contains("\"total\": 799.00"));
    }
};

QTEST_GUILESS_MAIN(TestFixtureRoundTrip)
#include "tst_fixtureroundtrip.moc"
