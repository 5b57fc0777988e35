#include "kpis.h"

#include "callrecord.h"
#include "cartrecoveries.h"
#include "commerce/commerceenums.h"
#include "storage/database.h"
#include "sqlbind.h"

#include <QSqlQuery>

#include <algorithm>

namespace ringside::analytics {

namespace {

Breakdown family(const RollupTotals &t, int first, const QStringList &labels)
{
    Breakdown out;
    for (int i = 0; i < labels.size(); ++i) {
        if (const qint64 n = t[first + i])
            out.emplace_back(labels.at(i), n);
    }
    return out;
}

// Reasons read best most frequent first.
Breakdown byCount(Breakdown b)
{
    std::stable_sort(b.begin(), b.end(), [](const auto &x, const auto &y) { return x.second > y.second; });
    return b;
}

Rate seconds(qint64 totalMs, qint64 count)
{
    const Rate r = ratio(double(totalMs), double(count));
    return r ? Rate(*r / 1000.0) : std::nullopt;
}

RtoPeriod rtoFor(QSqlDatabase db, const ReportingPeriod &p)
{
    RtoPeriod out { p.from, p.to };
    // Orders still on their way count in neither part of the rate: a parcel shipped yesterday has
    // not had the chance to come back, and counting it as "not RTO" would flatter recent periods.
    QSqlQuery q = execOrThrow(db, QStringLiteral(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN status IN ('delivered', 'returned', 'cancelled') THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN status = 'returned' AND delivered_at IS NULL THEN 1 ELSE 0 END), 0) FROM orders "
        "WHERE payment_method = 'cod' AND created_at >= ? AND created_at < ?"), p.startMs(), p.endMs());
    if (q.next()) {
        out.codOrders = q.value(0).toLongLong();
        out.settledOrders = q.value(1).toLongLong();
        out.rtoOrders = q.value(2).toLongLong();
    }
    out.rate = ratio(double(out.rtoOrders), double(out.settledOrders));
    return out;
}

RtoKpis rtoKpis(QSqlDatabase db, const ReportingPeriod &period)
{
    RtoKpis r;
    r.current = rtoFor(db, period);
    r.previous = rtoFor(db, period.previous());
    if (r.current.rate && r.previous.rate) {
        r.reductionPoints = *r.previous.rate - *r.current.rate;
        r.reductionRelative = ratio(*r.reductionPoints, *r.previous.rate);
    }
    return r;
}

const RollupTotals &totalsOf(const KpiReport &report, const QString &useCase)
{
    static const RollupTotals empty;
    const auto it = report.totalsByUseCase.find(useCase);
    return it == report.totalsByUseCase.end() ? empty : it->second;
}

MoneyByCurrency revenueOf(const KpiReport &report, const QString &useCase)
{
    const auto it = report.revenueByUseCase.find(useCase);
    return it == report.revenueByUseCase.end() ? MoneyByCurrency() : it->second;
}

void fillOverview(KpiReport &r)
{
    RollupTotals all;
    for (const auto &[useCase, t] : r.totalsByUseCase) {
        all += t;
        r.overview.byUseCase[useCase] = { t[col::Calls], t[col::Answered], t[col::Escalated],
                                          seconds(t[col::TalkMs], t[col::Answered]) };
    }
    OverviewKpis &o = r.overview;
    o.calls = all[col::Calls];
    o.connected = all[col::Answered];
    o.inProgress = all[col::InProgress];
    o.handledByAi = all[col::Deflected]; // connected and finished without a person
    o.escalated = all[col::Escalated];
    o.containmentRate = ratio(double(o.handledByAi), double(o.connected));
    o.avgHandleTimeSeconds = seconds(all[col::TalkMs], all[col::Answered]);
    o.avgTurnLatencyMs = ratio(double(all[col::LatSumMs]), double(all[col::LatN]));
    o.outcomes = family(all, col::OutcomeFirst, outcomes());

    SatisfactionKpis &s = r.satisfaction;
    s.csatResponses = all[col::CsatN];
    s.csat = ratio(double(all[col::CsatSum]), double(all[col::CsatN]));
    s.npsResponses = all[col::NpsN];
    const Rate nps = ratio(double(all[col::NpsPromoters] - all[col::NpsDetractors]), double(all[col::NpsN]));
    s.nps = nps ? Rate(*nps * 100.0) : std::nullopt;

    // A return can be initiated in any call (a WISMO caller who wants to send the parcel back).
    ReturnsKpis &ret = r.returns;
    ret.calls = totalsOf(r, QStringLiteral("returns"))[col::Calls];
    ret.returnRequestsHandled = all[col::ReturnInitiated];
    ret.automatedPickupScheduled = all[col::PickupScheduled];
    ret.returnProcessingTimeSeconds = seconds(all[col::ReturnTalkMs], all[col::ReturnInitiated]);
}

