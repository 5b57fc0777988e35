// CallQueue's dialer side: claims, leases and the transitions of a claimed call.
#include "campaigns/callqueue.h"

#include "campaigns/queuerow.h"

#include "storage/database.h"
#include "storage/engineregistry.h"
#include "storage/sqldialect.h"
#include "storage/sqlutil.h"

#include <QAtomicInteger>
#include <QRandomGenerator>

namespace ringside::campaigns {

using namespace detail;

QString CallQueue::claimDueToken(const QDateTime &now, const QString &owner, int leaseSeconds, int limit, const QStringList &pausedUseCases,
                                 int *claimed)
{
    // Unique to this claim even when a restarted dialer gets a dead one's pid (its rows may still be
    // "dialing" under the old token): a counter for this process and a random part.
    static QAtomicInteger<quint64> counter;
    const QString token = QStringLiteral("%1#%2.%3").arg(owner).arg(counter.fetchAndAddRelaxed(1) + 1).arg(QRandomGenerator::global()->generate64(), 0, 16);
    *claimed = 0;
    if (limit <= 0)
        return token;
    const qint64 t = now.toMSecsSinceEpoch();
    const bool ok = m_db.transaction([&](QSqlDatabase &db) {
        // One statement: the rows due now (oldest first, paused use cases left) become this
        // claim's, under a lease and a new generation. The write lock makes it atomic across processes.
        QString pick = QStringLiteral("SELECT id FROM scheduled_calls WHERE status = 'scheduled' AND due_at <= ?");
        QVariantList binds{ text(token), t + qint64(leaseSeconds) * 1000, t, t, t };
        if (!pausedUseCases.isEmpty()) {
            QStringList marks;
            for (const QString &u : pausedUseCases) {
                marks << QStringLiteral("?");
                binds << u;
            }
            pick += QStringLiteral(" AND use_case NOT IN (%1)").arg(marks.join(QLatin1Char(',')));
        }
        pick += QStringLiteral(" ORDER BY due_at, id LIMIT ?") + sqldialect::forUpdateSkipLocked(db);
        binds << limit;
        QSqlQuery q(db);
        if (!q.prepare(QStringLiteral("UPDATE scheduled_calls SET status = 'dialing', lease_owner = ?, lease_until = ?, lease_gen = lease_gen + 1, "
                                      "claimed_at = ?, updated_at = ? WHERE id IN (%1)")
                               .arg(pick)))
            throw StorageError(q.lastError().text());
        for (const QVariant &b : binds)
            q.addBindValue(bindable(b));
        if (!q.exec())
            throw StorageError(q.lastError().text());
        *claimed = q.numRowsAffected();
        // The history keeps who picked each call up (the console shows it), in one statement too.
        if (*claimed > 0)
            execOrThrow(db, QStringLiteral("INSERT INTO campaign_events (scheduled_call_id, at, kind, reason, detail) "
                                           "SELECT id, CAST(? AS BIGINT), 'claimed', '', CAST(? AS TEXT) FROM scheduled_calls "
                                           "WHERE lease_owner = ? AND status = 'dialing'"),
                        t, text(owner), text(token));
        return true;
    });
    if (!ok)
        throw StorageError(QStringLiteral("could not claim due calls"));
    return token;
}

std::vector<ScheduledCall> CallQueue::claimDue(const QDateTime &now, const QString &owner, int leaseSeconds, int limit,
                                               const QStringList &pausedUseCases)
{
    int n = 0;
    const QString token = claimDueToken(now, owner, leaseSeconds, limit, pausedUseCases, &n);
    std::vector<ScheduledCall> claimed;
    if (n == 0)
        return claimed;
    claimed.reserve(std::size_t(n));
    QSqlQuery q = execOrThrow(m_db.connection(),
                              QStringLiteral("SELECT %1 FROM scheduled_calls WHERE lease_owner = ? AND status = 'dialing' ORDER BY due_at, id").arg(kColumns),
                              token);
    while (q.next())
        claimed.push_back(rowFrom(q));
    return claimed;
}

int CallQueue::settle(std::vector<Settlement> &items, const QDateTime &now)
{
    int changed = 0;
    if (items.empty())
        return 0;
    const qint64 t = now.toMSecsSinceEpoch();
    m_db.transaction([&](QSqlDatabase &db) {
        QSqlQuery skipQ(db), moveQ(db), eventQ(db);
        skipQ.prepare(QStringLiteral("UPDATE scheduled_calls SET status = 'skipped', reason = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? "
                                     "WHERE id = ? AND status = 'dialing' AND lease_gen = ? AND provider_call_id IS NULL"));
        moveQ.prepare(QStringLiteral("UPDATE scheduled_calls SET status = 'scheduled', due_at = ?, reason = ?, lease_owner = NULL, lease_until = NULL, "
                                     "updated_at = ? WHERE id = ? AND status = 'dialing' AND lease_gen = ? AND provider_call_id IS NULL"));
        eventQ.prepare(QStringLiteral("INSERT INTO campaign_events (scheduled_call_id, at, kind, reason, detail) VALUES (?,?,?,?,?)"));
        for (Settlement &s : items) {
            s.applied = false;
            QSqlQuery &q = s.moveTo.isValid() ? moveQ : skipQ;
            if (s.moveTo.isValid())
                q.addBindValue(s.moveTo.toMSecsSinceEpoch());
            for (const QVariant &v : { QVariant(text(s.reason)), QVariant(t), QVariant(s.id), QVariant(s.gen) })
                q.addBindValue(bindable(v));
            if (!q.exec())
                throw StorageError(q.lastError().text());
            if (q.numRowsAffected() != 1)
                continue;
            s.applied = true;
            ++changed;
            for (const QVariant &v : { QVariant(s.id), QVariant(t), QVariant(s.moveTo.isValid() ? QStringLiteral("rescheduled") : QStringLiteral("skipped")),
                                       QVariant(text(s.reason)), QVariant(text(s.detail)) })
                eventQ.addBindValue(bindable(v));
            if (!eventQ.exec())
                throw StorageError(eventQ.lastError().text());
        }
        return true;
    });
    return changed;
}

std::vector<ScheduledCall> CallQueue::expiredLeases(const QDateTime &now, int limit)
{
    QSqlQuery q = execOrThrow(m_db.connection(),
                              QStringLiteral("SELECT %1 FROM scheduled_calls WHERE status = 'dialing' AND provider_call_id IS NULL "
                                             "AND lease_until < ? ORDER BY lease_until LIMIT ?")
                                      .arg(kColumns),
                              now.toMSecsSinceEpoch(), limit);
    std::vector<ScheduledCall> out;
    while (q.next())
        out.push_back(rowFrom(q));
    return out;
}

bool CallQueue::takeOverLease(ScheduledCall &c, const QString &owner, const QDateTime &now, int leaseSeconds)
{
    bool taken = false;
    const qint64 t = now.toMSecsSinceEpoch();
    const qint64 until = t + qint64(leaseSeconds) * 1000;
    m_db.transaction([&](QSqlDatabase &db) {
        QSqlQuery q = execOrThrow(db, QStringLiteral("UPDATE scheduled_calls SET lease_owner = ?, lease_until = ?, lease_gen = lease_gen + 1, "
                                                     "updated_at = ? WHERE id = ? AND status = 'dialing' AND provider_call_id IS NULL "
                                                     "AND lease_gen = ? AND lease_until < ?"),
                                  text(owner), until, t, c.id, c.leaseGen, t);
        taken = q.numRowsAffected() == 1;
        if (taken)
            addEvent(db, c.id, QStringLiteral("lease_recovered"), QString(),
                     QStringLiteral("%1 took over the lease %2 left").arg(owner, c.leaseOwner), now);
        return true;
    });
    if (taken) {
        c.leaseOwner = owner;
        c.leaseGen += 1;
        c.leaseUntil = QDateTime::fromMSecsSinceEpoch(until, Qt::UTC);
    }
    return taken;
}

bool CallQueue::holdsLease(qint64 id, qint64 gen, const QDateTime &now, qint64 marginMs, const QString &engine)
{
    return checkLease(id, gen, now, marginMs, engine) == LeaseCheck::Held;
}

CallQueue::LeaseCheck CallQueue::checkLease(qint64 id, qint64 gen, const QDateTime &now, qint64 marginMs, const QString &engine)
{
    const qint64 horizon = now.toMSecsSinceEpoch() + marginMs;
    // One read: the lease and, when the engine is registered, its state and how long its last beat keeps it alive.
    QSqlQuery q = execOrThrow(m_db.connection(),
                              QStringLiteral("SELECT s.lease_until, e.state, e.heartbeat_at + e.dead_after_ms FROM scheduled_calls s "
                                             "LEFT JOIN engines e ON e.id = ? WHERE s.id = ? AND s.status = 'dialing' AND s.lease_gen = ? "
                                             "AND s.provider_call_id IS NULL"),
                              text(engine), id, gen);
    if (!q.next())
        return LeaseCheck::Gone;
    const QString state = q.value(1).toString();
    if (state == QLatin1String("draining") || state == QLatin1String("stopped"))
        return LeaseCheck::EngineStopping;
    if (state == QLatin1String("dead")) // taken for dead by the others: its leases are theirs now
        return LeaseCheck::EngineBeatLate;
    if (q.value(0).isNull() || q.value(0).toLongLong() <= horizon)
        return LeaseCheck::Short;
    if (!q.value(2).isNull() && q.value(2).toLongLong() <= horizon)
        return LeaseCheck::EngineBeatLate;
    return LeaseCheck::Held;
}

int CallQueue::endLeasesOf(const QString &engine, const QDateTime &until, const QString &detail, const QDateTime &now)
{
    int ended = 0;
    m_db.transaction([&](QSqlDatabase &db) {
        ended = endLeasesOf(db, engine, until, detail, now);
        return true;
    });
    return ended;
}

int CallQueue::endLeasesOf(const QSqlDatabase &db, const QString &engine, const QDateTime &until, const QString &detail, const QDateTime &now)
{
    const qint64 t = now.toMSecsSinceEpoch();
    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral("UPDATE scheduled_calls SET lease_until = ?, updated_at = ? WHERE status = 'dialing' AND provider_call_id IS NULL "
                                  "AND lease_until > ? AND ")
                   + EngineRegistry::ownedBy(QStringLiteral("lease_owner")) + QStringLiteral(" RETURNING id")))
        throw StorageError(q.lastError().text());
    for (const QVariant &v : QVariantList{ until.toMSecsSinceEpoch(), t, until.toMSecsSinceEpoch() } + EngineRegistry::ownedByValues(engine))
        q.addBindValue(bindable(v));
    if (!q.exec())
        throw StorageError(q.lastError().text());
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    q.finish();
    for (qint64 id : std::as_const(ids))
        addEvent(db, id, QStringLiteral("lease_ended"), QString(), detail, now);
    return int(ids.size());
}

