#pragma once
// The few lines the LLM brain says on its own, when the model cannot speak for itself: while a
// slow answer is awaited, after a failure, when handing over, at the end of a call. Chosen by
// the agent's language (per call, not the console's locale, so not tr()). Hindi is written in
// Latin script like the tools' hi-IN messages and the shipped Hindi agent.

#include <QString>

namespace ringside {

struct BrainLines
{
    QString holding;     // the turn budget ran out: the caller should not hear silence
    QString apology;     // a turn failed; ask the caller to say it again
    QString handover;    // repeated failure: handing the call to a person
    QString fallback;    // no answer in words after the tool-round cap
    QString goodbye;     // the model ended the call without saying goodbye

    // Lines for a BCP 47 language ("hi-IN", "hi" → Hindi; anything else → English).
    static BrainLines forLanguage(const QString &language);
};

} // namespace ringside
