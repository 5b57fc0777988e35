#pragma once

#include "callrecord.h"
#include "conversation/sessionobserver.h"
#include "util/result.h"

#include <QObject>
#include <QTimer>

#include <cstddef>
#include <memory>

namespace ringside::analytics {

class CallRecordStore;
class RecordWriteQueue;

// Keeps one call's record from its session's events (conversation/sessionobserver.h): inserts it
// "in_progress" when the session starts, updates it as the call goes and closes it with the
// facts of the "end" event. Updates wait for a quiet moment (a timer, at most one a second), never
// inside a turn, so the caller does not wait on the database. While live, the record names this
// process (liveowner.h); if the process dies, the next engine marks it "interrupted"
// (CallRecordStore::closeInterruptedCalls).
//
// Lives on the session's thread and must outlive the session. Database failures are not thrown: a
// call goes on rather than fail. Written through a RecordWriteQueue, a version the database cannot
// take is kept there and written later; written here, it is logged and the next version (each is
// the whole record) tries again.
class CallRecorder final : public QObject, public SessionObserver
{
    Q_OBJECT
public:
    static constexpr int kUpdateIntervalMs = 1000;
    // A record's transcript and tool calls are bounded whatever a caller does: past the cap one
    // notice says later events are not kept; the end event is always kept.
    static constexpr std::size_t kMaxTranscriptEvents = 1000;

    explicit CallRecorder(CallRecordStore &store, QObject *parent = nullptr);
    ~CallRecorder() override;

    // From now on the record is written on `queue`'s thread rather than this one (a gateway's call
    // threads must not wait on the database). recordId() then names the record as soon as the call
    // starts; a write the database fails is kept by the queue and retried (RecordWriteQueue::state()).
    void writeThrough(std::shared_ptr<RecordWriteQueue> queue) { m_queue = std::move(queue); }

    // The record's id once it is stored, or handed to the write queue (from the session's start);
    // empty before, or when written here and the store has not taken it.
    QString recordId() const { return m_stored ? m_record.id : QString(); }
    bool isClosed() const { return m_closed; }
    const CallRecord &record() const { return m_record; }

    // After the end: another outcome than the session's (the gateway offered a callback instead of
    // the escalation queue), with the words the caller heard placed before the end event.
    Result<QString> amendOutcome(const QString &outcome, const json &lineBeforeEnd);

    // Writes a waiting update now: for a caller about to block without an event loop (chat
    // waiting for its next line of input), where the timer could not fire.
    void flush();

    void sessionStarted(const SessionOpening &opening) override;
    void sessionEvent(const SessionEvent &event) override;

private:
    void keep(const SessionEvent &event);
    void changed();
    void close(const SessionEvent &end);
    void write();

    CallRecordStore &m_store;
    std::shared_ptr<RecordWriteQueue> m_queue;
    CallRecord m_record;
    json m_pendingToolCall; // a tool_call waiting for its tool_result
    QTimer m_update;
    bool m_started = false;
    bool m_stored = false;
    bool m_closed = false;
};

} // namespace ringside::analytics
