#pragma once
// What `kpi`, `roi` and `export` share: the calls to report on, from --from/--to/--tz/--use-case/
// --agent/--channel (each command declares the options with its own help text).

#include "analytics/kpis.h"

#include <QCommandLineParser>

#include <optional>

namespace ringside::cli {

// The query the filter options describe, against the store's calendar and `now`. A bad value is
// printed as "COMMAND: problem" and gives nullopt (a usage error).
std::optional<analytics::KpiQuery> kpiQueryFrom(const QCommandLineParser &parser, Database &db, const QDateTime &now,
                                                const QString &command);

} // namespace ringside::cli
