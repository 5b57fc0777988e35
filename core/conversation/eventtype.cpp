#include "conversation/eventtype.h"

#include <array>
#include <utility>

namespace ringside {

namespace {

constexpr std::array<std::pair<EventType, const char16_t *>, 19> kNames{ {
    { EventType::Agent, u"agent" },
    { EventType::User, u"user" },
    { EventType::ToolCall, u"tool_call" },
    { EventType::ToolResult, u"tool_result" },
    { EventType::Escalation, u"escalation" },
    { EventType::End, u"end" },
    { EventType::Notice, u"notice" },
    { EventType::Whisper, u"whisper" },
    { EventType::Operator, u"operator" },
    { EventType::Heard, u"heard" },
    { EventType::Latency, u"latency" },
    { EventType::UserSpeechStarted, u"user_speech_started" },
    { EventType::UserPartial, u"user_partial" },
    { EventType::UserFinal, u"user_final" },
    { EventType::BargeIn, u"barge_in" },
    { EventType::Played, u"played" },
    { EventType::TurnLatency, u"turn_latency" },
    { EventType::Dtmf, u"dtmf" },
    { EventType::SpeechError, u"speech_error" },
} };

} // namespace

QString eventTypeName(EventType type)
{
    for (const auto &[t, name] : kNames) {
        if (t == type)
            return QString::fromUtf16(name);
    }
    return {};
}

EventType eventTypeOf(QStringView name)
{
    for (const auto &[t, n] : kNames) {
        if (name == QStringView(n))
            return t;
    }
    return EventType::Unknown;
}

} // namespace ringside
