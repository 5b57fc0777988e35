#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace ringside::telephony {

// What a caller waiting for an operator hears between the agent's words: a soft two-note chime
// (C5 then E5, 250 ms each with 15 ms fades, at about −26 dBFS) every four seconds, silence in
// between. Generated once per call at the call's rate, then read out frame by frame without
// allocating.
class HoldAudio
{
public:
    explicit HoldAudio(int sampleRate = 8000);

    // Writes the next `n` samples of the pattern.
    void fill(std::int16_t *out, std::size_t n);
    void restart() { m_pos = 0; }
    std::size_t periodSamples() const { return m_pattern->size(); }

private:
    std::shared_ptr<const std::vector<std::int16_t>> m_pattern;
    std::size_t m_pos = 0;
};

} // namespace ringside::telephony