bool CallQueue::recordPlaced(qint64 id, qint64 gen, const QString &provider, const QString &callId, const QString &status,
                             const QDateTime &now)
{
    bool fenced = false;
    const qint64 t = now.toMSecsSinceEpoch();
    const bool ok = m_db.transaction([&](QSqlDatabase &db) {
        // Written whatever happened to the lease: this call exists at the provider now.
        QSqlQuery q = execOrThrow(db, QStringLiteral("UPDATE scheduled_calls SET provider = ?, provider_call_id = ?, provider_status = ?, "
                                                     "placed_at = COALESCE(placed_at, ?), status = CASE WHEN status IN ('done','failed','skipped','cancelled') "
                                                     "THEN status ELSE 'dialing' END, updated_at = ? WHERE id = ? AND provider_call_id IS NULL"),
                                  text(provider), text(callId), text(status), t, t, id);
        fenced = q.numRowsAffected() == 1;
        QSqlQuery g = execOrThrow(db, QStringLiteral("SELECT lease_gen, provider_call_id FROM scheduled_calls WHERE id = ?"), id);
        const bool found = g.next();
        if (found && g.value(0).toLongLong() != gen)
            fenced = false;
        // A status callback that named this call first has adopted it and written its 'placed'
        // event already: the history keeps one per call.
        const bool adoptedAlready = !fenced && found && g.value(1).toString() == callId;
        if (!adoptedAlready)
            addEvent(db, id, QStringLiteral("placed"), QString(), QStringLiteral("%1 call %2 (%3)").arg(provider, callId, status), now);
        return true;
    });
    if (!ok)
        throw StorageError(QStringLiteral("could not record provider call %1 for scheduled call %2").arg(callId).arg(id));
    return fenced;
}

