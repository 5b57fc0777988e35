#include "roi.h"

#include "callrecord.h"
#include "moneytext.h"

#include <cmath>

namespace ringside::analytics {

namespace {

bool finiteNonNegative(double v) { return std::isfinite(v) && v >= 0; }

} // namespace

std::optional<RoiAssumptions> defaultRoiAssumptions(const QString &currency)
{
    const QStringList support = { QStringLiteral("wismo"), QStringLiteral("returns") };
    if (currency == QLatin1String("USD"))
        return RoiAssumptions { currency, 0.15, 5.0, 15.0, std::nullopt, 1.0, support };
    if (currency == QLatin1String("INR"))
        return RoiAssumptions { currency, 4.0, 45.0, 180.0, std::nullopt, 1.0, support };
    return std::nullopt;
}

QStringList validateRoiAssumptions(const RoiAssumptions &a)
{
    QStringList problems;
    const bool code = a.currency.size() == 3 && a.currency == a.currency.toUpper()
            && std::all_of(a.currency.cbegin(), a.currency.cend(), [](QChar c) { return c.isLetter(); });
    if (!code)
        problems << QStringLiteral("currency: '%1' is not a three-letter ISO 4217 code").arg(a.currency);
    const std::pair<const char *, double> amounts[] = {
        { "cost_per_minute", a.costPerMinute }, { "cost_per_human_call", a.costPerHumanCall },
        { "rto_cost_per_order", a.rtoCostPerOrder } };
    for (const auto &[field, value] : amounts) {
        if (!finiteNonNegative(value))
            problems << QStringLiteral("%1: %2 must be a number ≥ 0").arg(QLatin1String(field)).arg(value);
    }
    if (a.minutesPerCall && (!std::isfinite(*a.minutesPerCall) || *a.minutesPerCall <= 0))
        problems << QStringLiteral("minutes_per_call: %1 must be a number > 0").arg(*a.minutesPerCall);
    if (!std::isfinite(a.revenueShare) || a.revenueShare < 0 || a.revenueShare > 1)
        problems << QStringLiteral("revenue_share: %1 must be between 0 and 1").arg(a.revenueShare);
    for (const QString &u : a.deflectedUseCases) {
        if (!useCases().contains(u))
            problems << QStringLiteral("deflected_use_cases: '%1' is not one of %2").arg(u, useCases().join(QStringLiteral(", ")));
    }
    return problems;
}

Result<RoiResult> computeRoi(const KpiReport &kpis, const RoiAssumptions &a)
{
    const QStringList problems = validateRoiAssumptions(a);
    if (!problems.isEmpty())
        return Result<RoiResult>::failure(problems.join(QStringLiteral("; ")));
    RoiResult r;
    r.assumptions = a;

    qint64 aiTalkMs = 0;
    for (const auto &[useCase, t] : kpis.totalsByUseCase) {
        r.aiCalls += t[col::AiAnswered];
        aiTalkMs += t[col::AiTalkMs];
        if (a.deflectedUseCases.contains(useCase))
            r.callsDeflected += t[col::Deflected];
    }
    // Costs: real talk time unless a per-call figure is given (the seed assumed 2 minutes).
    if (a.minutesPerCall) {
        r.minutesPerCall = *a.minutesPerCall;
        r.totalMinutes = double(r.aiCalls) * r.minutesPerCall;
    } else {
        r.minutesMeasured = true;
        r.totalMinutes = double(aiTalkMs) / 60000.0;
        r.minutesPerCall = r.aiCalls > 0 ? r.totalMinutes / double(r.aiCalls) : 0.0;
    }
    r.voiceAgentCost = r.totalMinutes * a.costPerMinute;
    r.agentCostSaved = double(r.callsDeflected) * a.costPerHumanCall;

    // Revenue is counted only in the assumptions' currency: no exchange rates are guessed.
    r.cartsRecovered = kpis.cartRecovery.cartsRecovered;
    for (const auto &[currency, minor] : kpis.cartRecovery.revenueRecoveredMinor) {
        if (currency == a.currency)
            r.cartRevenueRecovered = minorToMajor(minor, currency) * a.revenueShare;
        else
            r.revenueNotCounted[currency] = minor;
    }
    for (const auto &[currency, minor] : r.revenueNotCounted)
        r.notes << QStringLiteral("Recovered revenue of %1 is not counted: the assumptions are in %2.")
                       .arg(formatMinor(minor, currency), a.currency);

    const RtoKpis &rto = kpis.cod.rto;
    r.codOrders = rto.current.codOrders;
    r.rtoReductionPoints = rto.reductionPoints;
    if (rto.reductionPoints) {
        r.rtoOrdersAvoided = *rto.reductionPoints * double(r.codOrders);
        r.rtoSavings = r.rtoOrdersAvoided * a.rtoCostPerOrder;
        if (*rto.reductionPoints < 0)
            r.notes << QStringLiteral("The RTO rate rose against the previous period, so RTO savings are negative.");
    } else {
        r.notes << QStringLiteral("RTO savings count as 0: the RTO rate of %1 is undefined (no COD orders in it).")
                       .arg(rto.previous.rate ? QStringLiteral("this period") : QStringLiteral("the previous period"));
    }

    r.totalCost = r.voiceAgentCost;
    r.totalBenefit = r.agentCostSaved + r.cartRevenueRecovered + r.rtoSavings;
    r.roi = ratio(r.totalBenefit - r.totalCost, r.totalCost);
    if (!r.roi)
        r.notes << QStringLiteral("ROI is undefined: the voice agent cost nothing in this period "
                                  "(no connected AI minutes, or a cost per minute of 0).");
    return r;
}

json toJson(const RoiResult &r)
{
    const RoiAssumptions &a = r.assumptions;
    json revenueNotCounted = json::object();
    for (const auto &[currency, minor] : r.revenueNotCounted)
        revenueNotCounted[currency.toStdString()] = minor;
    auto opt = [](const std::optional<double> &v) { return v ? json(*v) : json(nullptr); };
    return {
        { "currency", a.currency },
        { "assumptions", { { "cost_per_minute", a.costPerMinute }, { "cost_per_human_call", a.costPerHumanCall },
                           { "rto_cost_per_order", a.rtoCostPerOrder }, { "minutes_per_call", r.minutesPerCall },
                           { "minutes_per_call_measured", r.minutesMeasured }, { "revenue_share", a.revenueShare },
                           { "deflected_use_cases", a.deflectedUseCases } } },
        { "costs", { { "ai_calls", r.aiCalls }, { "total_minutes", r.totalMinutes },
                     { "voice_agent_cost", r.voiceAgentCost } } },
        { "savings", { { "calls_deflected", r.callsDeflected }, { "agent_cost_saved", r.agentCostSaved } } },
        { "revenue_impact", { { "carts_recovered", r.cartsRecovered },
                              { "cart_revenue_recovered", r.cartRevenueRecovered },
                              { "revenue_not_counted_minor", revenueNotCounted },
                              { "rto_reduction_points", opt(r.rtoReductionPoints) }, { "cod_orders", r.codOrders },
                              { "rto_orders_avoided", r.rtoOrdersAvoided }, { "rto_savings", r.rtoSavings } } },
        { "total_cost", r.totalCost },
        { "total_benefit", r.totalBenefit },
        { "roi", opt(r.roi) },
        { "notes", r.notes },
    };
}

} // namespace ringside::analytics
