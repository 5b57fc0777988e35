#include "telephony/recordhealth.h"

#include "telephony/monitorhub.h"

#include "analytics/prometheusexporter.h"

namespace ringside::telephony {

json recordWritesJson(const analytics::RecordWriteState &state)
{
    return { { "waiting", state.waiting },
             { "deferred_writes", state.deferred },
             { "refused", state.refused },
             { "lost", state.lost },
             { "last_error", state.lastError } };
}

void addRecordWriteMetrics(analytics::MetricsText &out, const analytics::RecordWriteState &state)
{
    out.family(QStringLiteral("ringside_call_records_waiting"), QStringLiteral("gauge"),
               QStringLiteral("Call records the database could not take, kept in memory and written again."));
    out.sample(QString(), {}, state.waiting);
    out.family(QStringLiteral("ringside_call_record_writes_deferred_total"), QStringLiteral("counter"),
               QStringLiteral("Call record writes the database failed, each retry counted."));
    out.sample(QString(), {}, double(state.deferred));
    out.family(QStringLiteral("ringside_call_records_refused_total"), QStringLiteral("counter"),
               QStringLiteral("Call record versions the store rejected as invalid."));
    out.sample(QString(), {}, double(state.refused));
}

RecordAlarm::RecordAlarm(std::shared_ptr<const analytics::RecordWriteQueue> writes, MonitorHub &monitor, int pollMs)
    : m_writes(std::move(writes)), m_monitor(monitor)
{
    m_poll.setInterval(pollMs);
    connect(&m_poll, &QTimer::timeout, this, &RecordAlarm::check);
    m_poll.start();
}

void RecordAlarm::check()
{
    const analytics::RecordWriteState state = m_writes->state();
    const bool startedOrStopped = (state.waiting > 0) != (m_waiting > 0);
    const quint64 newlyRefused = state.refused - m_refused;
    m_waiting = state.waiting;
    m_refused = state.refused;
    if (!startedOrStopped && newlyRefused == 0)
        return;
    m_monitor.broadcast({ { "type", "call_records" },
                          { "waiting", state.waiting },
                          { "newly_refused", newlyRefused },
                          { "error", state.lastError } });
}

} // namespace ringside::telephony
