#pragma once

#include "commerce/commercetypes.h"

#include <QDate>
#include <QDateTime>
#include <QStringList>
#include <QTime>
#include <QTimeZone>

namespace ringside {

// Text meant to be spoken by a TTS voice: IDs letter by letter, dates as words, money with its
// unit. English (any language tag not starting with "hi") and romanized Hindi ("hi-IN", as the
// COD agent speaks it) are supported.

bool isHindi(const QString &language);

// "ORD-482913" → "O R D 4 8 2 9 1 3": letters and digits one by one, separators dropped.
QString spellId(const QString &id);
// Whether a word is an identifier a voice must spell: capital letters and digits, no spaces, at
// least three digits or a letter first and two digits ("ORD-482913", "RET-0001", "SAVE10",
// "BD123456789IN"); "14-inch" and "16GB" are not.
bool looksLikeId(const QString &word);
// `text` with every word that looks like an identifier spelled ("your order ORD-482913." →
// "your order O R D 4 8 2 9 1 3."); punctuation around a word is kept.
QString spellIdsIn(const QString &text);

// The IANA zone, or UTC when the name is empty or unknown.
QTimeZone zoneOrUtc(const QString &ianaId);

// "Thursday, November 27" ("Guruvaar, 27 Navambar" in Hindi); the year is added only when it
// differs from `today`'s.
QString spokenDate(const QDate &date, const QDate &today, const QString &language);
// Like spokenDate but says "today" / "yesterday" alone and prefixes "tomorrow, " so a listener
// gets both the relative and the exact day.
QString spokenDay(const QDate &date, const QDate &today, const QString &language);
// "3:04 PM", "3 PM" on the hour; Hindi "dopahar 3:04 baje".
QString spokenTime(const QTime &time, const QString &language);
// Day names for slots: morning / afternoon / evening ("subah" / "dopahar" / "shaam").
QString spokenSlot(const QString &slot, const QString &language);

// Digits after the decimal point for a currency (INR 2, JPY 0, …).
int currencyExponent(const QString &currency);
// The amount as a plain decimal number for JSON (minor units / 10^exponent).
double decimalAmount(const Money &money);
// "1,499 rupees", "1,499 rupees and 50 paise", "12 dollars and 50 cents"; Hindi "1,499 rupaye".
QString spokenMoney(const Money &money, const QString &language);

// "a", "a and b", "a, b, and c" (Hindi "a, b aur c").
QString naturalList(const QStringList &parts, const QString &language);
// "a Cotton T-shirt", "an Apple Watch", "Running Shoes" (already plural: no article),
// "2 Cotton T-shirts" for English; Hindi keeps the name
// and puts the count first when more than one.
QString itemPhrase(const QString &name, int quantity, const QString &language);

// "bluedart" → "Blue Dart"; unknown codes are returned with underscores as spaces.
QString carrierDisplayName(const QString &carrier);
// A machine status ("out_for_delivery") as words ("out for delivery").
QString statusWords(const QString &status);

} // namespace ringside
