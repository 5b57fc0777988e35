#include "speech/mulaw.h"
#include "speech/wavreader.h"
#include "speech/wavwriter.h"

#include "speechtestaudio.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ringside;
using namespace ringside::test;

namespace {
void put16(QByteArray &b, int v)
{
    b.append(char(v & 0xFF));
    b.append(char((v >> 8) & 0xFF));
}
void put32(QByteArray &b, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        b.append(char((v >> (8 * i)) & 0xFF));
}
// A hand-made WAV so the reader is checked against the format, not against our writer.
QByteArray makeWav(int tag, int channels, int rate, int bits, const QByteArray &data, int blockAlign = -1,
                   bool extensible = false)
{
    QByteArray fmt;
    put16(fmt, extensible ? 0xFFFE : tag);
    put16(fmt, channels);
    put32(fmt, quint32(rate));
    put32(fmt, quint32(rate * channels * bits / 8));
    put16(fmt, blockAlign >= 0 ? blockAlign : channels * bits / 8);
    put16(fmt, bits);
    if (extensible) {
        put16(fmt, 22);
        put16(fmt, bits);
        put32(fmt, 0);
        put16(fmt, tag); // sub-format GUID starts with the classic tag
        fmt.append(QByteArray::fromHex("000000001000800000aa00389b71"));
    }
    QByteArray out("RIFF");
    put32(out, quint32(4 + 8 + fmt.size() + 8 + data.size()));
    out += "WAVE";
    out += "LIST";                 // an unrelated chunk first, with an odd size and its pad byte
    put32(out, 3);
    out += QByteArray("abc\0", 4);
    out += "fmt ";
    put32(out, quint32(fmt.size()));
    out += fmt;
    out += "data";
    put32(out, quint32(data.size()));
    out += data;
    return out;
}
} // namespace

class TestWavFile : public QObject
{
    Q_OBJECT
private slots:
    void pcm16RoundTrip()
    {
        const auto samples = tone(440.0, 100, 16000);
        const QByteArray bytes = WavWriter::encode(samples, 16000);
        QCOMPARE(bytes.size(), 44 + qsizetype(samples.size()) * 2);
        const auto wav = WavReader::parse(bytes);
        QVERIFY2(wav.ok(), qPrintable(wav.error()));
        QCOMPARE(wav->sampleRate, 16000);
        QCOMPARE(wav->sourceEncoding, AudioEncoding::Pcm16);
        QVERIFY(wav->samples == samples);
    }

    void muLawRoundTrip()
    {
        const auto samples = tone(300.0, 60, 8000);
        const auto wav = WavReader::parse(WavWriter::encode(samples, 8000, AudioEncoding::MuLaw));
        QVERIFY2(wav.ok(), qPrintable(wav.error()));
        QCOMPARE(wav->sourceEncoding, AudioEncoding::MuLaw);
        QCOMPARE(wav->sourceBitsPerSample, 8);
        QCOMPARE(wav->samples.size(), samples.size());
        for (std::size_t i = 0; i < samples.size(); ++i)
            QCOMPARE(wav->samples[i], muLawDecode(muLawEncode(samples[i])));
    }

    void eightBitUnsigned()
    {
        const QByteArray data = QByteArray::fromHex("8000ff");
        const auto wav = WavReader::parse(makeWav(1, 1, 11025, 8, data));
        QVERIFY2(wav.ok(), qPrintable(wav.error()));
        QCOMPARE(wav->sampleRate, 11025);
        QCOMPARE(wav->samples.size(), std::size_t(3));
        QCOMPARE(wav->samples[0], std::int16_t(0));
        QCOMPARE(wav->samples[1], std::int16_t(-32768));
        QCOMPARE(wav->samples[2], std::int16_t(127 << 8));
    }

    void stereoIsAveraged()
    {
        QByteArray data;
        put16(data, 1000);
        put16(data, 3000);
        put16(data, -400);
        put16(data, 0);
        const auto wav = WavReader::parse(makeWav(1, 2, 48000, 16, data));
        QVERIFY2(wav.ok(), qPrintable(wav.error()));
        QCOMPARE(wav->sourceChannels, 2);
        QCOMPARE(wav->samples.size(), std::size_t(2));
        QCOMPARE(wav->samples[0], std::int16_t(2000));
        QCOMPARE(wav->samples[1], std::int16_t(-200));
    }

