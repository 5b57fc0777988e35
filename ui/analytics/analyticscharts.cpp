#include "analyticscharts.h"

#include "common/format.h"
#include "common/labels.h"

#include <QAreaSeries>
#include <QColor>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QPieSeries>
#include <QStyle>
#include <QToolButton>
#include <QValueAxis>
#include <QVBoxLayout>

namespace ringside::ui {

namespace {
void clear(QChart *chart)
{
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

qint64 dayMs(const QDate &day, const QTimeZone &zone)
{
    return QDateTime(day, QTime(0, 0), zone).toMSecsSinceEpoch();
}

QDateTimeAxis *dayAxis(QChart *chart, const analytics::DailySeries &series)
{
    auto *axis = new QDateTimeAxis;
    axis->setFormat(QStringLiteral("d MMM"));
    axis->setTickCount(std::min(8, std::max(2, int(series.days.size()))));
    if (!series.days.empty())
        axis->setRange(QDateTime(series.days.front(), QTime(0, 0), series.period.zone),
                       QDateTime(series.days.back(), QTime(0, 0), series.period.zone));
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

QValueAxis *valueAxis(QChart *chart, double max, const QString &format, Qt::Alignment where = Qt::AlignLeft)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, std::max(max, 1.0));
    axis->setLabelFormat(format);
    axis->applyNiceNumbers();
    chart->addAxis(axis, where);
    return axis;
}

void noData(QChart *chart, const QString &title)
{
    chart->setTitle(AnalyticsCharts::tr("%1 — no calls in this period").arg(title));
}
} // namespace

QString AnalyticsCharts::fileStem(ChartId id)
{
    switch (id) {
    case CallsPerDay: return QStringLiteral("calls-per-day");
    case Outcomes: return QStringLiteral("outcomes");
    case CodTrend: return QStringLiteral("cod-confirmation");
    case AbandonmentReasons: return QStringLiteral("abandonment-reasons");
    case Latency: return QStringLiteral("reply-latency");
    case ChartCount: break;
    }
    return {};
}

QString AnalyticsCharts::title(ChartId id)
{
    switch (id) {
    case CallsPerDay: return tr("Calls per day by use case");
    case Outcomes: return tr("Outcomes");
    case CodTrend: return tr("COD confirmation rate");
    case AbandonmentReasons: return tr("Why carts were abandoned");
    case Latency: return tr("Reply latency");
    case ChartCount: break;
    }
    return {};
}

AnalyticsCharts::AnalyticsCharts(QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(8);
    for (int i = 0; i < ChartCount; ++i) {
        const auto id = ChartId(i);
        auto *card = new QFrame(this);
        card->setFrameShape(QFrame::StyledPanel);
        auto *cardLayout = new QVBoxLayout(card);
        cardLayout->setContentsMargins(4, 4, 4, 4);
        auto *header = new QHBoxLayout;
        header->addStretch(1);
        auto *save = new QToolButton(card);
        save->setObjectName(QStringLiteral("savePng-") + fileStem(id));
        save->setAutoRaise(true);
        save->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
        save->setToolTip(tr("Save this chart as a PNG image"));
        header->addWidget(save);
        connect(save, &QToolButton::clicked, this, [this, id] { Q_EMIT savePngRequested(id); });

        m_charts[i] = new QChart;
        m_charts[i]->setObjectName(fileStem(id));
        m_charts[i]->setAnimationOptions(QChart::NoAnimation);
        m_charts[i]->legend()->setAlignment(Qt::AlignBottom);
        m_charts[i]->setMargins(QMargins(4, 4, 4, 4));
        m_charts[i]->setTitle(title(id));
        QFont titleFont = m_charts[i]->titleFont();
        titleFont.setBold(true);
        m_charts[i]->setTitleFont(titleFont);
        m_views[i] = new QChartView(m_charts[i], card);
        m_views[i]->setRenderHint(QPainter::Antialiasing);
        m_views[i]->setMinimumHeight(i == CallsPerDay ? 300 : 260);
        cardLayout->addLayout(header);
        cardLayout->addWidget(m_views[i], 1);
        if (i == CallsPerDay)
            grid->addWidget(card, 0, 0, 1, 2);
        else
            grid->addWidget(card, 1 + (i - 1) / 2, (i - 1) % 2);
    }
}

void AnalyticsCharts::setSnapshot(const AnalyticsSnapshot &snapshot)
{
    fillCallsPerDay(snapshot);
    fillOutcomes(snapshot);
    fillCodTrend(snapshot);
    fillReasons(snapshot);
    fillLatency(snapshot);
}

void AnalyticsCharts::fillCallsPerDay(const AnalyticsSnapshot &s)
{
    QChart *chart = m_charts[CallsPerDay];
    clear(chart);
    chart->setTitle(title(CallsPerDay));
    const analytics::DailySeries &series = s.series;
    std::vector<qint64> base(series.days.size(), 0);
    double peak = 0;
    QList<QAreaSeries *> areas;
    // A colour per use case, so a use case keeps its colour whichever others have calls (the
    // chart theme has five colours and would give a sixth use case the first one again).
    static const QColor palette[] = { QColor(0x20, 0x9f, 0xdf), QColor(0x99, 0xca, 0x53), QColor(0xf6, 0xa6, 0x25),
                                      QColor(0x6d, 0x5f, 0xd5), QColor(0xbf, 0x59, 0x3e), QColor(0x90, 0x90, 0x90) };
    int colour = -1;
    for (const QString &useCase : analytics::useCases()) {   // a stable order and colour per use case
        ++colour;
        const auto it = series.calls.find(useCase);
        if (it == series.calls.end())
            continue;
        const std::vector<qint64> &counts = it->second;
        if (std::all_of(counts.begin(), counts.end(), [](qint64 c) { return c == 0; }))
            continue;
        auto *lower = new QLineSeries;
        auto *upper = new QLineSeries;
        for (size_t d = 0; d < series.days.size(); ++d) {
            const qint64 x = dayMs(series.days[d], series.period.zone);
            lower->append(double(x), double(base[d]));
            base[d] += d < counts.size() ? counts[d] : 0;
            upper->append(double(x), double(base[d]));
            peak = std::max(peak, double(base[d]));
        }
        auto *area = new QAreaSeries(upper, lower);
        area->setName(useCaseLabel(useCase));
        area->setObjectName(useCase);
        area->setOpacity(0.85);
        area->setColor(palette[colour % int(std::size(palette))]);
        area->setBorderColor(Qt::white);
        chart->addSeries(area);
        areas << area;
    }
    if (areas.isEmpty()) {
        noData(chart, title(CallsPerDay));
        return;
    }
    QDateTimeAxis *x = dayAxis(chart, series);
    QValueAxis *y = valueAxis(chart, peak, QStringLiteral("%d"));
    for (QAreaSeries *a : areas) {
        a->attachAxis(x);
        a->attachAxis(y);
    }
}

void AnalyticsCharts::fillOutcomes(const AnalyticsSnapshot &s)
{
    QChart *chart = m_charts[Outcomes];
    clear(chart);
    chart->setTitle(title(Outcomes));
    auto *pie = new QPieSeries;
    pie->setHoleSize(0.45);
    qint64 total = 0;
    for (const auto &[outcome, count] : s.kpis.overview.outcomes)
        total += count;
    for (const auto &[outcome, count] : s.kpis.overview.outcomes) {
        QPieSlice *slice = pie->append(outcomeLabel(outcome), double(count));
        slice->setObjectName(outcome);
        slice->setLabel(tr("%1 %2").arg(outcomeLabel(outcome), formatRate(double(count) / double(total), QLocale(), 0)));
        slice->setLabelVisible(double(count) / double(total) >= 0.04);   // small slices only in the legend
    }
    chart->addSeries(pie);
    chart->legend()->setVisible(false);
    if (total == 0)
        noData(chart, title(Outcomes));
}

void AnalyticsCharts::fillCodTrend(const AnalyticsSnapshot &s)
{
    QChart *chart = m_charts[CodTrend];
    clear(chart);
    chart->setTitle(title(CodTrend));
    auto *line = new QLineSeries;
    line->setName(tr("Confirmed of connected COD calls"));
    const analytics::DailySeries &series = s.series;
    for (size_t d = 0; d < series.days.size() && d < series.codConfirmationRate.size(); ++d) {
        if (const auto &rate = series.codConfirmationRate[d])
            line->append(double(dayMs(series.days[d], series.period.zone)), *rate * 100.0);
    }
    chart->addSeries(line);
    chart->legend()->setVisible(false);
    if (line->count() == 0) {
        noData(chart, title(CodTrend));
        return;
    }
    line->attachAxis(dayAxis(chart, series));
    QValueAxis *y = valueAxis(chart, 100, QStringLiteral("%d%%"));
    y->setRange(0, 100);
    line->attachAxis(y);
}

void AnalyticsCharts::fillReasons(const AnalyticsSnapshot &s)
{
    QChart *chart = m_charts[AbandonmentReasons];
    clear(chart);
    chart->setTitle(title(AbandonmentReasons));
    const analytics::Breakdown &reasons = s.kpis.cartRecovery.abandonmentReasons;
    auto *set = new QBarSet(tr("Carts"));
    QStringList categories;
    double peak = 0;
    for (auto it = reasons.rbegin(); it != reasons.rend(); ++it) {   // largest at the top
        categories << reasonLabel(it->first);
        set->append(double(it->second));
        peak = std::max(peak, double(it->second));
    }
    auto *bars = new QHorizontalBarSeries;
    bars->append(set);
    chart->addSeries(bars);
    chart->legend()->setVisible(false);
    if (categories.isEmpty()) {
        noData(chart, title(AbandonmentReasons));
        return;
    }
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(y);
    bars->attachAxis(valueAxis(chart, peak, QStringLiteral("%d"), Qt::AlignBottom));
}

void AnalyticsCharts::fillLatency(const AnalyticsSnapshot &s)
{
    QChart *chart = m_charts[Latency];
    clear(chart);
    chart->setTitle(title(Latency));
    const analytics::Histogram &h = s.series.turnLatency;
    auto *set = new QBarSet(tr("Replies"));
    QStringList categories;
    const QLocale locale;
    double peak = 0;
    for (size_t i = 0; i < h.counts.size(); ++i) {
        if (i < h.boundsMs.size())
            categories << tr("≤ %1 ms").arg(locale.toString(h.boundsMs[i]));
        else
            categories << tr("> %1 ms").arg(h.boundsMs.empty() ? QString() : locale.toString(h.boundsMs.back()));
        set->append(double(h.counts[i]));
        peak = std::max(peak, double(h.counts[i]));
    }
    auto *bars = new QBarSeries;
    bars->append(set);
    chart->addSeries(bars);
    chart->legend()->setVisible(false);
    if (h.count == 0) {
        noData(chart, title(Latency));
        return;
    }
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(x);
    bars->attachAxis(valueAxis(chart, peak, QStringLiteral("%d")));
    chart->setTitle(tr("%1 — %2 replies").arg(title(Latency), locale.toString(h.count)));
}

} // namespace ringside::ui
