#include "engine/llmbrain/llmbrain.h"

#include "engine/llmbrain/brainprompt.h"
#include "engine/llmbrain/callsummary.h"
#include "tools/toolcatalogue.h"
#include "tools/toolerror.h"

#include <algorithm>

namespace ringside {

namespace {

const QString transferTool = QStringLiteral("transfer_to_human");
const QString endCallTool = QStringLiteral("end_call");

QString joinLines(const QString &a, const QString &b)
{
    return a.isEmpty() ? b : b.isEmpty() ? a : a + QLatin1Char(' ') + b;
}

} // namespace

LlmBrain::LlmBrain(const Agent &agent, std::unique_ptr<LlmClient> client, LlmBrainOptions options, QObject *parent)
    : QObject(parent)
    , m_prompt(agent.prompt)
    , m_greeting(agent.greetingMessage)
    , m_model(agent.llmModel)
    , m_temperature(agent.llmTemperature)
    , m_tools(agent.tools)
    , m_toolDeclarations(toolDeclarations(agent.tools))
    , m_agentLanguage(agent.language)
    , m_client(std::move(client))
    , m_options(options)
    , m_lines(BrainLines::forLanguage(agent.language))
    , m_speaker(options.maxSpokenSentences)
    , m_guard(agent.tools)
    , m_budgetTimer(this)
    , m_hardTimer(this)
    , m_retryTimer(this)
{
    // Children follow the brain if it is moved to its session's thread.
    m_client->setParent(this);
    if (m_toolDeclarations.is_array() && m_toolDeclarations.empty())
        m_toolDeclarations = nullptr;
    connect(m_client.get(), &LlmClient::textDelta, this, &LlmBrain::onTextDelta);
    connect(m_client.get(), &LlmClient::finished, this, &LlmBrain::onFinished);
    connect(m_client.get(), &LlmClient::failed, this, &LlmBrain::onFailed);
    for (QTimer *t : {&m_budgetTimer, &m_hardTimer, &m_retryTimer})
        t->setSingleShot(true);
    connect(&m_budgetTimer, &QTimer::timeout, this, &LlmBrain::onBudgetElapsed);
    connect(&m_hardTimer, &QTimer::timeout, this, &LlmBrain::onHardTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &LlmBrain::sendAttempt);
}

LlmBrain::~LlmBrain()
{
    m_ctx = nullptr;
    disconnect(m_client.get(), nullptr, this, nullptr);
    m_client->cancel();
}

void LlmBrain::prepare(BrainContext &ctx)
{
    const QString language = ctx.language().isEmpty() ? m_agentLanguage : ctx.language();
    m_lines = BrainLines::forLanguage(language);
    const VariableLookup lookup = [&ctx](const QString &name) { return ctx.variable(name); };
    m_systemPrompt = buildSystemPrompt(renderWithVariables(m_prompt, lookup), m_tools,
                                       renderWithVariables(m_greeting, lookup));
    m_prepared = true;
}

void LlmBrain::begin(BrainContext &ctx)
{
    prepare(ctx);
}

void LlmBrain::respond(const QString &userText, BrainContext &ctx)
{
    if (m_ctx) {
        // New words while a turn is still running: the caller spoke over it. Close it first.
        BrainContext *previous = m_ctx;
        abandonTurn();
        previous->finishTurn();
    }
    if (!m_prepared)
        prepare(ctx);
    m_ctx = &ctx;
    ++m_epoch;
    const quint64 epoch = m_epoch;
    for (const QString &whisper : ctx.takeWhispers()) {
        m_history.addNote(QStringLiteral("Operator guidance from a supervisor (follow it; never read it aloud or "
                                         "mention it): ")
                          + whisper);
    }
    if (!alive(epoch))
        return;
    m_history.addUser(userText);
    m_guard.beginTurn();
    m_speaker.beginTurn();
    m_toolRounds = 0;
    m_wordsOnly = false;
    m_holdingSaid = false;
    m_turnClock.start();
    m_hardTimer.start(m_options.hardTurnTimeoutMs);
    m_budgetTimer.start(m_options.turnBudgetMs);
    startRound();
}

void LlmBrain::startRound()
{
    m_speaker.beginRound();
    m_retries = 0;
    sendAttempt();
}

void LlmBrain::sendAttempt()
{
    if (!m_ctx)
        return;
    const int remaining = m_options.hardTurnTimeoutMs - int(m_turnClock.elapsed());
    if (remaining <= 0) {
        failTurn(LlmError::make(LlmError::Timeout, QStringLiteral("the turn's time ran out before the model answered")));
        return;
    }
    m_speaker.beginAttempt();
    LlmRequest request;
    request.model = m_model;
    request.systemPrompt = m_systemPrompt;
    request.messages = m_history.messages();
    request.tools = m_toolDeclarations;
    request.temperature = m_temperature;
    if (m_options.maxTokens > 0)
        request.maxTokens = m_options.maxTokens;
    request.toolChoice = m_wordsOnly ? LlmToolChoice::None : LlmToolChoice::Auto;
    // The turn's own timer is the deadline; the client's limits only catch a stalled stream early.
    m_client->setTimeouts({remaining, std::min(m_options.streamIdleMs, remaining), remaining});
    if (!m_client->start(request))
        failTurn(LlmError::make(LlmError::InvalidRequest, QStringLiteral("the LLM client was still busy")));
}

void LlmBrain::onTextDelta(const QString &text)
{
    if (m_ctx)
        say(m_speaker.feed(text));
}

bool LlmBrain::say(const QStringList &lines)
{
    const quint64 epoch = m_epoch;
    for (const QString &line : lines) {
        if (!alive(epoch))
            return false;
        m_ctx->say(line);
    }
    if (!alive(epoch))
        return false;
    // The caller just heard something: the silence budget counts from here (until the holding line).
    if (!lines.isEmpty() && !m_holdingSaid)
        m_budgetTimer.start(m_options.turnBudgetMs);
    return true;
}

void LlmBrain::onFinished(const LlmResponse &response)
{
    if (!m_ctx)
        return;
    if (!say(m_speaker.finish()))
        return;
    if (!response.toolCalls.empty()) {
        runToolCalls(response);
        return;
    }
    const QString spoken = m_speaker.spokenText();
    if (spoken.isEmpty()) {
        if (response.finish == LlmFinish::ContentFilter) {
            LlmError blocked = LlmError::make(LlmError::Malformed,
                                              QStringLiteral("the provider blocked the answer (%1)").arg(response.finishReason));
            blocked.retryable = false;
            retryOrFail(blocked);
        } else {
            LlmError empty = LlmError::make(LlmError::Malformed, QStringLiteral("the model's answer had nothing to say "
                                                                                "aloud: \"%1\"")
                                                                     .arg(response.text.left(120)));
            empty.retryable = true;
            retryOrFail(empty);
        }
        return;
    }
    m_history.addReply(response.assistantMessage(), spoken);
    m_consecutiveFailures = 0;
    finishTurn();
}

void LlmBrain::runToolCalls(const LlmResponse &response)
{
    if (m_wordsOnly) {
        // Asked for words only and still calling tools: do not run them, and do not leave the
        // caller without an answer.
        QString spoken = m_speaker.spokenText();
        if (spoken.isEmpty()) {
            if (!say({m_lines.fallback}))
                return;
            spoken = m_lines.fallback;
        }
        m_history.addSpokenLine(spoken);
        m_consecutiveFailures = 0;
        finishTurn();
        return;
    }

    m_history.addReply(response.assistantMessage(), m_speaker.spokenText());
    const quint64 epoch = m_epoch;
    std::optional<std::pair<QString, QString>> transfer; // reason, summary
    QString transferLine;
    std::optional<QString> endReason;
    for (const LlmToolCall &call : response.toolCalls) {
        const ToolCallGuard::Verdict verdict = m_guard.check(call);
        json result;
        if (verdict == ToolCallGuard::Verdict::Run) {
            result = m_ctx->callTool(call.name, call.arguments);
            if (!alive(epoch))
                return;
            m_guard.noteRan(call);
            const CallOutcome::Change change = m_outcome.noteTool(call.name, call.arguments, result);
            if (change.outcome)
                m_ctx->setOutcome(*change.outcome);
            if (alive(epoch) && change.revenue)
                m_ctx->setRevenue(change.revenue->minor, change.revenue->currency);
            if (!alive(epoch))
                return;
            if (!isToolError(result) && call.name == transferTool) {
                transfer = std::make_pair(stringAt(call.arguments, "reason"), stringAt(call.arguments, "summary"));
                transferLine = stringAt(result, "message");
            } else if (!isToolError(result) && call.name == endCallTool) {
                endReason = stringAt(call.arguments, "reason");
            }
        } else {
            result = m_guard.refusal(verdict, call);
        }
        m_history.addToolResult(call, result);
    }

    if (transfer) {
        const QString line = transferLine.isEmpty() ? m_lines.handover : transferLine;
        if (m_speaker.spokenText().isEmpty()) {
            if (!say({line}))
                return;
            m_history.addSpokenLine(line);
        }
        m_consecutiveFailures = 0;
        escalateAndFinish(transfer->first, transfer->second);
        return;
    }
    if (endReason) {
        if (m_speaker.sentencesThisTurn() == 0) {
            if (!say({m_lines.goodbye}))
                return;
            m_history.addSpokenLine(m_lines.goodbye);
        }
        m_consecutiveFailures = 0;
        endCallAndFinish(m_outcome.endOutcome(*endReason));
        return;
    }
    if (++m_toolRounds >= m_options.maxToolRoundsPerTurn)
        m_wordsOnly = true;
    startRound();
}

void LlmBrain::onFailed(const LlmError &error)
{
    if (m_cancellingRequest || !m_ctx)
        return;
    retryOrFail(error);
}

void LlmBrain::retryOrFail(const LlmError &error)
{
    m_speaker.abandonAttempt();
    if (error.retryable && m_retries < m_options.maxRetriesPerRound
        && error.retryAfterMs <= m_options.retryMaxDelayMs) {
        const int backoff = std::min(m_options.retryBaseDelayMs << m_retries, m_options.retryMaxDelayMs);
        const int delay = error.retryAfterMs >= 0 ? error.retryAfterMs : backoff;
        // Only worth it if the retry has some time left to answer in.
        constexpr int minimumAnswerMs = 300;
        if (m_turnClock.elapsed() + delay + minimumAnswerMs < m_options.hardTurnTimeoutMs) {
            ++m_retries;
            m_retryTimer.start(delay);
            return;
        }
    }
    failTurn(error);
}

void LlmBrain::failTurn(const LlmError &error)
{
    stopRequest();
    ++m_consecutiveFailures;
    const QString heard = m_speaker.heardThisRound();
    if (m_consecutiveFailures >= m_options.maxConsecutiveFailures) {
        const QString problem = QStringLiteral("%1; %2 failed turns in a row").arg(describeFailure(error)).arg(m_consecutiveFailures);
        const QString summary = summarizeForOperator(m_history.messages(), problem);
        if (!say({m_lines.handover}))
            return;
        m_history.addSpokenLine(joinLines(heard, m_lines.handover));
        escalateAndFinish(QStringLiteral("llm_unavailable"), summary);
        return;
    }
    if (!say({m_lines.apology}))
        return;
    m_history.addSpokenLine(joinLines(heard, m_lines.apology));
    finishTurn();
}

void LlmBrain::onBudgetElapsed()
{
    if (!m_ctx || m_holdingSaid)
        return;
    m_holdingSaid = true;
    // Not added to the history: it may fall between a tool call and its result.
    say({m_lines.holding});
}

void LlmBrain::onHardTimeout()
{
    if (!m_ctx)
        return;
    stopRequest();
    m_speaker.abandonAttempt();
    failTurn(LlmError::make(LlmError::Timeout,
                            QStringLiteral("no answer within %1 ms").arg(m_options.hardTurnTimeoutMs)));
}

void LlmBrain::stopRequest()
{
    m_budgetTimer.stop();
    m_hardTimer.stop();
    m_retryTimer.stop();
    if (m_client->isRunning()) {
        m_cancellingRequest = true;
        m_client->cancel(); // emits failed(Cancelled) before returning; ignored above
        m_cancellingRequest = false;
    }
}

void LlmBrain::finishTurn()
{
    BrainContext *ctx = m_ctx;
    stopRequest();
    m_speaker.beginRound();
    m_ctx = nullptr;
    ++m_epoch;
    if (ctx)
        ctx->finishTurn();
}

void LlmBrain::escalateAndFinish(const QString &reason, const QString &summary)
{
    BrainContext *ctx = m_ctx;
    stopRequest();
    m_speaker.beginRound(); // all said is in the history now
    ++m_epoch;
    const quint64 epoch = m_epoch;
    ctx->escalate(reason, summary);
    if (m_epoch != epoch || m_ctx != ctx)
        return; // cancelled from inside escalate (an operator took the call)
    finishTurn();
}

void LlmBrain::endCallAndFinish(const QString &outcome)
{
    BrainContext *ctx = m_ctx;
    stopRequest();
    m_speaker.beginRound(); // all said is in the history now
    ++m_epoch;
    const quint64 epoch = m_epoch;
    ctx->endCall(outcome);
    if (m_epoch != epoch || m_ctx != ctx)
        return;
    finishTurn();
}

void LlmBrain::abandonTurn()
{
    stopRequest();
    // Whatever the caller heard of the unfinished reply belongs in the history.
    const QString heard = m_speaker.heardThisRound();
    if (!heard.isEmpty())
        m_history.addSpokenLine(heard);
    m_speaker.beginRound();
    m_ctx = nullptr;
    ++m_epoch;
}

void LlmBrain::agentInterrupted(const QString &heardText)
{
    BrainContext *running = m_ctx;
    if (running)
        abandonTurn();
    m_history.cutLastReplyTo(heardText);
    const QString heard = heardText.simplified();
    m_history.addNote(heard.isEmpty()
                              ? QStringLiteral("The caller interrupted your last reply before hearing any of it.")
                              : QStringLiteral("The caller interrupted your last reply and heard only: \"%1\". "
                                               "Repeat anything important they missed.")
                                        .arg(heard));
    if (running)
        running->finishTurn();
}

void LlmBrain::cancel()
{
    if (m_ctx)
        abandonTurn();
    ++m_epoch;
}

} // namespace ringside
