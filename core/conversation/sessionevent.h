#pragma once

#include "conversation/eventtype.h"
#include "util/jsonqt.h"

#include <QMetaType>
#include <QString>

namespace ringside {

// One thing that happened in a conversation. The CLI prints these as JSON Lines, the monitor feed
// sends them to consoles, and the call record keeps them as the transcript.
//
//   {"type":"agent","text":..,"t_ms":..}                 the agent said something
//   {"type":"user","text":..,"t_ms":..}                  the caller said something (final)
//   {"type":"tool_call","name":..,"arguments":{..},"t_ms":..}
//   {"type":"tool_result","name":..,"result":{..},"t_ms":..}
//   {"type":"escalation","reason":..,"summary":..,"t_ms":..}
//   {"type":"end","outcome":..,"handled_by":..,"t_ms":..} (plus, when they apply, escalation_reason,
//                                                          revenue_minor, currency, order_id, customer_id)
// Other types carry extra information for consoles and tools (eventtype.h lists them all);
// consumers ignore types they do not know.
struct SessionEvent
{
    QString type;               // the wire name, eventTypeName()
    json data = json::object(); // everything but "type" and "t_ms"
    qint64 tMs = 0;             // ms since the session started

    SessionEvent() = default;
    SessionEvent(EventType kind, json d, qint64 t) : type(eventTypeName(kind)), data(std::move(d)), tMs(t) {}

    EventType kind() const { return eventTypeOf(type); }
    bool is(EventType t) const { return kind() == t; }

    json toJson() const
    {
        json j = json::object();
        j["type"] = type;
        for (auto it = data.begin(); it != data.end(); ++it)
            j[it.key()] = it.value();
        j["t_ms"] = tMs;
        return j;
    }

    QString text() const { return stringAt(data, "text"); }
};

} // namespace ringside

Q_DECLARE_METATYPE(ringside::SessionEvent)
