#pragma once

#include <QObject>

#include <functional>
#include <memory>

class QThread;

namespace ringside {
class Database;
}

namespace ringside::analytics {

class CallRecordStore;

// One thread that writes call records, in the order they were posted, so the threads that carry
// live calls never wait on the database: a record write takes the store's write lock and may wait
// for the disk, and with every call's record on its own call thread the gateway's workers queued
// their frames late while they waited for each other's writes (docs/benchmarks.md).
// post() and waitIdle() may be called from any thread except the queue's own.
class RecordWriteQueue
{
public:
    explicit RecordWriteQueue(Database &db);
    ~RecordWriteQueue(); // runs what is queued, then stops the thread

    // Runs `fn` on the queue's thread with its store, after everything posted before it.
    void post(std::function<void(CallRecordStore &)> fn);
    // Returns once everything posted before it has run.
    void waitIdle();

private:
    QThread *m_thread = nullptr;
    QObject *m_context = nullptr; // lives on m_thread; posted functions run in its event loop
    std::unique_ptr<CallRecordStore> m_store;
};

} // namespace ringside::analytics
