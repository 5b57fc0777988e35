#pragma once

#include "speech/sttengine.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace ringside {

// A cloud recognizer with the embedded one behind it: when the primary reports an error mid-call
// (socket dropped, key refused, server gone), the next call on the speech thread stops it, starts
// the fallback with the same configuration and expectation, and replays the audio of the turn in
// progress, so the caller's words are still heard. The error is passed on once, saying who took
// over ("… — the embedded recognizer continues the call"). With no fallback to start, the error
// passes on as it is and finalize() keeps answering "" so the pipeline never waits.
//
// The same threading contract as SttEngine: calls from one thread, callbacks from either engine.
class FallbackStt final : public SttEngine
{
public:
    using Factory = std::function<std::unique_ptr<SttEngine>()>;

    FallbackStt(std::unique_ptr<SttEngine> primary, Factory fallback);
    ~FallbackStt() override;

    bool start(const SttConfig &config, Callbacks callbacks) override;
    void feed(const std::int16_t *samples, std::size_t n) override;
    void finalize() override;
    void setExpectation(SttExpectation expectation) override;
    void stop() override;
    QString name() const override;


    bool hasFallenBack() const { return m_switched; }
    // Caller thread: false once the primary failed and nothing took over (no fallback, or it
    // could not start), so what is fed is no longer recognized.
    bool isHearing() const;

private:
    void switchIfFailed();

    std::unique_ptr<SttEngine> m_primary;
    Factory m_factory;
    std::unique_ptr<SttEngine> m_fallback;
    SttConfig m_config;
    Callbacks m_callbacks;
    std::shared_ptr<std::atomic<bool>> m_primaryFailed = std::make_shared<std::atomic<bool>>(false);
    bool m_switched = false;
    bool m_fallbackStarted = false;
    std::vector<std::int16_t> m_turn; // audio since the last finalize, replayed on a switch
};

} // namespace ringside
