#pragma once
// Helpers shared by the libFuzzer targets: the input as Qt types, and a control byte.

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <utility>

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

// What a target needs before the first input (the built-in lexicon, …). A Result that failed
// stops the run naming why, instead of every input then reading a value that was never built.
template <typename R>
auto required(R &&result, const char *what)
{
    if (!result.ok()) {
        std::fprintf(stderr, "fuzz: %s failed: %s\n", what, qPrintable(result.error()));
        std::abort();
    }
    return std::forward<R>(result).value();
}

} // namespace ringside::fuzz
