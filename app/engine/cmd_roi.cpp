// ringside-engine roi: the ROI of the voice agents over a date range, every assumption shown and
// changeable. The calculation lives in core/analytics/roi.*; this file maps options to it.
#include "clianalytics.h"
#include "cliutil.h"

#include "analytics/kpis.h"
#include "analytics/reporttext.h"
#include "analytics/roi.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <cmath>

namespace ringside::cli {

namespace {

// A number option into *value; false with a message naming the option when it is not a number.
bool numberOption(const QCommandLineParser &parser, const char *name, double *value)
{
    const QString option = QLatin1String(name);
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const double v = parser.value(option).trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        err(QStringLiteral("roi: --%1: '%2' is not a number").arg(option, parser.value(option)));
        return false;
    }
    *value = v;
    return true;
}

} // namespace

int runRoi(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Estimates the voice agents' return on investment over a date range: voice agent cost against person-handled "
        "calls saved, carts recovered and RTOs avoided. Amounts are in --currency (default: the store's); defaults "
        "exist for INR and USD (docs/analytics.md), other currencies need the three cost options."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("from"), QStringLiteral("First day, YYYY-MM-DD (default: 30 days ending today)."), QStringLiteral("DATE") });
    parser.addOption({ QStringLiteral("to"), QStringLiteral("Last day, YYYY-MM-DD, inclusive (default: today)."), QStringLiteral("DATE") });
    parser.addOption({ QStringLiteral("tz"), QStringLiteral("Time zone the days are in (default: the store's)."), QStringLiteral("ZONE") });
    parser.addOption({ QStringLiteral("use-case"), QStringLiteral("Only this use case."), QStringLiteral("X") });
    parser.addOption({ QStringLiteral("agent"), QStringLiteral("Only calls by this agent."), QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("channel"), QStringLiteral("Only this channel."), QStringLiteral("C") });
    parser.addOption({ QStringLiteral("currency"), QStringLiteral("Currency of the amounts (default: the store's)."), QStringLiteral("CODE") });
    parser.addOption({ QStringLiteral("cost-per-minute"), QStringLiteral("Voice agent cost per connected minute."), QStringLiteral("X") });
    parser.addOption({ QStringLiteral("cost-per-human-call"), QStringLiteral("Cost of one call handled by a person."), QStringLiteral("X") });
    parser.addOption({ QStringLiteral("rto-cost-per-order"), QStringLiteral("Cost of one RTO (both shipping legs, handling)."),
                       QStringLiteral("X") });
    parser.addOption({ QStringLiteral("minutes-per-call"), QStringLiteral("Minutes per AI call (default: measured from call durations)."),
                       QStringLiteral("X") });
    parser.addOption({ QStringLiteral("revenue-share"), QStringLiteral("Share of recovered cart revenue counted as benefit, 0–1 "
                                                                       "(default 1)."), QStringLiteral("F") });
    parser.addOption({ QStringLiteral("deflected-use-cases"), QStringLiteral("Use cases whose AI-only calls would otherwise reach a "
                                                                             "person (default wismo,returns)."), QStringLiteral("LIST") });
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Machine-readable output.") });
    int code = Ok;
    if (!parse(parser, args, &code))
        return code;
    Clock clock;
    if (!clockFrom(parser, &clock))
        return Usage;
    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    const auto query = kpiQueryFrom(parser, *db, clock.now(), QStringLiteral("roi"));
    if (!query)
        return Usage;

    const QString currency = parser.isSet(QStringLiteral("currency")) ? parser.value(QStringLiteral("currency")).trimmed().toUpper()
                                                                      : analytics::storeCurrency(*db);
    analytics::RoiAssumptions a = analytics::defaultRoiAssumptions(currency).value_or(analytics::RoiAssumptions {});
    a.currency = currency;
    if (!analytics::defaultRoiAssumptions(currency)) {
        QStringList missing;
        for (const char *name : { "cost-per-minute", "cost-per-human-call", "rto-cost-per-order" }) {
            if (!parser.isSet(QLatin1String(name)))
                missing << QStringLiteral("--") + QLatin1String(name);
        }
        if (!missing.isEmpty()) {
            err(QStringLiteral("roi: there are no default costs for %1; give %2").arg(currency, missing.join(QStringLiteral(", "))));
            return Usage;
        }
        a.deflectedUseCases = { QStringLiteral("wismo"), QStringLiteral("returns") };
    }
    double minutes = 0;
    if (!numberOption(parser, "cost-per-minute", &a.costPerMinute) || !numberOption(parser, "cost-per-human-call", &a.costPerHumanCall)
        || !numberOption(parser, "rto-cost-per-order", &a.rtoCostPerOrder) || !numberOption(parser, "revenue-share", &a.revenueShare)
        || !numberOption(parser, "minutes-per-call", &minutes))
        return Usage;
    if (parser.isSet(QStringLiteral("minutes-per-call")))
        a.minutesPerCall = minutes;
    if (parser.isSet(QStringLiteral("deflected-use-cases")))
        a.deflectedUseCases = parser.value(QStringLiteral("deflected-use-cases")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &u : a.deflectedUseCases)
        u = u.trimmed();

    try {
        const auto roi = analytics::computeRoi(analytics::computeKpis(*db, query.value()), a);
        if (!roi) {
            err(QStringLiteral("roi: %1").arg(roi.error()));
            return Usage;
        }
        if (parser.isSet(QStringLiteral("json"))) {
            json j = analytics::toJson(roi.value());
            const analytics::ReportingPeriod &p = query->period;
            j["period"] = { { "from", p.from.toString(Qt::ISODate) }, { "to", p.to.toString(Qt::ISODate) },
                            { "timezone", p.zoneId() }, { "days", p.days() } };
            outJson(j, true);
        } else {
            out(analytics::roiText(roi.value(), query->period).trimmed());
        }
    } catch (const StorageError &e) {
        err(QStringLiteral("error: %1").arg(QString::fromUtf8(e.what())));
        return Failed;
    }
    return Ok;
}

} // namespace ringside::cli
