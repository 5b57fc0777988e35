// ringside-engine kpi: the seed's KPIs (and, with --series, the daily series) for a date range.
// The figures come from core/analytics; this file maps options to it.
#include "clianalytics.h"
#include "cliutil.h"

#include "analytics/dailyseries.h"
#include "analytics/kpis.h"
#include "analytics/moneytext.h"
#include "analytics/reporttext.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

namespace ringside::cli {

namespace {

QString seriesText(const analytics::DailySeries &s)
{
    QString text = QStringLiteral("\nDaily\n  %1%2%3%4%5\n")
                       .arg(QStringLiteral("date").leftJustified(12), QStringLiteral("calls").rightJustified(7),
                            QStringLiteral("COD conf.").rightJustified(11), QStringLiteral("cart rec.").rightJustified(11),
                            QStringLiteral("latency").rightJustified(10));
    for (size_t i = 0; i < s.days.size(); ++i) {
        qint64 calls = 0;
        for (const auto &[useCase, values] : s.calls)
            calls += values[i];
        const auto latency = s.avgTurnLatencyMs[i];
        text += QStringLiteral("  %1%2%3%4%5\n")
                    .arg(s.days[i].toString(Qt::ISODate).leftJustified(12), analytics::formatCount(calls).rightJustified(7),
                         analytics::formatPercent(s.codConfirmationRate[i]).rightJustified(11),
                         analytics::formatPercent(s.cartRecoveryRate[i]).rightJustified(11),
                         (latency ? QStringLiteral("%1 ms").arg(qRound64(*latency)) : QStringLiteral("—")).rightJustified(10));
    }
    return text;
}

} // namespace

int runKpi(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints the KPIs of the calls in a date range (docs/analytics.md defines each). Rates are percentages in "
        "text and fractions in --json; an undefined rate (nothing to divide by) is \"—\" / null."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("from"), QStringLiteral("First day, YYYY-MM-DD (default: 30 days ending today)."), QStringLiteral("DATE") });
    parser.addOption({ QStringLiteral("to"), QStringLiteral("Last day, YYYY-MM-DD, inclusive (default: today)."), QStringLiteral("DATE") });
    parser.addOption({ QStringLiteral("tz"), QStringLiteral("Time zone the days are in (default: the store's)."), QStringLiteral("ZONE") });
    parser.addOption({ QStringLiteral("use-case"), QStringLiteral("Only this use case (wismo, delivery_update, cod_confirmation, "
                                                                  "cart_recovery, returns, other)."), QStringLiteral("X") });
    parser.addOption({ QStringLiteral("agent"), QStringLiteral("Only calls by this agent."), QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("channel"), QStringLiteral("Only this channel (chat, voice, twilio, exotel, test_call)."),
                       QStringLiteral("C") });
    parser.addOption({ QStringLiteral("series"), QStringLiteral("Add the per-day series.") });
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Machine-readable output.") });
    int code = Ok;
    if (!parse(parser, args, &code))
        return code;
    if (parser.positionalArguments().size() > 1) {
        err(QStringLiteral("kpi: unexpected argument '%1'").arg(parser.positionalArguments().at(1)));
        return Usage;
    }
    Clock clock;
    if (!clockFrom(parser, &clock))
        return Usage;
    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    const auto query = kpiQueryFrom(parser, *db, clock.now(), QStringLiteral("kpi"));
    if (!query)
        return Usage;
    try {
        const analytics::KpiReport report = analytics::computeKpis(*db, query.value());
        const bool withSeries = parser.isSet(QStringLiteral("series"));
        if (parser.isSet(QStringLiteral("json"))) {
            json j = analytics::toJson(report);
            if (withSeries)
                j["series"] = analytics::toJson(analytics::computeDailySeries(*db, query.value()));
            outJson(j, true);
        } else {
            QString text = analytics::kpiText(report);
            if (withSeries)
                text += seriesText(analytics::computeDailySeries(*db, query.value()));
            out(text.trimmed());
        }
    } catch (const StorageError &e) {
        err(QStringLiteral("error: %1").arg(QString::fromUtf8(e.what())));
        return Failed;
    }
    return Ok;
}

} // namespace ringside::cli
