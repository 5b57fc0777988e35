#pragma once
// Text rules for what a language model writes and a caller hears: markdown a voice must not read,
// structured text (JSON, tags, code) that must never be spoken, and how much of a reply a caller
// heard before interrupting. Where a sentence ends is util/sentences.h, the project's one rule.

#include <QString>

namespace ringside {

// The sentence as it should be spoken: list markers, headings, emphasis, inline code marks and
// link targets removed, white space collapsed.
QString stripMarkdown(const QString &sentence);

// True for text a voice must not read: braces, brackets, angle brackets, code fences, or
// snake_case identifiers (tool names, JSON keys).
bool looksLikeMachineText(const QString &text);

// `text` with code fences, <tag>…</tag> blocks and balanced {…} / […] blocks removed (an
// unclosed one runs to the end), so the prose around a stray tool call can still be spoken.
QString removeMachineBlocks(const QString &text);

// Lower-case words (letters, digits and combining marks) joined by single spaces, for comparing
// two texts that differ only in punctuation, case or spacing.
QString normalizedWords(const QString &text);

// How many characters of `text` the caller heard, given the words they heard (`heard`, as the
// speech layer reports it). Heard words are matched in order, tolerating a few extra or missing
// words; the result ends at the last matched word (text.size() when every word was heard).
qsizetype heardPrefixLength(const QString &text, const QString &heard);

} // namespace ringside
