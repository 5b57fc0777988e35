#pragma once
// Applies stored webhook events off the HTTP thread, oldest first, each in its own transaction.
// Lives on its own QThread (moveToThread): wake() may be called from any thread. At start it
// applies whatever an earlier run stored and did not apply (a kill -9 right after the 200 loses
// nothing) and drops events older than the retention period.

#include "util/clock.h"

#include <QObject>

namespace ringside {
class Database;
}

namespace ringside::platforms {

class StoreChangeListener;

class WebhookWorker : public QObject
{
    Q_OBJECT
public:
    WebhookWorker(Database &db, Clock clock, StoreChangeListener *listener = nullptr, QObject *parent = nullptr);

    static constexpr int kRetentionDays = 14;

public Q_SLOTS:
    // Applies every pending event (thread-safe to call through a queued connection).
    void drain();
    // Thread-safe: queues a drain() on the worker's thread.
    void wake();

Q_SIGNALS:
    void eventApplied(qint64 id, const QString &status, const QString &detail);

private:
    Database &m_db;
    Clock m_clock;
    StoreChangeListener *m_listener;
    bool m_pruned = false;
};

} // namespace ringside::platforms
