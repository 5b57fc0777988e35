#pragma once

#include "campaigns/scheduledcall.h"

#include <QDateTime>
#include <QWidget>

#include <vector>

namespace ringside::ui {

// Planned and past calls on a time axis, one lane per use case: what is coming in the next day
// and what happened in the last one, coloured by status, "now" marked. Hover for the call,
// click to select it.
class CampaignTimeline final : public QWidget
{
    Q_OBJECT
public:
    explicit CampaignTimeline(QWidget *parent = nullptr);

    void setCalls(const std::vector<campaigns::ScheduledCall> &calls, const QDateTime &now);
    void setRange(int hoursBack, int hoursAhead);
    // The call drawn nearest to `pos` (within a few pixels), or 0.
    qint64 callAt(const QPoint &pos) const;
    // Where a call is drawn (for tests and tooltips); invalid point when it is off the axis.
    QPoint pointOf(qint64 id) const;
    int plottedCalls() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void callClicked(qint64 id);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QRect plotArea() const;
    int laneOf(const QString &useCase) const;
    QPoint position(const campaigns::ScheduledCall &call, int stackIndex) const;

    struct Dot
    {
        campaigns::ScheduledCall call;
        int stack = 0; // calls at the same pixel stack upwards
    };
    std::vector<Dot> m_dots;
    QDateTime m_now;
    int m_hoursBack = 24;
    int m_hoursAhead = 24;
};

} // namespace ringside::ui
