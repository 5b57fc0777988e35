#pragma once

#include <cstddef>
#include <cstdint>

namespace ringside {

// Where sound is in a recording, judged on the samples themselves (what a listener would hear),
// in 10 ms windows. A window is "sound" when its RMS is above the threshold: by default the
// larger of -44 dBFS and four times the recording's noise floor (its 10th-percentile window), so
// a line with hiss still has a clear end of speech.
struct SoundThreshold
{
    double minRms = 200.0;        // about -44 dBFS
    double floorFactor = 4.0;
};

// RMS a window must exceed in `samples` (see SoundThreshold).
double soundThresholdRms(const std::int16_t *samples, std::size_t n, int sampleRate, const SoundThreshold &t = {});

// The first sample of the first loud window at or after `from`; -1 when there is none.
std::int64_t firstSoundSample(const std::int16_t *samples, std::size_t n, int sampleRate, std::size_t from,
                              double thresholdRms);
// One past the last sample of the last loud window; -1 when the recording is silent.
std::int64_t endOfSoundSample(const std::int16_t *samples, std::size_t n, int sampleRate, double thresholdRms);

} // namespace ringside
