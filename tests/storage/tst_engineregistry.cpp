// The engines table: announcing, beating, draining and stopping; an engine that stops beating is
// found dead after its own dead-after time, by exactly one of the engines looking at once; a
// dead engine that beats again is back; lease owners are matched by id without prefix mix-ups.
#include "storage/database.h"
#include "storage/enginepresence.h"
#include "storage/engineregistry.h"
#include "storage/sqldialect.h"
#include "storage/sqlutil.h"
#include "testdatabase.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace ringside;
using ringside::testing::freshTestDatabase;
using ringside::testing::openTestDatabase;

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

EngineInfo engine(const QString &id, qint64 deadAfterMs = 30000)
{
    EngineInfo e;
    e.id = id;
    e.address = QStringLiteral("http://10.0.0.5:8080");
    e.host = QStringLiteral("node-a");
    e.pid = 4242;
    e.deadAfterMs = deadAfterMs;
    return e;
}

} // namespace

class TestEngineRegistry : public QObject
{
    Q_OBJECT
private slots:
    void announceBeatDrainStop()
    {
        QTemporaryDir dir;
        QString error;
        auto db = openTestDatabase(dir.filePath(QStringLiteral("e.db")), &error);
        QVERIFY2(db, qPrintable(error));
        EngineRegistry r(*db);
        const QDateTime t = at("2026-11-26T06:30:00Z");
        r.announce(engine(QStringLiteral("node-a:4242-0000beef")), t);
        auto row = r.byId(QStringLiteral("node-a:4242-0000beef"));
        QVERIFY(row);
        QCOMPARE(row->state, engine_state::running);
        QCOMPARE(row->address, QStringLiteral("http://10.0.0.5:8080"));
        QCOMPARE(row->host, QStringLiteral("node-a"));
        QCOMPARE(row->pid, qint64(4242));
        QCOMPARE(row->startedAt, t);
        QCOMPARE(row->heartbeatAt, t);
        QCOMPARE(row->deadAfterMs, qint64(30000));
        QVERIFY(!row->stoppedAt.isValid());

        QVERIFY(r.heartbeat(QStringLiteral("node-a:4242-0000beef"), t.addSecs(5)));
        QCOMPARE(r.byId(QStringLiteral("node-a:4242-0000beef"))->heartbeatAt, t.addSecs(5));
        QVERIFY(!r.heartbeat(QStringLiteral("nobody"), t.addSecs(5))); // no row: the caller announces again

        r.setState(QStringLiteral("node-a:4242-0000beef"), engine_state::draining, t.addSecs(6));
        QCOMPARE(r.byId(QStringLiteral("node-a:4242-0000beef"))->state, engine_state::draining);
        QVERIFY(r.heartbeat(QStringLiteral("node-a:4242-0000beef"), t.addSecs(7)));
        QCOMPARE(r.byId(QStringLiteral("node-a:4242-0000beef"))->state, engine_state::draining); // a beat does not undo draining
        r.setState(QStringLiteral("node-a:4242-0000beef"), engine_state::stopped, t.addSecs(8));
        row = r.byId(QStringLiteral("node-a:4242-0000beef"));
        QCOMPARE(row->state, engine_state::stopped);
        QCOMPARE(row->stoppedAt, t.addSecs(8));
        // A stopped engine is never taken for dead, however long ago it stopped.
        QVERIFY(r.markDead(t.addSecs(3600)).isEmpty());
        QCOMPARE(int(r.engines().size()), 1);
        // A week on, the next engine to start clears the row away; a younger one stays.
        r.announce(engine(QStringLiteral("node-b:1-0000cafe")), t.addDays(6));
        QCOMPARE(int(r.engines().size()), 2);
        r.setState(QStringLiteral("node-b:1-0000cafe"), engine_state::stopped, t.addDays(6));
        r.announce(engine(QStringLiteral("node-c:1-0000f00d")), t.addDays(7).addSecs(9));
        QVERIFY(!r.byId(QStringLiteral("node-a:4242-0000beef")));
        QVERIFY(r.byId(QStringLiteral("node-b:1-0000cafe")));
    }

    void deadAfterItsOwnTimeoutOnly()
    {
        QTemporaryDir dir;
        QString error;
        auto db = openTestDatabase(dir.filePath(QStringLiteral("d.db")), &error);
        QVERIFY2(db, qPrintable(error));
        EngineRegistry r(*db);
        const QDateTime t = at("2026-11-26T06:30:00Z");
        r.announce(engine(QStringLiteral("a"), 30000), t);
        r.announce(engine(QStringLiteral("b"), 60000), t);
        r.announce(engine(QStringLiteral("c"), 30000), t);
        QVERIFY(r.heartbeat(QStringLiteral("c"), t.addSecs(25)));
        QVERIFY(r.markDead(t.addSecs(30)).isEmpty()); // exactly at the limit: not yet
        QCOMPARE(r.markDead(t.addMSecs(30001)), QStringList{ QStringLiteral("a") });
        QVERIFY(r.markDead(t.addMSecs(30002)).isEmpty()); // handed out once
        QCOMPARE(r.byId(QStringLiteral("a"))->state, engine_state::dead);
        QCOMPARE(r.byId(QStringLiteral("a"))->stoppedAt, t.addMSecs(30001));
        QCOMPARE(r.markDead(t.addSecs(61)), (QStringList{ QStringLiteral("b"), QStringLiteral("c") }));
        // A dead engine that beats again (it was only stalled) is running again.
        QVERIFY(r.heartbeat(QStringLiteral("a"), t.addSecs(62)));
        QCOMPARE(r.byId(QStringLiteral("a"))->state, engine_state::running);
        QVERIFY(!r.byId(QStringLiteral("a"))->stoppedAt.isValid());
        QVERIFY(r.markDead(t.addSecs(62)).isEmpty());
    }

