#include "speech/pooledstt.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <vector>

namespace ringside {

namespace {
constexpr std::size_t kSliceSamples = 16000 / 2; // at most 500 ms of audio per slice (at 16 kHz)
constexpr std::size_t kChunk = 1600;             // fed to the recognizer 100 ms at a time
} // namespace

// Something the caller asked for, applied by the pool in order with the audio. PooledStt's member,
// not in an anonymous namespace: Shared's fields hold it, and a unity build warns about a field
// whose type has internal linkage (-Wsubobject-linkage).
struct PooledStt::Command
{
    enum class Kind : std::uint8_t { Start, Finalize, Expect, Pause } kind = Kind::Finalize;
    std::int64_t atSample = 0; // applies once this much audio has been fed
    SttExpectation expectation = SttExpectation::General;
};

// What the caller's thread and the pool share: the rings, and the recognizer itself (touched only
// by the pool thread that holds `busy`, or by stop() once no slice can run).
class PooledStt::Shared final : public RecognizerPool::Stream
{
public:
    Shared(std::unique_ptr<SttEngine> engine, std::size_t bufferSamples)
        : inner(std::move(engine)), audio(bufferSamples), commands(256), scratch(kChunk)
    {
    }

    bool work() override
    {
        std::size_t budget = kSliceSamples;
        while (budget > 0) {
            const Command *next = nextCommand();
            const std::int64_t limit = next ? next->atSample : std::numeric_limits<std::int64_t>::max();
            const std::size_t available = audio.readAvailable();
            const std::size_t want = std::size_t(std::min<std::int64_t>(std::int64_t(available), limit - consumed));
            if (want > 0) {
                const std::size_t n = audio.pop(scratch.data(), std::min({ want, budget, kChunk }));
                consumed += std::int64_t(n);
                budget -= n;
                if (started)
                    inner->feed(scratch.data(), n);
                continue;
            }
            if (!next)
                return false; // nothing more to do until the caller feeds or finalizes
            run(*next);
            pending.reset();
        }
        return audio.readAvailable() > 0 || nextCommand() != nullptr;
    }

    std::unique_ptr<SttEngine> inner;
    SttConfig config;
    Callbacks callbacks;
    bool started = false;
    SpscRingBuffer<std::int16_t> audio;
    SpscRingBuffer<Command> commands;
    std::atomic<bool> overrunReported{ false };

private:
    const Command *nextCommand()
    {
        if (!pending) {
            if (auto c = commands.tryPop())
                pending = *c;
        }
        return pending ? &*pending : nullptr;
    }

    void run(const Command &c)
    {
        switch (c.kind) {
        case Command::Kind::Start:
            started = inner->start(config, callbacks);
            break;
        case Command::Kind::Finalize:
            if (started)
                inner->finalize();
            else if (callbacks.final)
                callbacks.final(QString(), 0.0); // one final per finalize(), even unheard
            break;
        case Command::Kind::Expect:
            if (started)
                inner->setExpectation(c.expectation);
            break;
        case Command::Kind::Pause:
            if (started)
                inner->judgePause();
            break;
        }
    }

    std::int64_t consumed = 0;
    std::optional<Command> pending;
    std::vector<std::int16_t> scratch;
};

PooledStt::PooledStt(std::unique_ptr<SttEngine> inner, RecognizerPool &pool, std::function<QString(const SttConfig &)> checkConfig,
                     int bufferSeconds)
    : m_pool(pool), m_checkConfig(std::move(checkConfig)), m_name(inner ? inner->name() : QString())
{
    m_shared = std::make_shared<Shared>(std::move(inner), std::size_t(std::max(1, bufferSeconds)) * 16000);
}

PooledStt::~PooledStt()
{
    stop();
}

bool PooledStt::start(const SttConfig &config, Callbacks callbacks)
{
    stop();
    if (m_checkConfig) {
        const QString problem = m_checkConfig(config);
        if (!problem.isEmpty()) {
            if (callbacks.error)
                callbacks.error(problem);
            return false;
        }
    }
    // The ring is sized for 16 kHz; other rates get proportionally more or less time.
    m_shared->config = config;
    m_shared->callbacks = std::move(callbacks);
    m_shared->retired.store(false);
    m_fed = 0;
    m_expectation = config.expectation;
    m_shared->commands.tryPush({ Command::Kind::Start, 0, config.expectation });
    m_started = true;
    m_pool.add(m_shared);
    return true;
}

void PooledStt::feed(const std::int16_t *samples, std::size_t n)
{
    if (!m_started || n == 0)
        return;
    const std::size_t pushed = m_shared->audio.push(samples, n);
    m_fed += std::int64_t(pushed);
    if (pushed < n && !m_shared->overrunReported.exchange(true) && m_shared->callbacks.error) {
        // Reported from the audio thread once per stream; the recognizer is far behind anyway.
        m_shared->callbacks.error(QStringLiteral("%1: the recognizer fell behind; %2 ms of the caller's audio were not heard")
                                          .arg(m_name)
                                          .arg(qint64(n - pushed) * 1000 / std::max(1, m_shared->config.sampleRate)));
    }
    m_pool.wake();
}

void PooledStt::finalize()
{
    if (!m_started)
        return;
    m_shared->commands.tryPush({ Command::Kind::Finalize, m_fed, SttExpectation::General });
    m_pool.wake();
}

// Whether the recognizer judges the pause is decided on the pool; it is fed no silence meanwhile
// either way (the embedded recognizer needs none: the pipeline's VAD trims it).
bool PooledStt::judgePause()
{
    if (!m_started)
        return false;
    const bool queued = m_shared->commands.tryPush({ Command::Kind::Pause, m_fed, SttExpectation::General });
    m_pool.wake();
    return queued;
}

void PooledStt::setExpectation(SttExpectation expectation)
{
    // Callers set it after every event; only a change is worth a command (the ring is small).
    if (!m_started || expectation == m_expectation)
        return;
    m_expectation = expectation;
    m_shared->commands.tryPush({ Command::Kind::Expect, m_fed, expectation });
    m_pool.wake();
}

void PooledStt::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_pool.remove(m_shared);
    // A slice in progress finishes before the recognizer is stopped here; none starts after remove().
    while (m_shared->busy.load())
        m_shared->busy.wait(true);
    m_shared->inner->stop();
    // A new start() gets fresh rings.
    auto inner = std::move(m_shared->inner);
    m_shared = std::make_shared<Shared>(std::move(inner), m_shared->audio.capacity());
}

} // namespace ringside
