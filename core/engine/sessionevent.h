#pragma once

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
//   {"type":"end","outcome":..,"t_ms":..}
// Other types carry extra information for consoles and tools (e.g. "notice", "whisper",
// "operator", "heard", "latency"); consumers ignore types they do not know.
struct SessionEvent
{
    QString type;
    json data = json::object(); // everything but "type" and "t_ms"
    qint64 tMs = 0;             // ms since the session started

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
