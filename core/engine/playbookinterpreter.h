#pragma once
// Internal to the playbook brain: evaluates rule conditions and runs actions for one turn
// (docs/playbook-format.md, "Rules" and "Actions"). Everything said is collected in the turn and
// handed to the session once, at the end of the turn or before an escalation.

#include "engine/playbook.h"
#include "engine/playbookstate.h"
#include "engine/playbooktemplate.h"

namespace ringside::playbook {

class Interpreter
{
public:
    Interpreter(const Playbook &playbook, ConversationState &state, TurnState &turn, const SpeechStyle &style)
        : m_pb(playbook), m_state(state), m_turn(turn), m_style(style)
    {
    }

    // Whether every condition of `when` holds (a missing `when` always holds).
    bool matches(const json *when) const;
    // Runs the first rule that matches; false when none did.
    bool runRules(const json &rules);
    void runActions(const json &actions);

    // A playbook text in the agent's language, rendered; missing values are reported as notices.
    QString text(const json &text, bool spellIds = true); // spellIds false: for a person to read (summaries)
    // A "texts" override, else the built-in text, rendered.
    QString builtin(const QString &key);

    void say(const QString &text);
    void gotoStep(const QString &step, bool ask);
    // Not understood: `text` (or the step's retry, or "didn't catch that" + ask); past
    // maxRetries in a row, offers a person instead.
    void retry(const QString &text);
    void escalate(const QString &reason, const QString &summary, const QString &sayText);
    void end(const QString &outcome);
    // Hands what was said so far to the session.
    void flush();

    // The current step's object (empty object when unknown).
    const json &currentStep() const;
    // Stores slots heard this turn: those the step expects, plus `extra`.
    void rememberSlots(const QStringList &extra);
    // Whether the current step's or the anywhere rules name `intent` in a condition.
    bool playbookHandles(const QString &intent) const;
    // Whether the caller's intent is one of `names` (the playbook's or a built-in one).
    bool intentIs(const QStringList &names) const;
    // The current step's choices: the elements (into *items) and their rendered labels, at most
    // its "limit" of them; *unspoken gets how many the limit left out.
    QStringList choiceLabels(json *items, int *unspoken = nullptr);

private:
    void runAction(const json &action);
    void call(const json &action);
    void set(const json &values);
    void revenue(const json &spec);
    QString defaultSummary(const QString &reason) const;

    const Playbook &m_pb;
    ConversationState &m_state;
    TurnState &m_turn;
    const SpeechStyle &m_style;
};

// Names in a condition value that may be one name or an array of names.
QStringList namesIn(const json &value);

} // namespace ringside::playbook
