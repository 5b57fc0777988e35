#include "campaigntimeline.h"

#include "campaigncallsmodel.h"

#include "common/labels.h"

#include <QHash>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace ringside::ui {

namespace {

constexpr int kLaneLabelWidth = 130;
constexpr int kLaneHeight = 34;
constexpr int kAxisHeight = 22;
constexpr int kDot = 8;

QColor statusColour(const QString &status)
{
    if (status == campaigns::kScheduled)
        return QColor(0x2b, 0x6c, 0xb0);
    if (status == campaigns::kDialing)
        return QColor(0xe0, 0x8a, 0x00);
    if (status == campaigns::kDone)
        return QColor(0x2f, 0x8f, 0x46);
    if (status == campaigns::kFailed)
        return QColor(0xc0, 0x30, 0x30);
    return QColor(0x99, 0x99, 0x99); // skipped, cancelled
}

} // namespace

CampaignTimeline::CampaignTimeline(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setAccessibleName(tr("Campaign timeline"));
}

QSize CampaignTimeline::sizeHint() const
{
    return { 900, kAxisHeight + 4 * kLaneHeight + 8 };
}

QSize CampaignTimeline::minimumSizeHint() const
{
    return { 400, kAxisHeight + 4 * kLaneHeight + 8 };
}

void CampaignTimeline::setRange(int hoursBack, int hoursAhead)
{
    m_hoursBack = hoursBack;
    m_hoursAhead = hoursAhead;
    update();
}

void CampaignTimeline::setCalls(const std::vector<campaigns::ScheduledCall> &calls, const QDateTime &now)
{
    m_now = now;
    m_dots.clear();
    QHash<QPair<int, int>, int> stacks;
    for (const campaigns::ScheduledCall &c : calls) {
        const QPoint p = position(c, 0);
        if (p.isNull())
            continue;
        const int stack = stacks[{ laneOf(c.useCase), p.x() / kDot }]++;
        m_dots.push_back({ c, std::min(stack, 2) });
    }
    update();
}

int CampaignTimeline::plottedCalls() const
{
    return int(m_dots.size());
}

QRect CampaignTimeline::plotArea() const
{
    return QRect(kLaneLabelWidth, kAxisHeight, std::max(50, width() - kLaneLabelWidth - 12), 4 * kLaneHeight);
}

int CampaignTimeline::laneOf(const QString &useCase) const
{
    const int i = int(campaigns::useCases().indexOf(useCase));
    return i < 0 ? 3 : i;
}

QPoint CampaignTimeline::position(const campaigns::ScheduledCall &c, int stack) const
{
    if (!m_now.isValid())
        return {};
    const QRect area = plotArea();
    const qint64 from = m_now.toMSecsSinceEpoch() - qint64(m_hoursBack) * 3600000;
    const qint64 span = qint64(m_hoursBack + m_hoursAhead) * 3600000;
    const QDateTime when = c.placedAt.isValid() ? c.placedAt : c.dueAt;
    const qint64 offset = when.toMSecsSinceEpoch() - from;
    if (offset < 0 || offset > span)
        return {};
    const int x = area.left() + int(double(offset) / double(span) * area.width());
    const int y = area.top() + laneOf(c.useCase) * kLaneHeight + kLaneHeight / 2 + (stack - 1) * (kDot - 2);
    return { std::max(x, area.left() + 1), y };
}

QPoint CampaignTimeline::pointOf(qint64 id) const
{
    for (const Dot &d : m_dots)
        if (d.call.id == id)
            return position(d.call, d.stack);
    return {};
}

qint64 CampaignTimeline::callAt(const QPoint &pos) const
{
    qint64 best = 0;
    int bestDistance = kDot * kDot * 2;
    for (const Dot &d : m_dots) {
        const QPoint p = position(d.call, d.stack) - pos;
        const int distance = p.x() * p.x() + p.y() * p.y();
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = d.call.id;
        }
    }
    return best;
}

void CampaignTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRect area = plotArea();
    const QPalette pal = palette();
    p.fillRect(rect(), pal.base());
    // Lanes.
    for (int i = 0; i < campaigns::useCases().size(); ++i) {
        const QRect lane(0, area.top() + i * kLaneHeight, width(), kLaneHeight);
        if (i % 2)
            p.fillRect(lane, pal.alternateBase());
        p.setPen(pal.color(QPalette::Text));
        const QString u = campaigns::useCases().at(i);
        p.drawText(QRect(8, lane.top(), kLaneLabelWidth - 12, lane.height()), Qt::AlignVCenter | Qt::AlignLeft,
                   u == campaigns::kCallback ? tr("Callbacks") : useCaseLabel(u));
    }
    if (!m_now.isValid())
        return;
    // Hour ticks every 3 h (6 h over longer spans), labelled in the console's time.
    const int step = m_hoursBack + m_hoursAhead > 36 ? 6 : 3;
    p.setPen(pal.color(QPalette::Mid));
    const qint64 from = m_now.toMSecsSinceEpoch() - qint64(m_hoursBack) * 3600000;
    const qint64 span = qint64(m_hoursBack + m_hoursAhead) * 3600000;
    QDateTime tick = QDateTime::fromMSecsSinceEpoch(from).toLocalTime();
    tick.setTime(QTime(tick.time().hour(), 0));
    for (; tick.toMSecsSinceEpoch() <= from + span; tick = tick.addSecs(3600)) {
        if (tick.toMSecsSinceEpoch() < from || tick.time().hour() % step)
            continue;
        const int x = area.left() + int(double(tick.toMSecsSinceEpoch() - from) / double(span) * area.width());
        p.drawLine(x, area.top(), x, area.bottom());
        p.drawText(QRect(x - 40, 2, 80, kAxisHeight - 4), Qt::AlignCenter,
                   tick.time().hour() == 0 ? QLocale().toString(tick.date(), QStringLiteral("ddd d MMM")) : QLocale().toString(tick.time(), QLocale::ShortFormat));
    }
    // Now.
    const int nowX = area.left() + int(double(m_hoursBack) / double(m_hoursBack + m_hoursAhead) * area.width());
    p.setPen(QPen(pal.color(QPalette::Highlight), 2));
    p.drawLine(nowX, area.top() - 4, nowX, area.bottom());
    // Calls.
    for (const Dot &d : m_dots) {
        const QPoint c = position(d.call, d.stack);
        p.setPen(Qt::NoPen);
        p.setBrush(statusColour(d.call.status));
        if (d.call.status == campaigns::kScheduled)
            p.drawEllipse(c, kDot / 2, kDot / 2);
        else
            p.drawRect(QRect(c.x() - kDot / 2, c.y() - kDot / 2, kDot, kDot));
    }
}

void CampaignTimeline::mouseMoveEvent(QMouseEvent *event)
{
    const qint64 id = callAt(event->position().toPoint());
    for (const Dot &d : m_dots) {
        if (d.call.id != id)
            continue;
        const QString detail = !d.call.reason.isEmpty() ? CampaignCallsModel::skipReasonLabel(d.call.reason) : outcomeLabel(d.call.outcome);
        QToolTip::showText(event->globalPosition().toPoint(),
                           tr("%1 · %2 · attempt %3\n%4 · %5%6")
                                   .arg(d.call.subjectId(), d.call.phone)
                                   .arg(d.call.attempt)
                                   .arg(CampaignCallsModel::localDue(d.call), CampaignCallsModel::statusLabel(d.call.status),
                                        detail.isEmpty() ? QString() : QStringLiteral(" · ") + detail),
                           this);
        return;
    }
    QToolTip::hideText();
}

void CampaignTimeline::mousePressEvent(QMouseEvent *event)
{
    if (const qint64 id = callAt(event->position().toPoint()))
        Q_EMIT callClicked(id);
}

} // namespace ringside::ui
