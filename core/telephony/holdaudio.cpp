#include "telephony/holdaudio.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <numbers>

namespace ringside::telephony {

namespace {

std::vector<std::int16_t> makePattern(int rate)
{
    std::vector<std::int16_t> pattern(std::size_t(rate) * 4, 0);
    const double amplitude = 32767.0 * std::pow(10.0, -26.0 / 20.0);
    const std::size_t note = std::size_t(rate) / 4;
    const std::size_t fade = std::size_t(rate) * 15 / 1000;
    const double notes[2] = { 523.25, 659.25 };
    for (int k = 0; k < 2; ++k) {
        const std::size_t start = std::size_t(k) * note;
        for (std::size_t i = 0; i < note; ++i) {
            double gain = 1.0;
            if (i < fade)
                gain = double(i) / double(fade);
            else if (note - i < fade)
                gain = double(note - i) / double(fade);
            const double v = amplitude * gain * std::sin(2.0 * std::numbers::pi * notes[k] * double(i) / double(rate));
            pattern[start + i] = std::int16_t(std::lround(v));
        }
    }
    return pattern;
}

} // namespace

HoldAudio::HoldAudio(int sampleRate)
{
    static std::mutex lock;
    static std::map<int, std::shared_ptr<const std::vector<std::int16_t>>> cache;
    const int rate = std::max(8000, sampleRate);
    std::lock_guard guard(lock);
    auto &slot = cache[rate];
    if (!slot)
        slot = std::make_shared<const std::vector<std::int16_t>>(makePattern(rate));
    m_pattern = slot;
}

void HoldAudio::fill(std::int16_t *out, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i) {
        out[i] = (*m_pattern)[m_pos];
        m_pos = (m_pos + 1) % m_pattern->size();
    }
}

} // namespace ringside::telephony
