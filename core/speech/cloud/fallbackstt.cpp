#include "speech/cloud/fallbackstt.h"

namespace ringside {

namespace {
constexpr std::size_t kMaxTurnSamples = 16000 * 60; // a minute at 16 kHz; older audio is not replayed
}

FallbackStt::FallbackStt(std::unique_ptr<SttEngine> primary, Factory fallback)
    : m_primary(std::move(primary)), m_factory(std::move(fallback))
{
}

FallbackStt::~FallbackStt()
{
    stop();
}

QString FallbackStt::name() const
{
    return m_switched && m_fallback ? m_fallback->name() : m_primary->name();
}

bool FallbackStt::isHearing() const
{
    if (!m_primaryFailed->load())
        return true;
    if (!m_switched)
        return bool(m_factory); // the switch happens on the next feed; a fallback is expected to start
    return m_fallbackStarted;
}

bool FallbackStt::start(const SttConfig &config, Callbacks callbacks)
{
    m_config = config;
    m_callbacks = callbacks;
    auto failed = m_primaryFailed;
    const bool canFallBack = bool(m_factory);
    const QString primaryName = m_primary->name();
    Callbacks wrapped = callbacks;
    wrapped.error = [failed, callbacks, canFallBack, primaryName](const QString &message) {
        if (failed->exchange(true))
            return; // one report is enough
        if (callbacks.error)
            callbacks.error(canFallBack ? QStringLiteral("%1 — the embedded recognizer continues the call").arg(message)
                                        : message);
    };
    if (m_primary->start(config, wrapped))
        return true;
    // The provider could not even start (bad language for the model, no connection): fall back now.
    m_primaryFailed->store(true);
    switchIfFailed();
    return m_fallbackStarted;
}

void FallbackStt::switchIfFailed()
{
    if (m_switched || !m_primaryFailed->load())
        return;
    m_switched = true;
    m_primary->stop();
    if (!m_factory)
        return;
    m_fallback = m_factory();
    if (!m_fallback)
        return;
    m_fallbackStarted = m_fallback->start(m_config, m_callbacks);
    if (m_fallbackStarted && !m_turn.empty())
        m_fallback->feed(m_turn.data(), m_turn.size());
}

void FallbackStt::feed(const std::int16_t *samples, std::size_t n)
{
    switchIfFailed();
    if (m_turn.size() + n <= kMaxTurnSamples)
        m_turn.insert(m_turn.end(), samples, samples + n);
    if (!m_switched)
        m_primary->feed(samples, n);
    else if (m_fallbackStarted)
        m_fallback->feed(samples, n);
}

void FallbackStt::finalize()
{
    switchIfFailed();
    m_turn.clear();
    if (!m_switched)
        m_primary->finalize();
    else if (m_fallbackStarted)
        m_fallback->finalize();
    else if (m_callbacks.final)
        m_callbacks.final(QString(), 0.0); // nobody can hear: the turn still ends
}

void FallbackStt::setExpectation(SttExpectation expectation)
{
    m_config.expectation = expectation;
    switchIfFailed();
    if (!m_switched)
        m_primary->setExpectation(expectation);
    else if (m_fallbackStarted)
        m_fallback->setExpectation(expectation);
}

void FallbackStt::stop()
{
    m_primary->stop();
    if (m_fallback)
        m_fallback->stop();
}

} // namespace ringside
