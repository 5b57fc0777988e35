#pragma once
// How the console shows numbers to people: the user's locale, money with its currency's symbol,
// rates as percentages and "—" where a figure is not defined.

#include <QLocale>
#include <QString>

#include <optional>

namespace ringside::ui {

// The symbol people use for an ISO 4217 code ("INR" → "₹", "USD" → "$"), preferring the user's
// own locale when it uses that currency; the code itself when no locale knows it.
QString currencySymbol(const QString &isoCode, const QLocale &locale = QLocale());

// Minor units (paise, cents) in the user's locale with the currency's symbol: "₹1,499.00".
QString formatMoneyMinor(qint64 minor, const QString &isoCode, const QLocale &locale = QLocale());
// A major-unit figure (ROI estimates), rounded to the currency's digits.
QString formatMoney(double amount, const QString &isoCode, const QLocale &locale = QLocale());

// "85.3%" for 0.853; "—" when undefined.
QString formatRate(const std::optional<double> &fraction, const QLocale &locale = QLocale(), int decimals = 1);
// "3 min 12 s", "45 s"; "—" when undefined.
QString formatSeconds(const std::optional<double> &seconds, const QLocale &locale = QLocale());
// "1,234" in the user's locale.
QString formatCount(qint64 count, const QLocale &locale = QLocale());

// The sign for an undefined figure.
inline QString notAvailable() { return QStringLiteral("—"); }

} // namespace ringside::ui
