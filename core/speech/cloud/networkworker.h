#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace ringside {

// A thread with its own Qt event loop on which a cloud speech engine keeps its sockets, so the
// engine works whether or not the thread that calls it runs an event loop (the gateway's call
// workers do, the `voice` CLI's loop and tests may not). Methods may be called from any thread.
class NetworkWorker
{
public:
    explicit NetworkWorker(const QString &name);
    ~NetworkWorker(); // runs nothing more; quits and joins the thread
    NetworkWorker(const NetworkWorker &) = delete;
    NetworkWorker &operator=(const NetworkWorker &) = delete;

    // Lives on the worker thread: parent for sockets and timers, context for queued calls.
    QObject *context() const { return m_context; }
    bool isCurrentThread() const { return QThread::currentThread() == m_thread.get(); }

    // Runs `f` on the worker thread later (from the event loop), in the order posted.
    void post(std::function<void()> f);
    // Runs `f` on the worker thread and waits for it (directly when already on it).
    void run(const std::function<void()> &f);

private:
    std::unique_ptr<QThread> m_thread;
    QObject *m_context = nullptr;
};

} // namespace ringside
