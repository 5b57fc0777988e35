#include "speech/mulaw.h"

#include <QTest>

#include <cmath>
#include <cstdlib>

using namespace ringside;

class TestMuLaw : public QObject
{
    Q_OBJECT
private slots:
    // Reference points from ITU-T G.711 (Sun's g711.c): silence, the extremes, a mid value.
    void knownCodes_data()
    {
        QTest::addColumn<int>("sample");
        QTest::addColumn<int>("code");
        QTest::addRow("zero") << 0 << 0xFF;
        QTest::addRow("minus one is the smallest negative step") << -1 << 0x7E;
        QTest::addRow("max") << 32767 << 0x80;
        QTest::addRow("min") << -32768 << 0x00;
        QTest::addRow("1000") << 1000 << 0xCE;
        QTest::addRow("-1000") << -1000 << 0x4E;
    }
    void knownCodes()
    {
        QFETCH(int, sample);
        QFETCH(int, code);
        QCOMPARE(int(muLawEncode(std::int16_t(sample))), code);
    }

    void decodeIsSymmetric()
    {
        for (int code = 0; code < 128; ++code)
            QCOMPARE(int(muLawDecode(std::uint8_t(code))), -int(muLawDecode(std::uint8_t(code | 0x80))));
        QCOMPARE(int(muLawDecode(0xFF)), 0);
        QCOMPARE(int(muLawDecode(0x80)), 32124);
    }

    // Every 16-bit value survives a round trip within one quantization step of its segment:
    // G.711 keeps a sign, a 3-bit segment and 4 mantissa bits and truncates, so the error is at
    // most 1/16 of the magnitude, and at most 16 in the two finest segments near zero.
    void roundTripErrorBound()
    {
        int worstSmall = 0;
        double worstRelative = 0.0;
        for (int s = -32768; s <= 32767; ++s) {
            const int back = muLawDecode(muLawEncode(std::int16_t(s)));
            const int err = std::abs(back - s);
            if (std::abs(s) < 256)
                worstSmall = std::max(worstSmall, err);
            else if (std::abs(s) <= 32124)
                worstRelative = std::max(worstRelative, double(err) / std::abs(s));
        }
        QVERIFY2(worstSmall <= 16, qPrintable(QStringLiteral("near zero error %1").arg(worstSmall)));
        QVERIFY2(worstRelative <= 1.0 / 16.0, qPrintable(QStringLiteral("relative error %1").arg(worstRelative)));
    }

    void decodedValuesAreFixedPoints()
    {
        for (int code = 0; code < 256; ++code) {
            const std::int16_t v = muLawDecode(std::uint8_t(code));
            // 0x7F and 0xFF both decode to 0; every other code is its own value's encoding.
            if (v != 0)
                QCOMPARE(int(muLawEncode(v)), code);
        }
    }

    void bufferFunctionsMatchScalar()
    {
        std::int16_t in[512];
        for (int i = 0; i < 512; ++i)
            in[i] = std::int16_t((i * 977) % 65536 - 32768);
        std::uint8_t codes[512];
        std::int16_t out[512];
        muLawEncode(in, 512, codes);
        muLawDecode(codes, 512, out);
        for (int i = 0; i < 512; ++i) {
            QCOMPARE(codes[i], muLawEncode(in[i]));
            QCOMPARE(out[i], muLawDecode(codes[i]));
        }
    }
};

QTEST_GUILESS_MAIN(TestMuLaw)
#include "tst_mulaw.moc"
