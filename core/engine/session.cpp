#include "engine/session.h"

#include "agent/template.h"
#include "conversation/outcomes.h"
#include "engine/inputhygiene.h"
#include "util/sentences.h"
#include "engine/universaltexts.h"
#include "tools/speechformat.h"
#include "tools/toolerror.h"
#include "tools/toolregistry.h"

#include <QMetaObject>

namespace ringside {

Session::Session(SessionConfig config, SessionServices services, std::unique_ptr<Brain> brain, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_services(services), m_brain(std::move(brain))
{
    if (m_config.direction.isEmpty())
        m_config.direction = agentTypeName(m_config.agent.type);
}

Session::~Session()
{
    // Destroyed mid-call (window closed, gateway shut down): keep the record rather than lose it.
    if (m_state == State::Active || m_state == State::TakenOver) {
        if (m_turnInProgress)
            m_brain->cancel();
        finalize(outcome(), false);
    }
}

QString Session::outcome() const
{
    if (m_escalated)
        return QStringLiteral("escalated");
    return m_outcome.isEmpty() ? QStringLiteral("failed") : m_outcome;
}

void Session::emitEvent(EventType type, json data)
{
    const SessionEvent ev(type, std::move(data), m_sinceStart.isValid() ? m_sinceStart.elapsed() : 0);
    if (m_services.observer)
        m_services.observer->sessionEvent(ev);
    Q_EMIT eventOccurred(ev);
}

void Session::start()
{
    if (m_state != State::Idle)
        return;
    m_sinceStart.start();
    m_state = State::Active;
    if (m_services.observer) {
        SessionOpening opening;
        opening.agent = m_config.agent.name;
        opening.useCase = useCaseName(m_config.agent.useCase);
        opening.direction = m_config.direction;
        opening.channel = m_config.channel;
        opening.language = m_config.agent.language;
        opening.customerId = m_config.customerId;
        opening.orderId = m_config.orderId;
        opening.cartId = m_config.cartId;
        opening.startedAt = m_config.clock.now();
        m_services.observer->sessionStarted(opening);
    }
    // IDs in the greeting ("your order {{orderId}}") are spelled, as everywhere the agent speaks.
    QHash<QString, QString> spoken = m_config.variables;
    for (auto it = spoken.begin(); it != spoken.end(); ++it)
        it.value() = spellIdsIn(it.value());
    const RenderResult greeting = renderTemplate(m_config.agent.greetingMessage, spoken);
    if (!greeting.missing.isEmpty())
        notice(QStringLiteral("greeting: no value for %1, left out").arg(greeting.missing.join(QStringLiteral(", "))));
    if (!greeting.text.trimmed().isEmpty()) {
        m_lastAgentText = greeting.text.trimmed();
        speak(m_lastAgentText, nullptr);
    }
    m_inBegin = true;
    m_brain->begin(*this);
    m_inBegin = false;
    if (m_pendingEnd)
        finalize(*m_pendingEnd, true);
}

void Session::userSaid(const QString &text)
{
    if (m_state == State::Idle || m_state == State::Ended)
        return;
    const CleanText clean = cleanUserText(text);
    json data = { { "text", clean.text } };
    emitEvent(EventType::User, data);
    if (clean.truncated)
        notice(QStringLiteral("the turn was %1 characters long; only the first %2 were kept").arg(clean.originalLength).arg(clean.text.size()));
    if (m_state == State::TakenOver)
        return; // the operator is speaking for the agent
    if (m_turnInProgress) {
        // A caller cannot talk faster than the agent answers: a few turns wait, the rest are dropped.
        if (m_queue.size() < kMaxQueuedTurns) {
            m_queue << clean.text;
        } else if (m_droppedTurns++ % 100 == 0) {
            notice(QStringLiteral("%1 turn(s) dropped: %2 were already waiting for an answer").arg(m_droppedTurns).arg(kMaxQueuedTurns));
        }
        return;
    }
    beginTurn(clean.text);
}

void Session::beginTurn(const QString &text)
{
    m_turnInProgress = true;
    m_saidThisTurn = false;
    m_turnTimer.start();
    if (text.isEmpty()) {
        // Silence or noise: a gentle re-prompt, without bothering the brain.
        QString reply = playbook::silenceText(m_config.agent.language);
        const QString question = lastQuestion(m_lastAgentText);
        if (!question.isEmpty())
            reply += QLatin1Char(' ') + question;
        say(reply);
        finishTurn();
        return;
    }
    m_brain->respond(text, *this);
}

void Session::processQueue()
{
    if (m_turnInProgress || m_queue.isEmpty() || m_state != State::Active)
        return;
    beginTurn(m_queue.takeFirst());
}

void Session::speak(const QString &text, const char *by)
{
    json data = { { "text", text } };
    if (by)
        data["by"] = by;
    emitEvent(EventType::Agent, std::move(data));
}

void Session::say(const QString &text)
{
    if (m_state != State::Active || text.trimmed().isEmpty())
        return;
    const QString line = text.trimmed();
    if (m_turnInProgress && !m_saidThisTurn) {
        const int ms = int(m_turnTimer.elapsed());
        emitEvent(EventType::Latency, { { "ms", ms } });
        m_turnReply.clear();
    }
    if (m_turnInProgress) {
        m_saidThisTurn = true;
        m_turnReply = m_turnReply.isEmpty() ? line : m_turnReply + QLatin1Char(' ') + line;
        m_lastAgentText = m_turnReply;
    } else {
        m_lastAgentText = line;
    }
    speak(line, nullptr);
}

json Session::callTool(const QString &name, const json &arguments)
{
    if (m_state != State::Active)
        return ToolError{ QStringLiteral("internal"), QStringLiteral("the call is no longer run by the agent"), QString() }.toJson();
    emitEvent(EventType::ToolCall, { { "name", name }, { "arguments", arguments } });
    ToolContext context;
    context.now = m_config.clock.now();
    context.language = m_config.agent.language;
    context.callerPhone = m_config.callerPhone;
    context.customerId = m_config.customerId;
    context.verification.required = m_config.agent.callerVerification.required;
    context.verification.methods = m_config.agent.callerVerification.methods;
    context.verification.maxAttempts = m_config.agent.callerVerification.maxAttempts;
    context.verificationState = &m_verification;
    const json result = m_services.tools.call(name, arguments, context);
    emitEvent(EventType::ToolResult, { { "name", name }, { "result", result } });
    noteOrder(result);
    return result;
}

void Session::noteOrder(const json &result)
{
    // The order the caller identified during the call goes on the record (and its customer).
    if (!m_config.orderId.isEmpty() || isToolError(result))
        return;
    const QString id = stringAt(result, "order_id_raw");
    if (id.isEmpty())
        return;
    m_config.orderId = id; // its customer is looked up once, for the record, not on every turn
}

void Session::escalate(const QString &reason, const QString &summary)
{
    if (m_escalated || m_state == State::Ended)
        return;
    m_escalated = true;
    m_escalationReason = reason;
    emitEvent(EventType::Escalation, { { "reason", reason }, { "summary", summary } });
    if (m_config.endOnEscalation)
        requestEnd(QStringLiteral("escalated"));
}

void Session::setOutcome(const QString &outcome)
{
    if (!callOutcomes().contains(outcome)) {
        notice(QStringLiteral("outcome \"%1\" is not one of %2; ignored").arg(outcome, callOutcomes().join(QStringLiteral(", "))));
        return;
    }
    m_outcome = outcome;
}

void Session::setRevenue(qint64 minor, const QString &currency)
{
    m_revenueMinor = qMax<qint64>(0, minor);
    m_revenueCurrency = currency;
}

void Session::endCall(const QString &outcome)
{
    requestEnd(outcome);
}

void Session::requestEnd(const QString &outcome)
{
    if (m_state == State::Ended)
        return;
    if (!m_pendingEnd)
        m_pendingEnd = outcome;
    if (!m_turnInProgress && !m_inBegin && m_state != State::Idle)
        finalize(*m_pendingEnd, true);
}

void Session::finishTurn()
{
    if (!m_turnInProgress)
        return;
    m_turnInProgress = false;
    Q_EMIT turnFinished();
    if (m_pendingEnd) {
        finalize(*m_pendingEnd, true);
        return;
    }
    if (!m_queue.isEmpty()) // not from inside the brain's respond(): queue it
        QMetaObject::invokeMethod(this, &Session::processQueue, Qt::QueuedConnection);
}

QString Session::variable(const QString &name) const
{
    return m_config.variables.value(name);
}

QString Session::language() const
{
    return m_config.agent.language;
}

QDateTime Session::now() const
{
    return m_config.clock.now();
}

QStringList Session::takeWhispers()
{
    return std::exchange(m_whispers, {});
}

void Session::notice(const QString &message)
{
    emitEvent(EventType::Notice, { { "message", message } });
}

void Session::agentInterrupted(const QString &heardText)
{
    if (m_state != State::Active)
        return;
    emitEvent(EventType::Heard, { { "text", heardText } });
    m_brain->agentInterrupted(heardText);
}

void Session::whisper(const QString &text)
{
    if (m_state == State::Ended || text.trimmed().isEmpty())
        return;
    emitEvent(EventType::Whisper, { { "text", text.trimmed() } });
    m_whispers << text.trimmed();
    while (m_whispers.size() > kMaxWhispers)
        m_whispers.removeFirst();
}

void Session::takeOver()
{
    if (m_state != State::Active)
        return;
    dropTurns();
    m_state = State::TakenOver;
    m_operatorJoined = true;
    emitEvent(EventType::Operator, { { "action", "take_over" } });
}

void Session::handBack()
{
    if (m_state != State::TakenOver)
        return;
    m_state = State::Active;
    emitEvent(EventType::Operator, { { "action", "hand_back" } });
}

void Session::operatorSay(const QString &text)
{
    if (m_state != State::TakenOver) {
        if (m_state != State::Ended)
            notice(QStringLiteral("operator words ignored: take the call over first"));
        return;
    }
    const CleanText clean = cleanUserText(text);
    if (clean.text.isEmpty())
        return;
    m_lastAgentText = clean.text;
    speak(clean.text, "operator");
}

void Session::dropTurns()
{
    if (m_turnInProgress) {
        m_brain->cancel();
        m_turnInProgress = false;
    }
    m_queue.clear();
}

void Session::handToOperator(const QString &text, const QString &reason)
{
    if (m_state != State::Active)
        return;
    dropTurns();
    m_lastAgentText = text;
    speak(text, "gateway");
    escalate(reason, text);
}

void Session::end(const QString &reason, const QString &outcome)
{
    if (m_state == State::Idle || m_state == State::Ended)
        return;
    if (m_turnInProgress) {
        m_brain->cancel();
        m_turnInProgress = false;
    }
    if (reason != QLatin1String("hangup")) {
        const State was = m_state;
        m_state = State::Active; // so the goodbye is spoken even while taken over
        speak(playbook::builtinText(QStringLiteral("goodbye"), m_config.agent.language), was == State::TakenOver ? "operator" : nullptr);
    }
    QString ending = !outcome.isEmpty() ? outcome : m_pendingEnd.value_or(QString());
    // The other party hung up before the call reached any result — a called customer, or a caller
    // who gave up: they ended it (answered, not interested in going on); nothing failed.
    if (ending.isEmpty() && reason == QLatin1String("hangup") && m_outcome.isEmpty() && !m_escalated)
        ending = QStringLiteral("not_interested");
    finalize(ending.isEmpty() ? this->outcome() : ending, true);
}

} // namespace ringside
