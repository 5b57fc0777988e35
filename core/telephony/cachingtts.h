#pragma once

#include "speech/ttsengine.h"

#include <QHash>
#include <QString>

#include <atomic>
#include <list>
#include <memory>
#include <mutex>
#include <vector>

namespace ringside::telephony {

// A TtsEngine in front of another that keeps the audio of whole replies it has made, so the
// greeting, hold and callback messages and other repeated sentences are synthesized once per
// gateway rather than once per call. A hit delivers every chunk from inside synthesize(), before
// it returns (SpeechPipeline registers the reply first and reads its mailbox on the next pull, so
// this is safe). Bounded by total audio bytes, least recently used first out. Thread-safe.
class CachingTts final : public TtsEngine
{
public:
    CachingTts(TtsEngine &inner, std::size_t maxBytes = 64u << 20);
    ~CachingTts() override;

    quint64 synthesize(const QString &text, const TtsConfig &config, ChunkHandler onChunk, ErrorHandler onError) override;
    void cancel(quint64 job) override;
    QString name() const override { return m_inner.name(); }

    struct Stats
    {
        quint64 hits = 0;
        quint64 misses = 0;
        std::size_t bytes = 0;
        int entries = 0;
    };
    Stats stats() const;

private:
    struct Entry
    {
        QString key;
        std::vector<TtsChunk> chunks;
        std::size_t bytes = 0;
    };
    struct Pending; // a miss being synthesized: its chunks so far

    static QString keyFor(const QString &text, const TtsConfig &config);
    void store(const QString &key, std::vector<TtsChunk> chunks);

    TtsEngine &m_inner;
    const std::size_t m_maxBytes;
    mutable std::mutex m_mutex;
    std::list<Entry> m_lru; // front: most recently used
    QHash<QString, std::list<Entry>::iterator> m_index;
    std::size_t m_bytes = 0;
    QHash<quint64, quint64> m_innerJob; // our job → the inner engine's (misses only)
    std::atomic<quint64> m_nextJob{ 1 };
    quint64 m_hits = 0;
    quint64 m_misses = 0;
};

} // namespace ringside::telephony
