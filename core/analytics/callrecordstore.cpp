#include "callrecordstore.h"

#include "callrecordwriter.h"
#include "conversation/eventtype.h"
#include "liveowner.h"
#include "reportingperiod.h"
#include "rollup.h"
#include "sqlbind.h"
#include "storage/database.h"
#include "storage/sqldialect.h"
#include "storage/sqlutil.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QSqlError>
#include <QSqlRecord>
#include <QThread>

#include <optional>

#include <algorithm>

namespace ringside::analytics {

namespace {

// How long a call record waits for a busy SQLite file before it is given up (as an error the
// caller logs). Far past the 5 s busy timeout: a record is the only trace of a call.
constexpr qint64 kRecordWriteGiveUpMs = 120000;

// One writer of call records at a time in this process. Every call worker has its own connection,
// and SQLite's busy handler is not a queue: when hundreds of calls end together on a starved
// machine, a writer can lose the lock to newcomers for longer than the busy timeout and its
// BEGIN IMMEDIATE fails with "database is locked" (the soak lost 119 of 7,043 records so). Taking
// turns here first leaves SQLite to arbitrate only between processes and other kinds of write.
QRecursiveMutex &recordWriters()
{
    static QRecursiveMutex mutex;
    return mutex;
}

// BEGIN (IMMEDIATE on SQLite), retried while another writer — another process, or another part
// of this one — holds the file past the busy timeout.
void beginRecordWrite(QSqlDatabase db)
{
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        QSqlQuery q(db);
        if (q.exec(sqldialect::beginWrite(db)))
            return;
        const QSqlError error = q.lastError();
        const bool busy = !sqldialect::isPostgres(db)
                && (error.nativeErrorCode() == QLatin1String("5") || error.text().contains(QLatin1String("locked")));
        if (!busy || waited.elapsed() > kRecordWriteGiveUpMs)
            throw StorageError(QStringLiteral("cannot begin writing a call record: %1").arg(error.text()));
        QThread::msleep(20);
    }
}

// Runs `fn(db)` in a write transaction: commits when it returns true, rolls back when it returns
// false or throws (and rethrows), so a rejected record leaves nothing behind. BEGIN IMMEDIATE takes
// the write lock up front: two writers that both read first under a plain BEGIN would deadlock
// on the upgrade and one would fail with "database is locked" instead of waiting.
template <typename Fn>
void inTransaction(Database &database, Fn &&fn)
{
    QSqlDatabase db = database.connection();
    std::optional<QMutexLocker<QRecursiveMutex>> turn;
    if (!database.isPostgres())
        turn.emplace(&recordWriters());
    beginRecordWrite(db);
    bool commit = false;
    try {
        commit = fn(db);
    } catch (...) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        throw;
    }
    if (!commit) {
        sqldialect::control(db, QStringLiteral("ROLLBACK"));
        return;
    }
    QSqlQuery commitQuery(db);
    if (!commitQuery.exec(QStringLiteral("COMMIT"))) {
        const QString error = commitQuery.lastError().text();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        throw StorageError(QStringLiteral("cannot commit: %1").arg(error));
    }
}

// The rollup's timezone follows the store's; switching it rebuilds the rollup once.
QTimeZone rollupZone(Database &database, QSqlDatabase db)
{
    const QTimeZone zone = storeTimeZone(database);
    rollup::ensureTimeZone(db, zone);
    return zone;
}

QString problemsText(const QStringList &problems) { return problems.join(QStringLiteral("; ")); }

std::optional<int> optionalInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<int>(v.toInt());
}

json parsedJson(const QString &text)
{
    json j = json::parse(text.toStdString(), nullptr, false);
    return j.is_discarded() ? json::array() : j;
}

