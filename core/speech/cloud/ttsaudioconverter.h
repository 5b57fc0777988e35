#pragma once

#include "speech/audioformat.h"
#include "speech/resampler.h"

#include <QByteArray>

namespace ringside {

// Turns a provider's audio stream into the encoding and rate the pipeline asked for, piece by
// piece as it arrives off the network: little-endian PCM16 split anywhere (an odd byte waits for
// its partner), μ-law decoded or encoded, the rate converted when the provider could not
// produce it. Same format in and out is a copy.
class TtsAudioConverter
{
public:
    bool init(AudioEncoding from, int fromRate, AudioEncoding to, int toRate, QString *error = nullptr);
    // Converted bytes: PCM16 in host byte order, or one μ-law byte per sample.
    QByteArray push(const QByteArray &bytes);

private:
    AudioEncoding m_from = AudioEncoding::Pcm16;
    AudioEncoding m_to = AudioEncoding::Pcm16;
    Resampler m_resampler;
    bool m_resample = false;
    QByteArray m_carry; // an odd trailing byte of PCM16
};

} // namespace ringside
