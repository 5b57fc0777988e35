#include "roipanel.h"

#include "common/format.h"
#include "common/labels.h"
#include "services/backend.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace ringside::ui {

namespace {
QDoubleSpinBox *moneySpin(const QString &objectName, QWidget *parent)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(0, 1'000'000);
    spin->setDecimals(2);
    spin->setSingleStep(0.5);
    spin->setKeyboardTracking(false);
    return spin;
}
} // namespace

RoiPanel::RoiPanel(Backend &backend, QWidget *parent)
    : QGroupBox(tr("Return on investment"), parent)
    , m_backend(backend)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(150);
    connect(m_timer, &QTimer::timeout, this, &RoiPanel::recompute);

    auto *layout = new QHBoxLayout(this);
    auto *form = new QFormLayout;
    m_costPerMinute = moneySpin(QStringLiteral("costPerMinuteSpin"), this);
    m_costPerHumanCall = moneySpin(QStringLiteral("costPerHumanCallSpin"), this);
    m_rtoCost = moneySpin(QStringLiteral("rtoCostSpin"), this);
    m_measured = new QCheckBox(tr("Use the measured talk time"), this);
    m_measured->setObjectName(QStringLiteral("measuredMinutesCheck"));
    m_measured->setChecked(true);
    m_minutes = new QDoubleSpinBox(this);
    m_minutes->setObjectName(QStringLiteral("minutesPerCallSpin"));
    m_minutes->setRange(0.1, 120);
    m_minutes->setValue(2.0);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setKeyboardTracking(false);
    m_minutes->setEnabled(false);
    m_share = new QSpinBox(this);
    m_share->setObjectName(QStringLiteral("revenueShareSpin"));
    m_share->setRange(0, 100);
    m_share->setValue(100);
    m_share->setSuffix(QStringLiteral(" %"));
    m_share->setKeyboardTracking(false);
    m_share->setToolTip(tr("How much of the recovered cart revenue to count as benefit (100 % as in the industry figures)"));
    form->addRow(tr("Voice agent cost per &minute:"), m_costPerMinute);
    form->addRow(tr("Cost of a call handled by a &person:"), m_costPerHumanCall);
    form->addRow(tr("Cost of one &RTO (return to origin):"), m_rtoCost);
    form->addRow(tr("Minutes per call:"), m_measured);
    form->addRow(QString(), m_minutes);
    form->addRow(tr("Recovered revenue &counted:"), m_share);
    layout->addLayout(form, 1);

    auto *results = new QVBoxLayout;
    m_roi = new QLabel(notAvailable(), this);
    m_roi->setObjectName(QStringLiteral("roiValue"));
    QFont f = m_roi->font();
    f.setPointSizeF(f.pointSizeF() * 2.0);
    f.setBold(true);
    m_roi->setFont(f);
    m_cost = new QLabel(this);
    m_cost->setObjectName(QStringLiteral("roiCost"));
    m_benefit = new QLabel(this);
    m_benefit->setObjectName(QStringLiteral("roiBenefit"));
    m_breakdown = new QLabel(this);
    m_breakdown->setWordWrap(true);
    m_notes = new QLabel(this);
    m_notes->setWordWrap(true);
    m_notes->setEnabled(false);
    results->addWidget(new QLabel(tr("ROI for the period"), this));
    results->addWidget(m_roi);
    results->addWidget(m_cost);
    results->addWidget(m_benefit);
    results->addWidget(m_breakdown);
    results->addWidget(m_notes);
    results->addStretch(1);
    layout->addLayout(results, 1);

    for (QDoubleSpinBox *spin : { m_costPerMinute, m_costPerHumanCall, m_rtoCost, m_minutes })
        connect(spin, &QDoubleSpinBox::valueChanged, this, &RoiPanel::schedule);
    connect(m_share, &QSpinBox::valueChanged, this, &RoiPanel::schedule);
    connect(m_measured, &QCheckBox::toggled, this, [this](bool measured) {
        m_minutes->setEnabled(!measured);
        schedule();
    });
}

void RoiPanel::setReport(const analytics::KpiReport &kpis, const QString &currency)
{
    m_kpis = kpis;
    m_hasReport = true;
    if (currency != m_currency) {
        m_currency = currency;
        analytics::RoiAssumptions a;
        a.currency = currency;
        if (const auto defaults = analytics::defaultRoiAssumptions(currency))
            a = *defaults;
        else
            a.deflectedUseCases = { QStringLiteral("wismo"), QStringLiteral("returns") };
        setAssumptions(a);
    }
    recompute();
}

