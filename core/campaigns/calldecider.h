#pragma once
// The moment before dialling: may this call be placed now? A pure function of the call, the
// state of what it is about, the lists and the rules, so the dialer, `campaigns run --once` and
// the benchmarks decide identically. Checks in order: a number; the subject (order cancelled or
// already confirmed, parcel moved on, cart bought); the do-not-call list; consent (US cart
// recovery); the calling window (outside it: rescheduled to the next opening, never dropped);
// the caps.

#include "campaigns/calledparty.h"
#include "campaigns/campaignrules.h"
#include "campaigns/dndlist.h"
#include "campaigns/scheduledcall.h"

#include <optional>

namespace ringside::campaigns {

struct SubjectState
{
    bool found = true;            // the order or cart still exists
    QString orderStatus;
    QString codConfirmation;
    QString cartStatus;
    int cartCallsBefore = 0;      // recovery calls already made about this cart (any channel)
    bool businessCustomer = false;
};

struct DecisionInput
{
    const ScheduledCall *call = nullptr; // points into the caller's list (DecisionLoader::load keeps it)
    SubjectState subject;
    std::optional<DndEntry> dnd;
    bool consent = false;         // a recorded marketing consent for the number
    int placedToday = 0;          // campaign calls placed to the number in its local day so far
    CalledParty party;
    QString agentUseCase;         // the calling agent's use case (callbacks borrow it)
    // The window at `now`, when the loader already worked it out for calls alike (same zones,
    // country and kind): 1 open, 0 closed (then nextOpening), -1 not known (decideCall computes it).
    int openNow = -1;
    QDateTime nextOpening;
    QString closedDetail;         // with openNow 0: the history's words for the move (quietHoursDetail)
};

struct Decision
{
    enum class Action { Place, Skip, Reschedule };
    Action action = Action::Place;
    QString reason;               // skip / reschedule reason (scheduledcall.h)
    QString detail;               // for the history: what exactly
    QDateTime due;                // Reschedule: the new due time
};

Decision decideCall(const DecisionInput &input, const CampaignRules &rules, const QDateTime &now);

// The history's words for a call moved out of quiet hours to `next`:
// "Thu 21:05 local is outside 09:00–20:00; moved to 2026-11-27T09:00:00+05:30".
QString quietHoursDetail(const QDateTime &now, const CalledParty &party, const WindowRule &window, const QDateTime &next);

// Whether a call of this input is subject to the business-weekend rule (cart recovery to a business).
bool skipsWeekends(const DecisionInput &input, const CampaignRules &rules);

// The called party of a planned call, from its stored zone(s) ("A|B") and number.
CalledParty partyOf(const ScheduledCall &call);

} // namespace ringside::campaigns
