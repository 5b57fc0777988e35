#include "recordwritequeue.h"

#include "callrecordstore.h"

#include <QMetaObject>
#include <QThread>

namespace ringside::analytics {

RecordWriteQueue::RecordWriteQueue(Database &db) : m_store(std::make_unique<CallRecordStore>(db))
{
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("call-records"));
    m_context = new QObject;
    m_context->moveToThread(m_thread);
    m_thread->start();
}

RecordWriteQueue::~RecordWriteQueue()
{
    // quit() is an event after everything already posted: the queue is written out first.
    QMetaObject::invokeMethod(m_context, [t = m_thread] { t->quit(); }, Qt::QueuedConnection);
    m_thread->wait();
    delete m_context; // its thread has finished: nothing else can reach it
    delete m_thread;
}

void RecordWriteQueue::post(std::function<void(CallRecordStore &)> fn)
{
    QMetaObject::invokeMethod(m_context, [store = m_store.get(), fn = std::move(fn)] { fn(*store); }, Qt::QueuedConnection);
}

void RecordWriteQueue::waitIdle()
{
    QMetaObject::invokeMethod(m_context, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace ringside::analytics
