#include "speech/resampler.h"

#include "speechtestaudio.h"

#include <QTest>

#include <cmath>

using namespace ringside;
using namespace ringside::test;

namespace {
// Signal-to-error ratio of `b` against `a` over the middle of the buffers (edges hold filter ramps).
double snrDb(const std::vector<std::int16_t> &a, const std::vector<std::int16_t> &b)
{
    const std::size_t n = std::min(a.size(), b.size());
    double s = 0.0, e = 0.0;
    for (std::size_t i = n / 10; i < n - n / 10; ++i) {
        s += double(a[i]) * a[i];
        e += double(a[i] - b[i]) * double(a[i] - b[i]);
    }
    return 10.0 * std::log10(s / std::max(e, 1.0));
}
} // namespace

class TestResampler : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("via");
        QTest::addColumn<double>("hz");
        QTest::addRow("16k via 8k, 1 kHz") << 16000 << 8000 << 1000.0;
        QTest::addRow("8k via 16k, 440 Hz") << 8000 << 16000 << 440.0;
        QTest::addRow("16k via 24k, 3 kHz") << 16000 << 24000 << 3000.0;
        QTest::addRow("22.05k via 16k, 2 kHz") << 22050 << 16000 << 2000.0;
    }
    // A tone inside both bands comes back nearly unchanged and the length is exact.
    void roundTrip()
    {
        QFETCH(int, rate);
        QFETCH(int, via);
        QFETCH(double, hz);
        const auto in = tone(hz, 500, rate);
        const auto mid = Resampler::convert(in, rate, via);
        QCOMPARE(qint64(mid.size()), qint64(in.size()) * via / rate);
        const auto back = Resampler::convert(mid, via, rate);
        QCOMPARE(back.size(), in.size());
        const double snr = snrDb(in, back);
        QVERIFY2(snr > 30.0, qPrintable(QStringLiteral("SNR %1 dB").arg(snr)));
    }

    // Downsampling removes what the lower rate cannot carry (no aliasing back into the band).
    void removesAboveNyquist()
    {
        const auto in = tone(6000.0, 500, 16000);
        const auto out = Resampler::convert(in, 16000, 8000);
        QVERIFY(rms(out) < rms(in) / 100.0); // better than 40 dB rejection
    }

    // Feeding 20 ms frames gives the same audio as one call, apart from the filter's delay.
    void streamingMatchesOneShot()
    {
        const auto in = tone(700.0, 400, 8000);
        Resampler whole, framed;
        QVERIFY(whole.init(8000, 16000));
        QVERIFY(framed.init(8000, 16000));
        std::vector<std::int16_t> a, b;
        whole.process(in.data(), in.size(), a);
        for (std::size_t i = 0; i < in.size(); i += 160)
            framed.process(in.data() + i, std::min<std::size_t>(160, in.size() - i), b);
        QCOMPARE(a.size(), b.size());
        QVERIFY(snrDb(a, b) > 60.0);
    }

    void boundedOutputNoAllocation()
    {
        Resampler r;
        QVERIFY(r.init(8000, 48000));
        const auto in = tone(300.0, 20, 8000);
        std::int16_t out[2000];
        const std::size_t n = r.process(in.data(), in.size(), out, sizeof out / sizeof out[0]);
        QVERIFY(n <= r.maxOutput(in.size()));
        QVERIFY(n > 900); // ~960 once the filter has filled
    }

    void sameRateCopies()
    {
        Resampler r;
        QVERIFY(r.init(16000, 16000));
        const std::int16_t in[4] = {1, -2, 3, -4};
        std::int16_t out[4] = {};
        QCOMPARE(r.process(in, 4, out, 4), std::size_t(4));
        QCOMPARE(out[3], std::int16_t(-4));
    }

    void badRatesNamed()
    {
        Resampler r;
        QString error;
        QVERIFY(!r.init(0, 16000, 5, &error));
        QVERIFY2(error.startsWith(QLatin1String("inRate")), qPrintable(error));
        QVERIFY(!r.init(8000, 500000, 5, &error));
        QVERIFY2(error.startsWith(QLatin1String("outRate")), qPrintable(error));
        QVERIFY(!r.isValid());
    }

    void moveTransfersState()
    {
        Resampler a;
        QVERIFY(a.init(8000, 16000));
        Resampler b(std::move(a));
        QVERIFY(b.isValid());
        QVERIFY(!a.isValid());
        Resampler c;
        c = std::move(b);
        QCOMPARE(c.outRate(), 16000);
        const auto in = tone(500.0, 20, 8000);
        std::vector<std::int16_t> out;
        c.process(in.data(), in.size(), out);
        QVERIFY(!out.empty());
    }
};

QTEST_GUILESS_MAIN(TestResampler)
#include "tst_resampler.moc"
