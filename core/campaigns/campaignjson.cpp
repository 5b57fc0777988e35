#include "campaigns/campaignjson.h"

namespace ringside::campaigns {

QTimeZone CallJson::zone(const QString &zones)
{
    auto it = m_zones.constFind(zones);
    if (it != m_zones.cend())
        return *it;
    QTimeZone z(zones.section(QLatin1Char('|'), 0, 0).toUtf8());
    if (!z.isValid())
        z = QTimeZone::utc();
    m_zones.insert(zones, z);
    return z;
}

QString CallJson::local(const QDateTime &t, const QString &zones)
{
    return t.isValid() ? t.toTimeZone(zone(zones)).toString(Qt::ISODate) : QString();
}

json CallJson::toJson(const ScheduledCall &c)
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? json(nullptr) : json(s); };
    return { { "id", c.id },
             { "use_case", c.useCase },
             { "agent", c.agent },
             { "order_id", orNull(c.orderId) },
             { "cart_id", orNull(c.cartId) },
             { "customer_id", orNull(c.customerId) },
             { "phone", c.phone },
             { "due_at", local(c.dueAt, c.timezone) },
             { "attempt", c.attempt },
             { "status", c.status },
             { "reason", orNull(c.reason) },
             { "outcome", orNull(c.outcome) },
             { "event", orNull(c.eventKind) },
             { "timezone", c.timezone },
             { "language", c.language },
             { "language_source", c.languageSource },
             { "agent_language", c.agentLanguage },
             { "provider", orNull(c.provider) },
             { "provider_call_id", orNull(c.providerCallId) },
             { "provider_status", orNull(c.providerStatus) },
             { "placed_at", c.placedAt.isValid() ? json(local(c.placedAt, c.timezone)) : json(nullptr) },
             { "record_id", orNull(c.recordId) } };
}

json CallJson::eventJson(const CampaignEvent &e, const QString &zones)
{
    return { { "at", local(e.at, zones) }, { "kind", e.kind }, { "reason", e.reason }, { "detail", e.detail } };
}

} // namespace ringside::campaigns
