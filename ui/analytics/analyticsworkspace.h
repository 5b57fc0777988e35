#pragma once

#include "analyticscharts.h"
#include "analyticsdata.h"
#include "shell/workspace.h"

#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace ringside {
class Clock;
}

namespace ringside::ui {

class Backend;
class EmptyState;
class KpiTiles;
class MessageBar;
class RoiPanel;

// Analytics: a date range (last 7/30/90 days or custom) and use-case filter; KPI tiles, charts and
// the ROI calculator for it; CSV export of the calls and PNG export of each chart. Every query
// runs on the worker; a busy bar shows while one does.
class AnalyticsWorkspace final : public Workspace
{
    Q_OBJECT
public:
    AnalyticsWorkspace(Backend &backend, const Clock &clock, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    void activated() override;

    // Runs the query for the filters as they are now.
    void refresh();
    // Filters, as the controls would set them.
    void setLastDays(int days);                 // 7, 30 or 90
    void setCustomRange(const QDate &from, const QDate &to);
    void setUseCase(const QString &useCase);    // empty: all

    bool exportCsv(const QString &path);
    bool exportChartPng(AnalyticsCharts::ChartId id, const QString &path);

    bool isLoading() const { return m_loading > 0; }
    const std::optional<AnalyticsSnapshot> &snapshot() const { return m_snapshot; }
    AnalyticsCharts *charts() const { return m_charts; }
    KpiTiles *tiles() const { return m_tiles; }
    RoiPanel *roi() const { return m_roi; }
    MessageBar *messageBar() const { return m_messages; }

Q_SIGNALS:
    // A snapshot arrived (or the query failed) for the latest filters.
    void refreshed();
    // The empty state's "Load demo store" button.
    void demoStoreRequested();

private:
    AnalyticsRequest request() const;
    void display(const AnalyticsSnapshot &snapshot);
    void setLoading(bool loading);

    Backend &m_backend;
    const Clock &m_clock;
    QComboBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_useCase = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_summary = nullptr;
    MessageBar *m_messages = nullptr;
    QStackedWidget *m_pages = nullptr;
    EmptyState *m_empty = nullptr;
    QWidget *m_dashboard = nullptr;
    KpiTiles *m_tiles = nullptr;
    AnalyticsCharts *m_charts = nullptr;
    RoiPanel *m_roi = nullptr;
    std::optional<AnalyticsSnapshot> m_snapshot;
    quint64 m_generation = 0;
    int m_loading = 0;
    bool m_dirty = true;   // filters or data changed since the last query
};

} // namespace ringside::ui
