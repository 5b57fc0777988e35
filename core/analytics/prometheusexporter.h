#pragma once

#include <QString>

#include <utility>
#include <vector>

namespace ringside {
class Database;
}

namespace ringside::analytics {

// The call records' all-time totals in the Prometheus text exposition format 0.0.4, for the
// `serve` command's GET /metrics (Content-Type: text/plain; version=0.0.4; charset=utf-8).
// Metric names follow the seed's dashboard tracking (docs/analytics.md lists them); counters end
// in _total, histograms have cumulative le buckets ending in +Inf, money is in major units with a
// currency label. Reads the daily rollup, so a scrape costs a few small queries. Throws StorageError.
QString renderMetrics(Database &db);

inline const char *const kMetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

using Labels = std::vector<std::pair<QString, QString>>;

// Builds exposition text one metric family at a time, so HELP/TYPE come once and first and a
// family's samples stay together.
class MetricsText
{
public:
    void family(const QString &name, const QString &type, const QString &help);
    void sample(const QString &suffix, const Labels &labels, double value);
    QString text() const { return m_text; }

    // Label values escape backslash, double quote and newline; HELP text backslash and newline.
    static QString escapeLabelValue(const QString &value);
    static QString escapeHelp(const QString &help);
    // Shortest text that reads back as the same double; integers without a decimal point.
    static QString formatValue(double value);

private:
    QString m_text;
    QString m_family;
};

} // namespace ringside::analytics
