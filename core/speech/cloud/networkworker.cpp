#include "speech/cloud/networkworker.h"

#include <QMetaObject>

namespace ringside {

NetworkWorker::NetworkWorker(const QString &name)
    : m_thread(std::make_unique<QThread>())
{
    m_thread->setObjectName(name);
    m_context = new QObject;
    m_context->moveToThread(m_thread.get());
    // The context and everything parented to it are destroyed on the worker thread, in its last
    // event-loop pass, so sockets never die on a thread that does not own them.
    QObject::connect(m_thread.get(), &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start();
}

NetworkWorker::~NetworkWorker()
{
    m_thread->quit();
    m_thread->wait();
}

void NetworkWorker::post(std::function<void()> f)
{
    QMetaObject::invokeMethod(m_context, std::move(f), Qt::QueuedConnection);
}

void NetworkWorker::run(const std::function<void()> &f)
{
    if (isCurrentThread())
        f();
    else
        QMetaObject::invokeMethod(m_context, f, Qt::BlockingQueuedConnection);
}

} // namespace ringside
