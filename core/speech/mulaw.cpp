#include "speech/mulaw.h"

#include <array>

namespace ringside {

namespace {

// Encoding works on the 14-bit linear value G.711 defines (the sample shifted right by two),
// with the Sun reference implementation's bias and clip.
constexpr int kBias = 0x21;
constexpr int kClip = 8159;

constexpr std::uint8_t encodeOne(int value14)
{
    int mask = 0xFF;
    if (value14 < 0) {
        value14 = -value14;
        mask = 0x7F;
    }
    if (value14 > kClip)
        value14 = kClip;
    value14 += kBias;
    int segment = 0;
    while (segment < 8 && value14 >= (0x40 << segment))
        ++segment;
    if (segment >= 8)
        return std::uint8_t(0x7F ^ mask);
    const int code = (segment << 4) | ((value14 >> (segment + 1)) & 0x0F);
    return std::uint8_t(code ^ mask);
}

constexpr std::int16_t decodeOne(std::uint8_t code)
{
    const int u = ~code & 0xFF;
    const int t = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
    return std::int16_t((u & 0x80) ? (0x84 - t) : (t - 0x84));
}

// Decode: 256 entries. Encode: indexed by the 14-bit value (16384 entries = 16 KiB), built once.
constexpr auto kDecodeTable = [] {
    std::array<std::int16_t, 256> t{};
    for (int i = 0; i < 256; ++i)
        t[std::size_t(i)] = decodeOne(std::uint8_t(i));
    return t;
}();

const auto kEncodeTable = [] {
    std::array<std::uint8_t, 16384> t{};
    for (int i = 0; i < 16384; ++i)
        t[std::size_t(i)] = encodeOne(i - 8192);
    return t;
}();

} // namespace

std::uint8_t muLawEncode(std::int16_t sample) { return kEncodeTable[std::size_t((int(sample) >> 2) + 8192)]; }
std::int16_t muLawDecode(std::uint8_t code) { return kDecodeTable[code]; }

void muLawEncode(const std::int16_t *in, std::size_t n, std::uint8_t *out)
{
    for (std::size_t i = 0; i < n; ++i)
        out[i] = kEncodeTable[std::size_t((int(in[i]) >> 2) + 8192)];
}

void muLawDecode(const std::uint8_t *in, std::size_t n, std::int16_t *out)
{
    for (std::size_t i = 0; i < n; ++i)
        out[i] = kDecodeTable[in[i]];
}

} // namespace ringside
