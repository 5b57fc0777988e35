#pragma once
// A Brain that holds the conversation through a language model with function calling, with the
// guards hosted voice platforms leave out (docs/llm-brain.md):
//  - at most maxToolRoundsPerTurn rounds of tool calls, then one request for words only;
//  - an identical call (same name and arguments) never runs twice in a turn; arguments that are
//    not JSON and tools the agent does not have are answered with a structured error instead;
//  - a holding line once the turn has been silent for turnBudgetMs, and a hard turn timeout;
//  - retries of retryable failures within the turn, then an apology, and after
//    maxConsecutiveFailures failed turns a hand-over to a person with a summary of the call.
// Replies are spoken a sentence at a time as they stream in (ReplySpeaker: no markdown, no JSON,
// at most maxSpokenSentences per turn). transfer_to_human escalates; end_call ends the call; the
// outcome and revenue on the call record follow from successful tool results (CallOutcome).
//
// Runs on its session's thread and never blocks it: every ctx call happens from respond() or
// from the client's signals and timers on that thread. Exactly one ctx.finishTurn() per
// respond(); after cancel() nothing more reaches the context.

#include "agent/agent.h"
#include "conversation/brain.h"
#include "engine/llm/llmclient.h"
#include "engine/llmbrain/brainlines.h"
#include "engine/llmbrain/calloutcome.h"
#include "engine/llmbrain/conversationhistory.h"
#include "engine/llmbrain/llmbrainoptions.h"
#include "engine/llmbrain/replyspeaker.h"
#include "engine/llmbrain/toolcallguard.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace ringside {

class LlmBrain : public QObject, public Brain
{
    Q_OBJECT
public:
    // `client` (not null) is ready to use (createLlmClient reads the provider's keys from the
    // environment); the brain owns it and makes it its child. Create the brain on the thread that
    // runs its session: LlmClient's own timers do not follow a moveToThread.
    LlmBrain(const Agent &agent, std::unique_ptr<LlmClient> client, LlmBrainOptions options = {},
             QObject *parent = nullptr);
    ~LlmBrain() override;

    void begin(BrainContext &ctx) override;
    void respond(const QString &userText, BrainContext &ctx) override;
    void agentInterrupted(const QString &heardText) override;
    void cancel() override;
    QString kind() const override { return QStringLiteral("llm"); }

    // For the console and tests: what the model is sent.
    const ConversationHistory &history() const { return m_history; }
    const QString &systemPrompt() const { return m_systemPrompt; }
    bool turnInProgress() const { return m_ctx != nullptr; }
    int consecutiveFailures() const { return m_consecutiveFailures; }

private:
    void prepare(BrainContext &ctx);
    void startRound();
    void sendAttempt();
    void onTextDelta(const QString &text);
    void onFinished(const LlmResponse &response);
    void onFailed(const LlmError &error);
    void runToolCalls(const LlmResponse &response);
    void retryOrFail(const LlmError &error);
    void failTurn(const LlmError &error);
    void onBudgetElapsed();
    void onHardTimeout();

    // Says each line; false when the turn was cancelled meanwhile (stop touching the context).
    bool say(const QStringList &lines);
    // Ends the turn: the state is cleared first so the context may start the next one at once.
    void finishTurn();
    void escalateAndFinish(const QString &reason, const QString &summary);
    void endCallAndFinish(const QString &outcome);
    // Stops the request and timers and keeps what the caller heard of the unfinished reply.
    void abandonTurn();
    void stopRequest();
    bool alive(quint64 epoch) const { return m_ctx && m_epoch == epoch; }

    // From the agent.
    QString m_prompt;
    QString m_greeting;
    QString m_model;
    double m_temperature = 0.3;
    QStringList m_tools;
    json m_toolDeclarations;
    QString m_agentLanguage;

    std::unique_ptr<LlmClient> m_client;
    LlmBrainOptions m_options;
    BrainLines m_lines;
    QString m_systemPrompt;
    bool m_prepared = false;
    ConversationHistory m_history;
    ReplySpeaker m_speaker;
    ToolCallGuard m_guard;
    CallOutcome m_outcome;
    int m_consecutiveFailures = 0;

    // The turn in progress.
    BrainContext *m_ctx = nullptr;
    quint64 m_epoch = 0;       // bumps whenever a turn starts, ends or is cancelled
    bool m_cancellingRequest = false;
    int m_toolRounds = 0;
    bool m_wordsOnly = false;
    int m_retries = 0;
    bool m_holdingSaid = false;
    QElapsedTimer m_turnClock;
    QTimer m_budgetTimer;
    QTimer m_hardTimer;
    QTimer m_retryTimer;
};

} // namespace ringside
