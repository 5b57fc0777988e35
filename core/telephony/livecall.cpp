#include "telephony/livecall.h"

#include "util/piimask.h"

#include <QDateTime>

namespace ringside::telephony {

QString stateName(LiveCall::State state)
{
    switch (state) {
    case LiveCall::State::Starting: return QStringLiteral("starting");
    case LiveCall::State::Active: return QStringLiteral("active");
    case LiveCall::State::Queued: return QStringLiteral("queued");
    case LiveCall::State::TakenOver: return QStringLiteral("taken_over");
    case LiveCall::State::Ending: return QStringLiteral("ending");
    }
    return QString();
}

void LiveCall::remember(const QByteArray &eventJson)
{
    recent.push_back(eventJson);
    while (recent.size() > kRecentEvents)
        recent.pop_front();
}

json LiveCall::summary(qint64 nowMs, int listeners, bool withRecent, bool maskNumbers) const
{
    json s = {
        { "call_id", setup.callId },
        { "provider", protocolName(setup.protocol) },
        { "stream_sid", setup.streamSid },
        { "call_sid", setup.callSid },
        { "from", maskNumbers ? maskPhone(setup.from) : setup.from },
        { "to", maskNumbers ? maskPhone(setup.to) : setup.to },
        { "sample_rate", setup.sampleRate },
        { "started_at", setup.startedAt.toUTC().toString(Qt::ISODateWithMs) },
        { "state", stateName(state) },
        { "operator", operatorName.isEmpty() ? json(nullptr) : json(operatorName) },
        { "listeners", listeners },
    };
    for (auto it = info.begin(); it != info.end(); ++it)
        s[it.key()] = it.value();
    if (state == State::Queued) {
        s["queue"] = { { "waiting_since", QDateTime::fromMSecsSinceEpoch(queuedAtMs, Qt::UTC).toString(Qt::ISODateWithMs) },
                       { "wait_ms", nowMs - queuedAtMs },
                       { "reason", escalationReason },
                       { "summary", escalationSummary } };
    }
    if (withRecent) {
        json r = json::array();
        for (const QByteArray &e : recent)
            r.push_back(json::parse(e.constBegin(), e.constEnd(), nullptr, false));
        s["recent"] = r;
    }
    return s;
}

} // namespace ringside::telephony
