#pragma once
// Jobs for the worker thread that look at what a database holds and fill an empty one with the
// demo store and its call history — what `--demo` and the "Load demo store" button do.

#include <QDateTime>
#include <QString>

namespace ringside::ui {

class WorkerServices;

struct StoreStatus {
    qint64 storeRecords = 0;   // customers, orders, carts, offers, returns
    qint64 callRecords = 0;
    QString storeName;
    bool isEmpty() const { return storeRecords == 0 && callRecords == 0; }
};

// Counts what the open database holds. Runs on the worker; throws StorageError / NoDatabaseError.
StoreStatus probeStore(WorkerServices &services);

struct DemoLoadReport {
    bool loaded = false;
    QString summary;   // what was added, in words
    QString error;     // why nothing was added
};

// The same demo store as `ringside-engine store init --demo` (seed 1, timed relative to `now`),
// then `historyDays` days of demo call history for Analytics. Only into an empty database: a
// database holding anything is left alone and the report says why. Reports progress through
// WorkerServices::reportProgress. Runs on the worker.
DemoLoadReport loadDemoData(WorkerServices &services, const QDateTime &now, int historyDays = 90);

} // namespace ringside::ui
