#include "speech/ttsengine.h"

#include "speech/mulaw.h"

#include <cstring>

namespace ringside {

std::vector<std::int16_t> TtsChunk::toPcm16() const
{
    std::vector<std::int16_t> out(sampleCount());
    if (encoding == AudioEncoding::MuLaw)
        muLawDecode(reinterpret_cast<const std::uint8_t *>(audio.constData()), out.size(), out.data());
    else if (!out.empty())
        std::memcpy(out.data(), audio.constData(), out.size() * sizeof(std::int16_t));
    return out;
}

} // namespace ringside
