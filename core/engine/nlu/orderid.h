#pragma once

#include "engine/nlu/found.h"
#include "engine/nlu/lexicon.h"
#include "util/result.h"

namespace ringside::nlu {

// What a store's order IDs look like: letters said before the digits, the separator written
// between them, and how many digits follow ("ORD-482913": "ORD", "-", 6).
struct OrderIdPattern
{
    QString prefix = QStringLiteral("ORD");
    QString separator = QStringLiteral("-");
    int digits = 6;
    bool acceptBareDigits = true; // "482913" alone counts, not only "ORD 482913"

    // From an example or a template: "ORD-123456", "ORD-XXXXXX", "#1001", "ABC12345", "1234567".
    static Result<OrderIdPattern> fromExample(const QString &example);
    // The canonical ID for the digits: prefix + separator + digits.
    QString format(const QString &digits) const;
};

struct OrderIdMatch
{
    Found status = Found::None;
    QString id;          // canonical ("ORD-482913") when complete
    QString digits;      // the digits heard, complete or not
    bool prefixHeard = false;
    QString heard;       // the caller's words
    QString problem;     // why an invalid ID cannot be right
};

// Finds an order ID said or written: "O R D four eight two nine one three", "ord 482913",
// "ORD-482913", "order number four eight two…", "mera order 482913 hai". Fewer digits than
// the pattern after the prefix or an "order number" lead (or three or more bare digits) is
// Partial; more digits after a prefix or lead is Invalid. The last affirmed ID wins:
// "not 482913, 482914" gives 482914.
OrderIdMatch extractOrderId(const NormalisedText &text, const Lexicon &lexicon, const OrderIdPattern &pattern);

} // namespace ringside::nlu
