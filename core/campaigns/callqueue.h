#pragma once
// The durable queue of outbound calls (scheduled_calls) and its history (campaign_events).
// Every change is one transaction, safe between threads and between processes sharing the
// database: claims take a lease with BEGIN IMMEDIATE (SQLite's write lock), so two dialers never
// claim the same row, and every later write on a claimed row is fenced by its lease generation.
// Database failures throw StorageError.

#include "campaigns/scheduledcall.h"

#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace ringside {
class Database;
}

namespace ringside::campaigns {

class CallQueue
{
public:
    explicit CallQueue(Database &db) : m_db(db) {}

    // Inserts the call unless its (subject_key, attempt) is already there; returns the new id,
    // or 0 when it existed (scheduling is idempotent). Logs a "scheduled" event.
    qint64 schedule(const ScheduledCall &call, const QDateTime &now, const QString &detail = QString());

    // The same inside a transaction the caller holds (no event is logged).
    qint64 insertWithin(const QSqlDatabase &db, const ScheduledCall &call, const QDateTime &now);

    std::optional<ScheduledCall> byId(qint64 id);
    std::optional<ScheduledCall> byId(const QSqlDatabase &db, qint64 id);
    // Whole rows of these calls, in due order (missing ids are left out).
    std::vector<ScheduledCall> byIds(const QList<qint64> &ids);
    std::optional<ScheduledCall> byProviderCallId(const QString &callId);
    std::optional<ScheduledCall> byProviderCallId(const QSqlDatabase &db, const QString &callId);
    bool subjectKnown(const QString &subjectKey);

    struct Filter
    {
        QString status;
        QString useCase;
        QString subjectKey;
        QString phone;
        QDateTime dueFrom;       // due_at >= (invalid: open)
        QDateTime dueTo;         // due_at <  (invalid: open)
        int limit = 0;           // 0: all
        qint64 after = 0;        // a page: the calls listed after this one (keyset, not OFFSET)
        bool newestFirst = false; // order by due_at descending
    };
    // In due order (due_at, id), a page at a time with `limit` and `after`: each page costs the
    // same however deep it is (an index walk from the previous page's last call).
    std::vector<ScheduledCall> list(const Filter &filter);
    qint64 count(const Filter &filter);
    // Counts per status (for the console's summary).
    std::vector<std::pair<QString, qint64>> countsByStatus(const QString &useCase = QString());
    // Every attempt of one trigger, in attempt order.
    std::vector<ScheduledCall> attempts(const QString &subjectKey);
    std::vector<CampaignEvent> events(qint64 scheduledCallId);

    // --- the dialer's side -----------------------------------------------------------------
    // Claims up to `limit` rows due at `now` (oldest first) whose use case is not paused: they
    // become "dialing" under a lease of `leaseSeconds`, generation bumped, owned by a token made
    // from `owner` for this claim alone (returned; *claimed says how many). One statement.
    QString claimDueToken(const QDateTime &now, const QString &owner, int leaseSeconds, int limit, const QStringList &pausedUseCases,
                          int *claimed);
    // The same, returning the claimed rows.
    std::vector<ScheduledCall> claimDue(const QDateTime &now, const QString &owner, int leaseSeconds, int limit,
                                        const QStringList &pausedUseCases);

    // Skips (moveTo invalid) and moves out of quiet hours for claimed calls, in one transaction,
    // each fenced by its lease generation and logged. Returns how many changed.
    struct Settlement
    {
        qint64 id = 0;
        qint64 gen = 0;
        QString reason;
        QString detail;
        QDateTime moveTo;
        bool applied = false; // set by settle(): false when the lease was lost meanwhile
    };
    int settle(std::vector<Settlement> &items, const QDateTime &now);
    // "dialing" rows whose lease ran out before a provider call id was recorded.
    std::vector<ScheduledCall> expiredLeases(const QDateTime &now, int limit);
    // Takes over an expired lease (new owner and generation); false when another dialer did first.
    bool takeOverLease(ScheduledCall &call, const QString &owner, const QDateTime &now, int leaseSeconds);
    // True while generation `gen` still holds the lease with at least `marginMs` to run — and,
    // when `engine` is registered (EngineRegistry), while that engine is running and its last beat
    // keeps it alive for at least the margin too (a lease of an engine taken for dead is not used).
    bool holdsLease(qint64 id, qint64 gen, const QDateTime &now, qint64 marginMs, const QString &engine = QString());
    // The same question, saying why a lease may not be used (the dialer records it).
    enum class LeaseCheck {
        Held,
        Gone,           // finished, moved on to another generation, or placed meanwhile
        Short,          // the lease itself ends within the margin
        EngineStopping, // `engine` is draining or stopped: it sends nothing more
        EngineBeatLate, // its last beat would not keep it alive for the margin, or it was taken for dead
    };
    LeaseCheck checkLease(qint64 id, qint64 gen, const QDateTime &now, qint64 marginMs, const QString &engine = QString());
    // The leases `engine` holds on calls with no provider call id yet end at `until` (when they
    // would end later): at once for a dead engine, after the send margin for one that stops (a
    // request it sent is at the provider by then). A live dialer then takes each over and asks
    // the provider before placing it again (Dialer). Returns how many ended; each gets an event.
    int endLeasesOf(const QString &engine, const QDateTime &until, const QString &detail, const QDateTime &now);
    // The same inside a transaction the caller holds (EngineRegistry::markDead's release).
    int endLeasesOf(const QSqlDatabase &db, const QString &engine, const QDateTime &until, const QString &detail, const QDateTime &now);
    // The provider accepted the call: its id is written before anything relies on it. False when
    // the lease was lost meanwhile (the id is written anyway, so the call is never placed again).
    bool recordPlaced(qint64 id, qint64 gen, const QString &provider, const QString &callId, const QString &status,
                      const QDateTime &now);
    // "dialing" rows with a provider id but no final status since `placedBefore`.
    std::vector<ScheduledCall> unsettled(const QDateTime &placedBefore, int limit);

    // Transitions. Each logs an event; fenced ones (gen >= 0) do nothing if the lease moved on.
    bool skip(qint64 id, const QString &reason, const QString &detail, const QDateTime &now, qint64 gen = -1);
    bool reschedule(qint64 id, const QDateTime &due, const QString &reason, const QString &detail, const QDateTime &now,
                    qint64 gen = -1);
    bool fail(qint64 id, const QString &reason, const QString &detail, const QDateTime &now, qint64 gen = -1);
    // An operator's (or the CLI's) cancel: only calls not yet being dialled.
    bool cancel(qint64 id, const QString &reason, const QDateTime &now);
    // Every scheduled call to `phone` (any campaign) is skipped with `reason`; returns how many.
    int skipAllFor(const QString &phone, const QString &reason, const QString &detail, const QDateTime &now);

    void addEvent(qint64 id, const QString &kind, const QString &reason, const QString &detail, const QDateTime &at);
    void addEvent(const QSqlDatabase &db, qint64 id, const QString &kind, const QString &reason, const QString &detail,
                  const QDateTime &at);

    Database &database() { return m_db; }

private:
    Database &m_db;
};

} // namespace ringside::campaigns