std::vector<ScheduledCall> CallQueue::unsettled(const QDateTime &placedBefore, int limit)
{
    QSqlQuery q = execOrThrow(m_db.connection(),
                              QStringLiteral("SELECT %1 FROM scheduled_calls WHERE status = 'dialing' AND provider_call_id IS NOT NULL "
                                             "AND placed_at < ? AND updated_at < ? ORDER BY placed_at LIMIT ?")
                                      .arg(kColumns),
                              placedBefore.toMSecsSinceEpoch(), placedBefore.toMSecsSinceEpoch(), limit);
    std::vector<ScheduledCall> out;
    while (q.next())
        out.push_back(rowFrom(q));
    return out;
}

namespace {

// The fence: with gen >= 0 only the lease holder of that generation may change the row.
QString fence(qint64 gen)
{
    return gen >= 0 ? QStringLiteral(" AND lease_gen = %1 AND provider_call_id IS NULL").arg(gen) : QString();
}

} // namespace

bool CallQueue::skip(qint64 id, const QString &reason, const QString &detail, const QDateTime &now, qint64 gen)
{
    bool changed = false;
    m_db.transaction([&](QSqlDatabase &db) {
        QSqlQuery q = execOrThrow(db, QStringLiteral("UPDATE scheduled_calls SET status = 'skipped', reason = ?, lease_owner = NULL, "
                                                     "lease_until = NULL, updated_at = ? WHERE id = ? AND status IN ('scheduled','dialing')")
                                              + fence(gen),
                                  text(reason), now.toMSecsSinceEpoch(), id);
        changed = q.numRowsAffected() == 1;
        if (changed)
            addEvent(db, id, QStringLiteral("skipped"), reason, detail, now);
        return true;
    });
    return changed;
}

