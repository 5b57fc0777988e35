#pragma once

#include "speech/audioformat.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

namespace ringside {

// One synthesis request's settings, from the agent's `language`, `ttsVoice` and `ttsConfig`.
struct TtsConfig
{
    QString voice;                 // ttsVoice; an engine that does not know it uses the language's default
    double speed = 1.0;            // ttsConfig.speed: 1.0 normal, 1.1 ten percent faster
    QString language = QStringLiteral("en-US");
    int sampleRate = 16000;        // 8000 for phones, 16000/24000 for the desktop
    AudioEncoding encoding = AudioEncoding::Pcm16;
};

// Where a word starts in the audio, so playback that stops early knows which words were heard.
struct TtsWordMark
{
    std::int64_t sentenceSample = 0; // offset from the start of the sentence's audio
    int textPosition = 0;            // index of the word's first character in the sentence text
    int textLength = 0;
};

// A piece of synthesized audio. A reply is split into sentences; each sentence arrives as one or
// more chunks (the first within milliseconds, so playback can start before the reply is done).
struct TtsChunk
{
    quint64 job = 0;
    int sentenceIndex = 0;
    QString sentenceText;
    std::int64_t sentenceSample = 0; // offset of this chunk's first sample within its sentence
    bool sentenceEnd = false;        // last chunk of the sentence
    bool last = false;               // last chunk of the job
    int sampleRate = 16000;
    AudioEncoding encoding = AudioEncoding::Pcm16;
    QByteArray audio;                // PCM16 in host byte order, or one μ-law byte per sample
    QList<TtsWordMark> words;        // word positions learned while making this chunk (sentence-relative)

    std::size_t sampleCount() const
    {
        return encoding == AudioEncoding::MuLaw ? std::size_t(audio.size()) : std::size_t(audio.size()) / 2;
    }
    std::vector<std::int16_t> toPcm16() const; // decodes μ-law when needed
};

// Text-to-speech. One engine may serve many calls.
//
// Threading: synthesize() and cancel() may be called from any thread. Handlers run on the engine's
// own thread (embedded) or a network thread (cloud), in order, one at a time per job; keep them
// short and thread-safe. After cancel(job) returns, that job's handlers are not called again
// (unless cancel is called from inside one of its own handlers, which is also allowed).
class TtsEngine
{
public:
    using ChunkHandler = std::function<void(const TtsChunk &chunk)>;
    using ErrorHandler = std::function<void(quint64 job, const QString &message)>;

    virtual ~TtsEngine() = default;

    // Queues `text`; returns the job id (never 0). Problems (unknown language, empty text) arrive
    // through onError, naming the field: "ttsConfig.speed: 9 is outside 0.5–3".
    virtual quint64 synthesize(const QString &text, const TtsConfig &config, ChunkHandler onChunk,
                               ErrorHandler onError) = 0;
    virtual void cancel(quint64 job) = 0;
    virtual QString name() const = 0;
};

} // namespace ringside