    void extensibleMuLaw()
    {
        const QByteArray data = QByteArray::fromHex("ff80");
        const auto wav = WavReader::parse(makeWav(7, 1, 8000, 8, data, -1, true));
        QVERIFY2(wav.ok(), qPrintable(wav.error()));
        QCOMPARE(wav->samples[0], std::int16_t(0));
        QCOMPARE(wav->samples[1], std::int16_t(32124));
    }

    void malformed_data()
    {
        QByteArray pcm;
        put16(pcm, 1);
        put16(pcm, 2);
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::addRow("empty") << QByteArray() << QStringLiteral("header: not a RIFF/WAVE file");
        QTest::addRow("not riff") << QByteArray("RIFX0000WAVEfmt ") << QStringLiteral("header: not a RIFF/WAVE file");
        QTest::addRow("float") << makeWav(3, 1, 16000, 32, pcm + pcm)
                               << QStringLiteral("fmt chunk: audio format IEEE float is not supported (PCM or μ-law only)");
        QTest::addRow("24 bit") << makeWav(1, 1, 16000, 24, pcm.left(3))
                                << QStringLiteral("fmt chunk: bitsPerSample 24 is not supported (8 or 16)");
        QTest::addRow("bad block align") << makeWav(1, 1, 16000, 16, pcm, 4)
                                         << QStringLiteral("fmt chunk: blockAlign 4 does not match 1 channel(s) × 16 bits");
        QTest::addRow("zero rate") << makeWav(1, 1, 0, 16, pcm)
                                   << QStringLiteral("fmt chunk: sampleRate 0 Hz is outside 1000–192000 Hz");
        QByteArray truncated = makeWav(1, 1, 16000, 16, pcm);
        truncated.chop(2);
        QTest::addRow("truncated data") << truncated
                                        << QStringLiteral("data chunk: declares 4 bytes but only 2 remain (truncated file)");
        QByteArray odd = makeWav(1, 1, 16000, 16, pcm.left(3));
        QTest::addRow("partial frame") << odd << QStringLiteral("data chunk: 3 bytes is not a whole number of 2-byte frames");
        QByteArray noData = makeWav(1, 1, 16000, 16, pcm);
        noData.replace("data", "junk");
        QTest::addRow("no data chunk") << noData << QStringLiteral("data chunk: missing");
        QByteArray noFmt = makeWav(1, 1, 16000, 16, pcm);
        noFmt.replace("fmt ", "xfmt");
        QTest::addRow("data before fmt") << noFmt << QStringLiteral("data chunk: comes before the fmt chunk");
    }
    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        const auto wav = WavReader::parse(bytes);
        QVERIFY(!wav.ok());
        QCOMPARE(wav.error(), error);
    }

    void readNamesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing.wav"));
        const auto wav = WavReader::read(path);
        QVERIFY(!wav.ok());
        QVERIFY2(wav.error().startsWith(path + QStringLiteral(": cannot open")), qPrintable(wav.error()));
    }

    // A streamed recording is readable after close(), and also if the writer never closed
    // (the header then says "to the end of the file").
    void streamingWriter()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("call.wav"));
        const auto a = tone(500.0, 30, 8000);
        const auto b = tone(900.0, 45, 8000);
        {
            WavWriter w;
            QString error;
            QVERIFY2(w.open(path, 8000, AudioEncoding::Pcm16, &error), qPrintable(error));
            QVERIFY(w.append(a.data(), a.size()));
            QVERIFY(w.append(b.data(), b.size()));
            QVERIFY(w.flush());
            QFile raw(path);
            QVERIFY(raw.open(QIODevice::ReadOnly));
            const auto unfinished = WavReader::parse(raw.readAll());
            QVERIFY2(unfinished.ok(), qPrintable(unfinished.error()));
            QCOMPARE(unfinished->samples.size(), a.size() + b.size());
            QVERIFY(w.close(&error));
        }
        const auto wav = WavReader::read(path);
        QVERIFY2(wav.ok(), qPrintable(wav.error()));
        QCOMPARE(wav->samples.size(), a.size() + b.size());
        QCOMPARE(wav->samples[a.size()], b[0]);
    }

    void writeReportsBadPath()
    {
        QString error;
        QVERIFY(!WavWriter::write(QStringLiteral("/proc/no/such/dir/x.wav"), {1, 2}, 8000, AudioEncoding::Pcm16, &error));
        QVERIFY2(error.contains(QLatin1String("cannot write")), qPrintable(error));
        WavWriter w;
        QVERIFY(!w.open(QStringLiteral("/tmp/x.wav"), 100, AudioEncoding::Pcm16, &error));
        QVERIFY2(error.startsWith(QLatin1String("sampleRate")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestWavFile)
#include "tst_wavfile.moc"
