#include "telephony/base64.h"

#include <array>

namespace ringside::telephony {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<std::int8_t, 256> makeTable()
{
    std::array<std::int8_t, 256> t{};
    for (auto &v : t)
        v = -1;
    for (int i = 0; i < 64; ++i)
        t[std::uint8_t(kAlphabet[i])] = std::int8_t(i);
    return t;
}
constexpr std::array<std::int8_t, 256> kTable = makeTable();

} // namespace

std::ptrdiff_t base64Decode(const char *text, std::size_t length, std::uint8_t *out, std::size_t capacity)
{
    if (length % 4 != 0)
        return -1;
    std::size_t written = 0;
    for (std::size_t i = 0; i < length; i += 4) {
        const bool last = i + 4 == length;
        int v[4];
        int padding = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = text[i + std::size_t(k)];
            if (c == '=') {
                // Padding only in the last quantum, only in its last two places, and only trailing.
                if (!last || k < 2)
                    return -1;
                ++padding;
                v[k] = 0;
                continue;
            }
            if (padding > 0)
                return -1;
            v[k] = kTable[std::uint8_t(c)];
            if (v[k] < 0)
                return -1;
        }
        const std::uint32_t triple = (std::uint32_t(v[0]) << 18) | (std::uint32_t(v[1]) << 12)
                | (std::uint32_t(v[2]) << 6) | std::uint32_t(v[3]);
        const std::size_t bytes = std::size_t(3 - padding);
        if (written + bytes > capacity)
            return -1;
        out[written++] = std::uint8_t(triple >> 16);
        if (bytes > 1)
            out[written++] = std::uint8_t(triple >> 8);
        if (bytes > 2)
            out[written++] = std::uint8_t(triple);
    }
    return std::ptrdiff_t(written);
}

std::size_t base64Encode(const std::uint8_t *bytes, std::size_t n, char *out)
{
    std::size_t o = 0;
    std::size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        const std::uint32_t t = (std::uint32_t(bytes[i]) << 16) | (std::uint32_t(bytes[i + 1]) << 8) | bytes[i + 2];
        out[o++] = kAlphabet[(t >> 18) & 63];
        out[o++] = kAlphabet[(t >> 12) & 63];
        out[o++] = kAlphabet[(t >> 6) & 63];
        out[o++] = kAlphabet[t & 63];
    }
    if (i < n) {
        std::uint32_t t = std::uint32_t(bytes[i]) << 16;
        if (i + 1 < n)
            t |= std::uint32_t(bytes[i + 1]) << 8;
        out[o++] = kAlphabet[(t >> 18) & 63];
        out[o++] = kAlphabet[(t >> 12) & 63];
        out[o++] = i + 1 < n ? kAlphabet[(t >> 6) & 63] : '=';
        out[o++] = '=';
    }
    return o;
}

} // namespace ringside::telephony
