#pragma once

#include "util/result.h"

#include <QDateTime>

namespace ringside {
class Database;
}

namespace ringside::analytics {

struct DemoHistoryStats {
    int calls = 0;
    int orders = 0;   // COD orders created for the RTO story
    QDate firstDay;   // go-live: the first day with calls
    QDate lastDay;    // now's date in the store's timezone
};

// Fills the database with `days` days of plausible call history ending at `now`, so the
// Analytics workspace tells a story on first run: weekly rhythm and growth, outcome mixes like the
// seed's industry figures (WISMO ~70% resolved by the AI, COD confirmation ~88% of connected,
// cart recovery ~18% of calls), talk times, turn latencies, CSAT/NPS on some calls, and the RTO
// story — COD orders over twice `days`, shipped unconfirmed before go-live and called after it.
// Calls and orders link to the store's customers (and its orders where the dates fit); without
// customers there are no orders and the calls carry synthetic customer ids.
// Deterministic for the same database content, `now` (taken to the whole minute) and `seed`. Replaces an earlier demo history
// (ids "demo-…", orders "DEMO-COD-…") and touches nothing else. Throws StorageError.
Result<DemoHistoryStats> generateDemoCallHistory(Database &db, const QDateTime &now, quint32 seed, int days = 90);

} // namespace ringside::analytics
