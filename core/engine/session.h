#pragma once
// One conversation: renders the greeting, runs the user's turns through a brain, runs its tool
// calls, and reports everything as SessionEvents (docs/engine.md). The call record is kept by an
// observer of those events (SessionServices::observer, analytics::CallRecorder); a session
// destroyed without ending still reports its "end" to that observer, so no call is ever lost.
//
// A Session lives on one thread (the console's engine worker, a gateway worker) and must be used
// from it: call the slots directly there, or through queued connections from elsewhere. It never
// throws and answers every turn, whatever the input.

#include "agent/agent.h"
#include "conversation/brain.h"
#include "conversation/sessionevent.h"
#include "conversation/sessionobserver.h"
#include "tools/callerverification.h"
#include "util/clock.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace ringside {

class CommerceBackend;
class ToolRegistry;

struct SessionConfig
{
    Agent agent;
    QHash<QString, QString> variables;    // resolved (VariableResolver)
    QString customerId;                   // what the call is about, for tools and the record
    QString orderId;
    QString cartId;
    QString callerPhone;
    QString channel = QStringLiteral("chat"); // chat | voice | twilio | exotel | test_call
    QString direction;                    // inbound | outbound; empty: from the agent's type
    Clock clock;
    // With nobody to take an escalated call (CLI, tests) the call ends once it is handed over;
    // the gateway keeps it open for an operator.
    bool endOnEscalation = true;
};

struct SessionServices
{
    ToolRegistry &tools;
    CommerceBackend &store;
    SessionObserver *observer = nullptr; // hears the call from start to end (its record); may be null
};

class Session : public QObject, private BrainContext
{
    Q_OBJECT
public:
    enum class State { Idle, Active, TakenOver, Ended };

    Session(SessionConfig config, SessionServices services, std::unique_ptr<Brain> brain, QObject *parent = nullptr);
    ~Session() override;

    State state() const { return m_state; }
    bool isEnded() const { return m_state == State::Ended; }
    bool turnInProgress() const { return m_turnInProgress; }
    bool escalated() const { return m_escalated; }
    QString outcome() const;                       // the outcome so far (or final)
    const SessionConfig &config() const { return m_config; }
    Brain &brain() { return *m_brain; }

public Q_SLOTS:
    // Says the greeting (a missing variable is left out and reported as a notice) and lets the
    // brain begin.
    void start();
    // One final user utterance. Cleaned (inputhygiene.h); an empty one gets a gentle re-prompt.
    // While a turn is in progress the next one waits its turn.
    void userSaid(const QString &text);
    // Barge-in: the caller heard only `heardText` of the last reply.
    void agentInterrupted(const QString &heardText);
    // Operator guidance for the brain; the caller never hears it.
    void whisper(const QString &text);
    // The operator takes the call: the brain stops; user turns are only recorded.
    void takeOver();
    void handBack();
    // While taken over: the operator's words, spoken as the agent.
    void operatorSay(const QString &text);
    // From the line itself, outside the brain (the gateway can no longer hear the caller): the
    // brain's turn stops, `text` is said marked "by":"gateway" and the call is escalated with
    // `reason`. Ignored unless the session is active.
    void handToOperator(const QString &text, const QString &reason);
    // A notice from outside the brain (e.g. which speech engines the line uses, and why).
    void lineNotice(const QString &message) { notice(message); }
    // Ends the call. "hangup" (the caller left) says nothing more; any other reason says goodbye
    // first. The outcome is `outcome`, else the one set during the call, else "failed".
    void end(const QString &reason = QStringLiteral("hangup"), const QString &outcome = QString());

Q_SIGNALS:
    // Each event of the call as it happens, after the observer (the call record) has it.
    void eventOccurred(const ringside::SessionEvent &event);
    void turnFinished();
    void ended(const QString &outcome);

private:
    // BrainContext
    void say(const QString &text) override;
    json callTool(const QString &name, const json &arguments) override;
    void escalate(const QString &reason, const QString &summary) override;
    void setOutcome(const QString &outcome) override;
    void setRevenue(qint64 minor, const QString &currency) override;
    void endCall(const QString &outcome) override;
    void finishTurn() override;
    QString variable(const QString &name) const override;
    QString language() const override;
    QDateTime now() const override;
    QStringList takeWhispers() override;
    QString lastAgentText() const override { return m_lastAgentText; }
    void notice(const QString &message) override;

    void emitEvent(EventType type, json data);
    void speak(const QString &text, const char *by);
    void beginTurn(const QString &text);
    void dropTurns(); // the brain's turn in progress is cancelled and waiting ones are dropped
    void processQueue();
    void requestEnd(const QString &outcome);
    void finalize(const QString &outcome, bool notify);
    json endFacts();
    void noteOrder(const json &result);

    SessionConfig m_config;
    SessionServices m_services;
    std::unique_ptr<Brain> m_brain;
    State m_state = State::Idle;

    QElapsedTimer m_sinceStart;
    QElapsedTimer m_turnTimer;
    bool m_turnInProgress = false;
    bool m_inBegin = false;
    bool m_saidThisTurn = false;
    QStringList m_queue;
    QStringList m_whispers;
    QString m_lastAgentText;
    QString m_turnReply;

    QString m_outcome;
    std::optional<QString> m_pendingEnd;
    bool m_escalated = false;
    bool m_operatorJoined = false;
    QString m_escalationReason;
    qint64 m_revenueMinor = 0;
    QString m_revenueCurrency;
    CallerVerification m_verification; // who the caller has shown they are, for the tools
    qint64 m_droppedTurns = 0;

    static constexpr qsizetype kMaxQueuedTurns = 8;
    static constexpr qsizetype kMaxWhispers = 20;
};

} // namespace ringside
