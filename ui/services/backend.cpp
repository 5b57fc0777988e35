#include "backend.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QThread>

namespace ringside::ui {

Backend::Backend(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_workerContext(new QObject)
{
    m_thread->setObjectName(QStringLiteral("ringside-worker"));
    m_workerContext->moveToThread(m_thread);
    m_thread->start();
    // WorkerServices is created on the worker so everything it opens belongs to that thread.
    post([this] { m_services = std::make_unique<WorkerServices>(*this); });
}

Backend::~Backend()
{
    m_stopRequested.store(true);
    // Runs after every queued job (tasks are FIFO): close the database on its own thread, then
    // leave the event loop.
    post([this] {
        m_services.reset();
        m_workerContext->deleteLater();
        QThread::currentThread()->quit();
    });
    m_thread->wait();
    delete m_thread;
}

void Backend::post(std::function<void()> task)
{
    QMetaObject::invokeMethod(m_workerContext, std::move(task), Qt::QueuedConnection);
}

void Backend::jobStarted()
{
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
}

void Backend::jobFinished()
{
    QMetaObject::invokeMethod(this, [this] {
        if (--m_pending == 0)
            Q_EMIT busyChanged(false);
    }, Qt::QueuedConnection);
}

QFuture<QString> Backend::openDatabase(const QString &path)
{
    QFuture<QString> future = run([path](WorkerServices &services) {
        QString error;
        services.openDatabase(path, &error);
        return error;
    });
    whenReady(future, this, [this, path](const QString &error) {
        m_databasePath = error.isEmpty() ? path : QString();
        if (error.isEmpty())
            Q_EMIT databaseOpened(path);
    });
    return future;
}

QString describeFailure(const std::exception_ptr &failure)
{
    if (!failure)
        return QCoreApplication::translate("ringside::ui::Backend", "The work was cancelled.");
    try {
        std::rethrow_exception(failure);
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    } catch (...) {
        return QCoreApplication::translate("ringside::ui::Backend", "An unexpected error stopped the work.");
    }
}

} // namespace ringside::ui
