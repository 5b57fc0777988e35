#pragma once

#include <QString>

#include <optional>

namespace ringside::analytics {

// Money as people read it in reports: "INR 1,23,456.00"-style grouping is not attempted; amounts
// are "INR 123,456.00" so the code, not a symbol, says which currency it is.

// Decimal digits of a currency's minor unit: 0 for JPY, KRW…; 3 for BHD, KWD…; otherwise 2.
int currencyDigits(const QString &currency);

// Minor units to major units (149900 INR → 1499.0).
double minorToMajor(qint64 minor, const QString &currency);

// "INR 1,499.00" from minor units (exact: integer arithmetic).
QString formatMinor(qint64 minor, const QString &currency);
// "INR 1,499.00" from a major-unit figure (ROI estimates), rounded to the currency's digits.
QString formatMajor(double amount, const QString &currency);

// "12.5%" for a fraction, "—" for none.
QString formatPercent(const std::optional<double> &fraction, int decimals = 1);

} // namespace ringside::analytics
