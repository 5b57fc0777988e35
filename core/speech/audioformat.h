#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>

namespace ringside {

// How samples are carried on a wire or in a file. Inside core/speech everything is PCM16 mono;
// μ-law appears only at the edges (telephony media, WAV files, cloud TTS output).
enum class AudioEncoding { Pcm16, MuLaw };

QString encodingName(AudioEncoding encoding);               // "pcm16" | "mulaw"
bool parseEncoding(const QString &name, AudioEncoding *out); // accepts the names above

struct AudioFormat
{
    int sampleRate = 16000;
    int channels = 1;

    bool operator==(const AudioFormat &) const = default;
    bool isValid() const { return sampleRate >= 4000 && sampleRate <= 192000 && channels >= 1; }
};

// The processing rate of the speech pipeline: pocketsphinx's acoustic model is 16 kHz.
inline constexpr int kProcessingRate = 16000;

// Samples in one frame of `ms` milliseconds (frames are 10 or 20 ms throughout).
constexpr std::size_t samplesPerFrame(int sampleRate, int ms) { return std::size_t(sampleRate) * std::size_t(ms) / 1000u; }

constexpr double samplesToMs(std::int64_t samples, int sampleRate) { return double(samples) * 1000.0 / double(sampleRate); }
constexpr std::int64_t msToSamples(double ms, int sampleRate) { return std::int64_t(ms * double(sampleRate) / 1000.0 + 0.5); }

} // namespace ringside
