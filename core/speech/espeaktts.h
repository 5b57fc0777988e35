#pragma once

#include "speech/ttsengine.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace ringside {

// Embedded text-to-speech with espeak-ng: English voices (en-us, en-gb and their variants such as
// "en-us+f3") and Hindi ("hi"), at any output rate (8 kHz μ-law for phones, 16/24 kHz PCM for the
// desktop), sentence by sentence, with word positions for "how much was heard".
//
// espeak-ng keeps its state in process globals and is not thread-safe, so all synthesis runs on
// one worker thread per engine, and engines in the same process take turns on a process-wide
// lock. One engine can serve every call: jobs queue in order; cancel() drops a job at once.
class EspeakTts final : public TtsEngine
{
public:
    EspeakTts();
    ~EspeakTts() override;
    EspeakTts(const EspeakTts &) = delete;
    EspeakTts &operator=(const EspeakTts &) = delete;

    quint64 synthesize(const QString &text, const TtsConfig &config, ChunkHandler onChunk, ErrorHandler onError) override;
    void cancel(quint64 job) override;
    QString name() const override { return QStringLiteral("espeak-ng"); }

    // False when espeak-ng could not start (no espeak-ng-data); every job then fails with initError().
    bool isAvailable() const { return m_nativeRate > 0; }
    QString initError() const { return m_initError; }

    // The espeak-ng voice a config resolves to ("en-us", "hi", …), or empty with *why set.
    static QString resolveVoice(const TtsConfig &config, QString *why);
    // Words per minute for ttsConfig.speed (1.0 → 175, espeak-ng's normal rate).
    static int wordsPerMinute(double speed);
    // Chunks are cut at about this much audio (the first one sooner); default 200 ms.
    void setChunkMs(int ms) { m_chunkMs = ms; }

    struct Job; // internal, public so the espeak callback can reach it

private:
    void run();
    void synthesizeJob(const std::shared_ptr<Job> &job);

    int m_nativeRate = 0;
    QString m_initError;
    std::atomic<int> m_chunkMs{200};

    std::mutex m_mutex;               // guards the queue, m_current and m_stopping
    std::condition_variable m_wake;
    std::deque<std::shared_ptr<Job>> m_queue;
    std::shared_ptr<Job> m_current;
    bool m_stopping = false;
    std::atomic<quint64> m_nextJob{1};
    std::thread::id m_workerId;
    std::thread m_worker;
};

} // namespace ringside
