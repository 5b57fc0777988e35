#pragma once

#include "util/jsonqt.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QString>

#include <functional>
#include <vector>

namespace ringside::ui {

// One active call as the monitor feed describes it (docs/monitor-protocol.md, "call summary").
struct LiveCallRow
{
    QString callId;
    QString agent;
    QString useCase;
    QString customerId;
    QString phone;          // the customer's number, unmasked (shown masked)
    QString direction;      // inbound | outbound
    QString language;       // BCP 47, "hi-IN"
    QString state;          // starting | active | queued | taken_over | ending
    QString operatorName;   // who has taken it over / accepted it
    qint64 startedAtMs = 0; // engine clock
    int sampleRate = 8000;
    // Another engine's call (several engines on one PostgreSQL): where its audio is, http://host:port.
    // Empty for the attached engine's own calls.
    QString engineAddress;

    static LiveCallRow fromSummary(const json &summary);
};

// "+91 •••• ••2345": the country code and the last four digits, enough to tell calls apart
// on a shared screen without showing whole customer numbers.
QString maskPhone(const QString &phone);

// The table of active calls in Live Calls. Changes arrive in batches (beginBatch … endBatch, one
// per feed batch) and are applied as at most one remove per contiguous range, one insert and one
// dataChanged, so 200 busy calls cost the view a handful of signals per batch. The duration
// column ticks through tick().
class CallsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { AgentColumn, CustomerColumn, DirectionColumn, StateColumn, DurationColumn, LanguageColumn, EngineColumn, ColumnCount };
    enum Role { CallIdRole = Qt::UserRole + 1, StateRole, OperatorRole };

    explicit CallsModel(QObject *parent = nullptr);

    // Local milliseconds now; tests pass their own clock.
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }
    // Engine clock minus local clock (from the snapshot), so durations use the engine's start times.
    void setServerOffsetMs(qint64 offset) { m_serverOffsetMs = offset; }

    void reset(std::vector<LiveCallRow> rows);
    void beginBatch();
    void upsert(const LiveCallRow &row);
    void setState(const QString &callId, const QString &state, const QString &operatorName);
    void remove(const QString &callId);
    void endBatch();
    // Durations changed (once a second).
    void tick();

    const LiveCallRow *call(const QString &callId) const;
    const LiveCallRow &at(int row) const { return m_rows[std::size_t(row)]; }
    int rowOf(const QString &callId) const { return m_index.value(callId, -1); }
    qint64 durationMs(const LiveCallRow &row) const;
    // Some call is held by another engine (several engines on one PostgreSQL): the view then
    // shows the Engine column, which says nothing on a single engine.
    bool hasRemoteCalls() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString stateLabel(const QString &state, const QString &operatorName);
    static QString durationText(qint64 ms);

private:
    LiveCallRow *staged(const QString &callId);
    void rebuildIndex();

    std::vector<LiveCallRow> m_rows;
    QHash<QString, int> m_index;
    // The batch being collected.
    std::vector<LiveCallRow> m_adds;
    QHash<QString, bool> m_removals;
    QHash<QString, bool> m_dirty;
    int m_batchDepth = 0;
    std::function<qint64()> m_nowMs;
    qint64 m_serverOffsetMs = 0;
};

} // namespace ringside::ui
