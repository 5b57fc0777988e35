#include "transcriptmodel.h"

#include "conversation/eventtype.h"
#include "util/remotejson.h"

#include "common/labels.h"

#include <QColor>
#include <QFont>

namespace ringside::ui {

QString compactJson(const json &value, int max)
{
    QString out;
    if (value.is_object()) {
        QStringList parts;
        for (auto it = value.begin(); it != value.end(); ++it) {
            const json &v = it.value();
            const QString shown = v.is_string() ? QString::fromStdString(v.get<std::string>())
                                                : QString::fromStdString(v.dump());
            parts << QStringLiteral("%1: %2").arg(QString::fromStdString(it.key()), shown);
        }
        out = parts.join(QStringLiteral(", "));
    } else if (value.is_string()) {
        out = QString::fromStdString(value.get<std::string>());
    } else if (!value.is_null()) {
        out = QString::fromStdString(value.dump());
    }
    if (out.size() > max)
        out = out.left(max - 1) + QChar(0x2026);
    return out;
}

TranscriptModel::TranscriptModel(const QString &callId, QObject *parent)
    : QAbstractListModel(parent), m_callId(callId)
{
}

void TranscriptModel::resetFrom(const json &events)
{
    beginResetModel();
    m_entries.clear();
    m_partialRow = -1;
    m_unconfirmedFinal = -1;
    endResetModel();
    const bool hadEscalation = hasEscalation();
    m_escalationReason.clear();
    m_escalationSummary.clear();
    if (events.is_array()) {
        for (const json &e : events)
            apply(e);
    }
    if (hadEscalation && !hasEscalation())
        Q_EMIT escalationChanged();
}

void TranscriptModel::append(TranscriptEntry entry)
{
    const int row = int(m_entries.size());
    beginInsertRows(QModelIndex(), row, row);
    m_entries.push_back(std::move(entry));
    endInsertRows();
}

void TranscriptModel::changed(int row)
{
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

int TranscriptModel::lastRowOf(TranscriptEntry::Kind kind) const
{
    for (int i = int(m_entries.size()) - 1; i >= 0; --i) {
        if (m_entries[std::size_t(i)].kind == kind)
            return i;
    }
    return -1;
}

void TranscriptModel::apply(const json &event)
{
    using Kind = TranscriptEntry::Kind;
    if (!event.is_object())
        return;
    const EventType type = eventTypeOf(stringAt(event, "type"));
    const QString text = stringAt(event, "text");
    const qint64 t = intAt(event, "t_ms", -1);

    if (type == EventType::UserPartial) {
        if (text.isEmpty())
            return;
        if (m_partialRow >= 0) {
            m_entries[std::size_t(m_partialRow)].text = text; // replaced in place, not appended
            changed(m_partialRow);
        } else {
            m_partialRow = int(m_entries.size());
            append({ Kind::CallerPartial, text, QString(), t });
        }
        return;
    }
    if (type == EventType::UserFinal || type == EventType::User) {
        int row = -1;
        if (m_partialRow >= 0) {
            row = m_partialRow;
            m_partialRow = -1;
        } else if (type == EventType::User && m_unconfirmedFinal >= 0) {
            row = m_unconfirmedFinal; // the session's cleaned words for the recognizer's final
        }
        if (row >= 0) {
            TranscriptEntry &e = m_entries[std::size_t(row)];
            e.kind = Kind::Caller;
            if (!text.isEmpty())
                e.text = text;
            if (t >= 0)
                e.tMs = t;
            changed(row);
        } else {
            row = int(m_entries.size());
            append({ Kind::Caller, text, QString(), t });
        }
        m_unconfirmedFinal = type == EventType::UserFinal ? row : -1;
        return;
    }
    if (type == EventType::Latency) {
        m_pendingLatencyMs = int(intAt(event, "ms", -1)); // sent just before its agent line
        return;
    }
    if (type == EventType::Agent) {
        TranscriptEntry e{ stringAt(event, "by") == QLatin1String("operator") ? Kind::Operator : Kind::Agent, text, QString(), t };
        if (e.kind == Kind::Agent) {
            e.latencyMs = m_pendingLatencyMs;
            m_pendingLatencyMs = -1;
        }
        append(std::move(e));
        return;
    }
    if (type == EventType::Heard || (type == EventType::Played && boolAt(event, "interrupted"))) {
        const int row = std::max(lastRowOf(Kind::Agent), lastRowOf(Kind::Operator));
        if (row < 0)
            return;
        const QString heard = type == EventType::Heard ? text : stringAt(event, "heard");
        m_entries[std::size_t(row)].detail = heard.isEmpty() ? tr("interrupted before any word was heard")
                                                             : tr("interrupted; the caller heard: “%1”").arg(heard);
        changed(row);
        return;
    }
    if (type == EventType::ToolCall) {
        append({ Kind::ToolCall, stringAt(event, "name"), compactJson(event.contains("arguments") ? event["arguments"] : json::object()), t });
        return;
    }
    if (type == EventType::ToolResult) {
        append({ Kind::ToolResult, stringAt(event, "name"), compactJson(event.contains("result") ? event["result"] : json::object()), t });
        return;
    }
    if (type == EventType::Escalation) {
        m_escalationReason = stringAt(event, "reason", tr("escalated"));
        m_escalationSummary = stringAt(event, "summary");
        append({ Kind::Escalation, reasonLabel(m_escalationReason), m_escalationSummary, t });
        Q_EMIT escalationChanged();
        return;
    }
    if (type == EventType::Whisper) {
        append({ Kind::Whisper, text, QString(), t });
        return;
    }
    if (type == EventType::Operator) {
        const QString action = stringAt(event, "action");
        append({ Kind::Control,
                 action == QLatin1String("take_over") ? tr("An operator took the call over; the agent is silent")
                 : action == QLatin1String("hand_back") ? tr("The operator handed the call back to the agent")
                                                        : action,
                 QString(), t });
        return;
    }
    if (type == EventType::Dtmf) {
        append({ Kind::Control, tr("The caller pressed %1").arg(stringAt(event, "digit")), QString(), t });
        return;
    }
    if (type == EventType::Notice || type == EventType::SpeechError) {
        append({ Kind::Notice, stringAt(event, "message", text), QString(), t });
        return;
    }
    if (type == EventType::End) {
        append({ Kind::Control, tr("The call is ending: %1").arg(outcomeLabel(stringAt(event, "outcome"))), QString(), t });
        return;
    }
    // Other types (user_speech_started, barge_in, turn_latency, …) are not shown.
}

void TranscriptModel::markEnded(const QString &outcome)
{
    if (m_ended)
        return;
    m_ended = true;
    m_partialRow = -1;
    append({ TranscriptEntry::Kind::Ended, outcome.isEmpty() ? tr("Call ended") : tr("Call ended: %1").arg(outcomeLabel(outcome)), QString(), -1 });
}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QString TranscriptModel::kindLabel(TranscriptEntry::Kind kind)
{
    using Kind = TranscriptEntry::Kind;
    switch (kind) {
    case Kind::Caller: return tr("Caller");
    case Kind::CallerPartial: return tr("Caller (speaking)");
    case Kind::Agent: return tr("Agent");
    case Kind::Operator: return tr("Operator");
    case Kind::ToolCall: return tr("Tool call");
    case Kind::ToolResult: return tr("Tool result");
    case Kind::Escalation: return tr("Escalation");
    case Kind::Whisper: return tr("Whisper");
    case Kind::Control: return tr("Call");
    case Kind::Notice: return tr("Notice");
    case Kind::Ended: return tr("Ended");
    }
    return QString();
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    using Kind = TranscriptEntry::Kind;
    if (!index.isValid() || index.row() >= int(m_entries.size()))
        return {};
    const TranscriptEntry &e = m_entries[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole: {
        QString line;
        if (e.kind == Kind::ToolCall)
            line = tr("→ %1(%2)").arg(e.text, e.detail);
        else if (e.kind == Kind::ToolResult)
            line = tr("← %1: %2").arg(e.text, e.detail);
        else if (e.kind == Kind::Escalation)
            line = e.detail.isEmpty() ? tr("⚠ Escalation: %1").arg(e.text) : tr("⚠ Escalation: %1 — %2").arg(e.text, e.detail);
        else if (e.kind == Kind::Control || e.kind == Kind::Ended || e.kind == Kind::Notice)
            line = e.text;
        else
            line = tr("%1: %2").arg(kindLabel(e.kind), e.text);
        if (e.latencyMs >= 0)
            line += tr("  (%1 ms)").arg(e.latencyMs);
        if ((e.kind == Kind::Agent || e.kind == Kind::Operator) && !e.detail.isEmpty())
            line += QStringLiteral("\n    ") + e.detail;
        return line;
    }
    case KindRole: return int(e.kind);
    case TextRole: return e.text;
    case DetailRole: return e.detail;
    case TimeRole: return e.tMs;
    case Qt::ForegroundRole:
        switch (e.kind) {
        case Kind::CallerPartial: return QColor(Qt::gray);
        case Kind::ToolCall:
        case Kind::ToolResult: return QColor(Qt::darkGreen);
        case Kind::Escalation: return QColor(Qt::darkRed);
        case Kind::Whisper: return QColor(Qt::darkMagenta);
        case Kind::Operator: return QColor(Qt::darkBlue);
        case Kind::Control:
        case Kind::Notice:
        case Kind::Ended: return QColor(Qt::darkGray);
        default: return {};
        }
    case Qt::FontRole:
        if (e.kind == Kind::CallerPartial || e.kind == Kind::Whisper) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    }
    return {};
}

} // namespace ringside::ui
