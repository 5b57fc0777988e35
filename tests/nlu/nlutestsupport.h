#pragma once
// Shared by the NLU tests: the built-in analyser, loaded once per test executable.

#include "engine/nlu/analyser.h"

#include <QTest>

#include <optional>

namespace ringside::nlu::test {

// Loads the built-in lexicons; the test fails (rather than crashes) when they do not compile.
inline bool loadBuiltin(std::optional<Analyser> *into)
{
    Result<Analyser> a = Analyser::builtin();
    if (!a) {
        qWarning("built-in lexicon: %s", qPrintable(a.error()));
        return false;
    }
    into->emplace(std::move(a).value());
    return true;
}

// A fixed "today" for date tests: Thursday 24 December 2026.
inline QDate testToday()
{
    return QDate(2026, 12, 24);
}

} // namespace ringside::nlu::test
