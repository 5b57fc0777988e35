#include "speech/agentplayout.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace ringside {

namespace {
// What was not heard of a reply: the rest of its text after the heard part (the tracker only
// knows sentences that reached the output; later ones were never synthesized or never queued).
QString restOf(const QString &reply, const QString &heard, const QString &trackerUnheard)
{
    const QString text = reply.simplified();
    if (heard.isEmpty())
        return text;
    if (text.startsWith(heard))
        return text.mid(heard.size()).trimmed();
    return trackerUnheard;
}
} // namespace

void AgentPlayout::addReply(quint64 job, const QString &text)
{
    Reply r;
    r.job = job;
    r.text = text;
    m_replies.push_back(std::move(r));
}

void AgentPlayout::addChunk(TtsChunk chunk)
{
    for (Reply &r : m_replies) {
        if (r.job == chunk.job) {
            if (!r.allSent)
                r.chunks.push_back(std::move(chunk));
            return;
        }
    }
}

void AgentPlayout::failReply(quint64 job)
{
    const auto it = std::find_if(m_replies.begin(), m_replies.end(), [job](const Reply &r) { return r.job == job; });
    if (it == m_replies.end())
        return;
    Finished f;
    f.job = job;
    f.heard = m_tracker.heard(job);
    f.heard.unheardText = restOf(it->text, f.heard.heardText, f.heard.unheardText);
    f.interrupted = true;
    f.outputSample = m_position;
    m_tracker.forget(job);
    m_replies.erase(it);
    if (onFinished)
        onFinished(f);
}

std::size_t AgentPlayout::pull(std::int16_t *out, std::size_t n)
{
    std::size_t filled = 0;
    bool sentenceDone = false;
    while (filled < n) {
        auto it = std::find_if(m_replies.begin(), m_replies.end(), [](const Reply &r) { return !r.allSent; });
        if (it == m_replies.end() || it->chunks.empty())
            break; // nothing to play, or the engine has not caught up: silence until it does
        Reply &r = *it;
        TtsChunk &chunk = r.chunks.front();
        const std::size_t available = chunk.sampleCount() - r.offset;
        if (r.offset == 0)
            m_tracker.append(chunk, m_position + std::int64_t(filled), chunk.sampleCount());
        if (!r.started && available > 0) {
            r.started = true;
            if (onStarted)
                onStarted(r.job, r.text, m_position + std::int64_t(filled));
        }
        const std::size_t take = std::min(available, n - filled);
        const auto *samples = reinterpret_cast<const std::int16_t *>(chunk.audio.constData()) + r.offset;
        std::memcpy(out + filled, samples, take * sizeof(std::int16_t));
        filled += take;
        r.offset += take;
        if (r.offset < chunk.sampleCount())
            continue;
        const bool sentenceEnd = chunk.sentenceEnd;
        r.allSent = chunk.last;
        if (r.allSent)
            r.end = m_position + std::int64_t(filled);
        r.chunks.pop_front();
        r.offset = 0;
        if (sentenceEnd && m_stopAfterSentence) {
            sentenceDone = true;
            break;
        }
    }
    if (filled < n)
        std::memset(out + filled, 0, (n - filled) * sizeof(std::int16_t));
    const std::int64_t sentUpTo = m_position + std::int64_t(filled);
    m_position += std::int64_t(n);
    if (!m_externalPlayback)
        m_tracker.markPlayed(m_position);
    if (sentenceDone) {
        // allowInterruptions is off: the sentence was sent whole and nothing clears it, so it will
        // be heard; the rest of the reply is dropped.
        m_tracker.markPlayed(sentUpTo);
        m_toCancel += dropAll(sentUpTo, true);
    }
    finishIfPlayed();
    return filled;
}

bool AgentPlayout::isAwaitingAudio() const
{
    const auto it = std::find_if(m_replies.begin(), m_replies.end(), [](const Reply &r) { return !r.allSent; });
    return it != m_replies.end() && it->chunks.empty();
}

QList<quint64> AgentPlayout::takeJobsToCancel()
{
    return std::exchange(m_toCancel, {});
}

void AgentPlayout::markPlayed(std::int64_t outputSample)
{
    m_tracker.markPlayed(outputSample);
    finishIfPlayed();
}

void AgentPlayout::finishIfPlayed()
{
    while (!m_replies.empty()) {
        Reply &r = m_replies.front();
        if (!r.allSent || m_tracker.played() < r.end)
            return;
        Finished f;
        f.job = r.job;
        f.heard = m_tracker.heard(r.job);
        f.interrupted = false;
        f.outputSample = m_tracker.played();
        m_tracker.forget(r.job);
        m_replies.pop_front();
        if (onFinished)
            onFinished(f);
    }
}

QList<quint64> AgentPlayout::dropAll(std::int64_t cut, bool interrupted)
{
    m_tracker.truncate(cut);
    QList<quint64> jobs;
    std::deque<Reply> replies;
    replies.swap(m_replies);
    m_stopAfterSentence = false;
    for (Reply &r : replies) {
        jobs << r.job;
        Finished f;
        f.job = r.job;
        f.heard = m_tracker.heard(r.job);
        f.heard.unheardText = restOf(r.text, f.heard.heardText, f.heard.unheardText);
        f.interrupted = interrupted;
        f.outputSample = cut;
        m_tracker.forget(r.job);
        if (onFinished)
            onFinished(f);
    }
    return jobs;
}

QList<quint64> AgentPlayout::stopNow()
{
    // Whatever was sent but not yet played (a phone network's buffer) will not be heard either.
    return dropAll(std::min(m_tracker.played(), m_position), true);
}

} // namespace ringside
