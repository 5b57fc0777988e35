#pragma once

#include <QString>
#include <QStringList>

namespace ringside {

// Turning written text into the words a caller says, and recognizing spelled-out sequences in
// transcripts. Shared by the recognizer (to build its vocabulary from phrases and keywords), the
// endpointer (does the partial end inside an order number?) and tests.

// Lower-case spoken words: "Where's my order ORD-482913?" →
// "where's my order o r d four eight two nine one three". Digit runs are read digit by digit and
// all-capital or mixed letter/digit tokens are spelled, as callers read IDs; "&" → "and", "%" →
// "percent"; other punctuation separates words.
QStringList spokenWords(const QString &text);

QString digitWord(int digit); // 0 → "zero" … 9 → "nine"
bool isDigitWord(const QString &word);  // "zero" "oh" "one" … "nine", and "0"…"9"
bool isLetterWord(const QString &word); // a single letter "a" … "z"
bool isSequenceWord(const QString &word); // digit, letter, "double", "triple"

// True when the last word of `transcript` is part of a spelled sequence (a digit, a letter or
// "double"/"triple"), i.e. the caller may be in the middle of reading out an ID or number.
bool endsInsideSequence(const QString &transcript);

// The characters of the longest spelled run of two or more (the last one on a tie):
// "my order is o r d four eight double two" → "ORD4822". Used to compare a recognized ID with
// the typed one.
QString collapseSpelledSequence(const QString &transcript);

// Every spelled run of two or more characters, in order: "it's o r d four eight and r e t one" →
// ["ORD48", "RET1"]. "oh" is a zero, "double"/"triple" repeat the next character.
QStringList spelledRuns(const QString &transcript);

} // namespace ringside
