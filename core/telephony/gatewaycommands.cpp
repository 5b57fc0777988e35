// Gateway: what consoles see (snapshot, queue) and what they may do (docs/monitor-protocol.md).
// Every command runs on the server thread, one at a time, so "first accept wins" needs no lock:
// the first accept to arrive changes the call's state and every later one finds it taken.
#include "telephony/callengine.h"
#include "telephony/clusterview.h"
#include "telephony/gateway.h"

#include "analytics/recordwritequeue.h"
#include "conversation/outcomes.h"

#include <QDateTime>

namespace ringside::telephony {

namespace {

constexpr int kMaxOperatorText = 2000; // a whisper or a line to say, like a caller's turn

json problem(const char *code, const QString &message)
{
    return { { "code", code }, { "message", message } };
}

} // namespace

int Gateway::queueLength() const
{
    int n = 0;
    for (const auto &[id, call] : m_calls)
        n += call.state == LiveCall::State::Queued ? 1 : 0;
    return n;
}

json Gateway::localQueueEntries() const
{
    const qint64 now = nowMs();
    json entries = json::array();
    for (const auto &[id, call] : m_calls) {
        if (call.state != LiveCall::State::Queued)
            continue;
        json e = call.summary(now, 0, false)["queue"];
        e["call_id"] = id;
        entries.push_back(e);
    }
    return entries;
}

json Gateway::queueMessage(const json &entries) const
{
    json sorted = entries;
    std::sort(sorted.begin(), sorted.end(), [](const json &a, const json &b) { return a.value("wait_ms", 0) > b.value("wait_ms", 0); });
    return { { "type", "queue" }, { "server_time_ms", nowMs() }, { "escalation_sla_ms", m_config.escalationSlaMs }, { "entries", sorted } };
}

json Gateway::snapshotFor(const QString &operatorName) const
{
    const qint64 now = nowMs();
    json calls = json::array();
    for (const auto &[id, call] : m_calls) {
        if (call.state == LiveCall::State::Starting)
            continue; // announced by call_started once its session runs
        calls.push_back(call.summary(now, m_monitor.listeners(id), true, m_config.maskPersonalData));
    }
    json queue = localQueueEntries();
    json dialing = dialingSnapshot();
    if (m_cluster) { // the other engines' calls, as they last told
        for (const json &c : m_cluster->remoteCalls())
            calls.push_back(c);
        for (const json &e : m_cluster->remoteQueue())
            queue.push_back(e);
        for (const json &d : m_cluster->remoteDialing())
            dialing.push_back(d);
    }
    std::sort(queue.begin(), queue.end(), [](const json &a, const json &b) { return a.value("wait_ms", 0) > b.value("wait_ms", 0); });
    return { { "type", "snapshot" },
             { "protocol", monitor::kProtocolVersion },
             { "operator", operatorName },
             { "server_time", QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODateWithMs) },
             { "server_time_ms", now },
             { "escalation_sla_ms", m_config.escalationSlaMs },
             { "shutting_down", m_shuttingDown },
             { "calls", calls },
             { "queue", queue },
             { "dialing", dialing },
             { "call_records_waiting", m_services.recordWrites ? m_services.recordWrites->state().waiting : 0 } };
}

void Gateway::broadcastQueue()
{
    const json local = queueMessage(localQueueEntries());
    if (!m_cluster) {
        m_monitor.broadcast(local);
        return;
    }
    // The others get this engine's entries only; this engine's consoles get every engine's.
    m_cluster->publishEvent(QByteArray::fromStdString(local.dump()));
    relayQueue();
}

void Gateway::onSlaTick()
{
    const qint64 now = nowMs();
    bool changed = false;
    for (auto &[id, call] : m_calls) {
        if (call.state != LiveCall::State::Queued || now - call.queuedAtMs < m_config.escalationSlaMs)
            continue;
        // Nobody accepted in time: the agent offers a callback and the call ends as "callback".
        m_monitor.broadcast({ { "type", "escalation_expired" }, { "call_id", id }, { "waited_ms", now - call.queuedAtMs } });
        setState(call, LiveCall::State::Ending);
        postToCall(id, [](CallEngine &e, qint64 t) { e.offerCallback(t); });
        changed = true;
    }
    if (changed)
        broadcastQueue();
}

