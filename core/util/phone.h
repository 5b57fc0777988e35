#pragma once

#include <QString>

namespace ringside {

// Phone numbers as callers give them: "+91 98123 45678", "098123-45678", "(415) 555-0134".
// Stored numbers are E.164; lookups also match on the national significant number so a
// caller who leaves out the country code is still found.

// Digits only, with '+' kept if it leads. Returns an empty string when nothing is left.
QString phoneDigits(const QString &raw);

// E.164 ("+919812345678") or empty when the input cannot be a phone number.
// `defaultCountry` is an ISO 3166 code ("IN", "US") used when no country code is given.
QString toE164(const QString &raw, const QString &defaultCountry = QStringLiteral("IN"));

// The last ten digits (national significant number for India and NANP), or all digits if fewer.
QString nationalNumber(const QString &raw);

} // namespace ringside
