// Campaign leases across engines sharing one database (EngineRegistry): an engine that stops
// beating loses its unplaced leases to the others long before they run out, and may not send once
// its last beat no longer outlasts the send margin; an engine that stops gives back what it holds.
#include "campaignfixture.h"

#include "campaigns/callqueue.h"
#include "storage/engineregistry.h"

#include <QSet>

using namespace ringside;
using namespace ringside::campaigns;
using ringside::test::at;
using ringside::test::CampaignStore;

namespace {

// `n` COD calls due from `firstDue` a second apart, to numbers from `firstPhone` on.
void scheduleCalls(CampaignStore &s, const QString &keyPrefix, int n, qint64 firstPhone, const QDateTime &firstDue, const QDateTime &now)
{
    for (int i = 0; i < n; ++i) {
        ScheduledCall c;
        c.useCase = kCod;
        c.subjectKey = QStringLiteral("cod:%1-%2").arg(keyPrefix).arg(i);
        c.agent = QStringLiteral("cod-confirmation");
        c.phone = QStringLiteral("+9198%1").arg(firstPhone + i);
        c.timezone = QStringLiteral("Asia/Kolkata");
        c.dueAt = firstDue.addSecs(i);
        CallQueue(*s.db).schedule(c, now);
    }
}

void announce(EngineRegistry &engines, const QString &id, qint64 deadAfterMs, const QDateTime &now)
{
    EngineInfo e;
    e.id = id;
    e.deadAfterMs = deadAfterMs;
    engines.announce(e, now);
}

} // namespace

class TestEngineLeases : public QObject
{
    Q_OBJECT
private slots:
    void aDeadEnginesLeasesReturnToTheQueue()
    {
        // Two engines share the queue, each claiming under its own id. Engine A stops beating; B,
        // looking for the dead as its dialer does every pass, ends A's leases, not its own, and
        // takes A's calls over; a call A had already placed stays A's.
        CampaignStore s;
        const QDateTime t = at("2026-11-26T12:00:00+05:30");
        scheduleCalls(s, QStringLiteral("ENG"), 6, 20000000, t.addSecs(-60), t);
        const QString a = QStringLiteral("node-a:101-0a0a0a0a"), b = QStringLiteral("node-b:202-0b0b0b0b");
        EngineRegistry engines(*s.db);
        for (const QString &id : { a, b })
            announce(engines, id, 45000, t); // EnginePresence::kDeadAfterMs
        CallQueue q(*s.db);
        const std::vector<ScheduledCall> mine = q.claimDue(t, a, 120, 3, {});
        const std::vector<ScheduledCall> theirs = q.claimDue(t, b, 120, 3, {});
        QCOMPARE(int(mine.size()), 3);
        QCOMPARE(int(theirs.size()), 3);
        QVERIFY(q.recordPlaced(mine[0].id, mine[0].leaseGen, QStringLiteral("twilio"), QStringLiteral("CA-A0"), QStringLiteral("queued"), t));
        // Both alive: each holds its leases, nothing has run out, nobody is dead.
        QVERIFY(q.holdsLease(mine[1].id, mine[1].leaseGen, t, 30000, a));
        QVERIFY(q.holdsLease(theirs[0].id, theirs[0].leaseGen, t, 30000, b));
        QVERIFY(engines.markDead(t.addSecs(20)).isEmpty());
        // B beats, A does not. Once A's last beat no longer keeps it alive for the 30 s margin, A
        // may not send (it could be taken for dead before the provider answers), while its lease
        // alone would still allow it; just before that it still may.
        QVERIFY(engines.heartbeat(b, t.addSecs(25)));
        QVERIFY(q.holdsLease(mine[1].id, mine[1].leaseGen, t.addMSecs(14999), 30000, a));
        QVERIFY(!q.holdsLease(mine[1].id, mine[1].leaseGen, t.addSecs(15), 30000, a));
        QVERIFY(q.holdsLease(mine[1].id, mine[1].leaseGen, t.addSecs(15), 30000)); // the lease itself
        QVERIFY(q.holdsLease(theirs[0].id, theirs[0].leaseGen, t.addSecs(15), 30000, b));
        // Why not, in the words the dialer records: the beat, not the lease.
        QCOMPARE(q.checkLease(mine[1].id, mine[1].leaseGen, t.addSecs(15), 30000, a), CallQueue::LeaseCheck::EngineBeatLate);
        QCOMPARE(q.checkLease(mine[1].id, mine[1].leaseGen, t.addSecs(91), 30000), CallQueue::LeaseCheck::Short);
        QCOMPARE(q.checkLease(mine[1].id, mine[1].leaseGen + 1, t, 30000, a), CallQueue::LeaseCheck::Gone);
        QCOMPARE(q.checkLease(mine[0].id, mine[0].leaseGen, t, 30000, a), CallQueue::LeaseCheck::Gone); // placed

        QVERIFY(engines.markDead(t.addSecs(45)).isEmpty()); // exactly at A's limit: not yet
        const QDateTime later = t.addSecs(46); // long before the 120 s leases run out
        QVERIFY(q.expiredLeases(later, 10).empty());
        const QStringList dead = engines.markDead(later);
        QCOMPARE(dead, QStringList{ a });
        QCOMPARE(q.endLeasesOf(a, later.addMSecs(-1), QStringLiteral("engine %1 stopped beating").arg(a), later), 2);
        QCOMPARE(q.endLeasesOf(a, later.addMSecs(-1), QString(), later), 0); // once
        std::vector<ScheduledCall> back = q.expiredLeases(later, 10);
        QCOMPARE(int(back.size()), 2);
        QSet<qint64> backIds;
        for (const ScheduledCall &c : back)
            backIds << c.id;
        QCOMPARE(backIds, (QSet<qint64>{ mine[1].id, mine[2].id }));
        QCOMPARE(q.byId(mine[0].id)->providerCallId, QStringLiteral("CA-A0")); // placed: not A's to lose
        QVERIFY(engines.heartbeat(b, later)); // B keeps beating
        for (ScheduledCall &c : back)
            QVERIFY(q.takeOverLease(c, b, later, 120));
        for (const ScheduledCall &c : back) {
            QVERIFY(!q.holdsLease(c.id, c.leaseGen - 1, later, 30000, a)); // A's generation is gone
            QVERIFY(q.holdsLease(c.id, c.leaseGen, later, 30000, b));
        }
        for (const ScheduledCall &c : theirs)
            QVERIFY(q.holdsLease(c.id, c.leaseGen, later, 30000, b)); // B's own leases untouched
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM campaign_events WHERE kind = 'lease_ended'")), qint64(2));
    }

