#include "telephony/monitorprotocol.h"

#include "util/remotejson.h"

namespace ringside::telephony::monitor {

bool parseCommand(const QByteArray &utf8, Command *out, QString *error)
{
    *out = Command();
    out->id = nullptr;
    if (!jsonDepthWithin(utf8)) {
        *error = QStringLiteral("nested deeper than %1 levels").arg(kMaxJsonDepth);
        return false;
    }
    json msg = json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
    if (msg.is_discarded() || !msg.is_object()) {
        *error = QStringLiteral("not a JSON object");
        return false;
    }
    // The id comes back in the answer: only a string or a number (of sensible length) is echoed.
    const auto id = msg.find("id");
    if (id != msg.end()) {
        if (!(id->is_number() || id->is_null() || (id->is_string() && id->get_ref<const std::string &>().size() <= 128))) {
            *error = QStringLiteral("id: must be a string of at most 128 characters or a number");
            return false;
        }
        out->id = *id;
    }
    const QString name = stringAt(msg, "command");
    if (name.isEmpty()) {
        *error = QStringLiteral("command: required string is missing");
        return false;
    }
    if (name.size() > 32) {
        *error = QStringLiteral("command: unknown command");
        return false;
    }
    out->name = name;
    out->message = std::move(msg);
    return true;
}

QByteArray encodeAudioFrame(AudioKind kind, const QString &callId, int sampleRate, const std::int16_t *samples,
                            std::size_t n)
{
    const QByteArray id = callId.toUtf8().left(255);
    QByteArray f;
    f.reserve(2 + id.size() + 4 + qsizetype(n) * 2);
    f.append(char(kind));
    f.append(char(id.size()));
    f.append(id);
    const auto rate = std::uint32_t(sampleRate);
    for (int i = 0; i < 4; ++i)
        f.append(char((rate >> (8 * i)) & 0xff));
    for (std::size_t i = 0; i < n; ++i) {
        const auto v = std::uint16_t(samples[i]);
        f.append(char(v & 0xff));
        f.append(char(v >> 8));
    }
    return f;
}

bool decodeAudioFrame(const QByteArray &frame, AudioFrame *out, QString *error)
{
    if (frame.size() < 2) {
        *error = QStringLiteral("audio frame: shorter than its header");
        return false;
    }
    const auto kind = std::uint8_t(frame[0]);
    if (kind != 1 && kind != 2) {
        *error = QStringLiteral("audio frame: kind %1 is not 1 (call audio) or 2 (operator audio)").arg(kind);
        return false;
    }
    const int idLen = std::uint8_t(frame[1]);
    if (idLen == 0 || frame.size() < 2 + idLen + 4) {
        *error = QStringLiteral("audio frame: call id length %1 does not fit the frame").arg(idLen);
        return false;
    }
    const qsizetype pcmStart = 2 + idLen + 4;
    if ((frame.size() - pcmStart) % 2 != 0) {
        *error = QStringLiteral("audio frame: %1 bytes of PCM is not whole 16-bit samples").arg(frame.size() - pcmStart);
        return false;
    }
    out->kind = AudioKind(kind);
    out->callId = QString::fromUtf8(frame.constData() + 2, idLen);
    std::uint32_t rate = 0;
    for (int i = 0; i < 4; ++i)
        rate |= std::uint32_t(std::uint8_t(frame[2 + idLen + i])) << (8 * i);
    out->sampleRate = int(rate);
    const std::size_t n = std::size_t(frame.size() - pcmStart) / 2;
    out->samples.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto lo = std::uint8_t(frame[pcmStart + qsizetype(2 * i)]);
        const auto hi = std::uint8_t(frame[pcmStart + qsizetype(2 * i + 1)]);
        out->samples[i] = std::int16_t(std::uint16_t(lo) | (std::uint16_t(hi) << 8));
    }
    return true;
}

} // namespace ringside::telephony::monitor
