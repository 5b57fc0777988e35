#pragma once

#include "engine/nlu/cueset.h"

namespace ringside::nlu {

enum class Answer { Unknown, Yes, No, Unsure };

QString answerName(Answer answer); // "unknown", "yes", "no", "unsure"

struct YesNo
{
    Answer answer = Answer::Unknown;
    double confidence = 0.0;
    QString cue;    // the lexicon phrase that decided it
    QString heard;  // the caller's words
    bool corrected = false; // an earlier clause said otherwise ("no, I mean yes")
};

// Reads a yes/no answer. Each clause's answer is its last cue; a yes cue under negation is a
// no ("theek nahi", "not okay", "ji nahi"); the last clause that answers wins, so "no, I mean
// yes" is yes. A reassurance ("settle": "it's fine", "theek hai") after a no keeps the no, so
// "no, it's fine" declines; a correction between them ("no wait, okay") lets it say yes. A lone negator ("nahi", "na", "mat") answers only at the start of a clause:
// inside one it negates its neighbours ("kal nahi") and says nothing about the answer.
YesNo extractYesNo(const NormalisedText &text, const CueSet &cues);

} // namespace ringside::nlu
