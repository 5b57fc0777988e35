#include "speech/bargeindetector.h"

namespace ringside {

void BargeInDetector::init(const BargeInConfig &config, int sampleRate)
{
    m_config = config;
    m_sampleRate = sampleRate;
    reset();
}

void BargeInDetector::reset()
{
    m_position = 0;
    m_runStart = -1;
    m_lastActiveEnd = -1;
    m_activeSamples = 0;
    m_words = 0;
    m_fired = false;
}

bool BargeInDetector::process(const VadDecision &vad, std::size_t samples, bool agentSpeaking)
{
    const std::int64_t frameStart = m_position;
    m_position += std::int64_t(samples);
    const std::int64_t gap = std::int64_t(m_config.maxGapMs) * m_sampleRate / 1000;

    if (!agentSpeaking) {
        // Between replies: forget any candidate, re-arm for the next playback.
        m_runStart = -1;
        m_fired = false;
        m_words = 0;
        return false;
    }
    if (vad.active) {
        if (m_runStart < 0 || frameStart - m_lastActiveEnd > gap) {
            m_runStart = frameStart;
            m_activeSamples = 0;
        }
        m_lastActiveEnd = m_position;
        m_activeSamples += std::int64_t(samples);
    } else if (m_runStart >= 0 && m_position - m_lastActiveEnd > gap) {
        m_runStart = -1;
        m_fired = false;
    }
    if (m_fired || m_runStart < 0)
        return false;
    // Active time, not the span, and mostly active: scattered frames bridged by gaps (echo
    // leaking through while the canceller adapts) do not add up to a barge-in.
    const std::int64_t needed = std::int64_t(m_config.minSpeechMs) * m_sampleRate / 1000;
    const bool dense = m_activeSamples * 10 >= (m_lastActiveEnd - m_runStart) * 7;
    if (m_activeSamples >= needed && dense && m_words >= m_config.minWords) {
        m_fired = true;
        return true;
    }
    return false;
}

} // namespace ringside
