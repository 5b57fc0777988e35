#pragma once

#include "analytics/kpis.h"

#include <QFrame>

class QLabel;

namespace ringside::ui {

// One figure: a caption, the value large, a line of detail.
class KpiTile final : public QFrame
{
    Q_OBJECT
public:
    KpiTile(const QString &caption, QWidget *parent = nullptr);
    void setValue(const QString &value, const QString &detail = {});
    QString value() const;
    QString detail() const;

private:
    QLabel *m_caption = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_detail = nullptr;
};

// The headline KPIs of a report, as tiles: calls, handled by the AI, handle time, turn latency,
// COD confirmation, cart recovery, RTO rate, CSAT. Undefined rates show "—".
class KpiTiles final : public QWidget
{
    Q_OBJECT
public:
    enum Tile { Calls, HandledByAi, HandleTime, TurnLatency, CodConfirmation, CartRecovery, RtoRate, Csat, TileCount };

    explicit KpiTiles(QWidget *parent = nullptr);
    void setReport(const analytics::KpiReport &report);
    KpiTile *tile(Tile which) const { return m_tiles[which]; }

private:
    KpiTile *m_tiles[TileCount] = {};
};

// "₹12,400.00 + $310.00": recovered or protected revenue in each currency.
QString formatMoneyByCurrency(const analytics::MoneyByCurrency &money);

} // namespace ringside::ui