bool CallQueue::reschedule(qint64 id, const QDateTime &due, const QString &reason, const QString &detail, const QDateTime &now, qint64 gen)
{
    bool changed = false;
    m_db.transaction([&](QSqlDatabase &db) {
        QSqlQuery q = execOrThrow(db, QStringLiteral("UPDATE scheduled_calls SET status = 'scheduled', due_at = ?, reason = ?, lease_owner = NULL, "
                                                     "lease_until = NULL, updated_at = ? WHERE id = ? AND status IN ('scheduled','dialing')")
                                              + fence(gen),
                                  due.toMSecsSinceEpoch(), text(reason), now.toMSecsSinceEpoch(), id);
        changed = q.numRowsAffected() == 1;
        if (changed)
            addEvent(db, id, QStringLiteral("rescheduled"), reason, detail, now);
        return true;
    });
    return changed;
}

bool CallQueue::fail(qint64 id, const QString &reason, const QString &detail, const QDateTime &now, qint64 gen)
{
    bool changed = false;
    m_db.transaction([&](QSqlDatabase &db) {
        QSqlQuery q = execOrThrow(db, QStringLiteral("UPDATE scheduled_calls SET status = 'failed', reason = ?, outcome = CASE WHEN outcome = '' "
                                                     "THEN 'failed' ELSE outcome END, lease_owner = NULL, lease_until = NULL, ended_at = COALESCE(ended_at, ?), "
                                                     "updated_at = ? WHERE id = ? AND status IN ('scheduled','dialing')")
                                              + fence(gen),
                                  text(reason), now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch(), id);
        changed = q.numRowsAffected() == 1;
        if (changed)
            addEvent(db, id, QStringLiteral("failed"), reason, detail, now);
        return true;
    });
    return changed;
}

bool CallQueue::cancel(qint64 id, const QString &reason, const QDateTime &now)
{
    bool changed = false;
    m_db.transaction([&](QSqlDatabase &db) {
        QSqlQuery q = execOrThrow(db, QStringLiteral("UPDATE scheduled_calls SET status = 'cancelled', reason = ?, updated_at = ? "
                                                     "WHERE id = ? AND status = 'scheduled'"),
                                  text(reason), now.toMSecsSinceEpoch(), id);
        changed = q.numRowsAffected() == 1;
        if (changed)
            addEvent(db, id, QStringLiteral("cancelled"), reason, QString(), now);
        return true;
    });
    return changed;
}

int CallQueue::skipAllFor(const QString &phone, const QString &reason, const QString &detail, const QDateTime &now)
{
    int n = 0;
    m_db.transaction([&](QSqlDatabase &db) {
        QSqlQuery ids = execOrThrow(db, QStringLiteral("SELECT id FROM scheduled_calls WHERE phone = ? AND status = 'scheduled'"), phone);
        QList<qint64> list;
        while (ids.next())
            list << ids.value(0).toLongLong();
        ids.finish();
        for (qint64 id : list) {
            execOrThrow(db, QStringLiteral("UPDATE scheduled_calls SET status = 'skipped', reason = ?, updated_at = ? WHERE id = ?"), text(reason),
                        now.toMSecsSinceEpoch(), id);
            addEvent(db, id, QStringLiteral("skipped"), reason, detail, now);
            ++n;
        }
        return true;
    });
    return n;
}

} // namespace ringside::campaigns
