#include "telephony/cachingtts.h"

namespace ringside::telephony {

struct CachingTts::Pending
{
    std::mutex lock;
    std::vector<TtsChunk> chunks;
    bool cancelled = false;
};

CachingTts::CachingTts(TtsEngine &inner, std::size_t maxBytes) : m_inner(inner), m_maxBytes(maxBytes) {}

CachingTts::~CachingTts() = default;

QString CachingTts::keyFor(const QString &text, const TtsConfig &config)
{
    return QStringLiteral("%1|%2|%3|%4|%5|").arg(config.voice, config.language).arg(config.speed).arg(config.sampleRate).arg(int(config.encoding)) + text;
}

quint64 CachingTts::synthesize(const QString &text, const TtsConfig &config, ChunkHandler onChunk, ErrorHandler onError)
{
    const quint64 job = m_nextJob.fetch_add(1);
    const QString key = keyFor(text, config);
    std::vector<TtsChunk> hit;
    {
        std::lock_guard guard(m_mutex);
        const auto it = m_index.find(key);
        if (it != m_index.end()) {
            m_lru.splice(m_lru.begin(), m_lru, it.value()); // most recently used
            hit = it.value()->chunks;
            ++m_hits;
        } else {
            ++m_misses;
        }
    }
    if (!hit.empty()) {
        for (TtsChunk &chunk : hit) {
            chunk.job = job;
            onChunk(chunk);
        }
        return job;
    }

    // A miss: pass through, renaming the job, and keep the chunks once the reply is complete.
    auto pending = std::make_shared<Pending>();
    const quint64 inner = m_inner.synthesize(
            text, config,
            [this, job, key, pending, onChunk](const TtsChunk &chunk) {
                TtsChunk renamed = chunk;
                renamed.job = job;
                bool complete = false;
                {
                    std::lock_guard guard(pending->lock);
                    if (pending->cancelled)
                        return;
                    pending->chunks.push_back(renamed);
                    complete = chunk.last;
                }
                onChunk(renamed);
                if (complete) {
                    std::vector<TtsChunk> chunks;
                    {
                        std::lock_guard guard(pending->lock);
                        chunks.swap(pending->chunks);
                    }
                    store(key, std::move(chunks));
                    std::lock_guard guard(m_mutex);
                    m_innerJob.remove(job);
                }
            },
            [this, job, onError](quint64, const QString &message) {
                {
                    std::lock_guard guard(m_mutex);
                    m_innerJob.remove(job);
                }
                onError(job, message);
            });
    std::lock_guard guard(m_mutex);
    m_innerJob.insert(job, inner);
    return job;
}

void CachingTts::cancel(quint64 job)
{
    quint64 inner = 0;
    {
        std::lock_guard guard(m_mutex);
        inner = m_innerJob.take(job);
    }
    if (inner != 0)
        m_inner.cancel(inner); // after it returns the inner engine calls none of the job's handlers
}

void CachingTts::store(const QString &key, std::vector<TtsChunk> chunks)
{
    std::size_t bytes = 0;
    for (const TtsChunk &c : chunks)
        bytes += std::size_t(c.audio.size());
    if (bytes == 0 || bytes > m_maxBytes / 4)
        return; // nothing to keep, or one reply would crowd out the rest
    std::lock_guard guard(m_mutex);
    if (m_index.contains(key))
        return;
    m_lru.push_front(Entry{ key, std::move(chunks), bytes });
    m_index.insert(key, m_lru.begin());
    m_bytes += bytes;
    while (m_bytes > m_maxBytes && !m_lru.empty()) {
        m_bytes -= m_lru.back().bytes;
        m_index.remove(m_lru.back().key);
        m_lru.pop_back();
    }
}

CachingTts::Stats CachingTts::stats() const
{
    std::lock_guard guard(m_mutex);
    return { m_hits, m_misses, m_bytes, int(m_lru.size()) };
}

} // namespace ringside::telephony
