#include "campaigns/claimround.h"

#include "campaigns/decisionloader.h"

#include <algorithm>

namespace ringside::campaigns {

int ClaimRound::rescheduled() const
{
    return int(std::count_if(settled.cbegin(), settled.cend(), [](const CallQueue::Settlement &s) { return s.applied && s.moveTo.isValid(); }));
}

QMap<QString, int> ClaimRound::skipped() const
{
    QMap<QString, int> out;
    for (const CallQueue::Settlement &s : settled)
        if (s.applied && !s.moveTo.isValid())
            out[s.reason] += 1;
    return out;
}

ClaimRound claimAndDecide(Database &db, const CampaignAgents &agents, const CampaignRules &rules, const QDateTime &now,
                          const ClaimRequest &request, const DecisionReview &review, const std::function<void()> &afterClaim)
{
    ClaimRound round;
    if (request.limit <= 0)
        return round;
    CallQueue queue(db);
    const QString token = queue.claimDueToken(now, request.owner, request.leaseSeconds, request.limit, request.pausedUseCases, &round.claimed);
    if (round.claimed == 0)
        return round;
    if (afterClaim)
        afterClaim();
    DecisionLoader loader(db, &agents);
    DecisionBatch claimed = loader.loadClaimed(token, now, rules);
    QList<qint64> toPlace;
    for (DecisionInput &in : claimed.inputs) {
        const ScheduledCall &call = *in.call;
        loader.recountPlaced(in, now); // the calls this claim placed before this one count for the cap
        Decision d = decideCall(in, rules, now);
        if (d.action == Decision::Action::Place && review)
            d = review(call, d);
        switch (d.action) {
        case Decision::Action::Skip:
            round.settled.push_back({ call.id, call.leaseGen, d.reason, d.detail, {} });
            break;
        case Decision::Action::Reschedule:
            round.settled.push_back({ call.id, call.leaseGen, d.reason, d.detail, d.due });
            break;
        case Decision::Action::Place:
            loader.notePlaced(call.phone, now); // the per-day cap counts it for the rest of the claim
            toPlace << call.id;
            break;
        }
    }
    queue.settle(round.settled, now);
    // Placing needs the whole row (deciding read only its part).
    round.toPlace = queue.byIds(toPlace);
    return round;
}

} // namespace ringside::campaigns
