#pragma once

#include "kpis.h"
#include "roi.h"

#include <QString>

namespace ringside::analytics {

// Plain-text renderings for terminals: aligned label/value rows, rates as percentages, "—" where a
// figure is undefined, money with its currency code. A use-case filter shows only its section.
QString kpiText(const KpiReport &report);
QString roiText(const RoiResult &roi, const ReportingPeriod &period);

// "1m 32s", "45s", "—".
QString formatDuration(const std::optional<double> &seconds);
// "12,345".
QString formatCount(qint64 n);

} // namespace ringside::analytics
