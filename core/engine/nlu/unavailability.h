#pragma once

#include "engine/nlu/cueset.h"

#include <QList>

namespace ringside::nlu {

// Tokens [first, last] of something said: a date, a time slot.
struct TokenSpan
{
    int first = 0;
    int last = 0;
};

// Which of `spans` the caller says they will not be there for ("thursday ko ghar pe nahi
// rahunga", "shaam ko available nahi", "not home on Thursday"): each phrase of `unavailable`
// refuses the span just before it in its negation scope (Hindi puts it after the day), or else
// the first one after it. A `shield` between that span and the phrase takes the refusal instead:
// "kal subah ghar pe nahi hoon" refuses the morning, not tomorrow. The plain negation reach
// (three words) is too short for these.
QList<bool> refusedByUnavailability(const NormalisedText &text, const CueSet &unavailable, const QList<TokenSpan> &spans,
                                   const QList<TokenSpan> &shields = {});

} // namespace ringside::nlu
