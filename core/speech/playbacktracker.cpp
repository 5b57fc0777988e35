#include "speech/playbacktracker.h"

#include <algorithm>
#include <limits>

namespace ringside {

void PlaybackTracker::reset()
{
    m_sentences.clear();
    m_played = 0;
}

void PlaybackTracker::append(const TtsChunk &chunk, std::int64_t start, std::size_t samples)
{
    const std::int64_t sentenceOrigin = start - chunk.sentenceSample;
    if (m_sentences.isEmpty() || m_sentences.last().job != chunk.job || m_sentences.last().index != chunk.sentenceIndex) {
        Sentence s;
        s.job = chunk.job;
        s.index = chunk.sentenceIndex;
        s.text = chunk.sentenceText;
        s.start = start;
        s.end = start;
        m_sentences.append(s);
    }
    Sentence &s = m_sentences.last();
    s.end = start + std::int64_t(samples);
    s.ended = chunk.sentenceEnd;
    for (const TtsWordMark &w : chunk.words)
        s.words.append({sentenceOrigin + w.sentenceSample, w.textPosition, w.textLength});
}

void PlaybackTracker::markPlayed(std::int64_t sample)
{
    m_played = std::max(m_played, sample);
}

void PlaybackTracker::truncate(std::int64_t sample)
{
    // Sentences stay so their text is still reported as unheard; word timings stay as they were.
    for (Sentence &s : m_sentences)
        s.cut = std::min(s.cut, sample);
}

std::int64_t PlaybackTracker::queuedEnd() const
{
    return m_sentences.isEmpty() ? 0 : std::min(m_sentences.last().end, m_sentences.last().cut);
}

int PlaybackTracker::heardChars(const Sentence &s, std::int64_t playedUpTo)
{
    const std::int64_t played = std::min(playedUpTo, s.cut);
    if (s.ended && played >= s.end)
        return int(s.text.size());
    if (played <= s.start)
        return 0;
    if (!s.words.isEmpty()) {
        // A word is heard once the next word starts (or the sentence's audio ends).
        constexpr std::int64_t kUnknown = std::numeric_limits<std::int64_t>::max();
        int chars = 0;
        for (qsizetype i = 0; i < s.words.size(); ++i) {
            const std::int64_t wordEnd = i + 1 < s.words.size() ? s.words[i + 1].start : (s.ended ? s.end : kUnknown);
            if (wordEnd > played)
                break;
            chars = s.words[i].textPosition + s.words[i].textLength;
        }
        return std::min(chars, int(s.text.size()));
    }
    // No word positions (some cloud voices): assume an even pace and stop at a word boundary.
    const double fraction = s.end > s.start ? double(played - s.start) / double(s.end - s.start) : 0.0;
    int chars = int(fraction * double(s.text.size()));
    while (chars > 0 && chars < s.text.size() && !s.text.at(chars).isSpace())
        --chars;
    return chars;
}

void PlaybackTracker::forget(quint64 job)
{
    m_sentences.removeIf([job](const Sentence &s) { return s.job == job; });
}

PlaybackTracker::Heard PlaybackTracker::heard(quint64 job) const
{
    Heard h;
    QStringList heard, unheard;
    for (const Sentence &s : m_sentences) {
        if (job != 0 && s.job != job)
            continue;
        const int chars = heardChars(s, m_played);
        if (chars >= s.text.size()) {
            heard << s.text;
            ++h.sentencesHeard;
            continue;
        }
        const QString head = s.text.left(chars).trimmed();
        const QString tail = s.text.mid(chars).trimmed();
        if (!head.isEmpty())
            heard << head;
        if (!tail.isEmpty())
            unheard << tail;
    }
    h.heardText = heard.join(QLatin1Char(' '));
    h.unheardText = unheard.join(QLatin1Char(' '));
    h.complete = unheard.isEmpty();
    return h;
}

int PlaybackTracker::currentSentence() const
{
    for (const Sentence &s : m_sentences)
        if (m_played >= s.start && m_played < std::min(s.end, s.cut))
            return s.index;
    return -1;
}

std::int64_t PlaybackTracker::currentSentenceEnd() const
{
    for (const Sentence &s : m_sentences)
        if (m_played >= s.start && m_played < std::min(s.end, s.cut))
            return s.end;
    return -1;
}

} // namespace ringside
