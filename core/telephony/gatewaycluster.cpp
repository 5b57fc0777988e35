// Gateway: the calls of the other engines on one PostgreSQL (ClusterView, docs/scale-out.md
// "One console view"). Their events reach this engine's consoles; a command for one of their
// calls goes to the engine that holds it, which decides it on its own thread as it decides its
// own consoles' commands — so an escalation accepted from two engines is still won once.
#include "telephony/clusterview.h"
#include "telephony/gateway.h"

namespace ringside::telephony {

void Gateway::attachClusterView(ClusterView *view)
{
    m_cluster = view;
    if (view) {
        m_monitor.onBroadcast = [view](const QByteArray &utf8) { view->publishEvent(utf8); };
        m_monitor.setAnonymousTag(view->anonymousTag());
    } else {
        m_monitor.onBroadcast = nullptr;
        m_monitor.setAnonymousTag({});
    }
}

void Gateway::relayQueue()
{
    json entries = localQueueEntries();
    if (m_cluster)
        for (const json &e : m_cluster->remoteQueue())
            entries.push_back(e);
    m_monitor.relay(QByteArray::fromStdString(queueMessage(entries).dump()));
}

json Gateway::engineSnapshot() const
{
    const qint64 now = nowMs();
    json calls = json::array();
    for (const auto &[id, call] : m_calls)
        if (call.state != LiveCall::State::Starting)
            calls.push_back(call.summary(now, 0, false, m_config.maskPersonalData));
    return { { "type", "engine_snapshot" }, { "calls", calls }, { "queue", localQueueEntries() }, { "dialing", dialingSnapshot() } };
}

json Gateway::forwardCommand(MonitorHub::Consumer &consumer, const QString &command, const json &message)
{
    const QString id = stringAt(message, "call_id");
    if (command == QLatin1String(monitor::command::listen)) {
        // Audio does not cross the bus: the console listens on the holding engine itself.
        return { { "code", ClusterView::kOtherEngine },
                 { "message", QStringLiteral("call \"%1\" is held by the engine at %2: listen there").arg(id.left(80), m_cluster->holderAddress(id)) } };
    }
    m_cluster->forward(consumer.id, message.value("id", json(nullptr)), consumer.operatorName, command, message);
    return { { "pending", true } };
}

json Gateway::runForwardedCommand(const QString &operatorName, const QString &command, const json &message, json *extra)
{
    MonitorHub::Consumer asking; // not a console of this engine: only its operator's name counts
    asking.operatorName = operatorName.trimmed().left(64);
    if (asking.operatorName.isEmpty())
        return { { "code", monitor::error::badRequest }, { "message", QStringLiteral("operator: required for a forwarded command") } };
    if (command == QLatin1String(monitor::command::listen))
        return { { "code", ClusterView::kOtherEngine }, { "message", QStringLiteral("listen on this engine directly") } };
    return handleCommand(asking, command, message, extra, false);
}

} // namespace ringside::telephony
