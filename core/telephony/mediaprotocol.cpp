#include "telephony/mediaprotocol.h"

#include "speech/mulaw.h"
#include "telephony/base64.h"
#include "util/remotejson.h"
#include "util/jsonqt.h"

#include <cstring>

namespace ringside::telephony {

namespace {

constexpr std::size_t kMaxPayloadBytes = 48000 * 2; // one second at 24 kHz PCM16

bool isSafeParameterName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    for (QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '.' || u == '_' || u == '-'))
            return false;
    }
    return true;
}

bool isSafeParameterValue(const QString &value)
{
    if (value.size() > 512)
        return false;
    for (QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Format || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            return false;
    }
    return true;
}

struct Keys
{
    const char *streamSid;
    const char *callSid;
    const char *accountSid;
    const char *customParameters;
    const char *mediaFormat;
    const char *sampleRate;
    const char *sequenceNumber;
};

const Keys &keysFor(MediaProtocol p)
{
    static const Keys twilio{ "streamSid", "callSid", "accountSid", "customParameters", "mediaFormat", "sampleRate", "sequenceNumber" };
    static const Keys exotel{ "stream_sid", "call_sid", "account_sid", "custom_parameters", "media_format", "sample_rate", "sequence_number" };
    return p == MediaProtocol::Twilio ? twilio : exotel;
}

bool fail(MediaError *error, MediaProtocol p, const QString &message)
{
    // Twilio names every malformed-message case 31951; Exotel documents no codes.
    error->code = p == MediaProtocol::Twilio ? QStringLiteral("31951") : QStringLiteral("malformed");
    error->message = message;
    return false;
}

// A string field, or a number given where a string is documented (Exotel's sample_rate is a
// string in the documentation and a number in some captures: both are accepted).
bool readIntLike(const json &obj, const char *key, qint64 *out)
{
    const auto it = obj.find(key);
    if (it == obj.end())
        return false;
    if (it->is_number_integer()) {
        *out = it->get<qint64>();
        return true;
    }
    if (it->is_string()) {
        bool ok = false;
        *out = QString::fromStdString(it->get<std::string>()).toLongLong(&ok);
        return ok;
    }
    return false;
}

bool readString(const json &obj, const char *key, QString *out)
{
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_string())
        return false;
    *out = QString::fromStdString(it->get<std::string>());
    return true;
}

