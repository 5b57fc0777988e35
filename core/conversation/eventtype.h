#pragma once

#include <QString>
#include <QStringView>

namespace ringside {

// The kinds of event a call reports, one table for every producer and consumer: the Session's
// events (docs/engine.md), and what a voice call adds around them (docs/telephony.md). The wire
// name ("tool_call") is what JSON Lines, the monitor feed and stored transcripts carry.
enum class EventType {
    // A Session's events
    Agent,        // the agent said something {text, by?}
    User,         // the caller said something (final) {text}
    ToolCall,     // {name, arguments}
    ToolResult,   // {name, result}
    Escalation,   // {reason, summary}
    End,          // the call ended {outcome, handled_by, …}
    Notice,       // for the console, never spoken {message}
    Whisper,      // operator guidance {text}
    Operator,     // {action: take_over | hand_back}
    Heard,        // barge-in: what of the last reply reached the caller {text}
    Latency,      // end of the caller's turn → first reply {ms}
    // What a voice call reports beside them
    UserSpeechStarted,
    UserPartial,
    UserFinal,
    BargeIn,
    Played,
    TurnLatency,
    Dtmf,
    SpeechError,
    Unknown       // a name not in this table (consumers ignore what they do not know)
};

// "agent", "tool_call", …; an empty string for Unknown.
QString eventTypeName(EventType type);
// The type with that wire name, Unknown for any other.
EventType eventTypeOf(QStringView name);

} // namespace ringside
