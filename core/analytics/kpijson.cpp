// The KPI report as JSON: the machine interface of `kpi --json` and of the console's charts.
#include "kpis.h"

namespace ringside::analytics {

namespace {

json rate(const Rate &r) { return r ? json(*r) : json(nullptr); }

json breakdown(const Breakdown &b)
{
    json out = json::object();
    for (const auto &[label, count] : b)
        out[label.toStdString()] = count;
    return out;
}

json orNull(const QString &s) { return s.isEmpty() ? json(nullptr) : json(s); }

json rtoPeriod(const RtoPeriod &p)
{
    return { { "from", p.from.toString(Qt::ISODate) }, { "to", p.to.toString(Qt::ISODate) },
             { "cod_orders", p.codOrders }, { "settled_orders", p.settledOrders }, { "rto_orders", p.rtoOrders },
             { "rto_rate", rate(p.rate) } };
}

} // namespace

json toJson(const MoneyByCurrency &money)
{
    json out = json::object();
    for (const auto &[currency, minor] : money)
        out[currency.toStdString()] = minor;
    return out;
}

json toJson(const KpiReport &r)
{
    const ReportingPeriod &p = r.query.period;
    json byUseCase = json::object();
    for (const auto &[useCase, u] : r.overview.byUseCase) {
        byUseCase[useCase.toStdString()] = { { "calls", u.calls }, { "calls_connected", u.connected },
                                             { "calls_escalated", u.escalated },
                                             { "avg_handle_time_seconds", rate(u.avgHandleTimeSeconds) } };
    }
    const OverviewKpis &o = r.overview;
    const WismoKpis &w = r.wismo;
    const CodKpis &c = r.cod;
    const CartRecoveryKpis &cr = r.cartRecovery;
    const ReturnsKpis &ret = r.returns;
    const SatisfactionKpis &s = r.satisfaction;
    return {
        { "period", { { "from", p.from.toString(Qt::ISODate) }, { "to", p.to.toString(Qt::ISODate) },
                      { "timezone", p.zoneId() }, { "days", p.days() } } },
        { "filters", { { "use_case", orNull(r.query.useCase) }, { "agent", orNull(r.query.agent) },
                       { "channel", orNull(r.query.channel) } } },
        { "overview", { { "calls", o.calls }, { "calls_connected", o.connected }, { "calls_in_progress", o.inProgress },
                        { "calls_handled_by_ai", o.handledByAi }, { "calls_escalated", o.escalated },
                        { "containment_rate", rate(o.containmentRate) },
                        { "avg_handle_time_seconds", rate(o.avgHandleTimeSeconds) },
                        { "avg_turn_latency_ms", rate(o.avgTurnLatencyMs) },
                        { "outcomes", breakdown(o.outcomes) }, { "by_use_case", byUseCase } } },
        { "wismo", { { "calls_total", w.callsTotal }, { "calls_handled_by_ai", w.callsHandledByAi },
                     { "calls_resolved", w.resolved }, { "calls_escalated", w.escalated },
                     { "resolution_rate", rate(w.resolutionRate) }, { "escalation_rate", rate(w.escalationRate) },
                     { "avg_handle_time_seconds", rate(w.avgHandleTimeSeconds) },
                     { "order_status", breakdown(w.orderStatus) }, { "carrier", breakdown(w.carrier) } } },
        { "cod", { { "calls_attempted", c.callsAttempted }, { "orders_called", c.ordersCalled },
                   { "calls_connected", c.callsConnected }, { "confirmed", c.confirmed }, { "modified", c.modified },
                   { "cancelled", c.cancelled }, { "not_connected", c.notConnected }, { "unconfirmed", c.unconfirmed },
                   { "confirmation_rate", rate(c.confirmationRate) }, { "cancellation_rate", rate(c.cancellationRate) },
                   { "cancellation_reasons", breakdown(c.cancellationReasons) },
                   { "revenue_protected_minor", toJson(c.revenueProtectedMinor) },
                   { "rto", { { "current", rtoPeriod(c.rto.current) }, { "previous", rtoPeriod(c.rto.previous) },
                              { "reduction_points", rate(c.rto.reductionPoints) },
                              { "reduction_relative", rate(c.rto.reductionRelative) } } } } },
        { "cart_recovery", { { "abandoned_carts_targeted", cr.abandonedCartsTargeted },
                             { "recovery_calls_made", cr.recoveryCallsMade }, { "calls_connected", cr.callsConnected },
                             { "carts_recovered", cr.cartsRecovered }, { "calls_ended_recovered", cr.callsEndedRecovered },
                             { "recovery_rate", rate(cr.recoveryRate) },
                             { "connected_recovery_rate", rate(cr.connectedRecoveryRate) },
                             { "revenue_recovered_minor", toJson(cr.revenueRecoveredMinor) },
                             { "abandonment_reasons", breakdown(cr.abandonmentReasons) } } },
        { "returns", { { "calls", ret.calls }, { "return_requests_handled", ret.returnRequestsHandled },
                       { "automated_pickup_scheduled", ret.automatedPickupScheduled },
                       { "return_processing_time_seconds", rate(ret.returnProcessingTimeSeconds) } } },
        { "satisfaction", { { "csat", rate(s.csat) }, { "csat_responses", s.csatResponses }, { "nps", rate(s.nps) },
                            { "nps_responses", s.npsResponses } } },
    };
}

} // namespace ringside::analytics