json Gateway::handleCommand(MonitorHub::Consumer &consumer, const QString &command, const json &message, json *extra, bool mayForward)
{
    using namespace monitor;
    const QString id = stringAt(message, "call_id");
    if (id.isEmpty())
        return problem(error::badRequest, QStringLiteral("call_id: required string is missing"));
    const auto it = m_calls.find(id);
    if (it == m_calls.end() && mayForward && m_cluster && !m_cluster->holderOf(id).isEmpty())
        return forwardCommand(consumer, command, message);
    if (it == m_calls.end() || it->second.state == LiveCall::State::Starting)
        return problem(error::unknownCall, QStringLiteral("no live call \"%1\"").arg(id.left(80)));
    LiveCall &call = it->second;
    const QString me = consumer.operatorName;
    (*extra)["call_id"] = id;

    if (command == QLatin1String(command::listen)) {
        if (message.contains("on") && !message["on"].is_boolean())
            return problem(error::badRequest, QStringLiteral("on: must be true or false"));
        (*extra)["sample_rate"] = call.setup.sampleRate;
        return {};
    }
    if (call.state == LiveCall::State::Ending)
        return problem(error::callEnding, QStringLiteral("the call is ending"));

    const QString text = stringAt(message, "text").trimmed();
    auto needText = [&]() -> json {
        if (text.isEmpty())
            return problem(error::badRequest, QStringLiteral("text: required non-empty string is missing"));
        if (text.size() > kMaxOperatorText)
            return problem(error::badRequest, QStringLiteral("text: longer than %1 characters").arg(kMaxOperatorText));
        return {};
    };
    auto mustControl = [&]() -> json {
        if (call.state != LiveCall::State::TakenOver)
            return problem(error::notTakenOver, QStringLiteral("take the call over first"));
        if (call.operatorName != me)
            return problem(error::takenOver, QStringLiteral("the call is taken over by %1").arg(call.operatorName));
        return {};
    };

    if (command == QLatin1String(command::accept) || command == QLatin1String(command::takeOver)) {
        const bool accept = command == QLatin1String(command::accept);
        if (call.state == LiveCall::State::TakenOver) {
            if (call.operatorName == me) {
                (*extra)["caller"] = { { "from", call.setup.from }, { "to", call.setup.to } };
                return {}; // asked twice: still yours
            }
            return problem(accept ? error::alreadyAccepted : error::takenOver,
                           QStringLiteral("already %1 by %2").arg(accept ? QStringLiteral("accepted") : QStringLiteral("taken over"), call.operatorName));
        }
        if (accept && call.state != LiveCall::State::Queued)
            return problem(error::notQueued, QStringLiteral("the call is not waiting in the escalation queue"));
        // Whoever holds the call sees who is on it.
        (*extra)["caller"] = { { "from", call.setup.from }, { "to", call.setup.to } };
        const bool wasQueued = call.state == LiveCall::State::Queued;
        if (wasQueued)
            (*extra)["waited_ms"] = nowMs() - call.queuedAtMs;
        setState(call, LiveCall::State::TakenOver, me);
        postToCall(id, [](CallEngine &e, qint64) { e.takeOver(); });
        if (wasQueued) {
            m_monitor.broadcast({ { "type", "escalation_accepted" }, { "call_id", id }, { "operator", me } });
            broadcastQueue();
        }
        return {};
    }
    if (command == QLatin1String(command::whisper)) {
        // Guidance for the AI on someone else's call is theirs to give.
        if (call.state == LiveCall::State::TakenOver && call.operatorName != me)
            return problem(error::takenOver, QStringLiteral("the call is taken over by %1").arg(call.operatorName));
        if (json p = needText(); !p.is_null())
            return p;
        postToCall(id, [text](CallEngine &e, qint64) { e.whisper(text); });
        return {};
    }
    if (command == QLatin1String(command::say)) {
        if (json p = mustControl(); !p.is_null())
            return p;
        if (json p = needText(); !p.is_null())
            return p;
        postToCall(id, [text](CallEngine &e, qint64) { e.operatorSay(text); });
        return {};
    }
    if (command == QLatin1String(command::handBack)) {
        if (json p = mustControl(); !p.is_null())
            return p;
        setState(call, LiveCall::State::Active);
        postToCall(id, [](CallEngine &e, qint64) { e.handBack(); });
        return {};
    }
    if (command == QLatin1String(command::end)) {
        const QString outcome = stringAt(message, "outcome");
        if (!outcome.isEmpty() && !callOutcomes().contains(outcome))
            return problem(error::badRequest, QStringLiteral("outcome: \"%1\" is not one of %2").arg(outcome.left(40), callOutcomes().join(QStringLiteral(", "))));
        if (call.state == LiveCall::State::TakenOver && call.operatorName != me)
            return problem(error::takenOver, QStringLiteral("the call is taken over by %1").arg(call.operatorName));
        const bool wasQueued = call.state == LiveCall::State::Queued;
        setState(call, LiveCall::State::Ending, call.operatorName);
        postToCall(id, [outcome](CallEngine &e, qint64) { e.endByOperator(outcome); });
        if (wasQueued)
            broadcastQueue();
        return {};
    }
    return problem(error::badRequest, QStringLiteral("command: unknown command \"%1\"").arg(command.left(40)));
}

QString Gateway::handleOperatorAudio(MonitorHub::Consumer &consumer, const monitor::AudioFrame &frame)
{
    const auto it = m_calls.find(frame.callId);
    if (it == m_calls.end() && m_cluster && !m_cluster->holderOf(frame.callId).isEmpty())
        return QStringLiteral("call \"%1\" is held by the engine at %2: send its audio there").arg(frame.callId.left(80), m_cluster->holderAddress(frame.callId));
    if (it == m_calls.end())
        return QStringLiteral("no live call \"%1\"").arg(frame.callId.left(80));
    LiveCall &call = it->second;
    if (call.state != LiveCall::State::TakenOver || call.operatorName != consumer.operatorName)
        return QStringLiteral("take the call over before speaking to the caller");
    if (frame.sampleRate != call.setup.sampleRate)
        return QStringLiteral("sample rate %1 Hz: this call runs at %2 Hz").arg(frame.sampleRate).arg(call.setup.sampleRate);
    // The ring is the operator's jitter buffer; audio beyond two seconds of backlog is dropped.
    call.channel->operatorAudio.push(frame.samples.data(), frame.samples.size());
    return QString();
}

} // namespace ringside::telephony