bool parseStart(const json &doc, const ParseOptions &o, InboundMessage *out, MediaError *error)
{
    const Keys &k = keysFor(o.protocol);
    const auto start = doc.find("start");
    if (start == doc.end() || !start->is_object())
        return fail(error, o.protocol, QStringLiteral("start: required object is missing"));
    StreamStart &s = out->start;
    if (!readString(*start, k.streamSid, &s.streamSid) && !readString(doc, k.streamSid, &s.streamSid))
        return fail(error, o.protocol, QStringLiteral("start.%1: required string is missing").arg(QLatin1String(k.streamSid)));
    if (!isSafeStreamSid(s.streamSid))
        return fail(error, o.protocol, QStringLiteral("start.%1: must be 1–64 letters, digits, '-', '_', '.' or ':'").arg(QLatin1String(k.streamSid)));
    readString(*start, k.callSid, &s.callSid);
    readString(*start, k.accountSid, &s.accountSid);
    readString(*start, "from", &s.from);
    readString(*start, "to", &s.to);
    // Identifiers go into logs and the feed: checked here, once, so nothing downstream has to.
    if (!s.callSid.isEmpty() && !isSafeStreamSid(s.callSid))
        return fail(error, o.protocol, QStringLiteral("start.%1: must be 1–64 letters, digits, '-', '_', '.' or ':'").arg(QLatin1String(k.callSid)));
    if (!s.accountSid.isEmpty() && !isSafeStreamSid(s.accountSid))
        return fail(error, o.protocol, QStringLiteral("start.%1: must be 1–64 letters, digits, '-', '_', '.' or ':'").arg(QLatin1String(k.accountSid)));
    const auto params = start->find(k.customParameters);
    if (params != start->end()) {
        if (!params->is_object())
            return fail(error, o.protocol, QStringLiteral("start.%1: must be an object of strings").arg(QLatin1String(k.customParameters)));
        if (params->size() > std::size_t(kMaxStreamParameters))
            return fail(error, o.protocol, QStringLiteral("start.%1: more than %2 parameters").arg(QLatin1String(k.customParameters)).arg(kMaxStreamParameters));
        for (auto it = params->begin(); it != params->end(); ++it) {
            const QString name = qs(it.key());
            if (!isSafeParameterName(name))
                return fail(error, o.protocol, QStringLiteral("start.%1: a parameter name must be 1–64 letters, digits, '.', '_' or '-'").arg(QLatin1String(k.customParameters)));
            if (!it->is_string())
                return fail(error, o.protocol, QStringLiteral("start.%1.%2: must be a string").arg(QLatin1String(k.customParameters), name));
            const QString value = qs(it->get<std::string>());
            if (!isSafeParameterValue(value))
                return fail(error, o.protocol, QStringLiteral("start.%1.%2: at most 512 characters, no control characters").arg(QLatin1String(k.customParameters), name));
            s.customParameters.insert(name, value);
        }
    }
    const auto format = start->find(k.mediaFormat);
    if (format != start->end()) {
        if (!format->is_object())
            return fail(error, o.protocol, QStringLiteral("start.%1: must be an object").arg(QLatin1String(k.mediaFormat)));
        QString encoding;
        readString(*format, "encoding", &encoding);
        const QString expected = o.protocol == MediaProtocol::Twilio ? QStringLiteral("audio/x-mulaw") : QStringLiteral("audio/x-raw");
        if (!encoding.isEmpty() && encoding != expected)
            return fail(error, o.protocol, QStringLiteral("start.%1.encoding: \"%2\" is not %3").arg(QLatin1String(k.mediaFormat), encoding, expected));
        qint64 rate = 0;
        if (readIntLike(*format, k.sampleRate, &rate)) {
            const bool ok = o.protocol == MediaProtocol::Twilio ? rate == 8000 : (rate == 8000 || rate == 16000 || rate == 24000);
            if (!ok)
                return fail(error, o.protocol, QStringLiteral("start.%1.%2: %3 Hz is not supported").arg(QLatin1String(k.mediaFormat), QLatin1String(k.sampleRate)).arg(rate));
            s.sampleRate = int(rate);
        }
        qint64 channels = 1;
        if (readIntLike(*format, "channels", &channels) && channels != 1)
            return fail(error, o.protocol, QStringLiteral("start.%1.channels: %2 (only mono is supported)").arg(QLatin1String(k.mediaFormat)).arg(channels));
        qint64 bits = 16;
        if (o.protocol == MediaProtocol::Exotel && readIntLike(*format, "bit_rate", &bits) && bits != 16)
            return fail(error, o.protocol, QStringLiteral("start.media_format.bit_rate: %1 (only 16-bit PCM is supported)").arg(bits));
    }
    if (s.from.isEmpty())
        s.from = s.customParameters.value(QStringLiteral("from"));
    if (s.to.isEmpty())
        s.to = s.customParameters.value(QStringLiteral("to"));
    if (!s.from.isEmpty() && !isSafeAddress(s.from))
        return fail(error, o.protocol, QStringLiteral("start.from: at most 64 of letters, digits and + * # : @ . _ -"));
    if (!s.to.isEmpty() && !isSafeAddress(s.to))
        return fail(error, o.protocol, QStringLiteral("start.to: at most 64 of letters, digits and + * # : @ . _ -"));
    out->streamSid = s.streamSid;
    return true;
}