    void aStoppingEngineReleasesItsLeases()
    {
        // Draining: the engine may place nothing more; a lease it still holds on a call it sent
        // (no call id back yet) ends after the send margin; a claimed call it never sent is due
        // again at once.
        CampaignStore s;
        const QDateTime t = at("2026-11-26T12:00:00+05:30");
        scheduleCalls(s, QStringLiteral("DRAIN"), 2, 30000000, t.addSecs(-10), t);
        const QString a = QStringLiteral("node-a:101-0c0c0c0c");
        EngineRegistry engines(*s.db);
        announce(engines, a, 30000, t);
        CallQueue q(*s.db);
        const std::vector<ScheduledCall> claimed = q.claimDue(t, a, 120, 2, {});
        QCOMPARE(int(claimed.size()), 2);
        engines.setState(a, engine_state::draining, t.addSecs(1));
        for (const ScheduledCall &c : claimed) {
            QVERIFY(!q.holdsLease(c.id, c.leaseGen, t.addSecs(1), 30000, a)); // nothing more goes out
            // …because the engine is stopping, not because the lease ran short (120 s left).
            QCOMPARE(q.checkLease(c.id, c.leaseGen, t.addSecs(1), 30000, a), CallQueue::LeaseCheck::EngineStopping);
        }
        const ScheduledCall &unsent = claimed[0], &sent = claimed[1];
        QVERIFY(q.reschedule(unsent.id, unsent.dueAt, QString(), QStringLiteral("stopped before placing it"), t.addSecs(1), unsent.leaseGen));
        QCOMPARE(q.endLeasesOf(a, t.addSecs(31), QStringLiteral("stopped while placing it"), t.addSecs(1)), 1);
        QCOMPARE(q.byId(unsent.id)->status, kScheduled);
        QCOMPARE(q.byId(sent.id)->leaseUntil, t.addSecs(31));
        QVERIFY(q.expiredLeases(t.addSecs(30), 10).empty());
        QCOMPARE(int(q.expiredLeases(t.addSecs(32), 10).size()), 1);
        // The unsent call is claimed again at once by whoever comes next.
        const auto again = q.claimDue(t.addSecs(2), QStringLiteral("node-b:202-0d0d0d0d"), 120, 5, {});
        QCOMPARE(int(again.size()), 1);
        QCOMPARE(again.front().id, unsent.id);
    }

    void markingDeadAndEndingItsLeasesIsOneTransaction()
    {
        // The dialer ends a dead engine's leases inside the transaction that marks it dead. When
        // that fails half-way (here: an error after its leases were ended), nothing of it stays:
        // the engine is not dead and still holds its leases, so the next pass does it all again —
        // never a dead engine whose leases nobody will end.
        CampaignStore s;
        const QDateTime t = at("2026-11-26T12:00:00+05:30");
        scheduleCalls(s, QStringLiteral("ATOM"), 3, 40000000, t.addSecs(-10), t);
        const QString a = QStringLiteral("node-a:101-0e0e0e0e");
        EngineRegistry engines(*s.db);
        announce(engines, a, 30000, t);
        CallQueue q(*s.db);
        QCOMPARE(int(q.claimDue(t, a, 120, 3, {}).size()), 3);
        const QDateTime later = t.addSecs(31);
        const QString detail = QStringLiteral("engine %1 stopped beating").arg(a);
        auto release = [&](const QSqlDatabase &db, const QString &dead) { q.endLeasesOf(db, dead, later.addMSecs(-1), detail, later); };

        QVERIFY_THROWS_EXCEPTION(StorageError, engines.markDead(later, [&](const QSqlDatabase &db, const QString &dead) {
            QCOMPARE(q.endLeasesOf(db, dead, later.addMSecs(-1), detail, later), 3);
            throw StorageError(QStringLiteral("the connection dropped"));
        }));
        QCOMPARE(engines.byId(a)->state, engine_state::running);
        QVERIFY(q.expiredLeases(later, 10).empty());
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM campaign_events WHERE kind = 'lease_ended'")), qint64(0));

        QCOMPARE(engines.markDead(later, release), QStringList{ a });
        QCOMPARE(engines.byId(a)->state, engine_state::dead);
        QCOMPARE(int(q.expiredLeases(later, 10).size()), 3);
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM campaign_events WHERE kind = 'lease_ended'")), qint64(3));
        QVERIFY(engines.markDead(later.addSecs(1), release).isEmpty()); // handed out once
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM campaign_events WHERE kind = 'lease_ended'")), qint64(3));
    }
};

QTEST_GUILESS_MAIN(TestEngineLeases)
#include "tst_engineleases.moc"
