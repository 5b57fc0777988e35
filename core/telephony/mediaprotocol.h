#pragma once
// The two media-stream protocols the gateway speaks (../shared/reference/protocols.md):
//  - Twilio Media Streams: camelCase keys, μ-law 8 kHz, 20 ms frames;
//  - Exotel voicebot: snake_case keys, 16-bit little-endian PCM at 8/16/24 kHz, outbound chunks in
//    multiples of 320 bytes and at least 3,200.
// parseInbound() validates one text frame completely before anything reaches a call; the
// builders write the server's messages. Nothing here knows about calls or threads.

#include <QByteArray>
#include <QHash>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace ringside::telephony {

enum class MediaProtocol { Twilio, Exotel };
QString protocolName(MediaProtocol protocol); // "twilio" | "exotel"
// The protocol protocolName() spells `name`; nothing for any other text (the one rule every
// --provider style option uses).
std::optional<MediaProtocol> protocolFromName(const QString &name);

// What a `start` message says about the stream.
struct StreamStart
{
    QString streamSid;
    QString callSid;
    QString accountSid;
    QString from;                             // Exotel start.from; Twilio: customParameters "from"
    QString to;
    QHash<QString, QString> customParameters; // <Parameter>s / custom_parameters
    int sampleRate = 8000;
};

struct InboundMessage
{
    enum class Kind { Connected, Start, Media, Dtmf, Mark, Stop, Text };
    Kind kind = Kind::Connected;
    QString streamSid;     // empty for `connected`
    StreamStart start;     // Start
    std::size_t samples = 0; // Media: PCM16 samples written to the caller's buffer
    QString digit;         // Dtmf
    QString markName;      // Mark
    QString text;          // Text (ringside.text)
    QString stopReason;    // Stop (Exotel: stopped | callended)
    qint64 sequenceNumber = -1;
};

// Why a frame was rejected. `code` is the provider's error number where it has one (Twilio 31951:
// malformed message / unknown event / wrong streamSid), else a short name; `message` names the field.
struct MediaError
{
    QString code;
    QString message;
};

struct ParseOptions
{
    MediaProtocol protocol = MediaProtocol::Twilio;
    // The {"event":"ringside.text",…} extension (load tests, typed input) is accepted only when on.
    bool allowTextInjection = false;
    // Media frames longer than this are refused (a stream sends 20–100 ms at a time).
    int maxMediaMs = 1000;
    int sampleRate = 8000; // the stream's rate once started (Exotel may use 16/24 kHz)
};

// A stream's custom parameters (and its URL's query items): at most this many, names of at most
// 64 letters, digits, '.', '_' or '-', values of at most 512 characters without control characters.
inline constexpr int kMaxStreamParameters = 32;

// The text event name of the extension.
inline constexpr const char *kTextInjectionEvent = "ringside.text";

// Parses and validates one inbound text frame. Media audio is decoded (μ-law or PCM16) into `pcm`
// (capacity `capacity` samples) without allocating. Returns false and fills *error on any problem;
// the stream-level checks (is this streamSid ours, did `start` come first) are the caller's.
bool parseInbound(const QByteArray &utf8, const ParseOptions &options, InboundMessage *out, std::int16_t *pcm,
                  std::size_t capacity, MediaError *error);

// A streamSid is echoed into every message the server writes; only these characters are accepted
// so the builders never need JSON escaping. Call and account SIDs follow the same rule.
bool isSafeStreamSid(const QString &sid);
// A caller or called number as providers write it: "+919812345678", "client:asha", "sip:a@b.c",
// "anonymous" — at most 64 of letters, digits and + * # : @ . _ -. Nothing that could forge a log line.
bool isSafeAddress(const QString &number);

// Server → provider messages. `payloadB64` is already base64.
// A media message is written over `out` (ASCII, as QWebSocket sends text), which keeps its
// capacity: a frame sent 50 times a second per call allocates nothing here once `out` has grown.
void writeMediaMessage(QString &out, MediaProtocol protocol, const QByteArray &streamSid, const char *payloadB64, std::size_t length);
QByteArray markMessage(MediaProtocol protocol, const QByteArray &streamSid, const QByteArray &name);
QByteArray clearMessage(MediaProtocol protocol, const QByteArray &streamSid);

// Exotel: outbound chunk sizes must be multiples of 320 bytes and at least 3,200 bytes.
inline constexpr std::size_t kExotelChunkQuantum = 320;
inline constexpr std::size_t kExotelMinChunk = 3200;
// The smallest valid chunk size that holds `bytes` (padding is silence).
std::size_t exotelChunkSize(std::size_t bytes);

} // namespace ringside::telephony
