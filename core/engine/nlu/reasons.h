#pragma once

#include "engine/nlu/cueset.h"

#include <QStringList>

namespace ringside::nlu {

// The seed's reason enums: cancel_order.reason, record_cart_abandonment_reason.reason and
// initiate_return.items[].reason. Their codes are interfaces and never change here.
enum class ReasonSet { Cancellation, Abandonment, Return };

QString reasonSetName(ReasonSet set); // "cancellation", "abandonment", "return"
QStringList reasonCodes(ReasonSet set);
// The code to record when nothing matched: "other", or "" for returns, whose enum has none.
QString fallbackReason(ReasonSet set);

struct ReasonMatch
{
    QString reason;            // a code from reasonCodes(); the fallback when nothing matched
    double confidence = 0.0;   // 0 when nothing matched
    QString cue;               // the lexicon phrase that decided it
    QString heard;             // the caller's words that matched it
    int first = -1;            // their tokens
    int last = -1;
    QString runnerUp;          // the next-best code, if any
    double runnerUpConfidence = 0.0;
    QStringList negated;       // codes heard only under negation ("not damaged")

    bool matched() const { return confidence > 0.0; }
};

// Maps free text onto a reason code with lexicon cues. A multi-word cue found whole is worth
// more than a single word, a cue with words skipped inside it a little less, and a second
// reason heard in the same breath lowers the confidence of the first.
ReasonMatch classifyReason(const NormalisedText &text, const CueSet &cues, ReasonSet set);

} // namespace ringside::nlu