void RoiPanel::setAssumptions(const analytics::RoiAssumptions &a)
{
    m_filling = true;
    const QString prefix = currencySymbol(a.currency) + QLatin1Char(' ');
    for (QDoubleSpinBox *spin : { m_costPerMinute, m_costPerHumanCall, m_rtoCost })
        spin->setPrefix(prefix);
    m_costPerMinute->setValue(a.costPerMinute);
    m_costPerHumanCall->setValue(a.costPerHumanCall);
    m_rtoCost->setValue(a.rtoCostPerOrder);
    m_measured->setChecked(!a.minutesPerCall);
    if (a.minutesPerCall)
        m_minutes->setValue(*a.minutesPerCall);
    m_share->setValue(qRound(a.revenueShare * 100));
    m_deflected = a.deflectedUseCases;
    m_filling = false;
}

analytics::RoiAssumptions RoiPanel::assumptions() const
{
    analytics::RoiAssumptions a;
    a.currency = m_currency;
    a.costPerMinute = m_costPerMinute->value();
    a.costPerHumanCall = m_costPerHumanCall->value();
    a.rtoCostPerOrder = m_rtoCost->value();
    if (!m_measured->isChecked())
        a.minutesPerCall = m_minutes->value();
    a.revenueShare = m_share->value() / 100.0;
    a.deflectedUseCases = m_deflected;
    return a;
}

void RoiPanel::schedule()
{
    if (!m_filling && m_hasReport)
        m_timer->start();
}

void RoiPanel::recompute()
{
    m_timer->stop();
    if (!m_hasReport || m_currency.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    const analytics::KpiReport kpis = m_kpis;
    const analytics::RoiAssumptions a = assumptions();
    whenReady(m_backend.run([kpis, a](WorkerServices &) { return analytics::computeRoi(kpis, a); }), this,
              [this, generation](const Result<analytics::RoiResult> &result) {
                  if (generation != m_generation)
                      return;
                  if (result)
                      show(result.value());
                  else
                      m_notes->setText(result.error());
                  Q_EMIT recomputed();
              },
              [this](const QString &error) { m_notes->setText(error); });
}

void RoiPanel::show(const analytics::RoiResult &r)
{
    const QString c = r.assumptions.currency;
    const QLocale locale;
    m_roi->setText(r.roi ? formatRate(*r.roi, locale, 0) : notAvailable());
    m_cost->setText(tr("Cost: %1 (%2 minutes of %3 AI calls, %4 min each%5)")
                            .arg(formatMoney(r.totalCost, c), locale.toString(r.totalMinutes, 'f', 0),
                                 formatCount(r.aiCalls), locale.toString(r.minutesPerCall, 'f', 1),
                                 r.minutesMeasured ? tr(", measured") : QString()));
    m_benefit->setText(tr("Benefit: %1").arg(formatMoney(r.totalBenefit, c)));
    QStringList deflected;
    for (const QString &u : r.assumptions.deflectedUseCases)
        deflected << useCaseLabel(u);
    QString rto = r.rtoReductionPoints ? tr("%1 RTOs avoided (%2 points on %3 COD orders)")
                                                 .arg(locale.toString(r.rtoOrdersAvoided, 'f', 1),
                                                      locale.toString(*r.rtoReductionPoints * 100, 'f', 1),
                                                      formatCount(r.codOrders))
                                       : tr("no RTO change measured");
    m_breakdown->setText(tr("• Agent time saved: %1 (%2 calls deflected: %3)\n• Recovered carts: %4 (%5 carts)\n"
                            "• RTO savings: %6 (%7)")
                                 .arg(formatMoney(r.agentCostSaved, c), formatCount(r.callsDeflected),
                                      deflected.join(QStringLiteral(", ")), formatMoney(r.cartRevenueRecovered, c),
                                      formatCount(r.cartsRecovered), formatMoney(r.rtoSavings, c), rto));
    m_notes->setText(r.notes.join(QLatin1Char('\n')));
}

QString RoiPanel::roiText() const
{
    return m_roi->text();
}

QString RoiPanel::benefitText() const
{
    return m_benefit->text();
}

QString RoiPanel::costText() const
{
    return m_cost->text();
}

} // namespace ringside::ui
