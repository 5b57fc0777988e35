#include "reporttext.h"

#include "moneytext.h"

#include <cmath>

namespace ringside::analytics {

namespace {

constexpr int kLabelWidth = 34;

class Table
{
public:
    void heading(const QString &title)
    {
        if (!m_text.isEmpty())
            m_text += QLatin1Char('\n');
        m_text += title + QLatin1Char('\n');
    }
    void row(const QString &label, const QString &value)
    {
        m_text += QStringLiteral("  ") + label.leftJustified(kLabelWidth) + value + QLatin1Char('\n');
    }
    QString text() const { return m_text; }

private:
    QString m_text;
};

QString breakdown(const Breakdown &b)
{
    if (b.empty())
        return QStringLiteral("—");
    QStringList parts;
    for (const auto &[label, n] : b)
        parts << QStringLiteral("%1 %2").arg(label, formatCount(n));
    return parts.join(QStringLiteral(" · "));
}

QString moneyList(const MoneyByCurrency &m)
{
    if (m.empty())
        return QStringLiteral("—");
    QStringList parts;
    for (const auto &[currency, minor] : m)
        parts << formatMinor(minor, currency);
    return parts.join(QStringLiteral(" + "));
}

QString share(qint64 part, qint64 whole)
{
    return QStringLiteral("%1  (%2)").arg(formatCount(part), formatPercent(ratio(double(part), double(whole))));
}

QString number(const Rate &v, int decimals, const QString &suffix = {})
{
    return v ? QString::number(*v, 'f', decimals) + suffix : QStringLiteral("—");
}

QString points(const Rate &fraction)
{
    return fraction ? QString::number(*fraction * 100.0, 'f', 1) + QStringLiteral(" pp") : QStringLiteral("—");
}

bool shows(const KpiReport &r, const char *useCase)
{
    return r.query.useCase.isEmpty() || r.query.useCase == QLatin1String(useCase);
}

} // namespace

QString formatCount(qint64 n)
{
    QString digits = QString::number(std::abs(n));
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return n < 0 ? QLatin1Char('-') + digits : digits;
}

QString formatDuration(const std::optional<double> &seconds)
{
    if (!seconds)
        return QStringLiteral("—");
    const qint64 s = qint64(std::llround(*seconds));
    if (s < 60)
        return QStringLiteral("%1s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1m %2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h %2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString kpiText(const KpiReport &r)
{
    const ReportingPeriod &p = r.query.period;
    Table t;
    QString title = QStringLiteral("KPIs %1 … %2 (%3 days, %4)").arg(p.from.toString(Qt::ISODate), p.to.toString(Qt::ISODate))
                        .arg(p.days()).arg(p.zoneId());
    for (const auto &[name, value] : { std::pair { "use case", r.query.useCase }, { "agent", r.query.agent },
                                       { "channel", r.query.channel } }) {
        if (!value.isEmpty())
            title += QStringLiteral(", %1 %2").arg(QLatin1String(name), value);
    }
    t.heading(title);

    const OverviewKpis &o = r.overview;
    t.heading(QStringLiteral("Overview"));
    t.row(QStringLiteral("Calls (finished)"), formatCount(o.calls));
    t.row(QStringLiteral("Connected"), share(o.connected, o.calls));
    t.row(QStringLiteral("Handled by AI alone (connected)"), share(o.handledByAi, o.connected));
    t.row(QStringLiteral("Escalated to a person"), share(o.escalated, o.calls));
    t.row(QStringLiteral("Live now"), formatCount(o.inProgress));
    t.row(QStringLiteral("Avg handle time"), formatDuration(o.avgHandleTimeSeconds));
    t.row(QStringLiteral("Avg turn latency"), number(o.avgTurnLatencyMs, 0, QStringLiteral(" ms")));
    t.row(QStringLiteral("Outcomes"), breakdown(o.outcomes));

    if (shows(r, "wismo")) {
        const WismoKpis &w = r.wismo;
        t.heading(QStringLiteral("Order status (WISMO)"));
        t.row(QStringLiteral("Calls"), formatCount(w.callsTotal));
        t.row(QStringLiteral("Handled by AI"), formatCount(w.callsHandledByAi));
        t.row(QStringLiteral("Resolved by AI"), formatCount(w.resolved));
        t.row(QStringLiteral("Resolution rate (of AI-handled)"), formatPercent(w.resolutionRate));
        t.row(QStringLiteral("Escalation rate"), formatPercent(w.escalationRate));
        t.row(QStringLiteral("Avg handle time"), formatDuration(w.avgHandleTimeSeconds));
        t.row(QStringLiteral("Order status when called"), breakdown(w.orderStatus));
        t.row(QStringLiteral("Carrier"), breakdown(w.carrier));
    }
    if (shows(r, "cod_confirmation")) {
        const CodKpis &c = r.cod;
        t.heading(QStringLiteral("COD confirmation"));
        t.row(QStringLiteral("Calls attempted"), formatCount(c.callsAttempted));
        t.row(QStringLiteral("Orders called"), formatCount(c.ordersCalled));
        t.row(QStringLiteral("Connected"), share(c.callsConnected, c.callsAttempted));
        t.row(QStringLiteral("Confirmed"), formatCount(c.confirmed));
        t.row(QStringLiteral("Change requested (order pending)"), formatCount(c.modified));
        t.row(QStringLiteral("Cancelled"), formatCount(c.cancelled));
        t.row(QStringLiteral("Unconfirmed (attempts ran out)"), formatCount(c.unconfirmed));
        t.row(QStringLiteral("Confirmation rate (of connected)"), formatPercent(c.confirmationRate));
        t.row(QStringLiteral("Cancellation reasons"), breakdown(c.cancellationReasons));
        t.row(QStringLiteral("Order value confirmed"), moneyList(c.revenueProtectedMinor));
        const RtoKpis &rto = c.rto;
        t.row(QStringLiteral("RTO rate (settled COD orders)"),
              QStringLiteral("%1 of %2, %3 still in transit  (previous %4 days: %5 of %6)")
                  .arg(formatPercent(rto.current.rate), formatCount(rto.current.settledOrders),
                       formatCount(rto.current.codOrders - rto.current.settledOrders)).arg(p.days())
                  .arg(formatPercent(rto.previous.rate), formatCount(rto.previous.settledOrders)));
        t.row(QStringLiteral("RTO reduction"), QStringLiteral("%1  (%2 relative)")
                                                  .arg(points(rto.reductionPoints), formatPercent(rto.reductionRelative)));
    }
    if (shows(r, "cart_recovery")) {
        const CartRecoveryKpis &c = r.cartRecovery;
        t.heading(QStringLiteral("Cart recovery"));
        t.row(QStringLiteral("Abandoned carts targeted"), formatCount(c.abandonedCartsTargeted));
        t.row(QStringLiteral("Recovery calls made"), formatCount(c.recoveryCallsMade));
        t.row(QStringLiteral("Connected"), share(c.callsConnected, c.recoveryCallsMade));
        t.row(QStringLiteral("Carts recovered (ordered within 7 days)"), formatCount(c.cartsRecovered));
        t.row(QStringLiteral("Calls ending \"recovered\" (link sent)"), formatCount(c.callsEndedRecovered));
        t.row(QStringLiteral("Recovery rate (of calls made)"), formatPercent(c.recoveryRate));
        t.row(QStringLiteral("Recovery rate (of connected)"), formatPercent(c.connectedRecoveryRate));
        t.row(QStringLiteral("Revenue recovered"), moneyList(c.revenueRecoveredMinor));
        t.row(QStringLiteral("Abandonment reasons"), breakdown(c.abandonmentReasons));
    }
    if (shows(r, "returns")) {
        const ReturnsKpis &ret = r.returns;
        t.heading(QStringLiteral("Returns"));
        t.row(QStringLiteral("Return calls"), formatCount(ret.calls));
        t.row(QStringLiteral("Return requests handled"), formatCount(ret.returnRequestsHandled));
        t.row(QStringLiteral("Pickups scheduled"), formatCount(ret.automatedPickupScheduled));
        t.row(QStringLiteral("Processing time (in call)"), formatDuration(ret.returnProcessingTimeSeconds));
    }
    const SatisfactionKpis &s = r.satisfaction;
    t.heading(QStringLiteral("Customer satisfaction"));
    t.row(QStringLiteral("CSAT"), s.csat ? QStringLiteral("%1 / 5  (%2 responses)").arg(number(s.csat, 2), formatCount(s.csatResponses))
                                         : QStringLiteral("—"));
    t.row(QStringLiteral("NPS"), s.nps ? QStringLiteral("%1%2  (%3 responses)").arg(*s.nps > 0 ? QStringLiteral("+") : QString(),
                                                                                    number(s.nps, 0), formatCount(s.npsResponses))
                                       : QStringLiteral("—"));
    return t.text();
}

QString roiText(const RoiResult &r, const ReportingPeriod &p)
{
    const QString cur = r.assumptions.currency;
    auto money = [&](double v) { return formatMajor(v, cur); };
    Table t;
    t.heading(QStringLiteral("ROI %1 … %2 (%3 days, %4)").arg(p.from.toString(Qt::ISODate), p.to.toString(Qt::ISODate))
                  .arg(p.days()).arg(p.zoneId()));
    t.heading(QStringLiteral("Assumptions (change with the options shown)"));
    t.row(QStringLiteral("--cost-per-minute"), money(r.assumptions.costPerMinute));
    t.row(QStringLiteral("--cost-per-human-call"), money(r.assumptions.costPerHumanCall));
    t.row(QStringLiteral("--rto-cost-per-order"), money(r.assumptions.rtoCostPerOrder));
    t.row(QStringLiteral("--minutes-per-call"), QStringLiteral("%1%2").arg(QString::number(r.minutesPerCall, 'f', 2),
              r.minutesMeasured ? QStringLiteral("  (measured from call durations)") : QString()));
    t.row(QStringLiteral("--revenue-share"), formatPercent(r.assumptions.revenueShare, 0));
    t.row(QStringLiteral("--deflected-use-cases"), r.assumptions.deflectedUseCases.join(QStringLiteral(",")));
    t.heading(QStringLiteral("Costs"));
    t.row(QStringLiteral("Connected AI calls"), formatCount(r.aiCalls));
    const qint64 tenths = std::llround(r.totalMinutes * 10);
    t.row(QStringLiteral("Total minutes"), QStringLiteral("%1.%2").arg(formatCount(tenths / 10)).arg(std::abs(tenths % 10)));
    t.row(QStringLiteral("Voice agent cost"), money(r.voiceAgentCost));
    t.heading(QStringLiteral("Benefits"));
    t.row(QStringLiteral("Calls deflected from people"), formatCount(r.callsDeflected));
    t.row(QStringLiteral("Agent cost saved"), money(r.agentCostSaved));
    t.row(QStringLiteral("Carts recovered"), QStringLiteral("%1  (%2 counted)").arg(formatCount(r.cartsRecovered), money(r.cartRevenueRecovered)));
    t.row(QStringLiteral("RTO reduction"), points(r.rtoReductionPoints));
    t.row(QStringLiteral("RTO orders avoided"), QStringLiteral("%1 of %2 COD orders").arg(QString::number(r.rtoOrdersAvoided, 'f', 1),
                                                                                     formatCount(r.codOrders)));
    t.row(QStringLiteral("RTO savings"), money(r.rtoSavings));
    t.heading(QStringLiteral("Totals"));
    t.row(QStringLiteral("Total cost"), money(r.totalCost));
    t.row(QStringLiteral("Total benefit"), money(r.totalBenefit));
    t.row(QStringLiteral("ROI"), formatPercent(r.roi, 0));
    QString text = t.text();
    for (const QString &note : r.notes)
        text += QStringLiteral("\nNote: ") + note;
    return text;
}

} // namespace ringside::analytics
