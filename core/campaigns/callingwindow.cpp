#include "campaigns/callingwindow.h"

#include <algorithm>

namespace ringside::campaigns {

namespace {

bool isWeekend(const QDate &d)
{
    return d.dayOfWeek() >= 6;
}

// The earliest instant ≥ t inside the window in one zone.
QDateTime nextAllowedIn(const QDateTime &t, const QTimeZone &zone, const WindowRule &rule)
{
    QDateTime local = t.toTimeZone(zone);
    for (int guard = 0; guard < 16; ++guard) {
        const QDate day = local.date();
        if (rule.skipWeekends && isWeekend(day)) {
            local = QDateTime(day.addDays(8 - day.dayOfWeek()), rule.window.open, zone);
            continue;
        }
        const QTime time = local.time();
        if (time < rule.window.open)
            return QDateTime(day, rule.window.open, zone).toUTC();
        if (rule.window.close.isValid() && time >= rule.window.close) {
            local = QDateTime(day.addDays(1), rule.window.open, zone);
            continue;
        }
        return local.toUTC();
    }
    return {};
}

} // namespace

DayWindow DayWindow::intersected(const DayWindow &other) const
{
    DayWindow w;
    w.open = std::max(open, other.open);
    if (!close.isValid())
        w.close = other.close;
    else if (!other.close.isValid())
        w.close = close;
    else
        w.close = std::min(close, other.close);
    return w;
}

DayWindow legalWindow(const QString &country, CallKind kind)
{
    if (country == QLatin1String("US"))
        return { QTime(8, 0), QTime(21, 0) };
    if (country == QLatin1String("IN") && kind == CallKind::Promotional)
        return { QTime(9, 0), QTime(21, 0) };
    return {};
}

WindowRule windowFor(const CalledParty &party, CallKind kind, const QTime &storeOpen, const QTime &storeClose, bool skipWeekends)
{
    WindowRule r;
    r.window = DayWindow{ storeOpen, storeClose }.intersected(legalWindow(party.country, kind));
    r.skipWeekends = skipWeekends;
    return r;
}

bool isAllowed(const QDateTime &instant, const CalledParty &party, const WindowRule &rule)
{
    for (const QTimeZone &z : party.zones) {
        const QDateTime local = instant.toTimeZone(z);
        if (rule.skipWeekends && isWeekend(local.date()))
            return false;
        if (!rule.window.contains(local.time()))
            return false;
    }
    return !party.zones.isEmpty();
}

QDateTime nextAllowed(const QDateTime &instant, const CalledParty &party, const WindowRule &rule)
{
    if (party.zones.isEmpty() || (rule.window.close.isValid() && rule.window.open >= rule.window.close))
        return {};
    QDateTime t = instant.toUTC();
    const QDateTime limit = t.addDays(14);
    // Push forward zone by zone until every zone agrees; each pass can only move later.
    while (t.isValid() && t < limit) {
        QDateTime latest = t;
        for (const QTimeZone &z : party.zones) {
            const QDateTime n = nextAllowedIn(t, z, rule);
            if (!n.isValid())
                return {};
            latest = std::max(latest, n);
        }
        if (latest == t)
            return t;
        t = latest;
    }
    return {};
}

QDateTime codDueTime(const QDateTime &earliest, const CalledParty &party, const WindowRule &rule, const QTime &nextMorning)
{
    if (party.zones.isEmpty())
        return {};
    const QTimeZone zone = party.zone();
    const QDateTime local = earliest.toTimeZone(zone);
    QDateTime due = earliest.toUTC();
    if (local.time() < rule.window.open)
        due = QDateTime(local.date(), rule.window.open, zone).toUTC();
    else if (rule.window.close.isValid() && local.time() >= rule.window.close)
        due = QDateTime(local.date().addDays(1), nextMorning, zone).toUTC();
    return nextAllowed(due, party, rule);
}

} // namespace ringside::campaigns
