#pragma once

#include "callrecord.h"
#include "util/result.h"

#include <QMutex>
#include <QObject>
#include <QSet>

#include <functional>
#include <map>
#include <memory>

class QThread;
class QTimer;

namespace ringside {
class Database;
}

namespace ringside::analytics {

class CallRecordStore;

// How one write of a call record went.
enum class RecordWrite {
    Written,  // the store has it
    Waiting,  // the database failed (read-only, locked, full, gone): kept and written again later
    Refused,  // the store rejected this version of the record (a field it cannot take): not retried
};

struct RecordWriteResult
{
    RecordWrite outcome = RecordWrite::Written;
    QString error; // why not written, when not
};

// Inserts `record`, or updates it once stored, telling a database failure (StorageError: worth
// trying again) from a record the store rejects (a failed Result: the same record would be
// rejected again). Never throws.
RecordWriteResult writeRecord(CallRecordStore &store, const CallRecord &record, bool stored);

// What the queue holds back, for /healthz, /metrics and the consoles. Readable from any thread.
struct RecordWriteState
{
    int waiting = 0;        // records the database failed to take, kept in memory and retried
    quint64 deferred = 0;   // writes that failed on the database since start (each retry counts)
    quint64 refused = 0;    // record versions the store rejected (not retried)
    quint64 lost = 0;       // records still waiting when the queue stopped (logged with their ids)
    QString lastError;      // the last failure or rejection, empty while none happened
};

// One thread that writes call records, in the order they were posted, so the threads that carry
// live calls never wait on the database: a record write takes the store's write lock and may wait
// for the disk, and with every call's record on its own call thread the gateway's workers queued
// their frames late while they waited for each other's writes (docs/benchmarks.md).
//
// A record the database cannot take now is not dropped: its newest version is kept here and
// written again every `retryIntervalMs` until the database takes it (later versions of the same
// record replace the kept one, so it lands once, complete). state() says how many wait.
// post(), write(), writeNow(), waitIdle() and state() may be called from any thread except the
// queue's own; nothing here is on a call's audio path (its records are posted, never awaited).
class RecordWriteQueue
{
public:
    static constexpr int kRetryIntervalMs = 5000;

    explicit RecordWriteQueue(Database &db, int retryIntervalMs = kRetryIntervalMs);
    // Runs what is queued, tries the waiting records once more, then stops the thread; records
    // still waiting then are logged by id and counted as lost.
    ~RecordWriteQueue();

    // Writes this version of a record (an insert unless `stored`), after everything posted before it.
    void write(CallRecord record, bool stored);
    // The same, waiting for the outcome (a waiting record is kept as write() keeps it).
    RecordWriteResult writeNow(CallRecord record, bool stored);
    // Runs `fn` on the queue's thread with its store, after everything posted before it.
    void post(std::function<void(CallRecordStore &)> fn);
    // Returns once everything posted before it has run (waiting records may still wait).
    void waitIdle();

    RecordWriteState state() const;

private:
    struct Kept
    {
        CallRecord record;
        bool stored = false;
    };
    // On the queue's thread.
    RecordWriteResult store(CallRecord record, bool stored);
    void retryWaiting();
    void noteFailure(const RecordWriteResult &result, bool refused);
    void publishWaiting();

    QThread *m_thread = nullptr;
    QObject *m_context = nullptr; // lives on m_thread; posted functions run in its event loop
    QTimer *m_retry = nullptr;    // a child of m_context: runs on m_thread
    std::unique_ptr<CallRecordStore> m_store;
    std::map<QString, Kept> m_waiting; // by record id; only the queue's thread touches it
    QSet<QString> m_insertRefused;     // ids whose insert the store rejected: the next version inserts
    mutable QMutex m_stateLock;        // m_state: written on the queue's thread, read by any
    RecordWriteState m_state;
};

} // namespace ringside::analytics
