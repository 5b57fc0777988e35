#include "speech/audiolevel.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ringside {

namespace {
std::size_t windowOf(int sampleRate)
{
    return std::max<std::size_t>(1, std::size_t(sampleRate) / 100);
}

double windowRms(const std::int16_t *x, std::size_t n)
{
    double e = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        e += double(x[i]) * double(x[i]);
    return n ? std::sqrt(e / double(n)) : 0.0;
}
} // namespace

double soundThresholdRms(const std::int16_t *samples, std::size_t n, int sampleRate, const SoundThreshold &t)
{
    const std::size_t w = windowOf(sampleRate);
    std::vector<double> levels;
    levels.reserve(n / w + 1);
    for (std::size_t i = 0; i + w <= n; i += w)
        levels.push_back(windowRms(samples + i, w));
    if (levels.empty())
        return t.minRms;
    const std::size_t tenth = levels.size() / 10;
    std::nth_element(levels.begin(), levels.begin() + std::ptrdiff_t(tenth), levels.end());
    return std::max(t.minRms, t.floorFactor * levels[tenth]);
}

std::int64_t firstSoundSample(const std::int16_t *samples, std::size_t n, int sampleRate, std::size_t from,
                              double thresholdRms)
{
    const std::size_t w = windowOf(sampleRate);
    for (std::size_t i = from; i + w <= n; i += w)
        if (windowRms(samples + i, w) > thresholdRms) {
            // Refine to the first loud sample inside the window (speech onsets are steep).
            for (std::size_t j = i; j < i + w; ++j)
                if (std::abs(int(samples[j])) > thresholdRms)
                    return std::int64_t(j);
            return std::int64_t(i);
        }
    return -1;
}

std::int64_t endOfSoundSample(const std::int16_t *samples, std::size_t n, int sampleRate, double thresholdRms)
{
    const std::size_t w = windowOf(sampleRate);
    for (std::size_t end = n - n % w; end >= w; end -= w)
        if (windowRms(samples + end - w, w) > thresholdRms)
            return std::int64_t(end);
    return -1;
}

} // namespace ringside
