#pragma once

#include <QList>
#include <QString>

namespace ringside::nlu {

// The languages an utterance can be in. Hinglish is Hindi written in Latin letters.
enum class Language { Unknown, English, HindiLatin, HindiDevanagari };

// BCP 47-style tag: "en", "hi-Latn", "hi-Deva" or "und".
QString languageTag(Language language);

enum class Script : quint8 { Latin, Devanagari, Digits, Other };

// One word of an utterance after normalisation.
struct Token
{
    QString text;  // lower-cased surface; Devanagari and other digits as ASCII ("28/12", "+91")
    QString canon; // spelling-folded form: "nahin", "नहीं" → "nahi"
    QString stem;  // canon without simple English inflections: the key every lexicon matches on
    int from = 0;  // span in NormalisedText::source, so callers can quote the original words
    int to = 0;    // one past the end
    int clause = 0; // clauses split at punctuation and contrast words ("but", "i mean", "lekin")
    int scope = 0;  // negation scopes also split at "and", "aur", "or"
    Script script = Script::Latin;
    bool negatesForward = false;  // "not", "don't", "mat": negates the words after it
    bool negatesBackward = false; // "nahi", "mat": negates the words before it (Hindi word order)
    bool marker = false;          // part of a clause marker; never part of a match
    bool transliterated = false;  // a Devanagari word spelled out in Latin that no known word matched

    bool isNegator() const { return negatesForward || negatesBackward; }
    bool isDigits() const { return script == Script::Digits; }
};

// An utterance ready for the extractors. Built by Normaliser::normalise().
struct NormalisedText
{
    QString source;         // the analysed input: at most Normaliser::kMaxAnalysedChars of it
    bool truncated = false; // the input was longer and its tail was not analysed
    QList<Token> tokens;
    Language language = Language::Unknown;
    bool mixed = false;     // more than one language or script was seen

    int size() const { return int(tokens.size()); }
    bool isEmpty() const { return tokens.isEmpty(); }
    const Token &at(int i) const { return tokens.at(i); }

    // The canonical words joined by single spaces ("haan ji confirm kar do").
    QString joined() const;
    // The original words covering tokens [first, last].
    QString quote(int first, int last) const;

    // Whether the words [first, last] lie in the scope of a negator outside them: a forward
    // negator up to 4 words before ("don't want to cancel") or a backward one up to 3 words
    // after ("cancel nahi karna"), within the same negation scope.
    bool isNegated(int first, int last) const;
};

} // namespace ringside::nlu