    void manyEnginesMarkEachDeadOneOnce()
    {
        // Four engines (each its own database connection, as processes would be) look for the dead at once.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.db"));
        QString error;
        auto db = openTestDatabase(path, &error);
        QVERIFY2(db, qPrintable(error));
        const QDateTime t = at("2026-11-26T06:30:00Z");
        for (int i = 0; i < 40; ++i)
            EngineRegistry(*db).announce(engine(QStringLiteral("dead-%1").arg(i)), t);
        EngineRegistry(*db).announce(engine(QStringLiteral("alive")), t.addSecs(60));
        std::atomic<int> ready{ 0 };
        QStringList found[4];
        QList<QThread *> threads;
        for (int who = 0; who < 4; ++who) {
            threads << QThread::create([&, who] {
                QString e;
                auto mine = Database::open(freshTestDatabase(path), &e);
                ++ready;
                while (ready.load() < 4)
                    QThread::yieldCurrentThread();
                for (int round = 0; round < 5; ++round)
                    found[who] += EngineRegistry(*mine).markDead(t.addSecs(61 + round));
            });
            threads.last()->start();
        }
        for (QThread *th : threads) {
            QVERIFY(th->wait(60000));
            delete th;
        }
        QStringList all;
        for (const QStringList &f : found)
            all += f;
        QCOMPARE(all.size(), 40);
        QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), 40);
        QVERIFY(!all.contains(QStringLiteral("alive")));
    }

    void leaseOwnersMatchTheirEngineOnly()
    {
        QTemporaryDir dir;
        QString error;
        auto db = openTestDatabase(dir.filePath(QStringLiteral("o.db")), &error);
        QVERIFY2(db, qPrintable(error));
        const QSqlDatabase c = db->connection();
        sqldialect::control(c, QStringLiteral("CREATE TEMP TABLE owners (owner TEXT)")); // DDL: not prepared (QPSQL cannot)
        for (const char *o : { "h:1-a", "h:1-a#3.ff", "h:1-ab#1.00", "h:1-a2", "x-h:1-a#1.0", "h:1-a%#1.0" })
            execOrThrow(c, QStringLiteral("INSERT INTO owners VALUES (?)"), QString::fromLatin1(o));
        QSqlQuery q(c);
        QVERIFY(q.prepare(QStringLiteral("SELECT owner FROM owners WHERE ") + EngineRegistry::ownedBy(QStringLiteral("owner")) + QStringLiteral(" ORDER BY owner")));
        for (const QVariant &v : EngineRegistry::ownedByValues(QStringLiteral("h:1-a")))
            q.addBindValue(v);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QStringList owners;
        while (q.next())
            owners << q.value(0).toString();
        QCOMPARE(owners, (QStringList{ QStringLiteral("h:1-a"), QStringLiteral("h:1-a#3.ff") }));
    }

    void presenceBeatsOnItsOwnThreadAndStops()
    {
        QTemporaryDir dir;
        QString error;
        auto db = openTestDatabase(dir.filePath(QStringLiteral("p.db")), &error);
        QVERIFY2(db, qPrintable(error));
        EngineInfo self;
        self.address = QStringLiteral("http://127.0.0.1:9000");
        EnginePresence presence(*db, self, Clock(), 50);
        QVERIFY(!presence.self().id.isEmpty());
        QVERIFY(!presence.self().id.contains(QLatin1Char('#')));
        QVERIFY(newEngineId() != newEngineId());
        presence.start();
        EngineRegistry r(*db);
        const auto first = r.byId(presence.self().id);
        QVERIFY(first);
        QCOMPARE(first->state, engine_state::running);
        QCOMPARE(first->pid, QCoreApplication::applicationPid());
        QCOMPARE(first->deadAfterMs, EnginePresence::kDeadAfterMs);
        QVERIFY(QTest::qWaitFor([&] { return r.byId(presence.self().id)->heartbeatAt > first->heartbeatAt; }, 10000));
        // A beat that finds its row removed puts it back.
        execOrThrow(db->connection(), QStringLiteral("DELETE FROM engines WHERE id = ?"), presence.self().id);
        QVERIFY(QTest::qWaitFor([&] { return r.byId(presence.self().id).has_value(); }, 10000));
        presence.drain();
        QCOMPARE(r.byId(presence.self().id)->state, engine_state::draining);
        presence.stop();
        const auto last = r.byId(presence.self().id);
        QCOMPARE(last->state, engine_state::stopped);
        QVERIFY(last->stoppedAt.isValid());
        QTest::qWait(200); // no beat after stop
        QCOMPARE(r.byId(presence.self().id)->heartbeatAt, last->heartbeatAt);
    }
};

QTEST_GUILESS_MAIN(TestEngineRegistry)
#include "tst_engineregistry.moc"
