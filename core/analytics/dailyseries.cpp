#include "dailyseries.h"

#include "callrecord.h"
#include "cartrecoveries.h"
#include "storage/database.h"
#include "storage/sqldialect.h"
#include "sqlbind.h"

#include <QSqlQuery>

namespace ringside::analytics {

namespace {

Histogram histogram(const std::vector<qint64> &bounds, const RollupTotals &t, int first, qint64 sumMs, qint64 count)
{
    Histogram h;
    h.boundsMs = bounds;
    for (size_t i = 0; i <= bounds.size(); ++i)
        h.counts.push_back(t[first + int(i)]);
    h.sumMs = sumMs;
    h.count = count;
    return h;
}

json rates(const std::vector<Rate> &values)
{
    json out = json::array();
    for (const Rate &r : values)
        out.push_back(r ? json(*r) : json(nullptr));
    return out;
}

template <typename Map>
json perKey(const Map &map)
{
    json out = json::object();
    for (const auto &[key, values] : map)
        out[key.toStdString()] = values;
    return out;
}

} // namespace

std::vector<qint64> Histogram::cumulative() const
{
    std::vector<qint64> out;
    qint64 running = 0;
    for (qint64 c : counts)
        out.push_back(running += c);
    return out;
}

DailySeries computeDailySeries(Database &db, const KpiQuery &query)
{
    DailySeries s;
    s.period = query.period;
    const size_t n = size_t(query.period.days());
    for (QDate d = query.period.from; d <= query.period.to; d = d.addDays(1))
        s.days.push_back(d);
    const qint64 firstDay = query.period.fromDay();

    QSqlDatabase c = db.connection();
    const auto [main, revenue] = rollupTablesFor(db, query.period);
    const auto [filter, filterValues] = rollupFilterSql(query);
    const QVariantList bounds = QVariantList { query.period.fromDay(), query.period.toDay() } + filterValues;

    RollupTotals all;
    std::vector<RollupTotals> perDay(n), cod(n), cart(n);
    const QString rows = sqldialect::sortedForGrouping(c, main, QStringLiteral("day >= ? AND day <= ?") + filter, QStringLiteral("day, use_case"));
    QSqlQuery q = runBound(c, QStringLiteral("SELECT day, use_case, %1 FROM %2 GROUP BY day, use_case").arg(rollupSumsSql(), rows), bounds);
    while (q.next()) {
        const size_t i = size_t(q.value(0).toLongLong() - firstDay);
        const QString useCase = q.value(1).toString();
        const RollupTotals t = readTotals(q, 2);
        if (i >= n)
            continue;
        all += t;
        perDay[i] += t;
        auto &callsOfUseCase = s.calls[useCase];
        callsOfUseCase.resize(n, 0);
        callsOfUseCase[i] += t[col::Calls];
        for (const QString &o : outcomes()) {
            if (const qint64 k = t.outcome(o)) {
                auto &series = s.outcomes[useCase][o];
                series.resize(n, 0);
                series[i] += k;
            }
        }
        if (useCase == QLatin1String("cod_confirmation"))
            cod[i] += t;
        if (useCase == QLatin1String("cart_recovery")) {
            cart[i] += t;
            for (const QString &reason : cancelReasons()) {
                if (const qint64 k = t.reason(reason)) {
                    auto &series = s.abandonmentReasons[reason];
                    series.resize(n, 0);
                    series[i] += k;
                }
            }
        }
    }
    for (size_t i = 0; i < n; ++i) {
        // As the KPI: a change request ("modified") is not a confirmation.
        s.codConfirmationRate.push_back(ratio(double(cod[i].outcome(QStringLiteral("confirmed"))), double(cod[i][col::Answered])));

        s.avgTurnLatencyMs.push_back(ratio(double(perDay[i][col::LatSumMs]), double(perDay[i][col::LatN])));
    }
    s.turnLatency = histogram(latencyBucketBoundsMs(), all, col::LatencyFirst, all[col::LatSumMs], all[col::LatN]);
    s.callDuration = histogram(durationBucketBoundsMs(), all, col::DurationFirst, all[col::TalkMs], all[col::Answered]);

    // Recovered carts by the day of their recovery call (an order placed from the cart within
    // seven days: cartrecoveries.h), not by how the call ended.
    std::vector<qint64> recovered(n, 0);
    if (query.useCase.isEmpty() || query.useCase == QLatin1String("cart_recovery")) {
        for (const RecoveredCart &rc : recoveredCarts(c, query.period.startMs(), query.period.endMs(), query.agent, query.channel)) {
            const QDate day = QDateTime::fromMSecsSinceEpoch(rc.calledAtMs, Qt::UTC).toTimeZone(query.period.zone).date();
            const qint64 i = query.period.from.daysTo(day);
            if (i < 0 || size_t(i) >= n)
                continue;
            ++recovered[size_t(i)];
            auto &series = s.revenueRecoveredMinor[rc.currency];
            series.resize(n, 0);
            series[size_t(i)] += rc.totalMinor;
        }
    }
    for (size_t i = 0; i < n; ++i)
        s.cartRecoveryRate.push_back(ratio(double(recovered[i]), double(cart[i][col::Calls])));
    return s;
}

json toJson(const Histogram &h)
{
    json le = json::array();
    for (qint64 b : h.boundsMs)
        le.push_back(b);
    le.push_back("+Inf");
    return { { "le_ms", le }, { "cumulative", h.cumulative() }, { "sum_ms", h.sumMs }, { "count", h.count } };
}

json toJson(const DailySeries &s)
{
    json days = json::array();
    for (const QDate &d : s.days)
        days.push_back(d.toString(Qt::ISODate));
    json outcomesJson = json::object();
    for (const auto &[useCase, perOutcome] : s.outcomes)
        outcomesJson[useCase.toStdString()] = perKey(perOutcome);
    return {
        { "period", { { "from", s.period.from.toString(Qt::ISODate) }, { "to", s.period.to.toString(Qt::ISODate) },
                      { "timezone", s.period.zoneId() }, { "days", s.period.days() } } },
        { "days", days },
        { "calls", perKey(s.calls) },
        { "outcomes", outcomesJson },
        { "cod_confirmation_rate", rates(s.codConfirmationRate) },
        { "cart_recovery_rate", rates(s.cartRecoveryRate) },
        { "abandonment_reasons", perKey(s.abandonmentReasons) },
        { "revenue_recovered_minor", perKey(s.revenueRecoveredMinor) },
        { "avg_turn_latency_ms", rates(s.avgTurnLatencyMs) },
        { "turn_latency_histogram", toJson(s.turnLatency) },
        { "call_duration_histogram", toJson(s.callDuration) },
    };
}

} // namespace ringside::analytics
