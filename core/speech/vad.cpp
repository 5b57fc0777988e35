#include "speech/vad.h"

#include <algorithm>
#include <cmath>

namespace ringside {

namespace {
constexpr double kInitialFloorDb = -70.0;
constexpr double kFloorFloorDb = -90.0;
// Floor tracking per frame: quiet frames pull it down fast, everything else lifts it slowly.
constexpr double kFallWeight = 0.3;
constexpr double kRiseDbPerSecond = 4.0;
// For the first half second the floor may rise fast, so a call that opens on line noise settles.
constexpr double kSettleMs = 500.0;
constexpr double kSettleRiseDbPerSecond = 40.0;
} // namespace

void Vad::init(const VadConfig &config)
{
    m_config = config;
    reset();
}

void Vad::reset()
{
    m_floorDb = kInitialFloorDb;
    m_speech = false;
    m_loudRun = 0;
    m_voicedInRun = false;
    m_quietRun = 0;
    m_frames = 0;
}

VadDecision Vad::process(const std::int16_t *frame, std::size_t n)
{
    VadDecision d;
    if (n == 0)
        return d;

    // The frame's own mean is removed so a DC offset does not read as level. (A recursive DC
    // blocker rings for tens of milliseconds after a click, long enough to fake a speech onset.)
    double mean = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        mean += frame[i];
    mean /= double(n);
    double energy = 0.0;
    int crossings = 0;
    bool prevPositive = double(frame[0]) >= mean;
    for (std::size_t i = 0; i < n; ++i) {
        const double y = double(frame[i]) - mean;
        energy += y * y;
        const bool positive = y >= 0.0;
        if (positive != prevPositive)
            ++crossings;
        prevPositive = positive;
    }
    const double rms = std::sqrt(energy / double(n));
    const double level = rms > 0.5 ? 20.0 * std::log10(rms / 32768.0) : -100.0;
    const double zcr = double(crossings) / double(n);
    d.levelDbfs = float(level);
    d.zeroCrossingRate = float(zcr);

    const double frameMs = 1000.0 * double(n) / double(m_config.sampleRate);
    const bool settling = double(m_frames) * frameMs < kSettleMs;
    ++m_frames;

    const bool loud = level > std::max(m_floorDb + m_config.onsetDb, m_config.minLevelDbfs);
    const bool active = level > std::max(m_floorDb + m_config.offsetDb, m_config.minLevelDbfs);
    d.active = active;

    if (!m_speech) {
        if (loud) {
            ++m_loudRun;
            m_voicedInRun = m_voicedInRun || zcr < m_config.voicedZcrMax;
        } else {
            m_loudRun = 0;
            m_voicedInRun = false;
        }
        if (m_loudRun >= m_config.onsetFrames && m_voicedInRun) {
            m_speech = true;
            d.started = true;
            d.onsetRunFrames = m_loudRun;
            m_quietRun = 0;
        }
    } else {
        m_quietRun = active ? 0 : m_quietRun + 1;
        if (m_quietRun > m_config.holdFrames) {
            m_speech = false;
            d.ended = true;
            m_loudRun = 0;
            m_voicedInRun = false;
        }
    }

    // Noise floor: follow quieter frames down quickly, creep up otherwise.
    if (level < m_floorDb)
        m_floorDb += kFallWeight * (level - m_floorDb);
    else
        m_floorDb += std::min(level - m_floorDb, (settling ? kSettleRiseDbPerSecond : kRiseDbPerSecond) * frameMs / 1000.0);
    m_floorDb = std::max(m_floorDb, kFloorFloorDb);

    d.speech = m_speech;
    d.noiseFloorDbfs = float(m_floorDb);
    return d;
}

} // namespace ringside
