#include "callsmodel.h"

#include "common/labels.h"

#include "util/clock.h"
#include "util/piimask.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QUrl>

#include <algorithm>

namespace ringside::ui {

LiveCallRow LiveCallRow::fromSummary(const json &s)
{
    LiveCallRow r;
    r.callId = stringAt(s, "call_id");
    r.agent = stringAt(s, "agent", stringAt(s, "agent_slug"));
    r.useCase = stringAt(s, "use_case");
    r.customerId = stringAt(s, "customer_id");
    r.direction = stringAt(s, "direction");
    // The customer's number: the caller on inbound calls, the called party on outbound ones.
    r.phone = r.direction == QLatin1String("outbound") ? stringAt(s, "to") : stringAt(s, "from");
    r.language = stringAt(s, "language");
    r.state = stringAt(s, "state", QStringLiteral("active"));
    r.operatorName = stringAt(s, "operator");
    const QDateTime started = parseIso(stringAt(s, "started_at"));
    r.startedAtMs = started.isValid() ? started.toMSecsSinceEpoch() : 0;
    if (s.contains("sample_rate") && s["sample_rate"].is_number_integer())
        r.sampleRate = s["sample_rate"].get<int>();
    r.engineAddress = stringAt(s, "engine_address");
    return r;
}

QString maskPhone(const QString &phone)
{
    return ringside::maskPhone(phone); // engines send numbers masked already; then it is unchanged
}

CallsModel::CallsModel(QObject *parent)
    : QAbstractTableModel(parent), m_nowMs([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

void CallsModel::reset(std::vector<LiveCallRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_adds.clear();
    m_removals.clear();
    m_dirty.clear();
    rebuildIndex();
    endResetModel();
}

void CallsModel::rebuildIndex()
{
    m_index.clear();
    for (int i = 0; i < int(m_rows.size()); ++i)
        m_index.insert(m_rows[std::size_t(i)].callId, i);
}

void CallsModel::beginBatch()
{
    ++m_batchDepth;
}

LiveCallRow *CallsModel::staged(const QString &callId)
{
    if (m_removals.contains(callId))
        return nullptr;
    for (LiveCallRow &r : m_adds) {
        if (r.callId == callId)
            return &r;
    }
    const int row = m_index.value(callId, -1);
    if (row < 0)
        return nullptr;
    m_dirty.insert(callId, true);
    return &m_rows[std::size_t(row)];
}

void CallsModel::upsert(const LiveCallRow &row)
{
    if (row.callId.isEmpty())
        return;
    beginBatch();
    m_removals.remove(row.callId); // a call id seen again is live again
    if (LiveCallRow *existing = staged(row.callId))
        *existing = row;
    else
        m_adds.push_back(row);
    endBatch();
}

void CallsModel::setState(const QString &callId, const QString &state, const QString &operatorName)
{
    beginBatch();
    if (LiveCallRow *r = staged(callId)) {
        r->state = state;
        r->operatorName = operatorName;
    }
    endBatch();
}

void CallsModel::remove(const QString &callId)
{
    beginBatch();
    const auto add = std::find_if(m_adds.begin(), m_adds.end(), [&](const LiveCallRow &r) { return r.callId == callId; });
    if (add != m_adds.end())
        m_adds.erase(add);
    else if (m_index.contains(callId))
        m_removals.insert(callId, true);
    m_dirty.remove(callId);
    endBatch();
}

void CallsModel::endBatch()
{
    if (m_batchDepth > 0 && --m_batchDepth > 0)
        return;
    // Removals, bottom up, one signal pair per contiguous run of rows.
    if (!m_removals.isEmpty()) {
        std::vector<int> rows;
        for (auto it = m_removals.cbegin(); it != m_removals.cend(); ++it) {
            const int r = m_index.value(it.key(), -1);
            if (r >= 0)
                rows.push_back(r);
        }
        std::sort(rows.begin(), rows.end(), std::greater<>());
        std::size_t i = 0;
        while (i < rows.size()) {
            std::size_t j = i;
            while (j + 1 < rows.size() && rows[j + 1] == rows[j] - 1)
                ++j;
            const int first = rows[j];
            const int last = rows[i];
            beginRemoveRows(QModelIndex(), first, last);
            m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
            endRemoveRows();
            i = j + 1;
        }
        m_removals.clear();
        rebuildIndex();
    }
    if (!m_adds.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(m_adds.size()) - 1);
        for (LiveCallRow &r : m_adds) {
            m_index.insert(r.callId, int(m_rows.size()));
            m_rows.push_back(std::move(r));
        }
        m_adds.clear();
        endInsertRows();
    }
    if (!m_dirty.isEmpty()) {
        int lo = int(m_rows.size());
        int hi = -1;
        for (auto it = m_dirty.cbegin(); it != m_dirty.cend(); ++it) {
            const int r = m_index.value(it.key(), -1);
            if (r < 0)
                continue;
            lo = std::min(lo, r);
            hi = std::max(hi, r);
        }
        m_dirty.clear();
        if (hi >= 0)
            Q_EMIT dataChanged(index(lo, 0), index(hi, ColumnCount - 1));
    }
}

void CallsModel::tick()
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, DurationColumn), index(int(m_rows.size()) - 1, DurationColumn), { Qt::DisplayRole });
}

