// Gateway: campaign calls that are ringing, for the consoles (docs/monitor-protocol.md
// "Campaign calls being dialled"). The dialer announces each call once the provider accepted it;
// it leaves the list when answered (the call's call_started follows, same id) or ended unanswered.
#include "telephony/gateway.h"

#include "util/piimask.h"

namespace ringside::telephony {

void Gateway::announceOutbound(const json &call)
{
    const QString id = stringAt(call, "call_id");
    if (id.isEmpty() || m_calls.count(id))
        return; // already live (answered before the dialer heard back)
    // Consoles see the dialled number as they see live callers' numbers: masked unless configured.
    json shownCall = call;
    if (shownCall.contains("to") && shownCall["to"].is_string())
        shownCall["to"] = shown(QString::fromStdString(shownCall["to"].get<std::string>())).toStdString();
    m_dialing[id] = shownCall;
    m_monitor.broadcast({ { "type", "outbound_dialing" }, { "call", shownCall } });
}

void Gateway::outboundProgress(const QString &callId, const QString &status, bool finished, const QString &outcome)
{
    const auto it = m_dialing.find(callId);
    if (it == m_dialing.end())
        return;
    it->second["status"] = status;
    m_monitor.broadcast({ { "type", "outbound_progress" }, { "call_id", callId }, { "status", status }, { "finished", finished },
                          { "outcome", outcome } });
    if (finished)
        m_dialing.erase(it);
}

json Gateway::dialingSnapshot() const
{
    json out = json::array();
    for (const auto &[id, call] : m_dialing)
        out.push_back(call);
    return out;
}

} // namespace ringside::telephony
