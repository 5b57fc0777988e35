#include "campaigns/campaignjson.h"

#include <cstdio>
#include <limits>

namespace ringside::campaigns {

namespace {

// Days since 1970-01-01 → year, month, day (Howard Hinnant's civil_from_days).
void civil(qint64 days, int *year, int *month, int *day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    *day = int(doy - (153 * mp + 2) / 5 + 1);
    *month = int(mp < 10 ? mp + 3 : mp - 9);
    *year = int(yoe + era * 400 + (*month <= 2 ? 1 : 0));
}

void appendString(std::string &out, const QString &s)
{
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += char(c);
            }
        }
    }
    out += '"';
}

void appendOptional(std::string &out, const QString &s)
{
    if (s.isEmpty())
        out += "null";
    else
        appendString(out, s);
}

} // namespace

std::string isoWithOffset(qint64 ms, int offset)
{
    const qint64 local = ms / 1000 + offset - ((ms % 1000) < 0 ? 1 : 0);
    qint64 days = local / 86400;
    qint64 secs = local % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    int y = 0, m = 0, d = 0;
    civil(days, &y, &m, &d);
    const int abs = offset < 0 ? -offset : offset;
    char buf[40];
    if (offset == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, int(secs / 3600), int(secs / 60 % 60), int(secs % 60));
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, m, d, int(secs / 3600), int(secs / 60 % 60), int(secs % 60),
                      offset < 0 ? '-' : '+', abs / 3600, abs / 60 % 60);
    return buf;
}

int CallJson::offsetAt(const QString &zones, qint64 ms)
{
    auto it = m_zones.find(zones);
    if (it == m_zones.end()) {
        Zone z;
        z.zone = QTimeZone(zones.section(QLatin1Char('|'), 0, 0).toUtf8());
        if (!z.zone.isValid())
            z.zone = QTimeZone::utc();
        it = m_zones.insert(zones, z);
    }
    Zone &z = *it;
    if (!z.known || ms < z.validFrom || ms >= z.validTo) {
        // Outside the cached interval: the offset between the transitions around `ms`.
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        z.offset = z.zone.offsetFromUtc(at);
        const QTimeZone::OffsetData previous = z.zone.previousTransition(at.addMSecs(1));
        const QTimeZone::OffsetData next = z.zone.nextTransition(at);
        z.validFrom = previous.atUtc.isValid() ? previous.atUtc.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
        z.validTo = next.atUtc.isValid() ? next.atUtc.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        z.known = true;
    }
    return z.offset;
}

std::string CallJson::localText(const QDateTime &t, const QString &zones)
{
    if (!t.isValid())
        return std::string();
    const qint64 ms = t.toMSecsSinceEpoch();
    return isoWithOffset(ms, offsetAt(zones, ms));
}

QString CallJson::local(const QDateTime &t, const QString &zones)
{
    return QString::fromStdString(localText(t, zones));
}

json CallJson::toJson(const ScheduledCall &c)
{
    std::string text;
    appendJson(text, c);
    return json::parse(text);
}

void CallJson::appendJson(std::string &out, const ScheduledCall &c)
{
    out += "{\"id\":";
    out += std::to_string(c.id);
    auto field = [&](const char *name, const QString &value, bool orNull) {
        out += ",\"";
        out += name;
        out += "\":";
        if (orNull)
            appendOptional(out, value);
        else
            appendString(out, value);
    };
    auto time = [&](const char *name, const QDateTime &t, bool orNull) {
        out += ",\"";
        out += name;
        out += "\":";
        if (!t.isValid() && orNull) {
            out += "null";
            return;
        }
        out += '"';
        out += localText(t, c.timezone);
        out += '"';
    };
    field("use_case", c.useCase, false);
    field("agent", c.agent, false);
    field("order_id", c.orderId, true);
    field("cart_id", c.cartId, true);
    field("customer_id", c.customerId, true);
    field("phone", c.phone, false);
    time("due_at", c.dueAt, false);
    out += ",\"attempt\":";
    out += std::to_string(c.attempt);
    field("status", c.status, false);
    field("reason", c.reason, true);
    field("outcome", c.outcome, true);
    field("event", c.eventKind, true);
    field("timezone", c.timezone, false);
    field("language", c.language, false);
    field("language_source", c.languageSource, false);
    field("agent_language", c.agentLanguage, false);
    field("provider", c.provider, true);
    field("provider_call_id", c.providerCallId, true);
    field("provider_status", c.providerStatus, true);
    time("placed_at", c.placedAt, true);
    field("record_id", c.recordId, true);
    out += '}';
}

json CallJson::eventJson(const CampaignEvent &e, const QString &zones)
{
    return { { "at", local(e.at, zones) }, { "kind", e.kind }, { "reason", e.reason }, { "detail", e.detail } };
}

} // namespace ringside::campaigns