void fillWismo(KpiReport &r)
{
    const RollupTotals &t = totalsOf(r, QStringLiteral("wismo"));
    WismoKpis &w = r.wismo;
    w.callsTotal = t[col::Calls];
    w.callsHandledByAi = t[col::AiOnly];
    w.resolved = t[col::ResolvedByAi];
    w.escalated = t[col::Escalated];
    w.resolutionRate = ratio(double(w.resolved), double(w.callsHandledByAi));
    w.escalationRate = ratio(double(w.escalated), double(w.callsTotal));
    w.avgHandleTimeSeconds = seconds(t[col::TalkMs], t[col::Answered]);
    w.orderStatus = family(t, col::StatusFirst, commerce::orderStatuses());
    w.carrier = family(t, col::CarrierFirst, commerce::carriers());
}

void fillCod(KpiReport &r)
{
    const RollupTotals &t = totalsOf(r, QStringLiteral("cod_confirmation"));
    CodKpis &c = r.cod;
    c.callsAttempted = t[col::Calls];
    c.ordersCalled = t[col::FirstAttempts];
    c.callsConnected = t[col::Answered];
    // A change request ("modified") leaves the order pending until the change is made
    // (confirm_cod_order): it is counted apart, not as a confirmation.
    c.modified = t.outcome(QStringLiteral("modified"));
    c.confirmed = t.outcome(QStringLiteral("confirmed"));
    c.cancelled = t.outcome(QStringLiteral("cancelled"));
    c.notConnected = c.callsAttempted - c.callsConnected;
    c.confirmationRate = ratio(double(c.confirmed), double(c.callsConnected));
    c.cancellationRate = ratio(double(c.cancelled), double(c.callsConnected));
    c.cancellationReasons = byCount(family(t, col::ReasonFirst, cancelReasons()));
    c.revenueProtectedMinor = revenueOf(r, QStringLiteral("cod_confirmation"));
}

void fillCart(KpiReport &r)
{
    const RollupTotals &t = totalsOf(r, QStringLiteral("cart_recovery"));
    CartRecoveryKpis &c = r.cartRecovery;
    c.abandonedCartsTargeted = t[col::FirstAttempts];
    c.recoveryCallsMade = t[col::Calls];
    c.callsConnected = t[col::Answered];
    c.callsEndedRecovered = t.outcome(QStringLiteral("recovered"));
    c.abandonmentReasons = byCount(family(t, col::ReasonFirst, cancelReasons()));
}

} // namespace

Rate ratio(double numerator, double denominator)
{
    if (denominator == 0.0)
        return std::nullopt;
    return numerator / denominator;
}

std::pair<QString, QString> rollupTablesFor(Database &db, const ReportingPeriod &period)
{
    QSqlDatabase c = db.connection();
    const QString kept = rollup::timeZoneId(c);
    if (kept == period.zoneId()
        || (!kept.isEmpty() && rollup::sameLocalDays(QTimeZone(kept.toUtf8()), period.zone, period.startMs(), period.endMs())))
        return { QStringLiteral("call_rollup"), QStringLiteral("call_revenue_rollup") };
    return rollup::buildTemporary(c, period.zone, period.startMs(), period.endMs());
}

