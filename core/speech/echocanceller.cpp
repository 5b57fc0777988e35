#include "speech/echocanceller.h"

#include <speex/speex_echo.h>
#include <speex/speex_preprocess.h>

#include <utility>

namespace ringside {

EchoCanceller::~EchoCanceller()
{
    destroy();
}

EchoCanceller::EchoCanceller(EchoCanceller &&other) noexcept
    : m_echo(std::exchange(other.m_echo, nullptr))
    , m_pre(std::exchange(other.m_pre, nullptr))
    , m_frame(std::exchange(other.m_frame, 0))
{
}

EchoCanceller &EchoCanceller::operator=(EchoCanceller &&other) noexcept
{
    if (this != &other) {
        destroy();
        m_echo = std::exchange(other.m_echo, nullptr);
        m_pre = std::exchange(other.m_pre, nullptr);
        m_frame = std::exchange(other.m_frame, 0);
    }
    return *this;
}

void EchoCanceller::destroy()
{
    if (m_pre)
        speex_preprocess_state_destroy(m_pre);
    if (m_echo)
        speex_echo_state_destroy(m_echo);
    m_pre = nullptr;
    m_echo = nullptr;
}

bool EchoCanceller::init(int sampleRate, std::size_t frameSamples, int filterMs, QString *error)
{
    destroy();
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (sampleRate < 8000 || sampleRate > 48000)
        return fail(QStringLiteral("sampleRate: %1 Hz is outside 8000–48000 Hz").arg(sampleRate));
    if (frameSamples == 0 || frameSamples > std::size_t(sampleRate / 10))
        return fail(QStringLiteral("frameSamples: %1 is not a 10 or 20 ms frame").arg(frameSamples));
    if (filterMs < 20 || filterMs > 1000)
        return fail(QStringLiteral("filterMs: %1 is outside 20–1000 ms").arg(filterMs));
    m_frame = frameSamples;
    m_echo = speex_echo_state_init(int(frameSamples), sampleRate * filterMs / 1000);
    m_pre = speex_preprocess_state_init(int(frameSamples), sampleRate);
    if (!m_echo || !m_pre) {
        destroy();
        return fail(QStringLiteral("speexdsp: cannot create the echo canceller"));
    }
    int rate = sampleRate;
    speex_echo_ctl(m_echo, SPEEX_ECHO_SET_SAMPLING_RATE, &rate);
    speex_preprocess_ctl(m_pre, SPEEX_PREPROCESS_SET_ECHO_STATE, m_echo);
    // Residual-echo suppression only; denoising and gain control would change what the VAD and the
    // recognizer hear.
    int off = 0;
    speex_preprocess_ctl(m_pre, SPEEX_PREPROCESS_SET_DENOISE, &off);
    speex_preprocess_ctl(m_pre, SPEEX_PREPROCESS_SET_AGC, &off);
    return true;
}

void EchoCanceller::process(const std::int16_t *mic, const std::int16_t *farEnd, std::int16_t *out)
{
    if (!m_echo)
        return;
    if (out == mic) {
        // speexdsp needs distinct input and output buffers; frames are at most 100 ms.
        std::int16_t copy[4800];
        for (std::size_t i = 0; i < m_frame; ++i)
            copy[i] = mic[i];
        speex_echo_cancellation(m_echo, copy, farEnd, out);
    } else {
        speex_echo_cancellation(m_echo, mic, farEnd, out);
    }
    speex_preprocess_run(m_pre, out);
}

void EchoCanceller::reset()
{
    if (m_echo)
        speex_echo_state_reset(m_echo);
}

} // namespace ringside
