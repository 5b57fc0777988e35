#include "speech/resampler.h"

#include <speex/speex_resampler.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace ringside {

Resampler::~Resampler()
{
    if (m_state)
        speex_resampler_destroy(m_state);
}

Resampler::Resampler(Resampler &&other) noexcept
    : m_state(std::exchange(other.m_state, nullptr))
    , m_inRate(std::exchange(other.m_inRate, 0))
    , m_outRate(std::exchange(other.m_outRate, 0))
{
}

Resampler &Resampler::operator=(Resampler &&other) noexcept
{
    if (this != &other) {
        if (m_state)
            speex_resampler_destroy(m_state);
        m_state = std::exchange(other.m_state, nullptr);
        m_inRate = std::exchange(other.m_inRate, 0);
        m_outRate = std::exchange(other.m_outRate, 0);
    }
    return *this;
}

bool Resampler::init(int inRate, int outRate, int quality, QString *error)
{
    if (m_state) {
        speex_resampler_destroy(m_state);
        m_state = nullptr;
    }
    m_inRate = m_outRate = 0;
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (inRate < 1000 || inRate > 192000)
        return fail(QStringLiteral("inRate: %1 Hz is outside 1000–192000 Hz").arg(inRate));
    if (outRate < 1000 || outRate > 192000)
        return fail(QStringLiteral("outRate: %1 Hz is outside 1000–192000 Hz").arg(outRate));
    quality = std::clamp(quality, SPEEX_RESAMPLER_QUALITY_MIN, SPEEX_RESAMPLER_QUALITY_MAX);
    if (inRate != outRate) {
        int err = RESAMPLER_ERR_SUCCESS;
        m_state = speex_resampler_init(1, spx_uint32_t(inRate), spx_uint32_t(outRate), quality, &err);
        if (!m_state || err != RESAMPLER_ERR_SUCCESS)
            return fail(QStringLiteral("speexdsp resampler: %1").arg(QString::fromUtf8(speex_resampler_strerror(err))));
    }
    m_inRate = inRate;
    m_outRate = outRate;
    return true;
}

std::size_t Resampler::maxOutput(std::size_t n) const
{
    if (m_inRate <= 0)
        return 0;
    // Rounding inside speexdsp can release one extra sample per call; keep a small margin.
    return (n * std::size_t(m_outRate) + std::size_t(m_inRate) - 1) / std::size_t(m_inRate) + 2;
}

std::size_t Resampler::process(const std::int16_t *in, std::size_t n, std::int16_t *out, std::size_t capacity)
{
    if (m_inRate <= 0 || n == 0)
        return 0;
    if (!m_state) {
        const std::size_t copied = std::min(n, capacity);
        std::memcpy(out, in, copied * sizeof(std::int16_t));
        return copied;
    }
    std::size_t produced = 0;
    // speexdsp may stop early when the output fills; loop so every input sample is consumed.
    while (n > 0 && produced < capacity) {
        spx_uint32_t inLen = spx_uint32_t(n);
        spx_uint32_t outLen = spx_uint32_t(capacity - produced);
        speex_resampler_process_int(m_state, 0, in, &inLen, out + produced, &outLen);
        produced += outLen;
        in += inLen;
        n -= inLen;
        if (inLen == 0 && outLen == 0)
            break;
    }
    return produced;
}

void Resampler::process(const std::int16_t *in, std::size_t n, std::vector<std::int16_t> &out)
{
    const std::size_t before = out.size();
    out.resize(before + maxOutput(n));
    const std::size_t produced = process(in, n, out.data() + before, out.size() - before);
    out.resize(before + produced);
}

void Resampler::reset()
{
    if (m_state)
        speex_resampler_reset_mem(m_state);
}

std::vector<std::int16_t> Resampler::convert(const std::vector<std::int16_t> &in, int inRate, int outRate, int quality)
{
    if (inRate == outRate)
        return in;
    Resampler r;
    if (!r.init(inRate, outRate, quality))
        return {};
    speex_resampler_skip_zeros(r.m_state); // drop the filter's leading delay
    std::vector<std::int16_t> out;
    out.reserve(r.maxOutput(in.size()));
    r.process(in.data(), in.size(), out);
    // Flush the tail still inside the filter with zeros, then trim to the exact expected length.
    const std::vector<std::int16_t> zeros(std::size_t(speex_resampler_get_input_latency(r.m_state)) + 1, 0);
    r.process(zeros.data(), zeros.size(), out);
    const std::size_t expected = std::size_t((std::int64_t(in.size()) * outRate + inRate / 2) / inRate);
    out.resize(expected, 0);
    return out;
}

} // namespace ringside
