#include "speech/cloud/fallbacktts.h"

#include "speech/sentencesplitter.h"

namespace ringside {

struct FallbackTts::Job
{
    quint64 id = 0;
    QString text;
    TtsConfig config;
    ChunkHandler onChunk;
    ErrorHandler onError;
    TtsEngine *engine = nullptr;
    quint64 inner = 0;
    bool onPrimary = false;
    int sentenceBase = 0;       // added to the inner engine's sentence numbers
    int sentencesDone = 0;      // sentences finished (outer numbering)
    bool sentenceOpen = false;  // a sentence has started but not ended
};

FallbackTts::FallbackTts(std::shared_ptr<TtsEngine> primary, std::shared_ptr<TtsEngine> fallback,
                         std::function<void(const QString &)> onFallback)
    : m_primary(std::move(primary)), m_fallback(std::move(fallback)), m_onFallback(std::move(onFallback))
{
}

FallbackTts::~FallbackTts()
{
    std::map<quint64, std::shared_ptr<Job>> jobs;
    {
        std::lock_guard lock(m_mutex);
        jobs.swap(m_jobs);
    }
    for (auto &[id, job] : jobs)
        if (job->engine)
            job->engine->cancel(job->inner);
}

QString FallbackTts::name() const
{
    std::lock_guard lock(m_mutex);
    return m_failed ? m_fallback->name() : m_primary->name();
}

bool FallbackTts::hasFallenBack() const
{
    std::lock_guard lock(m_mutex);
    return m_failed;
}

quint64 FallbackTts::synthesize(const QString &text, const TtsConfig &config, ChunkHandler onChunk, ErrorHandler onError)
{
    auto job = std::make_shared<Job>();
    bool failed = false;
    {
        std::lock_guard lock(m_mutex);
        job->id = m_next++;
        job->text = text;
        job->config = config;
        job->onChunk = std::move(onChunk);
        job->onError = std::move(onError);
        m_jobs[job->id] = job;
        failed = m_failed;
    }
    startOn(job, failed ? *m_fallback : *m_primary, text, !failed);
    return job->id;
}

// Called without m_mutex held: inner engines call their handlers under their own locks, which
// then take m_mutex, so m_mutex must never be held while calling into an inner engine.
void FallbackTts::startOn(const std::shared_ptr<Job> &job, TtsEngine &engine, const QString &text, bool isPrimary)
{
    {
        std::lock_guard lock(m_mutex);
        job->engine = &engine;
        job->onPrimary = isPrimary;
    }
    std::weak_ptr<Job> weak = job;
    auto chunkHandler = [this, weak](const TtsChunk &inner) {
        std::lock_guard lock(m_mutex);
        const auto job = weak.lock();
        if (!job || !m_jobs.count(job->id))
            return;
        TtsChunk c = inner;
        c.job = job->id;
        c.sentenceIndex += job->sentenceBase;
        job->sentenceOpen = !c.sentenceEnd;
        if (c.sentenceEnd)
            job->sentencesDone = c.sentenceIndex + 1;
        if (c.last)
            m_jobs.erase(job->id);
        if (job->onChunk)
            job->onChunk(c);
    };
    auto errorHandler = [this, weak, isPrimary](quint64, const QString &message) {
        std::unique_lock lock(m_mutex);
        const auto job = weak.lock();
        if (!job || !m_jobs.count(job->id))
            return;
        if (isPrimary) {
            onPrimaryError(job, message, lock);
            return;
        }
        m_jobs.erase(job->id);
        if (job->onError)
            job->onError(job->id, message);
    };
    const quint64 inner = engine.synthesize(text, job->config, chunkHandler, errorHandler);
    bool cancelled = false;
    {
        std::lock_guard lock(m_mutex);
        job->inner = inner;
        cancelled = !m_jobs.count(job->id);
    }
    if (cancelled)
        engine.cancel(inner); // cancelled while it was being started
}

// Speaks what the primary had not finished with the fallback. A sentence cut in the middle is
// said again whole, as a new sentence, so the caller hears every word.
void FallbackTts::onPrimaryError(const std::shared_ptr<Job> &job, const QString &message,
                                 std::unique_lock<std::recursive_mutex> &lock)
{
    if (!m_failed) {
        m_failed = true;
        if (m_onFallback)
            m_onFallback(QStringLiteral("%1 (%2 continues the call)").arg(message, m_fallback->name()));
    }
    const QStringList sentences = splitForSpeech(job->text);
    const int done = std::min<int>(job->sentencesDone, int(sentences.size()));
    const QString rest = sentences.mid(done).join(QLatin1Char(' '));
    if (rest.trimmed().isEmpty()) {
        // Everything was said; close the job with an empty last chunk.
        TtsChunk c;
        c.job = job->id;
        c.sentenceIndex = std::max(0, done - 1);
        c.sentenceEnd = true;
        c.last = true;
        c.sampleRate = job->config.sampleRate;
        c.encoding = job->config.encoding;
        m_jobs.erase(job->id);
        if (job->onChunk)
            job->onChunk(c);
        return;
    }
    job->sentenceBase = done + (job->sentenceOpen ? 1 : 0);
    job->sentenceOpen = false;
    lock.unlock();
    startOn(job, *m_fallback, rest, false);
}

void FallbackTts::cancel(quint64 id)
{
    std::shared_ptr<Job> job;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            return;
        job = it->second;
        m_jobs.erase(it);
    }
    if (job->engine)
        job->engine->cancel(job->inner);
}

} // namespace ringside
