#pragma once

#include <array>
#include <cstddef>

namespace ringside {

// Tells the caller's voice from the agent's own voice leaking back through the room on the
// desktop path, frame by frame, so that barge-in does not fire on the agent's echo — in
// particular during the first seconds, while the echo canceller is still adapting.
//
// It learns how loud the leftover echo is relative to what was played (the coupling: fast to
// rise, slow to fall, only from frames it judged to be echo) and calls a frame caller speech
// when it is `marginDb` louder than that. Loudness of what was played is the loudest frame
// within the echo path's length, since the echo arrives late.
class EchoGate
{
public:
    void reset();
    // farDbfs: the reference frame (what the speakers played); outDbfs: the microphone frame
    // after echo cancellation; active: the VAD's verdict on that frame.
    bool isCallerSpeech(double farDbfs, double outDbfs, bool active);
    double couplingDb() const { return m_couplingDb; }

    static constexpr std::size_t kEchoPathFrames = 20; // 200 ms of 10 ms frames
    static constexpr double kMarginDb = 6.0;
    static constexpr double kSilentFarDbfs = -60.0;

private:
    std::array<double, kEchoPathFrames> m_far{};
    std::size_t m_next = 0;
    double m_couplingDb = 0.0;
    bool m_filled = false;
};

} // namespace ringside
