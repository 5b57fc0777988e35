#pragma once

#include "speech/ttsengine.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <limits>

namespace ringside {

// Knows which sentence and word each queued agent sample belongs to, so that when playback stops
// (barge-in, operator takeover) the brain learns exactly what the caller heard.
//
// Samples are positions on the call's output timeline. Audio is appended as it is queued; the
// played position advances as it is actually played: by the pipeline as the device pulls it, or
// by the telephony gateway from Twilio/Exotel `mark` echoes (markPlayed), since a phone network
// buffers audio that has been sent but not yet heard.
class PlaybackTracker
{
public:
    struct Heard
    {
        QString heardText;   // the sentences and words that were played in full
        QString unheardText; // the rest of what was queued
        int sentencesHeard = 0;
        bool complete = false; // everything queued was played
    };

    void reset();

    // A chunk of sentence `sentenceIndex` occupying output samples [start, start + samples).
    void append(const TtsChunk &chunk, std::int64_t start, std::size_t samples);
    // Everything before `sample` has been played.
    void markPlayed(std::int64_t sample);
    // Audio from `sample` on will never play (it was dropped on barge-in).
    void truncate(std::int64_t sample);

    std::int64_t played() const { return m_played; }
    std::int64_t queuedEnd() const;
    bool isEmpty() const { return m_sentences.isEmpty(); }
    // What was heard of reply `job` (0: of everything appended since reset).
    Heard heard(quint64 job = 0) const;
    // Drops a finished reply's sentences.
    void forget(quint64 job);
    // The sentence playing at the played position, or -1.
    int currentSentence() const;
    // End sample of the sentence playing at the played position, or -1.
    std::int64_t currentSentenceEnd() const;

private:
    struct Word
    {
        std::int64_t start = 0; // absolute sample
        int textPosition = 0;
        int textLength = 0;
    };
    struct Sentence
    {
        quint64 job = 0;
        int index = 0;
        QString text;
        std::int64_t start = 0;
        std::int64_t end = 0;   // exclusive; grows as chunks arrive
        std::int64_t cut = std::numeric_limits<std::int64_t>::max(); // nothing from here on plays (barge-in)
        bool ended = false;     // the last chunk arrived
        QList<Word> words;
    };
    // How many characters of `s` were heard by `played` (a word counts once the next one starts).
    static int heardChars(const Sentence &s, std::int64_t playedUpTo);

    QList<Sentence> m_sentences;
    std::int64_t m_played = 0;
};

} // namespace ringside
