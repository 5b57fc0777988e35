#include "kpitiles.h"

#include "common/format.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace ringside::ui {

KpiTile::KpiTile(const QString &caption, QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, p.color(QPalette::Base));
    setPalette(p);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    m_caption = new QLabel(caption, this);
    m_caption->setEnabled(false);
    m_value = new QLabel(notAvailable(), this);
    m_value->setObjectName(QStringLiteral("kpiValue"));
    QFont f = m_value->font();
    f.setPointSizeF(f.pointSizeF() * 1.7);
    f.setBold(true);
    m_value->setFont(f);
    m_detail = new QLabel(this);
    m_detail->setEnabled(false);
    m_detail->setWordWrap(true);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addStretch(1);
    setAccessibleName(caption);
}

void KpiTile::setValue(const QString &value, const QString &detail)
{
    m_value->setText(value);
    m_detail->setText(detail);
    setAccessibleDescription(value + QLatin1Char(' ') + detail);
}

QString KpiTile::value() const
{
    return m_value->text();
}

QString KpiTile::detail() const
{
    return m_detail->text();
}

QString formatMoneyByCurrency(const analytics::MoneyByCurrency &money)
{
    QStringList parts;
    for (const auto &[currency, minor] : money) {
        if (minor != 0)
            parts << formatMoneyMinor(minor, currency);
    }
    return parts.isEmpty() ? notAvailable() : parts.join(QStringLiteral(" + "));
}

KpiTiles::KpiTiles(QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(8);
    const QString captions[TileCount] = {
        tr("Calls"), tr("Handled by the AI"), tr("Average handle time"), tr("Average reply latency"),
        tr("COD confirmed"), tr("Carts recovered"), tr("RTO rate (COD)"), tr("Customer satisfaction"),
    };
    for (int i = 0; i < TileCount; ++i) {
        m_tiles[i] = new KpiTile(captions[i], this);
        grid->addWidget(m_tiles[i], i / 4, i % 4);
    }
}

void KpiTiles::setReport(const analytics::KpiReport &r)
{
    const QLocale locale;
    const auto &o = r.overview;
    m_tiles[Calls]->setValue(formatCount(o.calls), tr("%1 connected · %2 live now").arg(formatCount(o.connected), formatCount(o.inProgress)));
    m_tiles[HandledByAi]->setValue(formatRate(o.containmentRate),
                                   tr("%1 of %2 connected calls; %3 escalated")
                                           .arg(formatCount(o.handledByAi), formatCount(o.connected), formatCount(o.escalated)));
    m_tiles[HandleTime]->setValue(formatSeconds(o.avgHandleTimeSeconds), tr("talk time of connected calls"));
    m_tiles[TurnLatency]->setValue(o.avgTurnLatencyMs ? tr("%1 ms").arg(locale.toString(qRound64(*o.avgTurnLatencyMs)))
                                                      : notAvailable(),
                                   tr("end of the caller's speech to the agent's first word"));
    m_tiles[CodConfirmation]->setValue(formatRate(r.cod.confirmationRate),
                                       tr("%1 of %2 connected COD calls; %3 protected")
                                               .arg(formatCount(r.cod.confirmed), formatCount(r.cod.callsConnected),
                                                    formatMoneyByCurrency(r.cod.revenueProtectedMinor)));
    m_tiles[CartRecovery]->setValue(formatRate(r.cartRecovery.recoveryRate),
                                    tr("%1 of %2 calls; %3 recovered")
                                            .arg(formatCount(r.cartRecovery.cartsRecovered),
                                                 formatCount(r.cartRecovery.recoveryCallsMade),
                                                 formatMoneyByCurrency(r.cartRecovery.revenueRecoveredMinor)));
    QString rtoDetail = tr("previous period %1").arg(formatRate(r.cod.rto.previous.rate));
    if (r.cod.rto.reductionPoints)
        rtoDetail = tr("%1 points lower than the previous period").arg(locale.toString(*r.cod.rto.reductionPoints * 100, 'f', 1));
    m_tiles[RtoRate]->setValue(formatRate(r.cod.rto.current.rate), rtoDetail);
    const auto &s = r.satisfaction;
    m_tiles[Csat]->setValue(s.csat ? tr("%1 / 5").arg(locale.toString(*s.csat, 'f', 2)) : notAvailable(),
                            tr("%n response(s); NPS %1", nullptr, int(s.csatResponses))
                                    .arg(s.nps ? locale.toString(qRound(*s.nps)) : notAvailable()));
}

} // namespace ringside::ui
