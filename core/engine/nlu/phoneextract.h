#pragma once

#include "engine/nlu/found.h"
#include "engine/nlu/lexicon.h"

namespace ringside::nlu {

struct PhoneMatch
{
    Found status = Found::None;
    QString e164;      // "+919845012345" when complete
    QString digits;    // the digits heard, with a leading "+" if one was said
    QString heard;     // the caller's words
    QString problem;   // why ten or more digits still make no number
};

// Finds a phone number said or written: "nine eight four five…", "double five", "plus nine one",
// Hindi number words, Devanagari digits, "98123-45678". Ten or more digits are checked with
// util/phone.h toE164 for `defaultCountry`; three to nine digits are Partial (the brain can ask
// for the rest and join the digits across turns). The last affirmed number wins.
PhoneMatch extractPhone(const NormalisedText &text, const Lexicon &lexicon, const QString &defaultCountry);

} // namespace ringside::nlu
