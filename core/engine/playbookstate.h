#pragma once
// Internal to the playbook brain: what one conversation remembers between turns, and what one
// turn collects while its rules and actions run.

#include "engine/nlu/analysis.h"
#include "util/jsonqt.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace ringside {
class BrainContext;
}

namespace ringside::playbook {

// Slots heard in one utterance.
struct HeardSlots
{
    json values = json::object();   // slot name → value, for each slot heard complete
    QString partialSlot;            // an expected slot heard in part ("order_id")
    QString partialDigits;
    QString invalidSlot;            // an expected slot heard but impossible
    QString invalidProblem;
    QStringList carriable;          // slots safe to keep for a later step (cue-based, unambiguous)

    bool has(const QString &slot) const { return values.contains(slot.toStdString()); }
};

struct ConversationState
{
    // Everything templates and conditions can reach: vars, slots, counters, step, turn, last,
    // and each tool result or set value by name.
    json root = { { "vars", json::object() }, { "slots", json::object() }, { "counters", json::object() } };
    QString step;
    int retries = 0;            // "not understood" in a row in this step
    bool offeringHuman = false; // the last reply offered a person
    bool escalated = false;     // handed over: the brain only asks the caller to hold
    bool ended = false;
    QString outcome;            // set by an "outcome" action
    QString pendingSlot;        // a slot heard in part, completed by the next turn
    QString pendingDigits;
    // Slots the caller gave before they were asked for, with the turn they were said in: a step
    // that asks for one takes it instead of asking ("I want to return the shirt, order 482913").
    json facts = json::object();
    int turnNumber = 0;
    QStringList recentUtterances; // newest last, for items named before the list was known
};

struct TurnState
{
    BrainContext *ctx = nullptr;
    nlu::Analysis analysis;
    HeardSlots heard;
    QStringList reply;         // said this turn, not yet handed to the session
    bool askAtEnd = false;     // end the reply with the current step's question
    bool stopped = false;      // escalated or ending: run no further actions
    std::optional<QString> endOutcome;
    bool ruleFired = false;
    bool retried = false;
    bool entered = false;      // a goto entered a step and will ask its question
    QStringList consumed;      // slots a rule's "heard" condition used this turn
    int depth = 0;             // routine nesting, against loops
};

} // namespace ringside::playbook
