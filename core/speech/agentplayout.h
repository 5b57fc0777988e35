#pragma once

#include "speech/playbacktracker.h"
#include "speech/ttsengine.h"

#include <QString>

#include <cstdint>
#include <deque>
#include <functional>

namespace ringside {

// The agent's side of a call: replies queued in order, their TTS chunks as they arrive, and the
// output timeline they are pulled onto. Owned and driven by one thread (SpeechPipeline's).
class AgentPlayout
{
public:
    struct Finished
    {
        quint64 job = 0;
        PlaybackTracker::Heard heard;
        bool interrupted = false;
        std::int64_t outputSample = 0;
    };
    std::function<void(quint64 job, const QString &text, std::int64_t outputSample)> onStarted;
    std::function<void(const Finished &)> onFinished;

    void addReply(quint64 job, const QString &text);
    // A chunk from the TTS engine; chunks of jobs no longer queued are dropped.
    void addChunk(TtsChunk chunk);
    void failReply(quint64 job);

    // Fills `out` with `n` samples at the output position, silence where there is nothing to play.
    // Returns how many samples were agent audio.
    std::size_t pull(std::int16_t *out, std::size_t n);

    // Stops at once: returns the jobs to cancel. `interrupted` is reported in onFinished.
    QList<quint64> stopNow();
    // Plays on to the end of the current sentence, then stops (allowInterruptions off).
    void stopAfterSentence() { m_stopAfterSentence = !m_replies.empty(); }
    // Jobs dropped inside pull() (after the sentence ended) whose synthesis should be cancelled.
    QList<quint64> takeJobsToCancel();

    void setExternalPlayback(bool external) { m_externalPlayback = external; }
    void markPlayed(std::int64_t outputSample);

    bool isSpeaking() const { return !m_replies.empty(); }
    // A reply's audio has started and not finished: the caller can hear the agent.
    bool isPlaying() const { return !m_replies.empty() && m_replies.front().started; }
    bool isStopping() const { return m_stopAfterSentence; }
    // A reply is due but its next audio has not arrived from TTS yet (an underrun if pulled now).
    bool isAwaitingAudio() const;
    std::int64_t position() const { return m_position; }
    const PlaybackTracker &tracker() const { return m_tracker; }

private:
    struct Reply
    {
        quint64 job = 0;
        QString text;
        std::deque<TtsChunk> chunks;
        std::size_t offset = 0;    // samples of chunks.front() already pulled
        bool started = false;
        bool allSent = false;      // the last chunk has been pulled
        std::int64_t end = -1;     // output position after its last sample
    };
    void finishIfPlayed();
    QList<quint64> dropAll(std::int64_t cut, bool interrupted);

    std::deque<Reply> m_replies;
    PlaybackTracker m_tracker;
    std::int64_t m_position = 0;
    bool m_stopAfterSentence = false;
    bool m_externalPlayback = false;
    QList<quint64> m_toCancel;
};

} // namespace ringside
