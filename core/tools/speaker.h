#pragma once

#include "speechformat.h"
#include "util/clock.h"

namespace ringside {

// Speech formatting bound to one customer's timezone, "today" and language, so handlers can
// write `say.day(order.estimatedDelivery)` instead of threading three values through each call.
class Speaker
{
public:
    Speaker(const QString &language, const QTimeZone &zone, const QDateTime &now)
        : m_language(language), m_zone(zone), m_today(now.toTimeZone(zone).date())
    {
    }

    bool hindi() const { return isHindi(m_language); }
    const QString &language() const { return m_language; }
    const QTimeZone &zone() const { return m_zone; }
    QDate today() const { return m_today; }

    QDate localDate(const QDateTime &t) const { return t.isValid() ? t.toTimeZone(m_zone).date() : QDate(); }
    QString date(const QDateTime &t) const { return spokenDate(localDate(t), m_today, m_language); }
    QString date(const QDate &d) const { return spokenDate(d, m_today, m_language); }
    QString day(const QDateTime &t) const { return spokenDay(localDate(t), m_today, m_language); }
    QString day(const QDate &d) const { return spokenDay(d, m_today, m_language); }
    QString time(const QDateTime &t) const
    {
        return t.isValid() ? spokenTime(t.toTimeZone(m_zone).time(), m_language) : QString();
    }
    QString money(const Money &m) const { return spokenMoney(m, m_language); }
    QString slot(const QString &s) const { return spokenSlot(s, m_language); }
    QString list(const QStringList &parts) const { return naturalList(parts, m_language); }
    // ISO-8601 in the customer's zone, so brains and logs see the customer's local time.
    QString iso(const QDateTime &t) const { return t.isValid() ? toIso(t.toTimeZone(m_zone)) : QString(); }

private:
    QString m_language;
    QTimeZone m_zone;
    QDate m_today;
};

} // namespace ringside
