#pragma once
// Carries a stream of events from worker threads to the UI thread in batches, so that hundreds of
// busy sources (live calls emitting transcript and latency events) cost the UI one wake-up per
// interval instead of one queued signal per event. Live Calls and Test Call use it; see
// docs/console.md.

#include <QMetaObject>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace ringside::ui {

template <typename T>
class EventBatcher
{
public:
    using Sink = std::function<void(std::vector<T> batch)>;

    // Create on the UI thread. `sink` runs on that thread, at most once per `intervalMs`, with
    // every event pushed since the previous batch, in push order. Producers must stop pushing
    // before the batcher is destroyed (as with any object they hold); events still pending then
    // are dropped.
    EventBatcher(int intervalMs, Sink sink)
        : m_receiver(std::make_unique<QObject>())
        , m_intervalMs(intervalMs)
        , m_sink(std::move(sink))
    {
        m_timer.setSingleShot(true);
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, m_receiver.get(), [this] { flush(); });
    }
    EventBatcher(const EventBatcher &) = delete;
    EventBatcher &operator=(const EventBatcher &) = delete;

    // Safe from any thread.
    void push(T event)
    {
        QMutexLocker lock(&m_mutex);
        m_pending.push_back(std::move(event));
        if (m_scheduled)
            return;
        m_scheduled = true;
        // The timer belongs to the UI thread; start it there.
        QMetaObject::invokeMethod(m_receiver.get(), [this] { m_timer.start(); }, Qt::QueuedConnection);
    }

    // Delivers what is pending now (on the UI thread), e.g. before a call's view closes.
    void flush()
    {
        std::vector<T> batch;
        {
            QMutexLocker lock(&m_mutex);
            batch.swap(m_pending);
            m_scheduled = false;
        }
        m_timer.stop();
        if (!batch.empty())
            m_sink(std::move(batch));
    }

    std::size_t pendingCount() const
    {
        QMutexLocker lock(&m_mutex);
        return m_pending.size();
    }
    int intervalMs() const { return m_intervalMs; }

private:
    std::unique_ptr<QObject> m_receiver;   // UI-thread anchor for queued starts; dies with us
    QTimer m_timer;
    int m_intervalMs;
    Sink m_sink;
    mutable QMutex m_mutex;
    std::vector<T> m_pending;
    bool m_scheduled = false;
};

} // namespace ringside::ui
