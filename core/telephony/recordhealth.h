#pragma once

#include "analytics/recordwritequeue.h"
#include "util/jsonqt.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace ringside::analytics {
class MetricsText;
}

namespace ringside::telephony {

class MonitorHub;

// The call records' writer as /healthz shows it ("call_records").
json recordWritesJson(const analytics::RecordWriteState &state);
// ... and as /metrics does (ringside_call_records_waiting and the refusal counters).
void addRecordWriteMetrics(analytics::MetricsText &out, const analytics::RecordWriteState &state);

// Tells the consoles ({"type":"call_records"}) when call records start waiting for the database,
// when they are all written again, and when the store refuses one. It looks at the writer's state
// every second on this thread rather than being called from the writer's, so nothing has to know
// whether the other is still there.
class RecordAlarm final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPollMs = 1000;
    RecordAlarm(std::shared_ptr<const analytics::RecordWriteQueue> writes, MonitorHub &monitor, int pollMs = kPollMs);

private:
    void check();

    std::shared_ptr<const analytics::RecordWriteQueue> m_writes;
    MonitorHub &m_monitor;
    QTimer m_poll;
    int m_waiting = 0;
    quint64 m_refused = 0;
};

} // namespace ringside::telephony