CallRecord fromRow(const QSqlQuery &q)
{
    const QSqlRecord rec = q.record();
    auto v = [&](const char *name) { return q.value(rec.indexOf(QLatin1String(name))); };
    CallRecord r;
    r.id = v("id").toString();
    r.agent = v("agent").toString();
    r.useCase = v("use_case").toString();
    r.direction = v("direction").toString();
    r.channel = v("channel").toString();
    r.language = v("language").toString();
    r.customerId = v("customer_id").toString();
    r.orderId = v("order_id").toString();
    r.cartId = v("cart_id").toString();
    r.startedAt = utcFromEpochMs(v("started_at"));
    r.answeredAt = utcFromEpochMs(v("answered_at"));
    r.endedAt = utcFromEpochMs(v("ended_at"));
    r.durationMs = v("duration_ms").toLongLong();
    r.outcome = v("outcome").toString();
    r.handledBy = v("handled_by").toString();
    r.escalationReason = v("escalation_reason").toString();
    r.cancelReason = v("cancel_reason").toString();
    r.revenueMinor = v("revenue_minor").toLongLong();
    r.currency = v("currency").toString();
    r.csat = optionalInt(v("csat"));
    r.nps = optionalInt(v("nps"));
    r.orderStatus = v("order_status").toString();
    r.carrier = v("carrier").toString();
    r.returnInitiated = v("return_initiated").toInt() != 0;
    r.pickupScheduled = v("pickup_scheduled").toInt() != 0;
    r.firstAttempt = v("first_attempt").toInt() != 0;
    r.turns = v("turns").toInt();
    r.latencyP50Ms = optionalInt(v("latency_p50_ms"));
    r.latencyMaxMs = optionalInt(v("latency_max_ms"));
    r.transcript = parsedJson(v("transcript").toString());
    r.toolCalls = parsedJson(v("tool_calls").toString());
    r.liveOwner = v("live_owner").toString();
    return r;
}

void loadLatencies(QSqlDatabase db, CallRecord &r)
{
    QSqlQuery q = execOrThrow(db, QStringLiteral("SELECT latency_ms FROM call_turn_latencies WHERE call_id = ? ORDER BY turn"), r.id);
    while (q.next())
        r.turnLatenciesMs.push_back(q.value(0).toInt());
}

} // namespace

Result<QString> CallRecordStore::insert(const CallRecord &input)
{
    const QStringList problems = validateCallRecord(input);
    if (!problems.isEmpty())
        return Result<QString>::failure(problemsText(problems));
    CallRecord r = input;
    QString error;
    inTransaction(m_db, [&](QSqlDatabase db) {
        CallRecordWriter writer(db, rollupZone(m_db, db));
        writer.complete(r);
        const QStringList derived = validateCallRecord(r); // tool calls may have filled fields
        if (!derived.isEmpty()) {
            error = problemsText(derived);
            return false;
        }
        if (writer.exists(r.id)) {
            error = QStringLiteral("id: a call record '%1' already exists").arg(r.id);
            return false;
        }
        writer.insertRow(r);
        writer.applyRollup(r.id, r.startedAt.toMSecsSinceEpoch(), 1);
        writer.refreshFirstAttempt(r.useCase, r.cartId, r.orderId);
        return true;
    });
    if (!error.isEmpty())
        return Result<QString>::failure(error);
    return r.id;
}

Result<int> CallRecordStore::insertMany(const std::vector<CallRecord> &records)
{
    size_t i = 0;
    const auto stored = insertStream([&](CallRecord &r) {
        if (i == records.size())
            return false;
        r = records[i++];
        return true;
    });
    if (!stored)
        return Result<int>::failure(stored.error());
    return int(stored.value());
}

Result<qint64> CallRecordStore::insertStream(const std::function<bool(CallRecord &)> &next)
{
    QString error;
    qint64 count = 0;
    inTransaction(m_db, [&](QSqlDatabase db) {
        const QTimeZone zone = storeTimeZone(m_db);
        CallRecordWriter writer(db, zone);
        CallRecord r;
        while (next(r)) {
            QStringList problems = validateCallRecord(r);
            if (problems.isEmpty()) {
                writer.complete(r);
                problems = validateCallRecord(r);
            }
            if (problems.isEmpty() && writer.exists(r.id))
                problems << QStringLiteral("id: a call record '%1' already exists").arg(r.id);
            if (!problems.isEmpty()) {
                error = QStringLiteral("record %1: %2").arg(count).arg(problemsText(problems));
                return false; // nothing from a half-written batch stays
            }
            writer.insertRow(r);
            ++count;
            r = CallRecord();
        }
        CallRecordWriter::recomputeAllFirstAttempts(db);
        rollup::rebuild(db, zone);
        return true;
    });
    if (!error.isEmpty())
        return Result<qint64>::failure(error);
    return count;
}

