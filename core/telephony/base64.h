#pragma once

#include <cstddef>
#include <cstdint>

namespace ringside::telephony {

// Strict standard base64 (RFC 4648 §4, with '=' padding) into and out of caller-owned buffers, so
// a media frame is decoded and encoded without allocating. Decoding rejects anything a strict
// reader would: characters outside the alphabet, bad padding, a length that is not a multiple of 4.

// Bytes a decoded `length`-character text can hold at most.
constexpr std::size_t base64DecodedMax(std::size_t length) { return length / 4 * 3; }
constexpr std::size_t base64EncodedLength(std::size_t bytes) { return (bytes + 2) / 3 * 4; }

// Decodes `text` into `out` (capacity `capacity`). Returns the byte count, or -1 when the text is
// not valid base64 or does not fit.
std::ptrdiff_t base64Decode(const char *text, std::size_t length, std::uint8_t *out, std::size_t capacity);

// Encodes `n` bytes into `out`, which must hold base64EncodedLength(n) characters. Returns that length.
std::size_t base64Encode(const std::uint8_t *bytes, std::size_t n, char *out);

} // namespace ringside::telephony
