#include "speech/wavreader.h"

#include "speech/mulaw.h"

#include <QFile>

#include <cstring>

namespace ringside {

namespace {

constexpr std::uint16_t kFormatPcm = 1;
constexpr std::uint16_t kFormatMuLaw = 7;
constexpr std::uint16_t kFormatExtensible = 0xFFFE;
constexpr std::uint32_t kStreamingSize = 0xFFFFFFFFu; // writers that never patched the header

std::uint16_t le16(const char *p) { return std::uint16_t(std::uint8_t(p[0]) | (std::uint8_t(p[1]) << 8)); }
std::uint32_t le32(const char *p)
{
    return std::uint32_t(std::uint8_t(p[0])) | (std::uint32_t(std::uint8_t(p[1])) << 8)
        | (std::uint32_t(std::uint8_t(p[2])) << 16) | (std::uint32_t(std::uint8_t(p[3])) << 24);
}

QString formatName(std::uint16_t tag)
{
    switch (tag) {
    case 3: return QStringLiteral("IEEE float");
    case 6: return QStringLiteral("A-law");
    case 0x11: return QStringLiteral("IMA ADPCM");
    case 0x55: return QStringLiteral("MP3");
    default: return QStringLiteral("tag %1").arg(tag);
    }
}

struct FmtChunk
{
    std::uint16_t tag = 0;
    int channels = 0;
    int sampleRate = 0;
    int bitsPerSample = 0;
    int blockAlign = 0;
};

Result<FmtChunk> parseFmt(const char *p, std::uint32_t size)
{
    if (size < 16)
        return Result<FmtChunk>::failure(QStringLiteral("fmt chunk: %1 bytes, at least 16 expected").arg(size));
    FmtChunk f;
    f.tag = le16(p);
    f.channels = le16(p + 2);
    f.sampleRate = int(le32(p + 4));
    f.blockAlign = le16(p + 12);
    f.bitsPerSample = le16(p + 14);
    if (f.tag == kFormatExtensible) {
        if (size < 40)
            return Result<FmtChunk>::failure(QStringLiteral("fmt chunk: extensible format needs 40 bytes, has %1").arg(size));
        f.tag = le16(p + 24); // first two bytes of the sub-format GUID are the classic tag
    }
    if (f.tag != kFormatPcm && f.tag != kFormatMuLaw)
        return Result<FmtChunk>::failure(QStringLiteral("fmt chunk: audio format %1 is not supported (PCM or μ-law only)").arg(formatName(f.tag)));
    if (f.channels < 1)
        return Result<FmtChunk>::failure(QStringLiteral("fmt chunk: channels is %1, at least 1 expected").arg(f.channels));
    if (f.sampleRate < 1000 || f.sampleRate > 192000)
        return Result<FmtChunk>::failure(QStringLiteral("fmt chunk: sampleRate %1 Hz is outside 1000–192000 Hz").arg(f.sampleRate));
    if (f.tag == kFormatPcm && f.bitsPerSample != 8 && f.bitsPerSample != 16)
        return Result<FmtChunk>::failure(QStringLiteral("fmt chunk: bitsPerSample %1 is not supported (8 or 16)").arg(f.bitsPerSample));
    if (f.tag == kFormatMuLaw && f.bitsPerSample != 8)
        return Result<FmtChunk>::failure(QStringLiteral("fmt chunk: μ-law needs bitsPerSample 8, has %1").arg(f.bitsPerSample));
    const int expectedAlign = f.channels * f.bitsPerSample / 8;
    if (f.blockAlign != expectedAlign)
        return Result<FmtChunk>::failure(QStringLiteral("fmt chunk: blockAlign %1 does not match %2 channel(s) × %3 bits")
                                             .arg(f.blockAlign).arg(f.channels).arg(f.bitsPerSample));
    return f;
}

std::int16_t decodeSample(const FmtChunk &f, const char *p)
{
    if (f.tag == kFormatMuLaw)
        return muLawDecode(std::uint8_t(*p));
    if (f.bitsPerSample == 8)
        return std::int16_t((int(std::uint8_t(*p)) - 128) << 8); // 8-bit WAV is unsigned
    return std::int16_t(le16(p));
}

} // namespace

Result<WavData> WavReader::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<WavData>::failure(QStringLiteral("%1: cannot open (%2)").arg(path, file.errorString()));
    auto result = parse(file.readAll());
    if (!result.ok())
        return Result<WavData>::failure(QStringLiteral("%1: %2").arg(path, result.error()));
    return result;
}

Result<WavData> WavReader::parse(const QByteArray &bytes)
{
    using R = Result<WavData>;
    const char *d = bytes.constData();
    const qsizetype size = bytes.size();
    if (size < 12 || std::memcmp(d, "RIFF", 4) != 0 || std::memcmp(d + 8, "WAVE", 4) != 0)
        return R::failure(QStringLiteral("header: not a RIFF/WAVE file"));

    FmtChunk fmt;
    bool haveFmt = false;
    qsizetype pos = 12;
    while (pos + 8 <= size) {
        const QByteArray id(d + pos, 4);
        std::uint32_t chunkSize = le32(d + pos + 4);
        const qsizetype body = pos + 8;
        if (id == "fmt ") {
            if (qsizetype(chunkSize) > size - body)
                return R::failure(QStringLiteral("fmt chunk: declares %1 bytes but only %2 remain").arg(chunkSize).arg(size - body));
            auto parsed = parseFmt(d + body, chunkSize);
            if (!parsed.ok())
                return R::failure(parsed.error());
            fmt = parsed.value();
            haveFmt = true;
        } else if (id == "data") {
            if (!haveFmt)
                return R::failure(QStringLiteral("data chunk: comes before the fmt chunk"));
            const qsizetype available = size - body;
            if (chunkSize == kStreamingSize)
                chunkSize = std::uint32_t(available);
            if (qsizetype(chunkSize) > available)
                return R::failure(QStringLiteral("data chunk: declares %1 bytes but only %2 remain (truncated file)")
                                      .arg(chunkSize).arg(available));
            if (chunkSize % std::uint32_t(fmt.blockAlign) != 0)
                return R::failure(QStringLiteral("data chunk: %1 bytes is not a whole number of %2-byte frames")
                                      .arg(chunkSize).arg(fmt.blockAlign));
            WavData out;
            out.sampleRate = fmt.sampleRate;
            out.sourceEncoding = fmt.tag == kFormatMuLaw ? AudioEncoding::MuLaw : AudioEncoding::Pcm16;
            out.sourceBitsPerSample = fmt.bitsPerSample;
            out.sourceChannels = fmt.channels;
            const std::size_t frames = chunkSize / std::uint32_t(fmt.blockAlign);
            const int bytesPerSample = fmt.bitsPerSample / 8;
            out.samples.resize(frames);
            const char *p = d + body;
            for (std::size_t i = 0; i < frames; ++i) {
                int sum = 0;
                for (int c = 0; c < fmt.channels; ++c)
                    sum += decodeSample(fmt, p + c * bytesPerSample);
                out.samples[i] = std::int16_t(sum / fmt.channels);
                p += fmt.blockAlign;
            }
            return out;
        }
        // Chunks are word-aligned: an odd size is followed by a pad byte.
        pos = body + qsizetype(chunkSize) + (chunkSize & 1u);
    }
    return R::failure(haveFmt ? QStringLiteral("data chunk: missing") : QStringLiteral("fmt chunk: missing"));
}

} // namespace ringside
