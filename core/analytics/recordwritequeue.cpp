#include "recordwritequeue.h"

#include "callrecordstore.h"

#include <QMetaObject>
#include <QMutexLocker>
#include <QThread>
#include <QTimer>

#include <exception>

namespace ringside::analytics {

RecordWriteResult writeRecord(CallRecordStore &store, const CallRecord &record, bool stored)
{
    try {
        const Result<QString> written = stored ? store.update(record) : store.insert(record);
        if (written.ok())
            return {};
        return { RecordWrite::Refused, written.error() };
    } catch (const std::exception &e) {
        return { RecordWrite::Waiting, QString::fromUtf8(e.what()) };
    }
}

RecordWriteQueue::RecordWriteQueue(Database &db, int retryIntervalMs) : m_store(std::make_unique<CallRecordStore>(db))
{
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("call-records"));
    m_context = new QObject;
    m_retry = new QTimer(m_context);
    m_retry->setInterval(retryIntervalMs);
    QObject::connect(m_retry, &QTimer::timeout, m_context, [this] { retryWaiting(); });
    m_context->moveToThread(m_thread); // with m_retry, its child
    m_thread->start();
}

RecordWriteQueue::~RecordWriteQueue()
{
    // After everything already posted: one more try for the waiting records, then quit().
    QMetaObject::invokeMethod(m_context, [this] {
        retryWaiting();
        m_retry->stop();
        if (!m_waiting.empty()) {
            for (const auto &[id, kept] : m_waiting)
                qCritical("call record %s lost: the database still refuses it as the engine stops", qPrintable(id));
            QMutexLocker lock(&m_stateLock);
            m_state.lost += m_waiting.size();
        }
        m_thread->quit();
    }, Qt::QueuedConnection);
    m_thread->wait();
    delete m_context; // its thread has finished: nothing else can reach it
    delete m_thread;
}

void RecordWriteQueue::write(CallRecord record, bool stored)
{
    QMetaObject::invokeMethod(m_context, [this, record = std::move(record), stored]() mutable { store(std::move(record), stored); },
                              Qt::QueuedConnection);
}

RecordWriteResult RecordWriteQueue::writeNow(CallRecord record, bool stored)
{
    RecordWriteResult result;
    QMetaObject::invokeMethod(m_context, [&] { result = store(std::move(record), stored); }, Qt::BlockingQueuedConnection);
    return result;
}

void RecordWriteQueue::post(std::function<void(CallRecordStore &)> fn)
{
    QMetaObject::invokeMethod(m_context, [store = m_store.get(), fn = std::move(fn)] { fn(*store); }, Qt::QueuedConnection);
}

void RecordWriteQueue::waitIdle()
{
    QMetaObject::invokeMethod(m_context, [] {}, Qt::BlockingQueuedConnection);
}

RecordWriteState RecordWriteQueue::state() const
{
    QMutexLocker lock(&m_stateLock);
    return m_state;
}

RecordWriteResult RecordWriteQueue::store(CallRecord record, bool stored)
{
    if (const auto kept = m_waiting.find(record.id); kept != m_waiting.end()) {
        // An older version waits for the database: this one replaces it (an insert stays one).
        kept->second.record = std::move(record);
        return { RecordWrite::Waiting, state().lastError };
    }
    if (m_insertRefused.contains(record.id))
        stored = false; // its first version never went in: this one is inserted
    const RecordWriteResult result = writeRecord(*m_store, record, stored);
    switch (result.outcome) {
    case RecordWrite::Written:
        if (!stored)
            m_insertRefused.remove(record.id);
        break;
    case RecordWrite::Refused:
        if (!stored)
            m_insertRefused.insert(record.id);
        qWarning("call record %s refused by the store: %s", qPrintable(record.id), qPrintable(result.error));
        noteFailure(result, true);
        break;
    case RecordWrite::Waiting: {
        qWarning("call record %s not written, kept to be written again: %s", qPrintable(record.id), qPrintable(result.error));
        QString id = record.id; // before the record moves
        m_waiting.emplace(std::move(id), Kept{ std::move(record), stored });
        noteFailure(result, false);
        publishWaiting();
        if (!m_retry->isActive())
            m_retry->start();
        break;
    }
    }
    return result;
}

void RecordWriteQueue::retryWaiting()
{
    const std::size_t before = m_waiting.size();
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        RecordWriteResult result = writeRecord(*m_store, it->second.record, it->second.stored);
        if (result.outcome == RecordWrite::Refused && !it->second.stored) {
            // An insert the database reported failed may have gone in after all: then it updates.
            if (writeRecord(*m_store, it->second.record, true).outcome == RecordWrite::Written)
                result = {};
        }
        if (result.outcome == RecordWrite::Waiting) {
            noteFailure(result, false);
            break; // the database still fails: the others wait for the next try
        }
        if (result.outcome == RecordWrite::Refused) {
            if (!it->second.stored)
                m_insertRefused.insert(it->first);
            qWarning("call record %s refused by the store: %s", qPrintable(it->first), qPrintable(result.error));
            noteFailure(result, true);
        }
        it = m_waiting.erase(it);
    }
    if (m_waiting.size() != before) {
        qInfo("%d waiting call record(s) went to the store; %d still wait", int(before - m_waiting.size()), int(m_waiting.size()));
        publishWaiting();
    }
    if (m_waiting.empty())
        m_retry->stop();
}

void RecordWriteQueue::noteFailure(const RecordWriteResult &result, bool refused)
{
    QMutexLocker lock(&m_stateLock);
    ++(refused ? m_state.refused : m_state.deferred);
    m_state.lastError = result.error;
}

void RecordWriteQueue::publishWaiting()
{
    QMutexLocker lock(&m_stateLock);
    m_state.waiting = int(m_waiting.size());
}

} // namespace ringside::analytics
