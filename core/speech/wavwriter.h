#pragma once

#include "speech/audioformat.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ringside {

// Writes mono WAV files as PCM16 or G.711 μ-law at any rate. Streams: append() as audio arrives,
// close() patches the sizes in the header (a crash leaves sizes of 0xFFFFFFFF, which WavReader
// accepts as "up to the end of the file").
class WavWriter
{
public:
    WavWriter() = default;
    ~WavWriter();
    WavWriter(const WavWriter &) = delete;
    WavWriter &operator=(const WavWriter &) = delete;

    bool open(const QString &path, int sampleRate, AudioEncoding encoding, QString *error);
    bool append(const std::int16_t *samples, std::size_t n);
    // Hands buffered audio to the OS, so a reader (or a crash) sees everything appended so far.
    bool flush() { return m_file.flush(); }
    bool close(QString *error = nullptr);
    bool isOpen() const { return m_file.isOpen(); }
    QString errorString() const { return m_file.errorString(); }

    // A complete file in memory.
    static QByteArray encode(const std::vector<std::int16_t> &samples, int sampleRate,
                             AudioEncoding encoding = AudioEncoding::Pcm16);
    static bool write(const QString &path, const std::vector<std::int16_t> &samples, int sampleRate,
                      AudioEncoding encoding, QString *error);

private:
    static QByteArray header(int sampleRate, AudioEncoding encoding, std::uint32_t dataBytes);

    QFile m_file;
    AudioEncoding m_encoding = AudioEncoding::Pcm16;
    int m_sampleRate = 0;
    std::uint64_t m_dataBytes = 0;
    QByteArray m_scratch;
};

} // namespace ringside
