#pragma once
// Helpers shared by the libFuzzer targets: the input as Qt types, and a control byte.

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace ringside::fuzz {

inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The first byte steers the target (protocol, how to split the rest); the rest is the input.
struct Steered
{
    std::uint8_t control = 0;
    QByteArray rest;
};

inline Steered steer(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return {};
    return { data[0], bytes(data + 1, size - 1) };
}

// A fuzzer found a contradiction in code that must never contradict itself.
[[noreturn]] inline void contradiction(const char *what)
{
    __builtin_trap();
    (void)what;
}

} // namespace ringside::fuzz
