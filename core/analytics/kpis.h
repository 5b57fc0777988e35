#pragma once

#include "reportingperiod.h"
#include "rollup.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <map>
#include <optional>
#include <vector>

namespace ringside {
class Database;
}

namespace ringside::analytics {

// The seed's KPIs over a reporting period, defined in docs/analytics.md. A rate whose denominator
// is zero is std::nullopt (JSON null, shown as "—"), never 0 and never a division by zero.
// Rates are fractions (0.85); JSON keys are the seed's metric names in snake_case.

struct KpiQuery {
    ReportingPeriod period;
    QString useCase;   // empty = all use cases
    QString agent;     // empty = all agents
    QString channel;   // empty = all channels
};

using Rate = std::optional<double>;
using Breakdown = std::vector<std::pair<QString, qint64>>;   // label → count, non-zero only, list order
using MoneyByCurrency = std::map<QString, qint64>;            // currency → minor units

struct UseCaseKpis {
    qint64 calls = 0;
    qint64 connected = 0;
    qint64 escalated = 0;
    Rate avgHandleTimeSeconds;
};

struct OverviewKpis {
    qint64 calls = 0;            // finished calls (in_progress excluded)
    qint64 connected = 0;
    qint64 inProgress = 0;
    qint64 handledByAi = 0;      // connected and finished with no person involved
    qint64 escalated = 0;
    Rate containmentRate;        // handledByAi / connected
    Rate avgHandleTimeSeconds;   // talk time over connected calls
    Rate avgTurnLatencyMs;
    Breakdown outcomes;
    std::map<QString, UseCaseKpis> byUseCase;
};

struct WismoKpis {
    qint64 callsTotal = 0;
    qint64 callsHandledByAi = 0;
    qint64 resolved = 0;         // resolved by the AI alone
    qint64 escalated = 0;
    Rate resolutionRate;         // resolved / callsHandledByAi
    Rate escalationRate;         // escalated / callsTotal
    Rate avgHandleTimeSeconds;   // over connected WISMO calls
    Breakdown orderStatus;
    Breakdown carrier;
};

struct RtoPeriod {
    QDate from, to;
    qint64 codOrders = 0;        // COD orders created in the period
    qint64 settledOrders = 0;    // of those, delivered, returned or cancelled (no longer in transit)
    qint64 rtoOrders = 0;        // returned without ever being delivered
    Rate rate;                   // rtoOrders / settledOrders
};

struct RtoKpis {
    RtoPeriod current;
    RtoPeriod previous;          // the same number of days just before
    Rate reductionPoints;        // previous.rate − current.rate, as a fraction (0.05 = 5 points)
    Rate reductionRelative;      // reductionPoints / previous.rate
};

struct CodKpis {
    qint64 callsAttempted = 0;
    qint64 ordersCalled = 0;     // distinct orders (first attempts)
    qint64 callsConnected = 0;
    qint64 confirmed = 0;        // calls that confirmed the order
    qint64 modified = 0;         // calls that asked for a change instead: the order is pending again
    qint64 cancelled = 0;
    qint64 notConnected = 0;
    qint64 unconfirmed = 0;      // orders called about in the period whose attempts ran out unanswered
    Rate confirmationRate;       // confirmed / callsConnected
    Rate cancellationRate;       // cancelled / callsConnected
    Breakdown cancellationReasons;
    MoneyByCurrency revenueProtectedMinor;
    RtoKpis rto;
};

struct CartRecoveryKpis {
    qint64 abandonedCartsTargeted = 0; // carts whose first recovery call is in the period
    qint64 recoveryCallsMade = 0;
    qint64 callsConnected = 0;
    qint64 cartsRecovered = 0;   // carts with an order placed from them within 7 days of the call (cartrecoveries.h)
    qint64 callsEndedRecovered = 0; // calls whose conversation ended "recovered" (a link sent: not yet a sale)
    Rate recoveryRate;           // cartsRecovered / recoveryCallsMade
    Rate connectedRecoveryRate;  // cartsRecovered / callsConnected
    MoneyByCurrency revenueRecoveredMinor; // the totals of those orders
    Breakdown abandonmentReasons;
};

struct ReturnsKpis {
    qint64 calls = 0;
    qint64 returnRequestsHandled = 0;    // returns initiated during a call
    qint64 automatedPickupScheduled = 0;
    Rate returnProcessingTimeSeconds;    // mean talk time of the calls that initiated a return
};

struct SatisfactionKpis {
    qint64 csatResponses = 0;
    Rate csat;                   // mean of 1–5
    qint64 npsResponses = 0;
    Rate nps;                    // % promoters − % detractors, −100…100
};

struct KpiReport {
    KpiQuery query;
    OverviewKpis overview;
    WismoKpis wismo;
    CodKpis cod;
    CartRecoveryKpis cartRecovery;
    ReturnsKpis returns;
    SatisfactionKpis satisfaction;
    std::map<QString, RollupTotals> totalsByUseCase; // the raw sums, for ROI and drill-down
    std::map<QString, MoneyByCurrency> revenueByUseCase;
};

// A query as a person types it (CLI options, console fields); empty strings take the defaults.
struct KpiQueryText {
    QString from, to;   // YYYY-MM-DD, inclusive; both empty: the 30 days ending today
    QString timezone;   // IANA; empty: the store's
    QString useCase, agent, channel;
};

// Validates the text into a query; errors name the field ("use_case: 'upsell' is not one of …").
Result<KpiQuery> parseKpiQuery(Database &db, const KpiQueryText &text, const QDateTime &now);

// Computes every KPI for the query in a few SQL aggregates over the daily rollup. Throws StorageError.
KpiReport computeKpis(Database &db, const KpiQuery &query);

// `numerator / denominator`, or nullopt when the denominator is zero.
Rate ratio(double numerator, double denominator);

json toJson(const KpiReport &report);
json toJson(const MoneyByCurrency &money);

// Which rollup tables answer a period: the persistent ones when they are kept in the period's
// timezone, otherwise TEMP tables aggregated for it. Shared with the daily series.
std::pair<QString, QString> rollupTablesFor(Database &db, const ReportingPeriod &period);
// " AND use_case = ? …" and its values for the filters of a query.
std::pair<QString, QVariantList> rollupFilterSql(const KpiQuery &query);

} // namespace ringside::analytics