const LiveCallRow *CallsModel::call(const QString &callId) const
{
    if (m_removals.contains(callId))
        return nullptr;
    const int row = m_index.value(callId, -1);
    if (row >= 0)
        return &m_rows[std::size_t(row)];
    for (const LiveCallRow &r : m_adds) { // started in the batch being applied
        if (r.callId == callId)
            return &r;
    }
    return nullptr;
}

qint64 CallsModel::durationMs(const LiveCallRow &row) const
{
    if (row.startedAtMs <= 0)
        return 0;
    return std::max<qint64>(0, m_nowMs() + m_serverOffsetMs - row.startedAtMs);
}

int CallsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CallsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CallsModel::stateLabel(const QString &state, const QString &operatorName)
{
    if (state == QLatin1String("taken_over"))
        return operatorName.isEmpty() ? tr("Operator") : tr("Operator: %1").arg(operatorName);
    if (state == QLatin1String("queued"))
        return tr("Escalated");
    if (state == QLatin1String("ending"))
        return tr("Ending");
    if (state == QLatin1String("starting"))
        return tr("Starting");
    if (state == QLatin1String("dialing"))
        return tr("Dialling (campaign)");
    if (state == QLatin1String("ringing"))
        return tr("Ringing (campaign)");
    return tr("AI");
}

QString CallsModel::durationText(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QVariant CallsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= ColumnCount)
        return {};
    const LiveCallRow &r = m_rows[std::size_t(index.row())];
    switch (role) {
    case CallIdRole: return r.callId;
    case StateRole: return r.state;
    case OperatorRole: return r.operatorName;
    case Qt::DisplayRole:
        switch (index.column()) {
        case AgentColumn: return r.agent;
        case CustomerColumn: return r.customerId.isEmpty() ? maskPhone(r.phone) : tr("%1 · %2").arg(r.customerId, maskPhone(r.phone));
        case DirectionColumn:
            return r.direction == QLatin1String("outbound") ? tr("Outbound") : r.direction == QLatin1String("inbound") ? tr("Inbound") : r.direction;
        case StateColumn: return stateLabel(r.state, r.operatorName);
        case DurationColumn: return durationText(durationMs(r));
        case LanguageColumn: {
            if (r.language.isEmpty())
                return QString();
            return languageLabel(r.language);
        }
        case EngineColumn:
            return r.engineAddress.isEmpty() ? tr("This engine") : QUrl(r.engineAddress).authority();
        }
        return {};
    case Qt::ToolTipRole:
        return tr("Call %1 · %2").arg(r.callId, r.useCase.isEmpty() ? r.agent : r.useCase);
    case Qt::ForegroundRole:
        if (index.column() == StateColumn && r.state == QLatin1String("queued"))
            return QColor(Qt::darkRed);
        if (index.column() == StateColumn && r.state == QLatin1String("taken_over"))
            return QColor(Qt::darkBlue);
        return {};
    }
    return {};
}

bool CallsModel::hasRemoteCalls() const
{
    return std::any_of(m_rows.begin(), m_rows.end(), [](const LiveCallRow &r) { return !r.engineAddress.isEmpty(); });
}

QVariant CallsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AgentColumn: return tr("Agent");
    case CustomerColumn: return tr("Customer");
    case DirectionColumn: return tr("Direction");
    case StateColumn: return tr("State");
    case DurationColumn: return tr("Duration");
    case LanguageColumn: return tr("Language");
    case EngineColumn: return tr("Engine");
    }
    return {};
}

} // namespace ringside::ui
