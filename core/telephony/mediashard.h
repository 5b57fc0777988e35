#pragma once

#include <QObject>
#include <QSet>
#include <QThread>
#include <QWebSocketProtocol>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace ringside::telephony {

class MediaConnection;

// One media I/O thread's share of the provider media WebSockets: it owns its MediaConnections from
// the hand-over after the handshake until they are let go, reads their frames and sends what their
// calls' workers queued. A worker's tick that produced frames notifies the shard paired with it
// (notify(), any thread); the shard then drains the connections of that worker's calls on its own
// thread, so no socket is touched by two threads and the audio crosses only the calls' lock-free rings.
class MediaShard : public QObject
{
    Q_OBJECT
public:
    MediaShard(int index, int workers);
    ~MediaShard() override;

    int index() const { return m_index; }

    // Any thread: the worker's calls have frames waiting. However often it is called before the
    // shard gets to it, one drain is queued (the flag is cleared when the drain starts).
    void notify(int worker);

    // The shard's thread only.
    void adopt(MediaConnection *connection);                  // begins reading it
    void accept(MediaConnection *connection, int worker);     // its call runs on `worker`: drain it
    bool holds(MediaConnection *connection) const { return m_all.contains(connection); }
    void dispose(MediaConnection *connection);                // forgets and deletes it
    void drainAll();
    void closeAll(QWebSocketProtocol::CloseCode code, const QString &reason);
    void disposeAll();

private:
    void drainWorker(int worker);

    const int m_index;
    std::vector<std::vector<MediaConnection *>> m_byWorker; // accepted connections, by their call's worker
    std::unique_ptr<std::atomic<bool>[]> m_pending;         // a drain of that worker is queued
    std::unique_ptr<std::atomic<int>[]> m_accepted;         // m_byWorker's sizes, for notify()
    QSet<MediaConnection *> m_all;
};

// The media I/O threads (one per core by default) and a shard on the gateway's own thread for a
// WebSocket whose TCP socket cannot be moved (one handed over without it). Created and used on the
// gateway's thread; run()/runAndWait() carry a function to a shard's thread.
class MediaShards
{
public:
    MediaShards(int threads, int workers);
    ~MediaShards(); // stops the threads (dispose the connections first: disposeEverywhere)

    int count() const { return int(m_shards.size()); }
    MediaShard *at(int i) const { return m_shards[std::size_t(i)]; }
    MediaShard *local() const { return m_local.get(); }
    // The threaded shard holding the fewest connections (counted by taken()/released()).
    MediaShard *pick() const;
    void taken(MediaShard *shard);
    void released(MediaShard *shard);

    // `fn` on the shard's thread, queued (in order with everything else sent to that shard).
    static void run(MediaShard *shard, std::function<void()> fn);
    // The same, waiting for it (never from the shard's own thread: then it runs at once).
    static void runAndWait(MediaShard *shard, const std::function<void()> &fn);
    // On every shard, waiting: `fn(shard)`.
    void everywhere(const std::function<void(MediaShard &)> &fn);

private:
    std::vector<QThread *> m_threads;
    std::vector<MediaShard *> m_shards;
    std::vector<int> m_load;
    std::unique_ptr<MediaShard> m_local;
};

} // namespace ringside::telephony
