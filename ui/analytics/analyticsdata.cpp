#include "analyticsdata.h"

#include "services/workerservices.h"

#include "analytics/callrecordstore.h"
#include "analytics/csvexport.h"
#include "analytics/reportingperiod.h"
#include "commerce/storestats.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace ringside::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ringside::ui::AnalyticsData)
};
} // namespace

Result<AnalyticsSnapshot> loadAnalytics(WorkerServices &services, const AnalyticsRequest &request)
{
    Database &db = services.database();
    analytics::KpiQueryText text;
    if (request.lastDays > 0) {
        const QDate today = request.now.toTimeZone(analytics::storeTimeZone(db)).date();
        text.from = today.addDays(-(request.lastDays - 1)).toString(Qt::ISODate);
        text.to = today.toString(Qt::ISODate);
    } else {
        text.from = request.from.toString(Qt::ISODate);
        text.to = request.to.toString(Qt::ISODate);
    }
    text.useCase = request.useCase;
    const Result<analytics::KpiQuery> query = analytics::parseKpiQuery(db, text, request.now);
    if (!query)
        return Result<AnalyticsSnapshot>::failure(query.error());
    AnalyticsSnapshot snapshot;
    snapshot.kpis = analytics::computeKpis(db, query.value());
    snapshot.series = analytics::computeDailySeries(db, query.value());
    snapshot.currency = analytics::storeCurrency(db);
    snapshot.callsInDatabase = services.calls().count(analytics::CallFilter {});
    snapshot.storeRecords = commerce::storeRecordCount(db);
    return snapshot;
}

Result<qint64> exportCallsCsvFile(WorkerServices &services, const analytics::KpiQuery &query, const QString &path)
{
    analytics::CallFilter filter;
    filter.from = QDateTime::fromMSecsSinceEpoch(query.period.startMs(), QTimeZone::utc());
    filter.to = QDateTime::fromMSecsSinceEpoch(query.period.endMs(), QTimeZone::utc());
    filter.useCase = query.useCase;
    filter.agent = query.agent;
    filter.channel = query.channel;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Result<qint64>::failure(Tr::tr("Cannot write %1: %2").arg(path, file.errorString()));
    const qint64 rows = analytics::exportCallsCsv(services.database(), filter, query.period.zone, file);
    if (rows < 0 || !file.commit())
        return Result<qint64>::failure(Tr::tr("Cannot write %1: %2").arg(path, file.errorString()));
    return rows;
}

} // namespace ringside::ui
