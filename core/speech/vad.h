#pragma once

#include <cstddef>
#include <cstdint>

namespace ringside {

struct VadConfig
{
    int sampleRate = 16000;
    double onsetDb = 10.0;      // above the noise floor for a frame to count towards speech onset
    double offsetDb = 6.0;      // speech continues while frames stay this far above the floor
    double minLevelDbfs = -55.0; // anything quieter is silence whatever the floor says
    int onsetFrames = 3;        // consecutive loud frames before speech starts (hysteresis)
    int holdFrames = 20;        // quiet frames before speech ends (hold: bridges gaps between words)
    double voicedZcrMax = 0.30; // zero-crossing rate below which a loud frame sounds voiced
};

// One frame's verdict.
struct VadDecision
{
    bool speech = false;  // smoothed state, with onset hysteresis and hold
    bool active = false;  // this frame alone is above the offset threshold (raw activity)
    bool started = false; // speech began with this frame
    bool ended = false;   // speech ended with this frame (after the hold ran out)
    int onsetRunFrames = 0; // when started: how many frames the onset run lasted (speech began that many frames ago)
    float levelDbfs = -100.0f;
    float noiseFloorDbfs = -100.0f;
    float zeroCrossingRate = 0.0f;
};

// Energy + zero-crossing voice activity detector for 10 or 20 ms PCM16 frames at 8 or 16 kHz.
// The noise floor follows quiet frames quickly and rises slowly otherwise, so steady noise (a fan,
// a line hum, a noisy street) stops counting as speech within a few seconds while a pause between
// words never lifts it. Onset needs `onsetFrames` loud frames with at least one voiced one (white
// noise bursts are loud but not voiced); the hold keeps speech on through short gaps.
// Plain value type, no allocation: one per stream, used from the thread that owns the stream.
class Vad
{
public:
    Vad() = default;
    explicit Vad(const VadConfig &config) { init(config); }

    void init(const VadConfig &config);
    void reset();
    VadDecision process(const std::int16_t *frame, std::size_t n);

    const VadConfig &config() const { return m_config; }
    bool inSpeech() const { return m_speech; }
    float noiseFloorDbfs() const { return float(m_floorDb); }

private:
    VadConfig m_config;
    double m_floorDb = -70.0;
    bool m_speech = false;
    int m_loudRun = 0;
    bool m_voicedInRun = false;
    int m_quietRun = 0;
    std::int64_t m_frames = 0;
};

} // namespace ringside
