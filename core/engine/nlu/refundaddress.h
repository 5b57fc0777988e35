#pragma once

#include "engine/nlu/found.h"
#include "engine/nlu/lexicon.h"

namespace ringside::nlu {

struct RefundMethodMatch
{
    Found status = Found::None; // Complete or None
    QString method;             // original_payment, store_credit or bank_transfer (initiate_return.refund_method)
    QString heard;
    QStringList rejected;       // methods said under negation: "wallet mein nahi"
};

// How the caller wants the refund: "same card", "wallet mein", "account mein", "bank transfer".
// The last affirmed method wins.
RefundMethodMatch extractRefundMethod(const NormalisedText &text, const Lexicon &lexicon);

struct AddressCapture
{
    Found status = Found::None; // Complete: text beside a lead; Partial: a lead but nothing after it
    QString text;               // the caller's own words after (or before) the lead, untouched
    QString lead;               // the lead phrase heard ("new address is", "naya pata")
};

// The free text of a new address after a lead such as "new address is", "deliver to",
// "naya pata", "mera address". No attempt is made to parse it: the tool gets the caller's
// words, minus a trailing "hai" or "please". The last lead wins. Without one, an address that
// holds a number and is followed by a lead ("12 Park Street, Kolkata pe bhej do") is taken too.
AddressCapture extractAddress(const NormalisedText &text, const Lexicon &lexicon);

} // namespace ringside::nlu
