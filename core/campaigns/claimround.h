#pragma once
// One claim of due calls, decided: what the dialer does on every pass and the demo's simulated
// day every 15 minutes, so both place and skip alike. Claims up to `limit` due calls under a lease
// (CallQueue::claimDueToken), reads them with their subjects' state in one query
// (DecisionLoader::loadClaimed), decides each (decideCall, then the caller's `review`, e.g. the
// shop's word on a cart), writes every skip and move in one transaction (CallQueue::settle) and
// reads the whole rows of the calls left to place.

#include "campaigns/calldecider.h"
#include "campaigns/callqueue.h"

#include <QMap>

#include <functional>
#include <vector>

namespace ringside {
class Database;
}

namespace ringside::campaigns {

class CampaignAgents;

struct ClaimRequest
{
    QString owner;              // names the claimer in the lease ("host:pid", "demo")
    int leaseSeconds = 120;
    int limit = 0;              // at most this many calls
    QStringList pausedUseCases; // their calls stay where they are
};

struct ClaimRound
{
    int claimed = 0;
    std::vector<ScheduledCall> toPlace;         // whole rows, in due order, still leased
    std::vector<CallQueue::Settlement> settled; // skips and moves; `applied` says which were written

    int rescheduled() const;
    QMap<QString, int> skipped() const;         // reason → count (applied only)
};

// May change the decision on one call about to be placed (the dialer asks the shop about carts).
using DecisionReview = std::function<Decision(const ScheduledCall &call, const Decision &decision)>;

ClaimRound claimAndDecide(Database &db, const CampaignAgents &agents, const CampaignRules &rules, const QDateTime &now,
                          const ClaimRequest &request, const DecisionReview &review = {},
                          const std::function<void()> &afterClaim = {});

} // namespace ringside::campaigns
