#pragma once

#include "analyticsdata.h"

#include <QWidget>

class QChart;
class QChartView;

namespace ringside::ui {

// The Analytics charts: calls per day by use case (stacked), outcomes, COD confirmation trend,
// cart abandonment reasons and the reply-latency distribution, redrawn for each snapshot.
class AnalyticsCharts final : public QWidget
{
    Q_OBJECT
public:
    enum ChartId { CallsPerDay, Outcomes, CodTrend, AbandonmentReasons, Latency, ChartCount };

    explicit AnalyticsCharts(QWidget *parent = nullptr);

    void setSnapshot(const AnalyticsSnapshot &snapshot);

    QChart *chart(ChartId id) const { return m_charts[id]; }
    QChartView *view(ChartId id) const { return m_views[id]; }
    // A file name for the chart's PNG: "calls-per-day".
    static QString fileStem(ChartId id);
    static QString title(ChartId id);

Q_SIGNALS:
    void savePngRequested(ChartId id);

private:
    void fillCallsPerDay(const AnalyticsSnapshot &s);
    void fillOutcomes(const AnalyticsSnapshot &s);
    void fillCodTrend(const AnalyticsSnapshot &s);
    void fillReasons(const AnalyticsSnapshot &s);
    void fillLatency(const AnalyticsSnapshot &s);

    QChart *m_charts[ChartCount] = {};
    QChartView *m_views[ChartCount] = {};
};

} // namespace ringside::ui
