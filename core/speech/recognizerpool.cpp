#include "speech/recognizerpool.h"

#include <QThread>

#include <algorithm>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace ringside {

RecognizerPool::RecognizerPool(int threads, int niceIncrement) : m_nice(niceIncrement)
{
    const int n = threads > 0 ? threads : std::max(1, QThread::idealThreadCount());
    m_threads.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i)
        m_threads.emplace_back([this, i] { run(i); });
}

RecognizerPool::~RecognizerPool()
{
    m_quit.store(true);
    m_signal.fetch_add(1);
    m_signal.notify_all();
    for (std::thread &t : m_threads)
        t.join();
}

void RecognizerPool::add(std::shared_ptr<Stream> stream)
{
    {
        std::lock_guard lock(m_lock);
        m_streams.push_back(std::move(stream));
        m_version.fetch_add(1, std::memory_order_release);
    }
    wake();
}

void RecognizerPool::remove(const std::shared_ptr<Stream> &stream)
{
    stream->retired.store(true);
    std::lock_guard lock(m_lock);
    m_streams.erase(std::remove(m_streams.begin(), m_streams.end(), stream), m_streams.end());
    m_version.fetch_add(1, std::memory_order_release);
}

void RecognizerPool::wake()
{
    m_signal.fetch_add(1, std::memory_order_release);
    m_signal.notify_one();
}

std::vector<std::shared_ptr<RecognizerPool::Stream>> RecognizerPool::snapshot(std::uint64_t *version)
{
    std::lock_guard lock(m_lock);
    *version = m_version.load(std::memory_order_acquire);
    return m_streams;
}

void RecognizerPool::run(int index)
{
    // Lower priority than the audio threads: Linux keeps a nice value per thread.
    if (m_nice > 0)
        setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), m_nice);
    pthread_setname_np(pthread_self(), QStringLiteral("recognizer-%1").arg(index).toLatin1().constData());
    std::uint64_t version = 0;
    std::vector<std::shared_ptr<Stream>> streams = snapshot(&version);
    std::size_t start = std::size_t(index); // threads start at different streams
    while (!m_quit.load(std::memory_order_relaxed)) {
        const std::uint32_t seen = m_signal.load(std::memory_order_acquire);
        if (m_version.load(std::memory_order_acquire) != version)
            streams = snapshot(&version);
        bool more = false;
        for (std::size_t k = 0; k < streams.size(); ++k) {
            Stream &s = *streams[(start + k) % streams.size()];
            if (s.retired.load())
                continue;
            // Sequentially consistent with remove()/PooledStt::stop(): either this thread sees the
            // stream retired after claiming it, or stop() sees it busy and waits.
            bool expected = false;
            if (!s.busy.compare_exchange_strong(expected, true))
                continue;
            if (!s.retired.load())
                more |= s.work();
            s.busy.store(false, std::memory_order_release);
            s.busy.notify_all();
        }
        start = streams.empty() ? 0 : (start + 1) % streams.size();
        if (!more)
            m_signal.wait(seen, std::memory_order_acquire); // until something new arrives
    }
}

} // namespace ringside
