#pragma once

#include "engine/nlu/found.h"
#include "engine/nlu/lexicon.h"

namespace ringside::nlu {

struct QuantityMatch
{
    Found status = Found::None; // Complete or None
    int value = 0;              // 1–999; 2 for "both"; 0 with `all`
    bool all = false;           // "all of them", "sab"
    QString heard;
};

// How many: "two of them", "3 pieces", "do", "teen wale", "both", "sab". Numbers that are
// dates, times, spans ("3 days") or long digit strings are not quantities. Hindi "do" counts
// only when it cannot be the verb: not after "kar", "bhej", … and not beside English words
// ("do you"). The last affirmed quantity wins.
QuantityMatch extractQuantity(const NormalisedText &text, const Lexicon &lexicon);

} // namespace ringside::nlu
