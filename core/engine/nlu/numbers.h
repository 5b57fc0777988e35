#pragma once

#include "engine/nlu/normalisedtext.h"

#include <QHash>
#include <QSet>

namespace ringside::nlu {

// Number words in English, romanised Hindi and Devanagari, keyed by stem (see lexicon
// "numbers" in docs/nlu.md).
struct NumberWords
{
    QHash<QString, int> cardinals;   // 0–99: "four", "char", "चार", "forty", "bees"
    QHash<QString, int> ordinals;    // "first", "twenty" + "eighth", "doosra"
    QSet<QString> ordinalSuffixes;   // "th" in "28th" (digits and letters are split)
    QHash<QString, qint64> scales;   // "hundred", "sau", "thousand", "lakh"
    QHash<QString, int> repeaters;   // "double" → 2, "triple" → 3
    QSet<QString> zeroLetters;       // "o", "oh": zero, but only inside a digit string
    QSet<QString> ambiguous;         // "do", "teen": numbers only beside other numbers
    QSet<QString> fillers;           // "uh", "dash": skipped inside a digit string
    QSet<QString> plus;              // "plus" before a country code
    QSet<QString> one;               // "a", "an": 1, but only before a scale or unit
};

// Digits said or written one after another: "nine eight four five", "double five",
// "98123-45678", "plus nine one", "forty eight twenty nine".
struct DigitRun
{
    QString digits;    // ASCII digits only
    bool plus = false; // led by "+" or "plus"
    int first = 0;     // tokens covered
    int last = 0;
};

// A number said as a quantity: "forty two", "two thousand twenty six", "teen", "28th".
struct Cardinal
{
    qint64 value = 0;
    bool ordinal = false; // "28th", "twenty eighth", "doosra"
    int first = 0;
    int last = 0;
};

class Numbers
{
public:
    Numbers() = default;
    explicit Numbers(NumberWords words) : m_words(std::move(words)) {}

    // Every digit string in the text, in order. Runs continue across commas and fillers
    // ("nine eight, uh, four five") but stop at any other word, and skip dates and times
    // written with "/" or ":". A pause after a whole group ends the run, unless the two sides
    // are the halves of an Indian mobile number ("98765, 43210").
    QList<DigitRun> digitRuns(const NormalisedText &text) const;
    // The digit string starting at token `start`, if one does.
    bool digitRunAt(const NormalisedText &text, int start, DigitRun *run) const;

    // The number said starting at token `start`. Ambiguous words ("do", "teen") count only
    // when `allowAmbiguous` or when another number word follows.
    bool cardinalAt(const NormalisedText &text, int start, Cardinal *out, bool allowAmbiguous = true) const;

    // Whether the token is any kind of number (digits, cardinal, ordinal, scale, repeater).
    bool isNumber(const Token &token) const;
    bool isAmbiguous(const Token &token) const;
    const NumberWords &words() const { return m_words; }

private:
    int digitWordValue(const Token &token) const;
    bool startsDigits(const NormalisedText &text, int index) const;

    NumberWords m_words;
};

} // namespace ringside::nlu
