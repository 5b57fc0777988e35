#pragma once

#include "kpis.h"
#include "util/result.h"

#include <QStringList>

#include <optional>

namespace ringside::analytics {

// What the ROI calculation assumes. Every figure is in `currency`, in major units (4.00 = ₹4).
// Defaults per currency: defaultRoiAssumptions(); docs/analytics.md explains each.
struct RoiAssumptions {
    QString currency;
    double costPerMinute = 0;      // what the voice agent costs per connected minute
    double costPerHumanCall = 0;   // what one call handled by a person costs
    double rtoCostPerOrder = 0;    // what one RTO (return to origin) costs: both shipping legs, handling
    std::optional<double> minutesPerCall; // unset: the measured mean talk time of the period's AI calls
    double revenueShare = 1.0;     // share of recovered cart revenue counted as benefit (1 = all, as in the seed)
    QStringList deflectedUseCases; // use cases whose AI-only calls would otherwise reach a person
};

// The seed's example figures for USD (0.15 / minute, 5 / human call, 15 / RTO) and Indian-market
// equivalents for INR; nullopt for other currencies (their costs must be given explicitly).
std::optional<RoiAssumptions> defaultRoiAssumptions(const QString &currency);

// Problems with assumptions, each naming its field; empty when usable.
QStringList validateRoiAssumptions(const RoiAssumptions &a);

struct RoiResult {
    RoiAssumptions assumptions;
    bool minutesMeasured = false;  // minutesPerCall came from real durations
    double minutesPerCall = 0;     // the figure used (0 when there were no AI calls)
    // Costs
    qint64 aiCalls = 0;            // connected calls the AI took part in
    double totalMinutes = 0;
    double voiceAgentCost = 0;
    // Savings
    qint64 callsDeflected = 0;     // connected, finished by the AI alone, in deflectedUseCases
    double agentCostSaved = 0;
    // Revenue impact
    qint64 cartsRecovered = 0;
    double cartRevenueRecovered = 0;        // in the assumptions' currency, × revenueShare
    MoneyByCurrency revenueNotCounted;      // recovered revenue in other currencies (minor units)
    std::optional<double> rtoReductionPoints; // as a fraction, from the KPI report
    qint64 codOrders = 0;                   // COD orders created in the period
    double rtoOrdersAvoided = 0;            // reduction (fraction) × COD orders
    double rtoSavings = 0;
    // Totals
    double totalCost = 0;
    double totalBenefit = 0;
    std::optional<double> roi;     // (benefit − cost) / cost as a fraction; nullopt when cost is 0
    QStringList notes;             // why a part counts as zero, in plain words
};

// The seed's ROI calculator with its assumptions explicit and its RTO step fixed: avoided RTOs are
// the rate reduction as a fraction times the period's COD orders (the seed multiplied a percentage
// by connected calls). Fails when the assumptions are invalid.
Result<RoiResult> computeRoi(const KpiReport &kpis, const RoiAssumptions &assumptions);

json toJson(const RoiResult &roi);

} // namespace ringside::analytics
