#pragma once
// A whole number from text within a range: how every numeric option and setting is read
// ("--port 8080", "--max-calls 500"). Anything else (words, fractions, out of range) is nothing.

#include <QString>

#include <optional>

namespace ringside {

inline std::optional<int> wholeNumberIn(const QString &text, int min, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

} // namespace ringside
