#pragma once
// A day of campaigns for the demo store, made by the real parts: the trigger scan every 15
// minutes of the last day, the decisions at each due time, the retry rules on each result — only
// the provider's answers are drawn (seeded): who picked up, who did not, how the conversation
// ended. Calls still due after `now` stay planned, so the console shows yesterday's attempts,
// outcomes and skips beside today's timeline. Showcase records (docs/demo-store.md) only ever
// "do not answer", so their documented state holds.

#include "util/result.h"

#include <QDateTime>

namespace ringside {
class Database;
}

namespace ringside::campaigns {

struct DemoCampaignStats
{
    int planned = 0;
    int placed = 0;
    int skipped = 0;
    int scheduledAhead = 0;
};

// Throws StorageError. Replaces nothing: run it once, on a fresh demo store.
Result<DemoCampaignStats> generateDemoCampaigns(Database &db, const QDateTime &now, quint32 seed = 1);

} // namespace ringside::campaigns
