#pragma once

#include "speech/audioformat.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

namespace ringside {

// A WAV file's audio as PCM16 mono, plus what the file held before conversion.
struct WavData
{
    int sampleRate = 0;
    std::vector<std::int16_t> samples;  // mono: channels are averaged
    AudioEncoding sourceEncoding = AudioEncoding::Pcm16;
    int sourceBitsPerSample = 16;        // 8 or 16 for PCM, 8 for μ-law
    int sourceChannels = 1;

    double durationMs() const { return sampleRate > 0 ? samplesToMs(std::int64_t(samples.size()), sampleRate) : 0.0; }
};

// Reads RIFF/WAVE files: PCM 8-bit (unsigned) or 16-bit, G.711 μ-law (format 7), and the
// WAVE_FORMAT_EXTENSIBLE wrapper around either, at any sample rate and channel count.
// Every failure names the part of the file that is wrong ("fmt chunk: bitsPerSample 24 is not
// supported"); nothing is guessed.
class WavReader
{
public:
    static Result<WavData> read(const QString &path);
    static Result<WavData> parse(const QByteArray &bytes);
};

} // namespace ringside
