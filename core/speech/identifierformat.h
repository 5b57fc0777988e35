#pragma once

#include <QString>
#include <QStringList>

namespace ringside {

// The identifier pattern SttConfig::identifierFormats wants ("ORD-######") from a store's
// orderIdFormat setting, which may be that pattern already or prose written for people and the
// brain ("ORD followed by six digits"). Prose that does not say a prefix and a digit count gives
// "" (the recognizer then listens for up to four letters and any digits) — never the prose itself,
// which would make the grammar demand the letters of "followed".
QString identifierPatternFromFormat(const QString &orderIdFormat);

// The identifiers a caller of this store may read out, as SttConfig::identifierFormats: the
// store's order IDs (from its orderIdFormat, when it says a pattern), its return IDs ("RET-####",
// the form the store gives them) and ten-digit phone numbers that start with 2–9 (Indian mobiles,
// North American numbers).
QStringList storeIdentifierFormats(const QString &orderIdFormat);

// True when the characters of a spelled run ("ORD482913", "9812345678") have exactly the shape
// of `format` (SttConfig::identifierFormats syntax: letters and digits literal, '#' a digit, '@' a
// letter, [2-9] a digit class; '-' and spaces ignored).
bool runMatchesFormat(const QString &run, const QString &format);
// True when `run` could still grow into `format` (it is a strict prefix of the shape).
bool runIsPrefixOfFormat(const QString &run, const QString &format);

} // namespace ringside
