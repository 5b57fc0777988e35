#pragma once
// Where a sentence ends — the project's one rule. The LLM brain speaks a streamed reply a sentence
// at a time with it, speech synthesis starts on the first sentence (speech/sentencesplitter.h),
// the playbook and the scenario checks count sentences, and a re-prompt repeats the last question.

#include <QString>
#include <QStringList>

namespace ringside {

// The index just past the sentence that starts at `from` (its terminator, a run of further
// terminators, and any closing quote, bracket or emphasis mark), or -1 while it has not ended.
// Terminators are . ! ? … and the Devanagari danda (।), each followed by white space; a line break
// ends a sentence too. These do not: decimals and addresses ("1.5", "shop.example.com"), common
// abbreviations ("Dr.", "Rs.", "e.g.", "Dec."), initials and spelled letters ("A. Kumar",
// "O. R. D."), a list number opening a line ("1. "). With `atEnd` the text is complete, so a
// terminator (or none) at its very end closes the last sentence.
qsizetype findSentenceEnd(const QString &text, qsizetype from, bool atEnd);

// The sentences of a complete text, each with its white space collapsed; pieces with no letter or
// digit ("...", "!") are left out.
QStringList splitSentences(const QString &text);
int countSentences(const QString &text);
// The last sentence that ends in '?', or an empty string.
QString lastQuestion(const QString &text);

} // namespace ringside
