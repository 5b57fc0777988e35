#pragma once
// When a call may be placed: the store's window (the seed's 09:00–20:00 by default) narrowed by
// the law of the called party's country, in the called party's local time with its DST rules.
//   India: promotional calls 09:00–21:00 (TRAI TCCCPR); service calls are not limited by rule.
//   US: 08:00–21:00 for every call (TCPA, 47 CFR 64.1200(c)(1)).
// All arithmetic is on instants (UTC QDateTime) converted into each candidate zone.

#include "campaigns/calledparty.h"

#include <QDateTime>
#include <QTime>

namespace ringside::campaigns {

enum class CallKind { Service, Promotional };

struct DayWindow
{
    QTime open = QTime(0, 0);
    QTime close;                 // exclusive; invalid = midnight (open until the day ends)

    bool contains(const QTime &t) const { return t >= open && (!close.isValid() || t < close); }
    DayWindow intersected(const DayWindow &other) const;
};

// The window the law sets for calls of `kind` to `country` (the whole day when it sets none).
DayWindow legalWindow(const QString &country, CallKind kind);

struct WindowRule
{
    DayWindow window;            // already intersected with the legal one
    bool skipWeekends = false;   // Saturday and Sunday in the called party's zone are closed
};

WindowRule windowFor(const CalledParty &party, CallKind kind, const QTime &storeOpen, const QTime &storeClose, bool skipWeekends = false);

// True when `instant` is inside the window in every candidate zone.
bool isAllowed(const QDateTime &instant, const CalledParty &party, const WindowRule &rule);

// The earliest instant at or after `instant` that is inside the window in every candidate zone
// (itself when it already is). Invalid only if none exists within 14 days (a window that is
// empty, or no common hours across the zones).
QDateTime nextAllowed(const QDateTime &instant, const CalledParty &party, const WindowRule &rule);

// The seed's COD rule, in the called party's (first) zone: `earliest` before the window opens
// → opening time that day; at or after it closes → `nextMorning` the next day; then
// nextAllowed() for the law and any other candidate zones.
QDateTime codDueTime(const QDateTime &earliest, const CalledParty &party, const WindowRule &rule, const QTime &nextMorning);

} // namespace ringside::campaigns
