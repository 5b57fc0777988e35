#include "telephony/mediashard.h"

#include "telephony/mediaconnection.h"

#include <QMetaObject>

#include <algorithm>

namespace ringside::telephony {

MediaShard::MediaShard(int index, int workers)
    : m_index(index)
    , m_byWorker(std::size_t(std::max(0, workers)))
    , m_pending(std::make_unique<std::atomic<bool>[]>(m_byWorker.size()))
    , m_accepted(std::make_unique<std::atomic<int>[]>(m_byWorker.size()))
{
    for (std::size_t i = 0; i < m_byWorker.size(); ++i) {
        m_pending[i].store(false, std::memory_order_relaxed);
        m_accepted[i].store(0, std::memory_order_relaxed);
    }
}

MediaShard::~MediaShard()
{
    disposeAll();
}

void MediaShard::notify(int worker)
{
    if (worker < 0 || std::size_t(worker) >= m_byWorker.size())
        return;
    // None of its calls here: nothing to wake for (a connection accepted meanwhile drains itself).
    if (m_accepted[std::size_t(worker)].load(std::memory_order_relaxed) == 0)
        return;
    // The worker pushed its frames before this (release); the drain's exchange acquires them.
    if (!m_pending[std::size_t(worker)].exchange(true, std::memory_order_acq_rel))
        QMetaObject::invokeMethod(this, [this, worker] { drainWorker(worker); }, Qt::QueuedConnection);
}

void MediaShard::drainWorker(int worker)
{
    m_pending[std::size_t(worker)].exchange(false, std::memory_order_acq_rel);
    // drain() never adds or removes connections (closing only queues news for the gateway).
    for (MediaConnection *c : m_byWorker[std::size_t(worker)])
        c->drain();
}

void MediaShard::adopt(MediaConnection *connection)
{
    m_all.insert(connection);
    connection->begin();
}

void MediaShard::accept(MediaConnection *connection, int worker)
{
    if (!m_all.contains(connection) || worker < 0 || std::size_t(worker) >= m_byWorker.size())
        return;
    connection->setWorker(worker);
    m_byWorker[std::size_t(worker)].push_back(connection);
    m_accepted[std::size_t(worker)].store(int(m_byWorker[std::size_t(worker)].size()), std::memory_order_relaxed);
    connection->drain(); // the call may have spoken already
}

void MediaShard::dispose(MediaConnection *connection)
{
    if (!m_all.remove(connection))
        return;
    if (const int w = connection->worker(); w >= 0 && std::size_t(w) < m_byWorker.size()) {
        auto &list = m_byWorker[std::size_t(w)];
        list.erase(std::remove(list.begin(), list.end(), connection), list.end());
        m_accepted[std::size_t(w)].store(int(list.size()), std::memory_order_relaxed);
    }
    delete connection;
}

void MediaShard::drainAll()
{
    for (MediaConnection *c : std::as_const(m_all))
        c->drain();
}

void MediaShard::closeAll(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    for (MediaConnection *c : std::as_const(m_all))
        c->close(code, reason);
}

void MediaShard::disposeAll()
{
    const QSet<MediaConnection *> all = std::exchange(m_all, {});
    for (std::size_t w = 0; w < m_byWorker.size(); ++w) {
        m_byWorker[w].clear();
        m_accepted[w].store(0, std::memory_order_relaxed);
    }
    qDeleteAll(all);
}

MediaShards::MediaShards(int threads, int workers) : m_local(std::make_unique<MediaShard>(-1, workers))
{
    for (int i = 0; i < threads; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("media-io-%1").arg(i));
        auto *shard = new MediaShard(i, workers);
        shard->moveToThread(thread);
        thread->start(QThread::TimeCriticalPriority);
        m_threads.push_back(thread);
        m_shards.push_back(shard);
        m_load.push_back(0);
    }
}

MediaShards::~MediaShards()
{
    for (std::size_t i = 0; i < m_threads.size(); ++i) {
        MediaShard *shard = m_shards[i];
        runAndWait(shard, [shard] { shard->disposeAll(); }); // sockets are let go on their own thread
        m_threads[i]->quit();
        m_threads[i]->wait();
        delete shard; // its thread has finished: nothing else can reach it
        delete m_threads[i];
    }
}

MediaShard *MediaShards::pick() const
{
    if (m_shards.empty())
        return m_local.get();
    return m_shards[std::size_t(std::min_element(m_load.begin(), m_load.end()) - m_load.begin())];
}

void MediaShards::taken(MediaShard *shard)
{
    if (shard->index() >= 0)
        ++m_load[std::size_t(shard->index())];
}

void MediaShards::released(MediaShard *shard)
{
    if (shard->index() >= 0)
        --m_load[std::size_t(shard->index())];
}

void MediaShards::run(MediaShard *shard, std::function<void()> fn)
{
    QMetaObject::invokeMethod(shard, std::move(fn), Qt::QueuedConnection);
}

void MediaShards::runAndWait(MediaShard *shard, const std::function<void()> &fn)
{
    if (shard->thread() == QThread::currentThread())
        fn();
    else
        QMetaObject::invokeMethod(shard, fn, Qt::BlockingQueuedConnection);
}

void MediaShards::everywhere(const std::function<void(MediaShard &)> &fn)
{
    for (MediaShard *shard : m_shards)
        runAndWait(shard, [shard, &fn] { fn(*shard); });
    fn(*m_local);
}

} // namespace ringside::telephony
