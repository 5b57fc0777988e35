#pragma once

#include <QString>

namespace ringside::nlu {

// How much of an entity an utterance gave. Partial means "heard some of it: ask for the rest";
// Invalid means "heard one, but it cannot be right: ask again" (the match says why).
enum class Found { None, Partial, Complete, Invalid };

inline QString foundName(Found f)
{
    switch (f) {
    case Found::Partial: return QStringLiteral("partial");
    case Found::Complete: return QStringLiteral("complete");
    case Found::Invalid: return QStringLiteral("invalid");
    case Found::None: break;
    }
    return QStringLiteral("none");
}

} // namespace ringside::nlu
