#pragma once

#include "speech/vad.h"

#include <cstddef>
#include <cstdint>

namespace ringside {

struct BargeInConfig
{
    bool allowInterruptions = true; // the agent's allowInterruptions
    int minSpeechMs = 80;           // caller speech this long during playback is a barge-in…
    int minWords = 0;               // …once the partial transcript also has this many words
    int maxGapMs = 40;              // a dip this short does not restart the count
};

// Decides, frame by frame, that the caller is talking over the agent: a run of active frames
// (short dips bridged) holding minSpeechMs of activity while the agent's audio plays, plus minWords words in
// the partial transcript when that is asked for. A cough or a click is shorter than the minimum;
// the agent's own voice is kept out upstream by echo cancellation (desktop) or the phone network.
// Counts samples of the frames it is given; no clock, no allocation.
class BargeInDetector
{
public:
    BargeInDetector() = default;
    BargeInDetector(const BargeInConfig &config, int sampleRate) { init(config, sampleRate); }
    void init(const BargeInConfig &config, int sampleRate);
    void reset();

    // True exactly once per barge-in, on the frame that confirms it.
    bool process(const VadDecision &vad, std::size_t samples, bool agentSpeaking);
    void setPartialWordCount(int words) { m_words = words; }

    // Where the confirmed (or candidate) caller speech began, in samples of the frames given.
    std::int64_t speechStartSample() const { return m_runStart; }
    std::int64_t position() const { return m_position; }
    const BargeInConfig &config() const { return m_config; }

private:
    BargeInConfig m_config;
    int m_sampleRate = 16000;
    std::int64_t m_position = 0;
    std::int64_t m_runStart = -1;
    std::int64_t m_lastActiveEnd = -1;
    std::int64_t m_activeSamples = 0; // active frames in the current run
    int m_words = 0;
    bool m_fired = false;
};

} // namespace ringside
