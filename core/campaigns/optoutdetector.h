#pragma once
// Hears "stop calling me" (English, Hinglish, Hindi) in what a caller says on any call, so the
// number goes on the do-not-call list at once, for every campaign. The phrases are the shipped
// cart-recovery playbook's do_not_call intent (one list, understood by the same NLU as the
// conversation), matched whole and not under negation.

#include "engine/nlu/analyser.h"
#include "engine/nlu/intentmatcher.h"

#include <memory>

namespace ringside::campaigns {

class OptOutDetector
{
public:
    // Fails naming what is missing when the playbook's intent cannot be read.
    static Result<OptOutDetector> create(const nlu::Analyser &analyser);

    // The phrase heard, or '' when the caller did not ask to stop being called.
    QString heard(const QString &utterance) const;

private:
    OptOutDetector(nlu::Analyser analyser, nlu::IntentMatcher matcher) : m_analyser(std::move(analyser)), m_matcher(std::move(matcher)) {}

    nlu::Analyser m_analyser;
    nlu::IntentMatcher m_matcher;
};

} // namespace ringside::campaigns
