#include "clianalytics.h"

#include "cliutil.h"

namespace ringside::cli {

std::optional<analytics::KpiQuery> kpiQueryFrom(const QCommandLineParser &parser, Database &db, const QDateTime &now,
                                                const QString &command)
{
    const auto value = [&parser](const char *name) { return parser.value(QLatin1String(name)); };
    const Result<analytics::KpiQuery> query = analytics::parseKpiQuery(
            db, { value("from"), value("to"), value("tz"), value("use-case"), value("agent"), value("channel") }, now);
    if (!query.ok()) {
        err(QStringLiteral("%1: %2").arg(command, query.error()));
        return std::nullopt;
    }
    return query.value();
}

} // namespace ringside::cli
