#pragma once
// Internal to the playbook brain: turns an NLU analysis into the slots of docs/playbook-format.md,
// joins digits said across turns, and picks an element of a step's choices.

#include "engine/nlu/analyser.h"
#include "engine/playbookstate.h"

namespace ringside::playbook {

struct SlotContext
{
    const nlu::Analyser *analyser = nullptr;
    nlu::OrderIdPattern orderIdPattern;
    // Return IDs ("RET-0001"): heard only with their letters, so "0001" alone is not one.
    nlu::OrderIdPattern returnIdPattern = { QStringLiteral("RET"), QStringLiteral("-"), 4, false };
    QString phoneCountry = QStringLiteral("IN");
    QStringList expected;          // the step's expect list
    json choiceItems;              // the step's choices (array), or null
    QString choiceKey;             // field of an element matched against IDs said
    QString utterance;             // the text analysed
    QString pendingSlot;           // digits kept from the previous turn
    QString pendingDigits;
};

HeardSlots heardSlots(const nlu::Analysis &analysis, const SlotContext &context);

} // namespace ringside::playbook
