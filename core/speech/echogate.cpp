#include "speech/echogate.h"

#include <algorithm>

namespace ringside {

namespace {
constexpr double kInitialCouplingDb = -6.0; // before anything is learned: echo 6 dB below the speakers
constexpr double kRise = 0.3;
constexpr double kFall = 0.01;
} // namespace

void EchoGate::reset()
{
    m_far.fill(-100.0);
    m_next = 0;
    m_couplingDb = kInitialCouplingDb;
    m_filled = true;
}

bool EchoGate::isCallerSpeech(double farDbfs, double outDbfs, bool active)
{
    if (!m_filled)
        reset();
    m_far[m_next] = farDbfs;
    m_next = (m_next + 1) % m_far.size();
    const double farMax = *std::max_element(m_far.begin(), m_far.end());
    if (farMax < kSilentFarDbfs)
        return active; // nothing played lately: nothing to mistake for the caller
    const double excess = outDbfs - farMax;
    const bool caller = active && excess > m_couplingDb + kMarginDb;
    if (!caller)
        m_couplingDb += (excess > m_couplingDb ? kRise : kFall) * (excess - m_couplingDb);
    return caller;
}

} // namespace ringside
