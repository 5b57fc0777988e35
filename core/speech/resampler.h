#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>
#include <vector>

struct SpeexResamplerState_;

namespace ringside {

// Streaming sample-rate converter for PCM16 mono (speexdsp). RAII and move-only: one instance per
// stream, owned by the thread that processes it. When the rates match it copies samples through.
class Resampler
{
public:
    Resampler() = default;
    ~Resampler();
    Resampler(Resampler &&other) noexcept;
    Resampler &operator=(Resampler &&other) noexcept;
    Resampler(const Resampler &) = delete;
    Resampler &operator=(const Resampler &) = delete;

    // quality 0 (fastest) … 10 (best); 5 is speexdsp's VoIP default. Returns false with *error on
    // rates outside 1 kHz–192 kHz or a speexdsp failure; the resampler is then unusable.
    bool init(int inRate, int outRate, int quality = 5, QString *error = nullptr);

    bool isValid() const { return m_inRate > 0; }
    int inRate() const { return m_inRate; }
    int outRate() const { return m_outRate; }

    // Upper bound of the samples process() can return for `n` input samples.
    std::size_t maxOutput(std::size_t n) const;

    // Converts all `n` input samples, writes at most `capacity` to `out` and returns how many.
    // No allocation: safe on a real-time thread once init() has run.
    std::size_t process(const std::int16_t *in, std::size_t n, std::int16_t *out, std::size_t capacity);

    // Appends the converted samples to `out` (allocates: not for the real-time path).
    void process(const std::int16_t *in, std::size_t n, std::vector<std::int16_t> &out);

    // Forgets buffered history, e.g. between unrelated utterances.
    void reset();

    // Converts a whole buffer at once, compensating for the filter delay so the output lines up
    // with the input sample-for-sample (offline use: tests, WAV files, TTS output).
    static std::vector<std::int16_t> convert(const std::vector<std::int16_t> &in, int inRate, int outRate,
                                             int quality = 5);

private:
    SpeexResamplerState_ *m_state = nullptr;
    int m_inRate = 0;
    int m_outRate = 0;
};

} // namespace ringside
