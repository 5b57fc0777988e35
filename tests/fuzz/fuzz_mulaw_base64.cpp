// The media payload codecs: strict base64 into a fixed buffer, and μ-law.
#include "fuzzinput.h"

#include "speech/mulaw.h"
#include "telephony/base64.h"

#include <cstring>
#include <vector>

using namespace ringside;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // As text: decodes into a buffer that may be too small, never past it.
    std::vector<std::uint8_t> decoded(telephony::base64DecodedMax(size) / 2 + 1);
    const std::ptrdiff_t n = telephony::base64Decode(reinterpret_cast<const char *>(data), size, decoded.data(), decoded.size());
    if (n > std::ptrdiff_t(decoded.size()))
        fuzz::contradiction("decoded more than the buffer holds");
    // As bytes: encode, decode, same bytes.
    std::vector<char> text(telephony::base64EncodedLength(size));
    const std::size_t length = telephony::base64Encode(data, size, text.data());
    std::vector<std::uint8_t> back(size + 3);
    const std::ptrdiff_t m = telephony::base64Decode(text.data(), length, back.data(), back.size());
    if (m != std::ptrdiff_t(size) || (size > 0 && std::memcmp(back.data(), data, size) != 0))
        fuzz::contradiction("base64 does not round-trip");
    // μ-law: decoding then encoding gives the code back (0x7f/0xff both mean zero).
    std::vector<std::int16_t> pcm(size);
    muLawDecode(data, size, pcm.data());
    std::vector<std::uint8_t> codes(size);
    muLawEncode(pcm.data(), size, codes.data());
    for (std::size_t i = 0; i < size; ++i) {
        if (codes[i] != data[i] && muLawDecode(codes[i]) != pcm[i])
            fuzz::contradiction("μ-law does not round-trip");
    }
    return 0;
}
