#pragma once
// The console's worker thread: the one place the UI's SQL, tool calls and analytics run.
// docs/console.md explains how workspaces use it and how Test Call / Live Calls fit beside it.

#include "workerservices.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QString>

#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <type_traits>

class QThread;

namespace ringside::ui {

// Owns a dedicated QThread with its own event loop and, on that thread, the WorkerServices
// (the Database and its CallAssembly: store backend, tools, call records). Jobs run one after another in the order
// they were posted, so a job may rely on the ones before it (open, then query). Not QtConcurrent's
// global pool: Qt Sql connections belong to the thread that opened them, and one thread keeps
// exactly one connection per database.
//
// Call run()/openDatabase() from the thread the Backend lives in (the UI thread).
class Backend final : public QObject
{
    Q_OBJECT
public:
    explicit Backend(QObject *parent = nullptr);
    // Asks running jobs to stop (WorkerServices::stopRequested), lets the queued ones finish,
    // closes the database on the worker and joins the thread.
    ~Backend() override;

    // Runs `job(WorkerServices&)` on the worker thread. The future carries its result, or the
    // exception it threw (StorageError, NoDatabaseError, …). Deliver it with whenReady().
    template <typename F>
    auto run(F job) -> QFuture<std::invoke_result_t<F &, WorkerServices &>>;

    // Opens (creating and migrating) the database on the worker; on success emits databaseOpened.
    // The future holds an empty string on success, else the error.
    QFuture<QString> openDatabase(const QString &path);
    // The path of the open database as the UI knows it; empty when none.
    QString databasePath() const { return m_databasePath; }

    // Jobs posted and not yet finished (UI-side count).
    int pendingJobs() const { return m_pending; }
    bool isBusy() const { return m_pending > 0; }
    QThread *workerThread() const { return m_thread; }

    // Tell every workspace that the store or call history changed (demo loaded, import, …).
    void notifyDataChanged() { Q_EMIT dataChanged(); }

Q_SIGNALS:
    void busyChanged(bool busy);
    void databaseOpened(const QString &path);
    void dataChanged();
    // From WorkerServices::reportProgress; queued to the UI thread.
    void progress(const QString &what, int done, int total);

private:
    friend class WorkerServices;
    void post(std::function<void()> task);
    void jobStarted();
    void jobFinished();   // called on the worker; decrements on the UI thread

    QThread *m_thread = nullptr;
    QObject *m_workerContext = nullptr;            // lives on m_thread; queued tasks are delivered to it
    std::unique_ptr<WorkerServices> m_services;    // touched only on m_thread
    QString m_databasePath;
    int m_pending = 0;
    std::atomic<bool> m_stopRequested { false };
};

template <typename F>
auto Backend::run(F job) -> QFuture<std::invoke_result_t<F &, WorkerServices &>>
{
    using R = std::invoke_result_t<F &, WorkerServices &>;
    auto promise = std::make_shared<QPromise<R>>();
    QFuture<R> future = promise->future();
    promise->start();
    jobStarted();
    post([this, promise, job = std::move(job)]() mutable {
        try {
            if constexpr (std::is_void_v<R>)
                job(*m_services);
            else
                promise->addResult(job(*m_services));
        } catch (...) {
            promise->setException(std::current_exception());
        }
        promise->finish();
        jobFinished();
    });
    return future;
}

// Text for a failure carried by a future (what() of the exception, or a generic message).
QString describeFailure(const std::exception_ptr &failure);

// Calls `done(result)` (or `done()` for void) on `context`'s thread when `future` finishes, or
// `failed(message)` when the job threw. Nothing is called once `context` is destroyed, so a
// workspace that closes while its query runs is safe.
template <typename R, typename Done>
void whenReady(const QFuture<R> &future, QObject *context, Done done,
               std::function<void(const QString &)> failed = {})
{
    auto *watcher = new QFutureWatcher<R>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done, failed]() mutable {
        watcher->deleteLater();
        QFuture<R> f = watcher->future();
        std::exception_ptr failure;
        try {
            f.waitForFinished();   // finished already; rethrows the job's exception
        } catch (...) {
            failure = std::current_exception();
        }
        if (failure || f.isCanceled()) {   // cancelled: the console closed before the job ran
            if (failed)
                failed(describeFailure(failure));
            return;
        }
        if constexpr (std::is_void_v<R>)
            done();
        else
            done(f.result());
    });
    watcher->setFuture(future);
}

} // namespace ringside::ui
