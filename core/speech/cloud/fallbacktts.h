#pragma once

#include "speech/ttsengine.h"

#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace ringside {

// A cloud synthesizer with the embedded one behind it, so a provider error never leaves the caller
// in silence. When the primary fails a job, the sentences it had not finished are spoken by the
// fallback under the same job id (sentence numbers continue, so the playout sees one reply), and
// every later job goes to the fallback for the rest of the engine's life: a provider that failed
// mid-call is not tried again on that call. `onFallback` hears the reason once (for a notice).
//
// Thread-safe; handlers come from whichever engine is speaking.
class FallbackTts final : public TtsEngine
{
public:
    FallbackTts(std::shared_ptr<TtsEngine> primary, std::shared_ptr<TtsEngine> fallback,
                std::function<void(const QString &reason)> onFallback = {});
    ~FallbackTts() override;

    quint64 synthesize(const QString &text, const TtsConfig &config, ChunkHandler onChunk, ErrorHandler onError) override;
    void cancel(quint64 job) override;
    QString name() const override;

    bool hasFallenBack() const;

private:
    struct Job;
    void startOn(const std::shared_ptr<Job> &job, TtsEngine &engine, const QString &text, bool isPrimary);
    void onPrimaryError(const std::shared_ptr<Job> &job, const QString &message, std::unique_lock<std::recursive_mutex> &lock);

    std::shared_ptr<TtsEngine> m_primary;
    std::shared_ptr<TtsEngine> m_fallback;
    std::function<void(const QString &)> m_onFallback;
    mutable std::recursive_mutex m_mutex;
    bool m_failed = false;
    quint64 m_next = 1;
    std::map<quint64, std::shared_ptr<Job>> m_jobs;
};

} // namespace ringside
