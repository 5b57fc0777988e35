#pragma once

#include "util/jsonqt.h"

#include <QAbstractListModel>
#include <QString>

#include <vector>

namespace ringside::ui {

// One line of a live call's transcript.
struct TranscriptEntry
{
    enum class Kind { Caller, CallerPartial, Agent, Operator, ToolCall, ToolResult, Escalation, Whisper, Control, Notice, Ended };
    Kind kind = Kind::Notice;
    QString text;
    QString detail;        // tool arguments / result, escalation summary, what was heard
    qint64 tMs = -1;       // ms since the call started; -1: unknown
    int latencyMs = -1;    // agent lines: the turn's latency
};

// A live call's transcript, fed from its call_event messages: caller partials are replaced in
// place by the next partial and then by the final words; tool calls and results, whispers and
// the operator's actions sit inline; an escalation is both an entry and the banner (escalation()).
class TranscriptModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1, TextRole, DetailRole, TimeRole };

    explicit TranscriptModel(const QString &callId, QObject *parent = nullptr);

    QString callId() const { return m_callId; }
    // The events a snapshot carries for a call already under way ("recent"), replacing any lines.
    void resetFrom(const json &events);
    // One event (the "event" object of a call_event message).
    void apply(const json &event);
    // The call ended (call_ended): a closing line with its outcome.
    void markEnded(const QString &outcome);

    bool hasEscalation() const { return !m_escalationReason.isEmpty(); }
    QString escalationReason() const { return m_escalationReason; }
    QString escalationSummary() const { return m_escalationSummary; }
    bool isEnded() const { return m_ended; }
    const TranscriptEntry &entry(int row) const { return m_entries[std::size_t(row)]; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString kindLabel(TranscriptEntry::Kind kind);

Q_SIGNALS:
    void escalationChanged();

private:
    void append(TranscriptEntry entry);
    void changed(int row);
    int lastRowOf(TranscriptEntry::Kind kind) const;

    QString m_callId;
    std::vector<TranscriptEntry> m_entries;
    int m_partialRow = -1;       // the caller's words being recognized, replaced in place
    int m_unconfirmedFinal = -1; // a recognizer final the session has not yet echoed as "user"
    int m_pendingLatencyMs = -1;
    QString m_escalationReason;
    QString m_escalationSummary;
    bool m_ended = false;
};

// Short text for a tool call's arguments or result ("order_id: A-1001, phone: …"), at most `max` chars.
QString compactJson(const json &value, int max = 160);

} // namespace ringside::ui
