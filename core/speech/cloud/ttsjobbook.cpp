#include "speech/cloud/ttsjobbook.h"

namespace ringside {

quint64 TtsJobBook::open(TtsEngine::ChunkHandler onChunk, TtsEngine::ErrorHandler onError)
{
    const quint64 job = m_next.fetch_add(1);
    std::lock_guard lock(m_mutex);
    m_jobs[job] = std::make_shared<Handlers>(Handlers{std::move(onChunk), std::move(onError)});
    return job;
}

bool TtsJobBook::chunk(const TtsChunk &chunk)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_jobs.find(chunk.job);
    if (it == m_jobs.end())
        return false;
    const std::shared_ptr<Handlers> h = it->second; // survives a cancel from inside the handler
    if (chunk.last)
        m_jobs.erase(it);
    if (h->onChunk)
        h->onChunk(chunk);
    return true;
}

void TtsJobBook::error(quint64 job, const QString &message)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_jobs.find(job);
    if (it == m_jobs.end())
        return;
    const std::shared_ptr<Handlers> h = it->second;
    m_jobs.erase(it);
    if (h->onError)
        h->onError(job, message);
}

bool TtsJobBook::cancel(quint64 job)
{
    std::lock_guard lock(m_mutex);
    return m_jobs.erase(job) > 0;
}

bool TtsJobBook::isOpen(quint64 job) const
{
    std::lock_guard lock(m_mutex);
    return m_jobs.count(job) > 0;
}

} // namespace ringside
