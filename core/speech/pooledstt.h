#pragma once

#include "speech/recognizerpool.h"
#include "speech/spscringbuffer.h"
#include "speech/sttengine.h"

#include <functional>
#include <memory>

namespace ringside {

// Runs a blocking recognizer (pocketsphinx) on a RecognizerPool instead of the caller's thread.
// feed(), finalize(), setExpectation() and judgePause() only copy into lock-free rings and wake the pool: no
// decoding, locking or allocation on the call's audio thread. The pool thread applies them in the
// order they were made (a finalize after the audio fed before it) and the recognizer's callbacks
// run there — SttEngine allows callbacks from any thread.
//
// Up to `bufferSeconds` of audio may wait for the pool; more is dropped and reported once through
// the error callback (the pool is overloaded). stop() waits for a slice in progress to finish.
class PooledStt final : public SttEngine
{
public:
    // `checkConfig` runs in start() on the caller's thread and returns why the configuration cannot
    // be served ("unsupported language: …"), so canHear() is known at once; the recognizer's own
    // start() (building its models) runs on the pool.
    PooledStt(std::unique_ptr<SttEngine> inner, RecognizerPool &pool,
              std::function<QString(const SttConfig &)> checkConfig = {}, int bufferSeconds = 30);
    ~PooledStt() override;

    bool start(const SttConfig &config, Callbacks callbacks) override;
    void feed(const std::int16_t *samples, std::size_t n) override;
    void finalize() override;
    void setExpectation(SttExpectation expectation) override;
    bool judgePause() override;
    void stop() override;
    QString name() const override { return m_name; }

private:
    struct Command;
    class Shared;
    std::shared_ptr<Shared> m_shared;
    RecognizerPool &m_pool;
    std::function<QString(const SttConfig &)> m_checkConfig;
    QString m_name;
    std::int64_t m_fed = 0; // samples pushed so far (caller's thread)
    SttExpectation m_expectation = SttExpectation::General;
    bool m_started = false;
};

} // namespace ringside
