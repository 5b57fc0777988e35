#pragma once

#include "kpis.h"

#include <map>
#include <vector>

namespace ringside::analytics {

// Bucket counts with their upper bounds; counts has one more entry than boundsMs (+Inf).
struct Histogram {
    std::vector<qint64> boundsMs;
    std::vector<qint64> counts;  // per bucket, not cumulative
    qint64 sumMs = 0;
    qint64 count = 0;

    // Prometheus "le" counts: observations ≤ each bound, the last one being +Inf (== count).
    std::vector<qint64> cumulative() const;
};

// Per-day values for the Analytics charts. Every vector has one entry per day of the period (days
// without calls are zeros, rates on them are nullopt), so charts need no gap filling.
struct DailySeries {
    ReportingPeriod period;
    std::vector<QDate> days;
    std::map<QString, std::vector<qint64>> calls;                              // use case → per day
    std::map<QString, std::map<QString, std::vector<qint64>>> outcomes;        // use case → outcome → per day
    std::vector<Rate> codConfirmationRate;                                     // confirmed / connected
    std::vector<Rate> cartRecoveryRate;                                        // recovered / calls made
    std::map<QString, std::vector<qint64>> abandonmentReasons;                 // reason → per day
    std::map<QString, std::vector<qint64>> revenueRecoveredMinor;              // currency → per day
    std::vector<Rate> avgTurnLatencyMs;
    Histogram turnLatency;       // every turn in the period
    Histogram callDuration;      // connected calls' talk time in the period
};

// One grouped query over the daily rollup (plus one for revenue). Throws StorageError.
DailySeries computeDailySeries(Database &db, const KpiQuery &query);

json toJson(const DailySeries &series);
json toJson(const Histogram &histogram);

} // namespace ringside::analytics
