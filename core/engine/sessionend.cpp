// Session's ending: the "end" event, carrying what the call record needs (the observer that keeps
// the record sees it even when the session is destroyed mid-call).
#include "engine/session.h"

#include "commerce/commercebackend.h"
#include "conversation/outcomes.h"

#include <exception>

namespace ringside {

void Session::finalize(const QString &outcome, bool notify)
{
    if (m_state == State::Ended)
        return;
    m_state = State::Ended;
    m_outcome = callOutcomes().contains(outcome) ? outcome : QStringLiteral("failed");
    if (m_escalated)
        m_outcome = QStringLiteral("escalated");
    const SessionEvent ev(EventType::End, endFacts(), m_sinceStart.isValid() ? m_sinceStart.elapsed() : 0);
    if (m_services.observer)
        m_services.observer->sessionEvent(ev);
    if (notify) {
        Q_EMIT eventOccurred(ev);
        Q_EMIT ended(m_outcome);
    }
}

json Session::endFacts()
{
    json facts = { { "outcome", m_outcome },
                   { "handled_by", (m_escalated || m_operatorJoined) ? "ai_then_human" : "ai" } };
    if (!m_escalationReason.isEmpty())
        facts["escalation_reason"] = m_escalationReason;
    // Revenue counts only for calls that ended confirmed, modified or recovered.
    if (m_revenueMinor > 0 && carriesRevenue(m_outcome)) {
        facts["revenue_minor"] = m_revenueMinor;
        facts["currency"] = m_revenueCurrency;
    }
    if (!m_config.orderId.isEmpty())
        facts["order_id"] = m_config.orderId;
    QString customer = m_config.customerId;
    if (customer.isEmpty() && !m_config.orderId.isEmpty()) {
        // The order identified during the call names its customer; looked up once, here.
        try {
            if (const auto order = m_services.store.orderById(m_config.orderId))
                customer = order->customerId;
        } catch (const std::exception &e) {
            qWarning("call end: could not read order %s: %s", qPrintable(m_config.orderId), e.what());
        }
    }
    if (!customer.isEmpty())
        facts["customer_id"] = customer;
    return facts;
}

} // namespace ringside
