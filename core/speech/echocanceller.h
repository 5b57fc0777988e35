#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>

struct SpeexEchoState_;
struct SpeexPreprocessState_;

namespace ringside {

// Acoustic echo cancellation for the desktop path, where the microphone hears the agent from the
// speakers (speexdsp's echo canceller plus its preprocessor for residual echo and noise).
// RAII, move-only, one per call, used from the call's speech thread.
//
// The far-end frame (what the speaker played) must be given with the microphone frame that was
// captured while it played; the adaptive filter covers delays up to `filterMs` between the two.
class EchoCanceller
{
public:
    EchoCanceller() = default;
    ~EchoCanceller();
    EchoCanceller(EchoCanceller &&other) noexcept;
    EchoCanceller &operator=(EchoCanceller &&other) noexcept;
    EchoCanceller(const EchoCanceller &) = delete;
    EchoCanceller &operator=(const EchoCanceller &) = delete;

    // frameSamples: 10 or 20 ms at sampleRate. filterMs: the longest echo path (room + device
    // buffers) to cancel. Returns false with *error on bad arguments.
    bool init(int sampleRate, std::size_t frameSamples, int filterMs = 200, QString *error = nullptr);
    bool isValid() const { return m_echo != nullptr; }
    std::size_t frameSamples() const { return m_frame; }

    // One frame: `mic` minus the echo of `farEnd` into `out` (may alias `mic`). No allocation.
    void process(const std::int16_t *mic, const std::int16_t *farEnd, std::int16_t *out);
    void reset();

private:
    void destroy();
    SpeexEchoState_ *m_echo = nullptr;
    SpeexPreprocessState_ *m_pre = nullptr;
    std::size_t m_frame = 0;
};

} // namespace ringside
