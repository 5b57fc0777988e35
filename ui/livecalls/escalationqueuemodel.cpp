#include "escalationqueuemodel.h"

#include "util/remotejson.h"

#include "callsmodel.h"
#include "common/labels.h"

#include <QColor>
#include <QDateTime>
#include <QSet>

namespace ringside::ui {

EscalationQueueModel::EscalationQueueModel(QObject *parent)
    : QAbstractTableModel(parent), m_nowMs([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

QStringList EscalationQueueModel::setEntries(const json &entries, qint64 slaMs)
{
    QSet<QString> before;
    for (const QueueEntry &e : m_entries)
        before.insert(e.callId);
    std::vector<QueueEntry> next;
    QStringList arrived;
    const qint64 now = m_nowMs();
    if (entries.is_array()) {
        for (const json &j : entries) {
            QueueEntry e;
            e.callId = stringAt(j, "call_id");
            if (e.callId.isEmpty())
                continue;
            e.reason = stringAt(j, "reason");
            e.summary = stringAt(j, "summary");
            // The engine says how long the caller has waited; anchoring that to our clock keeps
            // the timer right even when the two clocks disagree.
            const qint64 waited = intAt(j, "wait_ms");
            e.waitingSinceMs = now - std::max<qint64>(0, waited);
            if (m_describe)
                e.caller = m_describe(e.callId);
            if (!before.contains(e.callId))
                arrived << e.callId;
            next.push_back(std::move(e));
        }
    }
    std::stable_sort(next.begin(), next.end(), [](const QueueEntry &a, const QueueEntry &b) { return a.waitingSinceMs < b.waitingSinceMs; });
    m_slaMs = slaMs;
    beginResetModel();
    m_entries = std::move(next);
    endResetModel();
    return arrived;
}

void EscalationQueueModel::tick()
{
    if (!m_entries.empty())
        Q_EMIT dataChanged(index(0, WaitingColumn), index(int(m_entries.size()) - 1, SlaColumn), { Qt::DisplayRole, Qt::ForegroundRole });
}

int EscalationQueueModel::rowOf(const QString &callId) const
{
    for (int i = 0; i < int(m_entries.size()); ++i) {
        if (m_entries[std::size_t(i)].callId == callId)
            return i;
    }
    return -1;
}

int EscalationQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int EscalationQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EscalationQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_entries.size()) || index.column() >= ColumnCount)
        return {};
    const QueueEntry &e = m_entries[std::size_t(index.row())];
    const qint64 waited = waitedMs(e);
    const qint64 left = m_slaMs - waited;
    switch (role) {
    case CallIdRole: return e.callId;
    case Qt::DisplayRole:
        switch (index.column()) {
        case CallColumn: return e.caller.isEmpty() ? e.callId : e.caller;
        case ReasonColumn: return reasonLabel(e.reason);
        case WaitingColumn: return CallsModel::durationText(waited);
        case SlaColumn:
            if (m_slaMs <= 0)
                return QString();
            return left > 0 ? tr("%1 left").arg(CallsModel::durationText(left)) : tr("callback offered");
        }
        return {};
    case Qt::ToolTipRole: return e.summary.isEmpty() ? reasonLabel(e.reason) : e.summary;
    case Qt::ForegroundRole:
        if (index.column() == SlaColumn && m_slaMs > 0 && left < m_slaMs / 4)
            return QColor(Qt::darkRed); // the last quarter of the SLA: hurry
        return {};
    }
    return {};
}

QVariant EscalationQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CallColumn: return tr("Call");
    case ReasonColumn: return tr("Reason");
    case WaitingColumn: return tr("Waiting");
    case SlaColumn: return tr("SLA");
    }
    return {};
}

} // namespace ringside::ui
