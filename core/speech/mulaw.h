#pragma once

#include <cstddef>
#include <cstdint>

namespace ringside {

// G.711 μ-law (ITU-T G.711, the telephone encoding of Twilio media streams), table-based so a
// 20 ms frame costs a few hundred lookups and no branches on the decode side.
std::uint8_t muLawEncode(std::int16_t sample);
std::int16_t muLawDecode(std::uint8_t code);

void muLawEncode(const std::int16_t *in, std::size_t n, std::uint8_t *out);
void muLawDecode(const std::uint8_t *in, std::size_t n, std::int16_t *out);

} // namespace ringside
