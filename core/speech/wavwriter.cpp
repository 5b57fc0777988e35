#include "speech/wavwriter.h"

#include "speech/mulaw.h"

#include <QSaveFile>

namespace ringside {

namespace {

void put16(QByteArray &b, std::uint16_t v)
{
    b.append(char(v & 0xFF));
    b.append(char(v >> 8));
}
void put32(QByteArray &b, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        b.append(char((v >> (8 * i)) & 0xFF));
}

// Encoded bytes of `n` samples appended to `out`.
void encodeInto(QByteArray &out, const std::int16_t *samples, std::size_t n, AudioEncoding encoding)
{
    const qsizetype before = out.size();
    if (encoding == AudioEncoding::MuLaw) {
        out.resize(before + qsizetype(n));
        muLawEncode(samples, n, reinterpret_cast<std::uint8_t *>(out.data() + before));
    } else {
        out.resize(before + qsizetype(n) * 2);
        char *p = out.data() + before;
        for (std::size_t i = 0; i < n; ++i) {
            const auto v = std::uint16_t(samples[i]);
            *p++ = char(v & 0xFF);
            *p++ = char(v >> 8);
        }
    }
}

} // namespace

QByteArray WavWriter::header(int sampleRate, AudioEncoding encoding, std::uint32_t dataBytes)
{
    const bool mulaw = encoding == AudioEncoding::MuLaw;
    const std::uint16_t bits = mulaw ? 8 : 16;
    const std::uint16_t blockAlign = bits / 8;
    // μ-law files carry the 2-byte cbSize extension (18-byte fmt) that non-PCM formats require.
    const std::uint32_t fmtSize = mulaw ? 18 : 16;
    QByteArray h;
    h.reserve(46);
    h.append("RIFF", 4);
    put32(h, dataBytes == 0xFFFFFFFFu ? dataBytes : 4 + (8 + fmtSize) + 8 + dataBytes + (dataBytes & 1u));
    h.append("WAVE", 4);
    h.append("fmt ", 4);
    put32(h, fmtSize);
    put16(h, mulaw ? 7 : 1);
    put16(h, 1);
    put32(h, std::uint32_t(sampleRate));
    put32(h, std::uint32_t(sampleRate) * blockAlign);
    put16(h, blockAlign);
    put16(h, bits);
    if (mulaw)
        put16(h, 0);
    h.append("data", 4);
    put32(h, dataBytes);
    return h;
}

QByteArray WavWriter::encode(const std::vector<std::int16_t> &samples, int sampleRate, AudioEncoding encoding)
{
    QByteArray data;
    encodeInto(data, samples.data(), samples.size(), encoding);
    QByteArray out = header(sampleRate, encoding, std::uint32_t(data.size()));
    out += data;
    if (data.size() & 1)
        out.append('\0');
    return out;
}

bool WavWriter::write(const QString &path, const std::vector<std::int16_t> &samples, int sampleRate,
                      AudioEncoding encoding, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(encode(samples, sampleRate, encoding)) < 0 || !file.commit()) {
        if (error)
            *error = QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

WavWriter::~WavWriter()
{
    close();
}

bool WavWriter::open(const QString &path, int sampleRate, AudioEncoding encoding, QString *error)
{
    close();
    if (sampleRate < 1000 || sampleRate > 192000) {
        if (error)
            *error = QStringLiteral("sampleRate: %1 Hz is outside 1000–192000 Hz").arg(sampleRate);
        return false;
    }
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = QStringLiteral("%1: cannot write (%2)").arg(path, m_file.errorString());
        return false;
    }
    m_sampleRate = sampleRate;
    m_encoding = encoding;
    m_dataBytes = 0;
    return m_file.write(header(sampleRate, encoding, 0xFFFFFFFFu)) > 0;
}

bool WavWriter::append(const std::int16_t *samples, std::size_t n)
{
    if (!m_file.isOpen())
        return false;
    m_scratch.clear();
    encodeInto(m_scratch, samples, n, m_encoding);
    m_dataBytes += std::uint64_t(m_scratch.size());
    return m_file.write(m_scratch) == m_scratch.size();
}

bool WavWriter::close(QString *error)
{
    if (!m_file.isOpen())
        return true;
    if (m_dataBytes > 0xFFFFFFF0ull) {
        if (error)
            *error = QStringLiteral("%1: more than 4 GiB of audio does not fit a WAV header").arg(m_file.fileName());
        m_file.close();
        return false;
    }
    const auto dataBytes = std::uint32_t(m_dataBytes);
    bool ok = true;
    if (dataBytes & 1u)
        ok = m_file.write("\0", 1) == 1;
    ok = ok && m_file.seek(0) && m_file.write(header(m_sampleRate, m_encoding, dataBytes)) > 0;
    if (!ok && error)
        *error = QStringLiteral("%1: cannot finish header (%2)").arg(m_file.fileName(), m_file.errorString());
    m_file.close();
    return ok;
}

} // namespace ringside