Result<QString> CallRecordStore::update(const CallRecord &input)
{
    if (input.id.isEmpty())
        return Result<QString>::failure(QStringLiteral("id: is empty (update needs the record's id)"));
    const QStringList problems = validateCallRecord(input);
    if (!problems.isEmpty())
        return Result<QString>::failure(problemsText(problems));
    CallRecord r = input;
    QString error;
    inTransaction(m_db, [&](QSqlDatabase db) {
        CallRecordWriter writer(db, rollupZone(m_db, db));
        QSqlQuery old = execOrThrow(db, QStringLiteral("SELECT started_at, use_case, cart_id, order_id FROM call_records WHERE id = ?"), r.id);
        if (!old.next()) {
            error = QStringLiteral("id: no call record '%1'").arg(r.id);
            return false;
        }
        const qint64 oldStart = old.value(0).toLongLong();
        const QString oldUseCase = old.value(1).toString(), oldCart = old.value(2).toString(), oldOrder = old.value(3).toString();
        old.finish();
        writer.complete(r);
        const QStringList derived = validateCallRecord(r);
        if (!derived.isEmpty()) {
            error = problemsText(derived);
            return false;
        }
        writer.applyRollup(r.id, oldStart, -1);
        writer.updateRow(r);
        writer.applyRollup(r.id, r.startedAt.toMSecsSinceEpoch(), 1);
        writer.refreshFirstAttempt(oldUseCase, oldCart, oldOrder);
        writer.refreshFirstAttempt(r.useCase, r.cartId, r.orderId);
        return true;
    });
    if (!error.isEmpty())
        return Result<QString>::failure(error);
    return r.id;
}

bool CallRecordStore::remove(const QString &id)
{
    bool found = false;
    inTransaction(m_db, [&](QSqlDatabase db) {
        CallRecordWriter writer(db, rollupZone(m_db, db));
        QSqlQuery old = execOrThrow(db, QStringLiteral("SELECT started_at, use_case, cart_id, order_id FROM call_records WHERE id = ?"), id);
        if (!old.next())
            return false;
        found = true;
        const qint64 start = old.value(0).toLongLong();
        const QString useCase = old.value(1).toString(), cart = old.value(2).toString(), order = old.value(3).toString();
        old.finish();
        writer.applyRollup(id, start, -1);
        writer.deleteRow(id);
        writer.refreshFirstAttempt(useCase, cart, order);
        return true;
    });
    return found;
}

std::optional<CallRecord> CallRecordStore::byId(const QString &id)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q = execOrThrow(db, QStringLiteral("SELECT * FROM call_records WHERE id = ?"), id);
    if (!q.next())
        return std::nullopt;
    CallRecord r = fromRow(q);
    loadLatencies(db, r);
    return r;
}

std::vector<CallRecord> CallRecordStore::list(const CallFilter &filter, int limit, int offset)
{
    QSqlDatabase db = m_db.connection();
    auto [where, values] = callFilterWhere(filter);
    values << std::max(limit, 0) << std::max(offset, 0);
    QSqlQuery q = runBound(db, QStringLiteral("SELECT * FROM call_records%1 ORDER BY started_at DESC, id LIMIT ? OFFSET ?").arg(where),
                              values);
    std::vector<CallRecord> out;
    while (q.next())
        out.push_back(fromRow(q));
    for (CallRecord &r : out)
        loadLatencies(db, r);
    return out;
}

qint64 CallRecordStore::count(const CallFilter &filter)
{
    auto [where, values] = callFilterWhere(filter);
    QSqlQuery q = runBound(m_db.connection(), QStringLiteral("SELECT COUNT(*) FROM call_records") + where, values);
    return q.next() ? q.value(0).toLongLong() : 0;
}

int CallRecordStore::closeInterruptedCalls()
{
    QStringList orphans;
    {
        QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT id, live_owner FROM call_records "
                                                                    "WHERE live_owner IS NOT NULL AND outcome = ?"),
                                  kInProgress);
        while (q.next()) {
            if (!ownerMayBeAlive(q.value(1).toString()))
                orphans << q.value(0).toString();
        }
    }
    int closed = 0;
    for (const QString &id : orphans) {
        std::optional<CallRecord> r = byId(id);
        if (!r || r->outcome != kInProgress)
            continue;
        qint64 lastMs = 0;
        for (const json &ev : r->transcript)
            lastMs = std::max<qint64>(lastMs, ev.value("t_ms", qint64(0)));
        r->outcome = kInterrupted;
        r->endedAt = r->startedAt.addMSecs(lastMs);
        r->liveOwner.clear();
        r->transcript.push_back({ { "type", eventTypeName(EventType::End) }, { "outcome", kInterrupted }, { "t_ms", lastMs } });
        const Result<QString> updated = update(*r);
        if (updated.ok())
            ++closed;
        else
            qWarning("call record %s: not marked interrupted: %s", qPrintable(id), qPrintable(updated.error()));
    }
    return closed;
}

void CallRecordStore::rebuildDerived()
{
    inTransaction(m_db, [&](QSqlDatabase db) {
        CallRecordWriter::recomputeAllFirstAttempts(db);
        rollup::rebuild(db, storeTimeZone(m_db));
        return true;
    });
}

} // namespace ringside::analytics
