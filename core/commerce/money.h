#pragma once

#include "util/jsonqt.h"

#include <QString>

#include <optional>

namespace ringside::commerce {

// Decimal amounts as written in fixtures and shown to people, converted exactly to and from the
// integer minor units the store keeps (1499.00 INR ⇄ 149900 paise). No binary fraction is ever
// rounded silently: an amount with more decimals than its currency has is an error.

bool isCurrencyCode(const QString &code);       // three upper-case ASCII letters
int currencyDigits(const QString &currency);    // 2 for INR/USD; 0 for JPY, KRW…; 3 for KWD, OMR…

// The JSON number `value` in minor units of `currency`. On failure returns nullopt and sets
// *error to the problem without a path ("has more than 2 decimal places", "is not a number").
std::optional<qint64> decimalToMinor(const json &value, const QString &currency, QString *error);

// "1499.00" — the decimal text of an amount, with exactly the currency's digits.
QString minorToDecimalText(qint64 minor, const QString &currency);

} // namespace ringside::commerce
