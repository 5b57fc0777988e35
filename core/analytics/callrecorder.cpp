#include "callrecorder.h"

#include "callrecordstore.h"
#include "liveowner.h"
#include "recordwritequeue.h"

#include <QUuid>

#include <utility>

namespace ringside::analytics {

CallRecorder::CallRecorder(CallRecordStore &store, QObject *parent)
    : QObject(parent), m_store(store)
{
    m_update.setSingleShot(true);
    m_update.setInterval(kUpdateIntervalMs);
    connect(&m_update, &QTimer::timeout, this, &CallRecorder::write);
}

CallRecorder::~CallRecorder()
{
    // Destroyed before its session ended (misuse, or the process is going down): keep what is known;
    // the record stays in progress, and the next engine marks it interrupted.
    if (m_update.isActive())
        write();
}

void CallRecorder::sessionStarted(const SessionOpening &opening)
{
    if (m_started)
        return;
    m_started = true;
    m_record.agent = opening.agent;
    m_record.useCase = opening.useCase;
    m_record.direction = opening.direction;
    m_record.channel = opening.channel;
    m_record.language = opening.language;
    m_record.customerId = opening.customerId;
    m_record.orderId = opening.orderId;
    m_record.cartId = opening.cartId;
    m_record.startedAt = opening.startedAt;
    m_record.answeredAt = opening.startedAt;
    m_record.outcome = kInProgress;
    m_record.liveOwner = thisProcessOwner();
    write();
}

void CallRecorder::sessionEvent(const SessionEvent &event)
{
    if (!m_started || m_closed)
        return;
    switch (event.kind()) {
    case EventType::Latency:
        m_record.turnLatenciesMs.push_back(event.data.value("ms", 0));
        m_record.turns = int(m_record.turnLatenciesMs.size());
        changed();
        return; // not part of the transcript
    case EventType::ToolCall:
        m_pendingToolCall = { { "name", event.data.value("name", json()) }, { "arguments", event.data.value("arguments", json::object()) } };
        break;
    case EventType::ToolResult:
        if (m_pendingToolCall.is_object() && m_pendingToolCall["name"] == event.data.value("name", json())) {
            m_pendingToolCall["result"] = event.data.value("result", json());
            if (m_record.toolCalls.size() < kMaxTranscriptEvents)
                m_record.toolCalls.push_back(std::move(m_pendingToolCall));
        }
        m_pendingToolCall = json();
        break;
    case EventType::Escalation:
        m_record.escalationReason = stringAt(event.data, "reason");
        m_record.handledBy = QStringLiteral("ai_then_human");
        break;
    case EventType::Operator:
        m_record.handledBy = QStringLiteral("ai_then_human");
        break;
    case EventType::End:
        m_record.transcript.push_back(event.toJson());
        close(event);
        return;
    default:
        break;
    }
    keep(event);
    changed();
}

void CallRecorder::keep(const SessionEvent &event)
{
    const std::size_t size = m_record.transcript.size();
    if (size < kMaxTranscriptEvents)
        m_record.transcript.push_back(event.toJson());
    else if (size == kMaxTranscriptEvents)
        m_record.transcript.push_back(SessionEvent(EventType::Notice, { { "message", "the transcript is capped; later events are not kept" } },
                                                   event.tMs).toJson());
}

void CallRecorder::flush()
{
    if (m_update.isActive())
        write();
}

void CallRecorder::changed()
{
    if (!m_update.isActive())
        m_update.start();
}

void CallRecorder::close(const SessionEvent &end)
{
    m_update.stop();
    m_closed = true;
    const json &facts = end.data;
    m_record.outcome = stringAt(facts, "outcome");
    m_record.handledBy = stringAt(facts, "handled_by");
    m_record.escalationReason = stringAt(facts, "escalation_reason");
    m_record.revenueMinor = facts.value("revenue_minor", qint64(0));
    m_record.currency = stringAt(facts, "currency");
    if (facts.contains("order_id"))
        m_record.orderId = stringAt(facts, "order_id");
    if (facts.contains("customer_id"))
        m_record.customerId = stringAt(facts, "customer_id");
    // The session's clock advances at the real rate from its start, so its end is start + t_ms.
    m_record.endedAt = m_record.startedAt.addMSecs(end.tMs);
    m_record.liveOwner.clear();
    write();
}

void CallRecorder::write()
{
    m_update.stop();
    if (m_record.id.isEmpty())
        m_record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (m_queue) {
        // The queue keeps a version the database cannot take and writes it later (its state() says
        // so): the id named from the start is the record's.
        m_queue->write(m_record, std::exchange(m_stored, true));
        return;
    }
    // Written here: a version that does not go in is logged, and the next one (every version is
    // the whole record) inserts or updates it again.
    const RecordWriteResult written = writeRecord(m_store, m_record, m_stored);
    if (written.outcome == RecordWrite::Written)
        m_stored = true;
    else
        qWarning("call record %s not %s: %s", qPrintable(m_record.id), m_stored ? "updated" : "stored", qPrintable(written.error));
}

Result<QString> CallRecorder::amendOutcome(const QString &outcome, const json &lineBeforeEnd)
{
    if (!m_closed || !m_stored)
        return Result<QString>::failure(QStringLiteral("the call has no closed record to amend"));
    CallRecord amended = m_record;
    amended.outcome = outcome;
    json transcript = json::array();
    for (json ev : amended.transcript) {
        if (stringAt(ev, "type") == eventTypeName(EventType::End)) {
            json line = lineBeforeEnd;
            line["t_ms"] = ev.value("t_ms", 0);
            transcript.push_back(std::move(line));
            ev["outcome"] = outcome;
        }
        transcript.push_back(std::move(ev));
    }
    amended.transcript = std::move(transcript);
    // Through the queue when there is one, after the writes queued before it, and answered here.
    const RecordWriteResult written = m_queue ? m_queue->writeNow(amended, true) : writeRecord(m_store, amended, true);
    if (written.outcome == RecordWrite::Refused || (written.outcome == RecordWrite::Waiting && !m_queue))
        return Result<QString>::failure(written.error);
    m_record = std::move(amended); // written, or kept by the queue until the database takes it
    return m_record.id;
}

} // namespace ringside::analytics
