#pragma once

#include "callrecord.h"
#include "util/result.h"

#include <functional>
#include <optional>
#include <vector>

namespace ringside {
class Database;
}

namespace ringside::analytics {

// Reads and writes call records. Every write also fills call_turn_latencies, the derived summary
// columns (duration, latency stats, first_attempt, order snapshot) and keeps the daily rollups in
// step, all in one transaction. Safe from any thread (each uses its own connection).
// Bad records come back as a failed Result naming the field; database failures throw StorageError.
class CallRecordStore
{
public:
    explicit CallRecordStore(Database &db) : m_db(db) {}

    // Stores a new record; returns its id (generated when empty). Fails if the id exists.
    Result<QString> insert(const CallRecord &record);
    // Stores many records in one transaction (all or none); returns how many. For imports, demos
    // and benchmarks: it rebuilds the rollup once instead of updating it per record.
    Result<int> insertMany(const std::vector<CallRecord> &records);
    // The same for records produced one at a time (imports, benchmarks): `next` fills the record
    // and returns true, or returns false when there are no more. Returns how many were stored.
    Result<qint64> insertStream(const std::function<bool(CallRecord &)> &next);
    // Replaces the record with the same id (e.g. in_progress → resolved). Fails if it does not exist.
    Result<QString> update(const CallRecord &record);
    // Deletes a record; false when there was none.
    bool remove(const QString &id);

    std::optional<CallRecord> byId(const QString &id);
    // Newest first.
    std::vector<CallRecord> list(const CallFilter &filter, int limit = 100, int offset = 0);
    qint64 count(const CallFilter &filter);

    // Records left "in_progress" by an engine process that no longer runs (liveowner.h) become
    // "interrupted", ending at the last thing they recorded. Returns how many. Every engine that
    // records calls runs it as it starts; records kept by live processes are left alone.
    int closeInterruptedCalls();

    // Recomputes first_attempt and both rollups from call_records (repair after a raw SQL import
    // or a change of the store's timezone).
    void rebuildDerived();

private:
    Database &m_db;
};

} // namespace ringside::analytics