bool parseMedia(const json &doc, const ParseOptions &o, InboundMessage *out, std::int16_t *pcm, std::size_t capacity,
                MediaError *error)
{
    const auto media = doc.find("media");
    if (media == doc.end() || !media->is_object())
        return fail(error, o.protocol, QStringLiteral("media: required object is missing"));
    // Twilio marks which leg the audio is from; only the caller's (inbound) is listened to.
    const auto track = media->find("track");
    if (track != media->end() && track->is_string() && track->get<std::string>() != "inbound")
        return fail(error, o.protocol, QStringLiteral("media.track: \"%1\" is not the inbound track").arg(qs(track->get<std::string>())));
    const auto payload = media->find("payload");
    if (payload == media->end() || !payload->is_string())
        return fail(error, o.protocol, QStringLiteral("media.payload: required base64 string is missing"));
    const std::string &b64 = payload->get_ref<const std::string &>();
    if (b64.empty())
        return fail(error, o.protocol, QStringLiteral("media.payload: empty"));
    const bool mulaw = o.protocol == MediaProtocol::Twilio;
    const std::size_t maxSamples = std::size_t(o.sampleRate) * std::size_t(o.maxMediaMs) / 1000;
    const std::size_t maxBytes = std::min(kMaxPayloadBytes, mulaw ? maxSamples : maxSamples * 2);
    if (base64DecodedMax(b64.size()) > maxBytes + 2)
        return fail(error, o.protocol, QStringLiteral("media.payload: longer than %1 ms of audio").arg(o.maxMediaMs));
    // Decoded in place inside the caller's sample buffer: bytes first, then widened.
    std::uint8_t bytes[kMaxPayloadBytes];
    const std::ptrdiff_t n = base64Decode(b64.data(), b64.size(), bytes, maxBytes);
    if (n < 0)
        return fail(error, o.protocol, QStringLiteral("media.payload: not valid base64, or longer than %1 ms of audio").arg(o.maxMediaMs));
    if (n == 0)
        return fail(error, o.protocol, QStringLiteral("media.payload: empty"));
    if (mulaw) {
        if (std::size_t(n) > capacity)
            return fail(error, o.protocol, QStringLiteral("media.payload: too long"));
        muLawDecode(bytes, std::size_t(n), pcm);
        out->samples = std::size_t(n);
    } else {
        if (n % 2 != 0)
            return fail(error, o.protocol, QStringLiteral("media.payload: %1 bytes is not whole 16-bit samples").arg(n));
        const std::size_t samples = std::size_t(n) / 2;
        if (samples > capacity)
            return fail(error, o.protocol, QStringLiteral("media.payload: too long"));
        for (std::size_t i = 0; i < samples; ++i)
            pcm[i] = std::int16_t(std::uint16_t(bytes[2 * i]) | (std::uint16_t(bytes[2 * i + 1]) << 8));
        out->samples = samples;
    }
    return true;
}

} // namespace

QString protocolName(MediaProtocol protocol)
{
    return protocol == MediaProtocol::Twilio ? QStringLiteral("twilio") : QStringLiteral("exotel");
}

std::optional<MediaProtocol> protocolFromName(const QString &name)
{
    for (const MediaProtocol protocol : { MediaProtocol::Twilio, MediaProtocol::Exotel })
        if (name == protocolName(protocol))
            return protocol;
    return std::nullopt;
}

bool isSafeStreamSid(const QString &sid)
{
    if (sid.isEmpty() || sid.size() > 64)
        return false;
    for (QChar c : sid) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '_'
                || u == '.' || u == ':';
        if (!ok)
            return false;
    }
    return true;
}

