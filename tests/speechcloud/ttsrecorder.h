#pragma once
// Collects a TtsEngine's handlers, which cloud engines call on their network thread.

#include "speech/ttsengine.h"

#include <QList>
#include <QStringList>
#include <QTest>

#include <mutex>
#include <vector>

namespace ringside::testing {

struct TtsRecorder
{
    mutable std::mutex mutex;
    QList<TtsChunk> chunks;
    QStringList errors;

    TtsEngine::ChunkHandler onChunk()
    {
        return [this](const TtsChunk &c) { std::lock_guard l(mutex); chunks << c; };
    }
    TtsEngine::ErrorHandler onError()
    {
        return [this](quint64, const QString &m) { std::lock_guard l(mutex); errors << m; };
    }
    bool finished() const
    {
        std::lock_guard l(mutex);
        return !errors.isEmpty() || (!chunks.isEmpty() && chunks.back().last);
    }
    bool waitFinished(int ms = 5000) const { return QTest::qWaitFor([&] { return finished(); }, ms); }
    QList<TtsChunk> chunkList() const { std::lock_guard l(mutex); return chunks; }
    QStringList errorList() const { std::lock_guard l(mutex); return errors; }
    // Every chunk's audio as PCM16, in order.
    std::vector<std::int16_t> pcm() const
    {
        std::lock_guard l(mutex);
        std::vector<std::int16_t> out;
        for (const TtsChunk &c : chunks) {
            const auto p = c.toPcm16();
            out.insert(out.end(), p.begin(), p.end());
        }
        return out;
    }
    // Sentence texts in the order their first chunk arrived.
    QStringList sentences() const
    {
        std::lock_guard l(mutex);
        QStringList out;
        int last = -1;
        for (const TtsChunk &c : chunks)
            if (c.sentenceIndex != last) {
                out << c.sentenceText;
                last = c.sentenceIndex;
            }
        return out;
    }
};

// PCM16 little-endian bytes of a ramp, as a provider sends raw audio.
inline QByteArray pcmBytes(const std::vector<std::int16_t> &samples)
{
    QByteArray out;
    for (std::int16_t s : samples) {
        out.append(char(std::uint16_t(s) & 0xff));
        out.append(char(std::uint16_t(s) >> 8));
    }
    return out;
}

inline std::vector<std::int16_t> rampSamples(std::size_t n, int step = 37)
{
    std::vector<std::int16_t> out(n);
    for (std::size_t i = 0; i < n; ++i)
        out[i] = std::int16_t((int(i) * step) % 20000 - 10000);
    return out;
}

} // namespace ringside::testing
