#pragma once

#include "speech/cloud/ttsaudioconverter.h"
#include "speech/ttsengine.h"

#include <QStringList>

#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace ringside {

// The open jobs of a cloud TTS engine and their handlers. Handlers run under the book's lock, so
// once cancel(job) returns no handler of that job is running or will run; the lock is recursive so
// a handler may itself cancel (barge-in from inside onChunk). Thread-safe.
class TtsJobBook
{
public:
    quint64 open(TtsEngine::ChunkHandler onChunk, TtsEngine::ErrorHandler onError);
    // Delivers unless the job was cancelled; a chunk marked `last` closes the job.
    // Returns false (and delivers nothing) when the job is not open.
    bool chunk(const TtsChunk &chunk);
    // Reports and closes the job (nothing when it was cancelled).
    void error(quint64 job, const QString &message);
    // Closes the job; true when it was open.
    bool cancel(quint64 job);
    bool isOpen(quint64 job) const;

private:
    struct Handlers
    {
        TtsEngine::ChunkHandler onChunk;
        TtsEngine::ErrorHandler onError;
    };
    mutable std::recursive_mutex m_mutex;
    std::unordered_map<quint64, std::shared_ptr<Handlers>> m_jobs;
    std::atomic<quint64> m_next{1};
};

// Where a cloud TTS job is in its reply: which sentence is being synthesised and how many samples
// of it were delivered. Engines extend it with their transport's state.
struct TtsJobProgress
{
    quint64 id = 0;
    QStringList sentences;
    int index = 0;
    TtsConfig config;
    std::int64_t sentenceSample = 0;
    TtsAudioConverter converter;

    // The chunk carrying `audio` of the current sentence; advances sentenceSample past it.
    TtsChunk nextChunk(const QByteArray &audio, bool sentenceEnd)
    {
        TtsChunk chunk;
        chunk.job = id;
        chunk.sentenceIndex = index;
        chunk.sentenceText = sentences.at(index);
        chunk.sentenceSample = sentenceSample;
        chunk.sentenceEnd = sentenceEnd;
        chunk.last = sentenceEnd && index + 1 == sentences.size();
        chunk.sampleRate = config.sampleRate;
        chunk.encoding = config.encoding;
        chunk.audio = audio;
        sentenceSample += std::int64_t(chunk.sampleCount());
        return chunk;
    }
};

} // namespace ringside