std::pair<QString, QVariantList> rollupFilterSql(const KpiQuery &query)
{
    QString sql;
    QVariantList values;
    const std::pair<const char *, const QString *> filters[] = {
        { "use_case", &query.useCase }, { "agent", &query.agent }, { "channel", &query.channel } };
    for (const auto &[column, value] : filters) {
        if (!value->isEmpty()) {
            sql += QStringLiteral(" AND %1 = ?").arg(QLatin1String(column));
            values << *value;
        }
    }
    return { sql, values };
}

Result<KpiQuery> parseKpiQuery(Database &db, const KpiQueryText &text, const QDateTime &now)
{
    QTimeZone zone = storeTimeZone(db);
    if (!text.timezone.isEmpty()) {
        auto parsed = parseTimeZone(text.timezone);
        if (!parsed)
            return Result<KpiQuery>::failure(parsed.error());
        zone = parsed.value();
    }
    auto period = ReportingPeriod::parse(text.from, text.to, zone, now);
    if (!period)
        return Result<KpiQuery>::failure(period.error());
    const std::pair<const char *, std::pair<const QString *, const QStringList *>> enums[] = {
        { "use_case", { &text.useCase, &useCases() } }, { "channel", { &text.channel, &channels() } } };
    for (const auto &[field, check] : enums) {
        if (!check.first->isEmpty() && !check.second->contains(*check.first))
            return Result<KpiQuery>::failure(QStringLiteral("%1: '%2' is not one of %3")
                                                 .arg(QLatin1String(field), *check.first, check.second->join(QStringLiteral(", "))));
    }
    return KpiQuery { period.value(), text.useCase, text.agent, text.channel };
}

KpiReport computeKpis(Database &db, const KpiQuery &query)
{
    KpiReport r;
    r.query = query;
    QSqlDatabase c = db.connection();
    const auto [main, revenue] = rollupTablesFor(db, query.period);
    const auto [filter, filterValues] = rollupFilterSql(query);
    const QVariantList bounds = QVariantList { query.period.fromDay(), query.period.toDay() } + filterValues;

    QSqlQuery totals = runBound(c, QStringLiteral("SELECT use_case, %1 FROM %2 WHERE day >= ? AND day <= ?%3 GROUP BY use_case")
                                       .arg(rollupSumsSql(), main, filter), bounds);
    while (totals.next())
        r.totalsByUseCase[totals.value(0).toString()] = readTotals(totals, 1);

    QSqlQuery money = runBound(c, QStringLiteral("SELECT use_case, currency, SUM(amount_minor) FROM %1 "
                                                 "WHERE day >= ? AND day <= ?%2 GROUP BY use_case, currency")
                                      .arg(revenue, filter), bounds);
    while (money.next()) {
        if (const qint64 amount = money.value(2).toLongLong())
            r.revenueByUseCase[money.value(0).toString()][money.value(1).toString()] = amount;
    }

    fillOverview(r);
    fillWismo(r);
    fillCod(r);
    fillCart(r);
    r.cod.rto = rtoKpis(c, query.period);
    // From what happened after the calls, not from how they ended: the orders placed from the
    // carts, and the COD orders whose attempts ran out.
    CartRecoveryKpis &cart = r.cartRecovery;
    if (query.useCase.isEmpty() || query.useCase == QLatin1String("cart_recovery")) {
        for (const RecoveredCart &rc : recoveredCarts(c, query.period.startMs(), query.period.endMs(), query.agent, query.channel)) {
            ++cart.cartsRecovered;
            cart.revenueRecoveredMinor[rc.currency] += rc.totalMinor;
        }
    }
    cart.recoveryRate = ratio(double(cart.cartsRecovered), double(cart.recoveryCallsMade));
    cart.connectedRecoveryRate = ratio(double(cart.cartsRecovered), double(cart.callsConnected));
    if (query.useCase.isEmpty() || query.useCase == QLatin1String("cod_confirmation"))
        r.cod.unconfirmed = unconfirmedCodOrders(c, query.period.startMs(), query.period.endMs(), query.agent, query.channel);
    return r;
}

} // namespace ringside::analytics