bool isSafeAddress(const QString &number)
{
    if (number.isEmpty() || number.size() > 64)
        return false;
    for (QChar c : number) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '+' || u == '*' || u == '#'
                || u == ':' || u == '@' || u == '.' || u == '_' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

bool parseInbound(const QByteArray &utf8, const ParseOptions &o, InboundMessage *out, std::int16_t *pcm,
                  std::size_t capacity, MediaError *error)
{
    *out = InboundMessage();
    if (!jsonDepthWithin(utf8))
        return fail(error, o.protocol, QStringLiteral("nested deeper than %1 levels").arg(kMaxJsonDepth));
    json doc = json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
    if (doc.is_discarded())
        return fail(error, o.protocol, QStringLiteral("not JSON"));
    if (!doc.is_object())
        return fail(error, o.protocol, QStringLiteral("/: must be a JSON object"));
    const auto ev = doc.find("event");
    if (ev == doc.end() || !ev->is_string())
        return fail(error, o.protocol, QStringLiteral("event: required string is missing"));
    const std::string &event = ev->get_ref<const std::string &>();
    const Keys &k = keysFor(o.protocol);
    qint64 seq = -1;
    if (readIntLike(doc, k.sequenceNumber, &seq))
        out->sequenceNumber = seq;

    if (event == "connected") {
        out->kind = InboundMessage::Kind::Connected;
        return true;
    }
    if (event == "start") {
        out->kind = InboundMessage::Kind::Start;
        return parseStart(doc, o, out, error);
    }
    // Every other event belongs to a started stream and names it.
    if (!readString(doc, k.streamSid, &out->streamSid) || out->streamSid.isEmpty())
        return fail(error, o.protocol, QStringLiteral("%1: required string is missing").arg(QLatin1String(k.streamSid)));
    if (event == "media") {
        out->kind = InboundMessage::Kind::Media;
        return parseMedia(doc, o, out, pcm, capacity, error);
    }
    if (event == "dtmf") {
        out->kind = InboundMessage::Kind::Dtmf;
        const auto dtmf = doc.find("dtmf");
        if (dtmf == doc.end() || !dtmf->is_object() || !readString(*dtmf, "digit", &out->digit))
            return fail(error, o.protocol, QStringLiteral("dtmf.digit: required string is missing"));
        if (out->digit.size() != 1 || !QStringLiteral("0123456789*#ABCD").contains(out->digit.at(0)))
            return fail(error, o.protocol, QStringLiteral("dtmf.digit: \"%1\" is not a keypad digit").arg(out->digit.left(8)));
        return true;
    }
    if (event == "mark") {
        out->kind = InboundMessage::Kind::Mark;
        const auto mark = doc.find("mark");
        if (mark == doc.end() || !mark->is_object() || !readString(*mark, "name", &out->markName))
            return fail(error, o.protocol, QStringLiteral("mark.name: required string is missing"));
        return true;
    }
    if (event == "stop") {
        out->kind = InboundMessage::Kind::Stop;
        const auto stop = doc.find("stop");
        if (stop != doc.end() && stop->is_object())
            readString(*stop, "reason", &out->stopReason);
        return true;
    }
    if (event == kTextInjectionEvent) {
        if (!o.allowTextInjection)
            return fail(error, o.protocol, QStringLiteral("event: \"%1\" is not accepted (serve --allow-text-injection enables it)").arg(qs(event)));
        out->kind = InboundMessage::Kind::Text;
        if (!readString(doc, "text", &out->text))
            return fail(error, o.protocol, QStringLiteral("text: required string is missing"));
        return true;
    }
    return fail(error, o.protocol, QStringLiteral("event: unknown event \"%1\"").arg(qs(event).left(40)));
}

void writeMediaMessage(QString &out, MediaProtocol protocol, const QByteArray &streamSid, const char *payloadB64, std::size_t length)
{
    out.resize(0); // unlike clear(), keeps the buffer
    out += QLatin1StringView(protocol == MediaProtocol::Twilio ? "{\"event\":\"media\",\"streamSid\":\"" : "{\"event\":\"media\",\"stream_sid\":\"");
    out += QLatin1StringView(streamSid);
    out += QLatin1StringView("\",\"media\":{\"payload\":\"");
    out += QLatin1StringView(payloadB64, qsizetype(length));
    out += QLatin1StringView("\"}}");
}

QByteArray markMessage(MediaProtocol protocol, const QByteArray &streamSid, const QByteArray &name)
{
    QByteArray m = protocol == MediaProtocol::Twilio ? "{\"event\":\"mark\",\"streamSid\":\"" : "{\"event\":\"mark\",\"stream_sid\":\"";
    m += streamSid;
    m += "\",\"mark\":{\"name\":\"";
    m += name; // the gateway's own names: letters, digits and '-'
    m += "\"}}";
    return m;
}

QByteArray clearMessage(MediaProtocol protocol, const QByteArray &streamSid)
{
    QByteArray m = protocol == MediaProtocol::Twilio ? "{\"event\":\"clear\",\"streamSid\":\"" : "{\"event\":\"clear\",\"stream_sid\":\"";
    m += streamSid;
    m += "\"}";
    return m;
}

std::size_t exotelChunkSize(std::size_t bytes)
{
    if (bytes <= kExotelMinChunk)
        return kExotelMinChunk;
    return (bytes + kExotelChunkQuantum - 1) / kExotelChunkQuantum * kExotelChunkQuantum;
}

} // namespace ringside::telephony
