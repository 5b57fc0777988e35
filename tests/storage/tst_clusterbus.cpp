// Events between engines through PostgreSQL's LISTEN/NOTIFY (ClusterBus): another engine hears a
// small event inline and a large one (over the 8000-byte payload limit) through its reference
// row, the sender does not hear itself, a channel nobody listens on reaches nobody; on SQLite
// the bus is off and publishing does nothing.
#include "storage/clusterbus.h"
#include "storage/database.h"
#include "storage/sqlutil.h"
#include "testdatabase.h"

#include "util/jsonqt.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ringside;
using ringside::testing::freshTestDatabase;
using ringside::testing::openTestDatabase;

class TestClusterBus : public QObject
{
    Q_OBJECT
private slots:
    void enginesHearEachOther()
    {
        QTemporaryDir dir;
        QString error;
        auto dbA = openTestDatabase(dir.filePath(QStringLiteral("c.db")), &error);
        QVERIFY2(dbA, qPrintable(error));
        auto dbB = Database::open(freshTestDatabase(dir.filePath(QStringLiteral("c.db"))), &error);
        QVERIFY2(dbB, qPrintable(error));
        ClusterBus a(*dbA, QStringLiteral("engine-a")), b(*dbB, QStringLiteral("engine-b"));
        if (!ringside::testing::testingPostgres()) {
            QVERIFY(!a.isAvailable());
            QVERIFY(!b.listen(QStringLiteral("ringside_monitor")));
            a.publish(QStringLiteral("ringside_monitor"), R"({"type":"call_started"})"); // nothing, no error
            return;
        }
        QVERIFY(a.isAvailable());
        QVERIFY(a.listen(QStringLiteral("ringside_monitor")));
        QVERIFY(b.listen(QStringLiteral("ringside_monitor")));
        QSignalSpy heardByA(&a, &ClusterBus::received), heardByB(&b, &ClusterBus::received);

        const json small = { { "type", "transcript" }, { "call_id", "CA1" }, { "text", "मेरा ऑर्डर कहाँ है?" } };
        a.publish(QStringLiteral("ringside_monitor"), QByteArray::fromStdString(small.dump()));
        QVERIFY(heardByB.wait(10000));
        QCOMPARE(heardByB.at(0).at(0).toString(), QStringLiteral("ringside_monitor"));
        QCOMPARE(heardByB.at(0).at(1).toString(), QStringLiteral("engine-a"));
        QVERIFY(json::parse(heardByB.at(0).at(2).toByteArray().toStdString()) == small);

        // Far over the 8000-byte limit: the notification names a row; B reads the whole event.
        json large = { { "type", "call_record" }, { "call_id", "CA2" }, { "turns", json::array() } };
        for (int i = 0; i < 400; ++i)
            large["turns"].push_back({ { "n", i }, { "text", "the customer asked where the parcel is, turn " + std::to_string(i) } });
        const QByteArray largeText = QByteArray::fromStdString(large.dump());
        QVERIFY(largeText.size() > 8000);
        a.publish(QStringLiteral("ringside_monitor"), largeText);
        QVERIFY(QTest::qWaitFor([&] { return heardByB.size() == 2; }, 10000));
        QVERIFY(json::parse(heardByB.at(1).at(2).toByteArray().toStdString()) == large);
        QSqlQuery rows = execOrThrow(dbA->connection(), QStringLiteral("SELECT COUNT(*) FROM cluster_events"));
        QVERIFY(rows.next());
        QCOMPARE(rows.value(0).toLongLong(), qint64(1)); // the small one went inline

        // B answers; A hears B and never its own two events. A channel nobody listens on reaches nobody.
        b.publish(QStringLiteral("ringside_monitor"), R"({"type":"ack"})");
        b.publish(QStringLiteral("ringside_other"), R"({"type":"elsewhere"})");
        QVERIFY(heardByA.wait(10000));
        QTest::qWait(300);
        QCOMPARE(heardByA.size(), 1);
        QCOMPARE(heardByA.at(0).at(1).toString(), QStringLiteral("engine-b"));
        QCOMPARE(heardByB.size(), 2);

        // Not a JSON object: refused before anything is sent.
        QVERIFY_THROWS_EXCEPTION(StorageError, a.publish(QStringLiteral("ringside_monitor"), "[1,2]"));
    }
};

QTEST_GUILESS_MAIN(TestClusterBus)
#include "tst_clusterbus.moc"
