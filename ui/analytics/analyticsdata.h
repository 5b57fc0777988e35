#pragma once
// The Analytics workspace's questions to the database, as jobs for the worker thread.

#include "analytics/callrecord.h"
#include "analytics/dailyseries.h"
#include "analytics/kpis.h"
#include "analytics/roi.h"
#include "util/result.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace ringside::ui {

class WorkerServices;

struct AnalyticsRequest {
    int lastDays = 30;          // the N days ending today (store's timezone); 0: use from/to
    QDate from, to;             // inclusive, when lastDays is 0
    QString useCase;            // empty: all
    QDateTime now;
};

struct AnalyticsSnapshot {
    analytics::KpiReport kpis;
    analytics::DailySeries series;
    QString currency;           // the store's
    qint64 callsInDatabase = 0; // all time, all use cases: 0 means "nothing to show yet"
    qint64 storeRecords = 0;    // customers, orders…: 0 with no calls means a brand-new database
};

// KPIs and the daily series for the request, in one job. Fails with a message naming the field
// when the dates are not usable ("from: …"). Throws StorageError / NoDatabaseError.
Result<AnalyticsSnapshot> loadAnalytics(WorkerServices &services, const AnalyticsRequest &request);

// Writes the matching call records as CSV (analytics/csvexport.h) to `path`, atomically.
// Returns the number of rows, or why nothing was written.
Result<qint64> exportCallsCsvFile(WorkerServices &services, const analytics::KpiQuery &query, const QString &path);

} // namespace ringside::ui
