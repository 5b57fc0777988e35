#include "clock.h"

#include <QTimeZone>

namespace ringside {

Clock::Clock()
{
    m_elapsed.start();
}

Clock::Clock(const QDateTime &start)
    : m_start(start)
    , m_pinned(true)
{
    m_elapsed.start();
}

bool Clock::fromOption(const QString &iso, Clock *clock, QString *error)
{
    if (iso.isEmpty()) {
        *clock = Clock();
        return true;
    }
    QDateTime t = parseIso(iso);
    if (!t.isValid() && !iso.contains(QLatin1Char('T'))) {
        const QDate d = QDate::fromString(iso, Qt::ISODate);
        if (d.isValid())
            t = QDateTime(d, QTime(0, 0), QTimeZone::utc());
    }
    if (!t.isValid()) {
        if (error)
            *error = QStringLiteral("--now: '%1' is not an ISO-8601 date or date-time "
                                    "(e.g. 2026-11-26T10:00:00+05:30)").arg(iso);
        return false;
    }
    *clock = Clock(t);
    return true;
}

QDateTime Clock::now() const
{
    if (!m_pinned)
        return QDateTime::currentDateTime();
    return m_start.addMSecs(m_elapsed.elapsed());
}

QString toIso(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    if (t.timeSpec() == Qt::UTC)
        return t.toString(Qt::ISODate);
    // Qt::LocalTime and time zones print without an offset; make it explicit.
    return t.toOffsetFromUtc(t.offsetFromUtc()).toString(Qt::ISODate);
}

QDateTime parseIso(const QString &text)
{
    const QString s = text.trimmed();
    // Require a time part and an explicit zone: a zone-less time is ambiguous across customers.
    if (!s.contains(QLatin1Char('T')))
        return {};
    const bool hasZone = s.endsWith(QLatin1Char('Z'))
            || s.mid(s.indexOf(QLatin1Char('T'))).contains(QLatin1Char('+'))
            || s.mid(s.indexOf(QLatin1Char('T'))).contains(QLatin1Char('-'));
    if (!hasZone)
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.isValid() ? t : QDateTime();
}

} // namespace ringside
