#pragma once

#include "analytics/kpis.h"
#include "analytics/roi.h"

#include <QGroupBox>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTimer;

namespace ringside::ui {

class Backend;

// The ROI calculator: every assumption editable (what a minute of the voice agent costs, what a
// call handled by a person costs, what an RTO costs, minutes per call, share of recovered cart
// revenue counted), the result recomputed on the worker shortly after each change.
class RoiPanel final : public QGroupBox
{
    Q_OBJECT
public:
    explicit RoiPanel(Backend &backend, QWidget *parent = nullptr);

    // A new report (filters changed). Assumptions reset to the currency's defaults only when the
    // currency changes; the user's figures are otherwise kept.
    void setReport(const analytics::KpiReport &kpis, const QString &currency);
    analytics::RoiAssumptions assumptions() const;

    QString roiText() const;
    QString benefitText() const;
    QString costText() const;

Q_SIGNALS:
    void recomputed();

private:
    void setAssumptions(const analytics::RoiAssumptions &a);
    void schedule();
    void recompute();
    void show(const analytics::RoiResult &r);

    Backend &m_backend;
    analytics::KpiReport m_kpis;
    QString m_currency;
    QStringList m_deflected;
    bool m_hasReport = false;
    bool m_filling = false;
    quint64 m_generation = 0;
    QTimer *m_timer = nullptr;
    QDoubleSpinBox *m_costPerMinute = nullptr;
    QDoubleSpinBox *m_costPerHumanCall = nullptr;
    QDoubleSpinBox *m_rtoCost = nullptr;
    QCheckBox *m_measured = nullptr;
    QDoubleSpinBox *m_minutes = nullptr;
    QSpinBox *m_share = nullptr;
    QLabel *m_roi = nullptr;
    QLabel *m_cost = nullptr;
    QLabel *m_benefit = nullptr;
    QLabel *m_breakdown = nullptr;
    QLabel *m_notes = nullptr;
};

} // namespace ringside::ui
