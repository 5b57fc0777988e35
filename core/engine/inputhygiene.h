#pragma once
// What a session does to a user turn before anyone reads it: control and format characters
// (including zero-width and bidi marks) become spaces, white space is collapsed, lone surrogates
// are dropped, and the text is capped so hostile input costs bounded time and memory.

#include <QString>

namespace ringside {

struct CleanText
{
    QString text;
    qsizetype originalLength = 0;
    bool truncated = false;     // longer than the cap: the tail was dropped
    bool hadControl = false;    // control or format characters were removed
};

inline constexpr int kMaxTurnChars = 2000; // the NLU analyses no more than this either

CleanText cleanUserText(const QString &raw, int maxChars = kMaxTurnChars);

} // namespace ringside
