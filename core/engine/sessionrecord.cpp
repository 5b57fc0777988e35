// Session's ending: the "end" event and the call record (analytics/callrecord.h).
#include "engine/session.h"

#include "analytics/callrecord.h"
#include "analytics/callrecordstore.h"
#include "commerce/commercebackend.h"
#include "storage/sqlutil.h"

namespace ringside {

void Session::finalize(const QString &outcome, bool notify)
{
    if (m_state == State::Ended)
        return;
    m_state = State::Ended;
    m_endedAt = m_config.clock.now();
    m_outcome = analytics::outcomes().contains(outcome) ? outcome : QStringLiteral("failed");
    if (m_escalated)
        m_outcome = QStringLiteral("escalated");
    SessionEvent ev;
    ev.type = QStringLiteral("end");
    ev.data = { { "outcome", m_outcome } };
    ev.tMs = m_sinceStart.isValid() ? m_sinceStart.elapsed() : 0;
    m_transcript.push_back(ev.toJson());
    if (notify)
        Q_EMIT event(ev);
    writeRecord();
    if (notify)
        Q_EMIT ended(m_outcome);
}

void Session::writeRecord()
{
    if (!m_services.records)
        return;
    analytics::CallRecord r;
    r.agent = m_config.agent.name;
    r.useCase = useCaseName(m_config.agent.useCase);
    r.direction = m_config.direction;
    r.channel = m_config.channel;
    r.language = m_config.agent.language;
    r.customerId = m_config.customerId;
    if (r.customerId.isEmpty() && !m_config.orderId.isEmpty()) {
        try {
            if (const auto order = m_services.store.orderById(m_config.orderId))
                r.customerId = order->customerId;
        } catch (const StorageError &e) {
            qWarning("call record: could not read order %s: %s", qPrintable(m_config.orderId), e.what());
        }
    }
    r.orderId = m_config.orderId;
    r.cartId = m_config.cartId;
    r.startedAt = m_startedAt;
    r.answeredAt = m_startedAt;
    r.endedAt = m_endedAt;
    r.outcome = m_outcome;
    r.handledBy = (m_escalated || m_operatorJoined) ? QStringLiteral("ai_then_human") : QStringLiteral("ai");
    r.escalationReason = m_escalationReason;
    // Revenue counts only for calls that ended confirmed, modified or recovered.
    static const QStringList revenueOutcomes = { QStringLiteral("recovered"), QStringLiteral("confirmed"), QStringLiteral("modified") };
    if (m_revenueMinor > 0 && revenueOutcomes.contains(m_outcome)) {
        r.revenueMinor = m_revenueMinor;
        r.currency = m_revenueCurrency;
    }
    r.turnLatenciesMs = m_latencies;
    r.turns = int(m_latencies.size());
    r.transcript = m_transcript;
    r.toolCalls = m_toolCalls;
    try {
        const Result<QString> stored = m_services.records->insert(r);
        if (stored.ok())
            m_recordId = stored.value();
        else
            qWarning("call record not stored: %s", qPrintable(stored.error()));
    } catch (const StorageError &e) {
        qWarning("call record not stored: %s", e.what());
    }
}

} // namespace ringside
