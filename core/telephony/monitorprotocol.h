#pragma once
// The monitor feed's wire format (docs/monitor-protocol.md), shared by the gateway's MonitorHub
// and MonitorClient so both ends agree byte for byte.

#include "util/jsonqt.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

namespace ringside::telephony::monitor {

inline constexpr int kProtocolVersion = 1;

// Commands a console sends: {"id": "...", "command": "<name>", "call_id": "...", ...}.
namespace command {
inline constexpr const char *hello = "hello";         // {"operator": NAME}
inline constexpr const char *snapshot = "snapshot";   // send the snapshot again
inline constexpr const char *listen = "listen";       // {"call_id", "on": bool}
inline constexpr const char *takeOver = "takeover";   // {"call_id"}
inline constexpr const char *whisper = "whisper";     // {"call_id", "text"}
inline constexpr const char *say = "say";             // {"call_id", "text"} (after takeover)
inline constexpr const char *handBack = "handback";   // {"call_id"}
inline constexpr const char *end = "end";             // {"call_id", "outcome"?}
inline constexpr const char *accept = "accept";       // {"call_id"} (a queued escalation)
inline constexpr const char *ping = "ping";
} // namespace command

// Error codes in {"type":"error","id":..,"code":..,"message":..}.
namespace error {
inline constexpr const char *badRequest = "bad_request";         // not JSON, unknown command, missing field
inline constexpr const char *unknownCall = "unknown_call";
inline constexpr const char *alreadyAccepted = "already_accepted"; // someone else won the race
inline constexpr const char *notQueued = "not_queued";
inline constexpr const char *takenOver = "taken_over";           // another operator has the call
inline constexpr const char *notTakenOver = "not_taken_over";    // say/handback without takeover
inline constexpr const char *callEnding = "call_ending";
inline constexpr const char *badAudio = "bad_audio";
} // namespace error

// One console command, read and checked before anything acts on it.
struct Command
{
    json id;          // the console's id: null, a number or a string of at most 128 characters
    QString name;     // "takeover", … (at most 32 characters)
    json message;     // the whole command object
};
// False with *error (and out->id when it could be read) for a frame that is not a command:
// not JSON, nested too deep, not an object, an id that is not a scalar, no command.
bool parseCommand(const QByteArray &utf8, Command *out, QString *error);

// Binary frames carry audio in both directions:
//   byte 0      kind: 1 = a call's audio (server → console, caller and agent mixed),
//                     2 = operator audio (console → server, spoken to the caller while taken over)
//   byte 1      L, the length of the call id in bytes (1–255)
//   bytes 2..   the call id (UTF-8), then the sample rate as uint32 little-endian,
//               then 16-bit little-endian mono PCM samples.
enum class AudioKind : std::uint8_t { CallAudio = 1, OperatorAudio = 2 };

QByteArray encodeAudioFrame(AudioKind kind, const QString &callId, int sampleRate, const std::int16_t *samples,
                            std::size_t n);

struct AudioFrame
{
    AudioKind kind = AudioKind::CallAudio;
    QString callId;
    int sampleRate = 0;
    std::vector<std::int16_t> samples;
};
// False with *error naming the problem for a frame that does not follow the layout.
bool decodeAudioFrame(const QByteArray &frame, AudioFrame *out, QString *error);

} // namespace ringside::telephony::monitor
