#pragma once

#include "util/jsonqt.h"

#include <QAbstractTableModel>
#include <QString>

#include <functional>
#include <vector>

namespace ringside::ui {

struct QueueEntry
{
    QString callId;
    QString caller;         // "Order Tracker · +91 •••• ••2345" (from the calls table)
    QString reason;
    QString summary;
    qint64 waitingSinceMs = 0; // local clock
};

// The escalation queue: calls waiting for an operator, longest wait first, with their wait time
// and what is left of the engine's SLA (after which the caller is offered a callback).
class EscalationQueueModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { CallColumn, ReasonColumn, WaitingColumn, SlaColumn, ColumnCount };
    enum Role { CallIdRole = Qt::UserRole + 1 };

    explicit EscalationQueueModel(QObject *parent = nullptr);

    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }
    // Describes a call for the Call column ("" when unknown).
    void setCallDescriber(std::function<QString(const QString &callId)> describe) { m_describe = std::move(describe); }

    // A snapshot's "queue" array or a queue message's "entries"; returns the call ids that were
    // not waiting before (new escalations).
    QStringList setEntries(const json &entries, qint64 slaMs);
    void tick();

    const QueueEntry &at(int row) const { return m_entries[std::size_t(row)]; }
    int rowOf(const QString &callId) const;
    qint64 slaMs() const { return m_slaMs; }
    qint64 waitedMs(const QueueEntry &e) const { return std::max<qint64>(0, m_nowMs() - e.waitingSinceMs); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<QueueEntry> m_entries;
    std::function<qint64()> m_nowMs;
    std::function<QString(const QString &)> m_describe;
    qint64 m_slaMs = 0;
};

} // namespace ringside::ui
