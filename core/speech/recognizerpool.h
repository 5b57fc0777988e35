#pragma once

#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace ringside {

// Threads that run speech recognizers for many calls, so decoding never runs on a call's
// real-time thread: a call's audio thread only copies samples into a ring (PooledStt), and a pool
// thread feeds them to the recognizer and delivers its partials and finals. A final decode that
// takes 50 ms then delays only that call's answer, not the 20 ms frames of every call sharing the
// audio thread.
//
// Each stream is worked on by one pool thread at a time, for a bounded slice (so one long turn
// does not starve the others). The threads run at a lower scheduling priority than the process's
// other threads (nice +5), so under overload the audio threads keep their 20 ms pace and the
// recognizers fall behind instead.
class RecognizerPool
{
public:
    // A unit of work the pool runs: PooledStt's shared state.
    class Stream
    {
    public:
        virtual ~Stream() = default;
        // Does up to one slice of pending work on a pool thread; returns true if work remains.
        virtual bool work() = 0;
        // Claimed by one pool thread at a time.
        std::atomic<bool> busy{ false };
        std::atomic<bool> retired{ false };
    };

    // `threads` 0: one per core.
    explicit RecognizerPool(int threads = 0, int niceIncrement = 5);
    ~RecognizerPool();
    RecognizerPool(const RecognizerPool &) = delete;
    RecognizerPool &operator=(const RecognizerPool &) = delete;

    int threadCount() const { return int(m_threads.size()); }

    // Not on the real-time path: when a call starts and ends.
    void add(std::shared_ptr<Stream> stream);
    void remove(const std::shared_ptr<Stream> &stream);

    // There is work (any thread, lock- and allocation-free): wakes a pool thread.
    void wake();

private:
    void run(int index);
    std::vector<std::shared_ptr<Stream>> snapshot(std::uint64_t *version);

    std::vector<std::thread> m_threads;
    int m_nice = 0;
    std::atomic<bool> m_quit{ false };
    std::atomic<std::uint32_t> m_signal{ 0 };

    std::mutex m_lock; // guards m_streams (add/remove, and threads taking a fresh snapshot)
    std::vector<std::shared_ptr<Stream>> m_streams;
    std::atomic<std::uint64_t> m_version{ 0 };
};

} // namespace ringside
