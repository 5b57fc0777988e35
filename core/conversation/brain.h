#pragma once

#include "util/jsonqt.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace ringside {

class BrainContext;

// What the speech layer should listen for next. The playbook brain knows when it waits for an
// order ID or phone number; endpointing waits longer inside digit strings and the embedded STT
// switches to a digits-and-letters grammar.
enum class ListenExpectation { General, DigitsAndLetters, YesNo };

// A conversation policy: decides what to say and which tools to call for each user turn.
// Two implementations: the deterministic playbook brain (offline default) and the LLM brain.
//
// A brain runs on its session's thread. It may finish a turn synchronously inside respond() or
// later (the LLM brain waits for the network); either way it calls ctx.finishTurn() exactly once
// per respond(). It never blocks the thread waiting for the network.
class Brain
{
public:
    virtual ~Brain() = default;

    // The session has spoken the greeting; the brain may set up state (e.g. outbound calls already
    // know the order). May say more, but usually does nothing.
    virtual void begin(BrainContext &ctx) = 0;

    // A final user utterance.
    virtual void respond(const QString &userText, BrainContext &ctx) = 0;

    // The caller interrupted the agent: only `heardText` of the last reply reached them. Called
    // before the respond() for the interrupting words, so the brain can repeat what was missed.
    virtual void agentInterrupted(const QString &heardText) { Q_UNUSED(heardText); }

    // Abandon a turn in progress (caller hung up, operator took over). No further ctx calls.
    virtual void cancel() {}

    virtual ListenExpectation expectation() const { return ListenExpectation::General; }

    // Phrases the caller is likely to say next (for STT adaptation); may be empty.
    virtual QStringList expectedPhrases() const { return {}; }

    // Short machine name ("playbook", "llm") for records and logs.
    virtual QString kind() const = 0;
};

// What a brain may do; implemented by Session, which turns each action into events,
// the call record and (for voice) speech.
class BrainContext
{
public:
    virtual ~BrainContext() = default;

    virtual void say(const QString &text) = 0;
    // Validates and runs a tool through the registry; records tool_call / tool_result events.
    virtual json callTool(const QString &name, const json &arguments) = 0;
    virtual void escalate(const QString &reason, const QString &summary) = 0;
    // Sets the outcome the call record will carry (confirmed, cancelled, recovered, …).
    virtual void setOutcome(const QString &outcome) = 0;
    // Revenue recovered (carts) or protected (confirmed COD), in minor units.
    virtual void setRevenue(qint64 minor, const QString &currency) = 0;
    // Ends the call after anything already said has been delivered.
    virtual void endCall(const QString &outcome) = 0;
    virtual void finishTurn() = 0;

    // Template variables for this call (storeName, customerName, orderId, …).
    virtual QString variable(const QString &name) const = 0;
    virtual QString language() const = 0;         // BCP 47 of the agent
    virtual QDateTime now() const = 0;
    // Guidance whispered by an operator since the last turn (the caller never hears it).
    virtual QStringList takeWhispers() = 0;
    // The last thing the caller heard from the agent (the greeting at first), for "repeat that".
    virtual QString lastAgentText() const { return {}; }
    // Something the console should know that the caller must not hear (a missing template value,
    // guidance the brain cannot follow); the session emits it as a "notice" event.
    virtual void notice(const QString &message) { Q_UNUSED(message); }
};

} // namespace ringside
