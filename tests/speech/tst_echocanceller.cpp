#include "speech/echocanceller.h"

#include "speechtestaudio.h"

#include <QTest>

#include <cmath>

using namespace ringside;
using namespace ringside::test;

namespace {
constexpr int kRate = 16000;
constexpr std::size_t kFrame = 160;

// The room: the speaker's sound reaches the microphone 30 ms later, quieter, with one reflection.
std::vector<std::int16_t> echoOf(const std::vector<std::int16_t> &far)
{
    std::vector<std::int16_t> mic(far.size(), 0);
    const std::size_t d1 = 480, d2 = 1120; // 30 ms and 70 ms
    for (std::size_t i = 0; i < far.size(); ++i) {
        double v = 0.0;
        if (i >= d1)
            v += 0.5 * far[i - d1];
        if (i >= d2)
            v += 0.2 * far[i - d2];
        mic[i] = std::int16_t(v);
    }
    return mic;
}

double energyDb(const std::vector<std::int16_t> &x, std::size_t from, std::size_t to)
{
    double e = 0.0;
    for (std::size_t i = from; i < to; ++i)
        e += double(x[i]) * x[i];
    return 10.0 * std::log10(e / double(to - from) + 1e-9);
}

std::vector<std::int16_t> cancel(EchoCanceller &aec, const std::vector<std::int16_t> &mic, const std::vector<std::int16_t> &far)
{
    std::vector<std::int16_t> out(mic.size(), 0);
    for (std::size_t i = 0; i + kFrame <= mic.size(); i += kFrame)
        aec.process(mic.data() + i, far.data() + i, out.data() + i);
    return out;
}
} // namespace

class TestEchoCanceller : public QObject
{
    Q_OBJECT
    EspeakTts m_tts;

    std::vector<std::int16_t> agentSpeech()
    {
        std::vector<std::int16_t> far;
        for (const char *s : {"Your order shipped yesterday via BlueDart and should arrive by Thursday.",
                              "Would you like me to send you the tracking number by message?",
                              "I can also tell you the delivery window if that helps."})
            append(far, speak(m_tts, QString::fromUtf8(s)));
        return far;
    }

private slots:
    // After it has adapted (first 3 s), the agent's echo is at least 15 dB quieter.
    void removesEcho()
    {
        const auto far = agentSpeech();
        auto mic = echoOf(far);
        addNoise(mic, 30.0, 5);
        EchoCanceller aec;
        QString error;
        QVERIFY2(aec.init(kRate, kFrame, 200, &error), qPrintable(error));
        const auto out = cancel(aec, mic, far);
        const std::size_t from = 3 * kRate, to = mic.size() - kFrame;
        QVERIFY(to > from + kRate);
        const double reduction = energyDb(mic, from, to) - energyDb(out, from, to);
        qInfo("echo reduced by %.1f dB", reduction);
        QVERIFY2(reduction > 15.0, qPrintable(QString::number(reduction)));
    }

    // The caller talking over the agent survives cancellation: their speech stays far above the
    // leftover echo.
    void keepsNearEndSpeech()
    {
        const auto far = agentSpeech();
        auto mic = echoOf(far);
        const auto caller = speak(m_tts, QStringLiteral("Stop, I want to talk to a human"), QStringLiteral("en-us+f2"));
        const std::size_t at = 4 * kRate;
        QVERIFY(far.size() > at + caller.size());
        mixInto(mic, caller, at);
        EchoCanceller aec;
        QVERIFY(aec.init(kRate, kFrame, 200));
        const auto out = cancel(aec, mic, far);
        const double callerDb = energyDb(caller, 0, caller.size());
        const double keptDb = energyDb(out, at, at + caller.size());
        const double echoOnlyDb = energyDb(out, 3 * kRate, at);
        qInfo("caller %.1f dB, output while caller talks %.1f dB, echo-only output %.1f dB", callerDb, keptDb, echoOnlyDb);
        QVERIFY(keptDb > callerDb - 6.0);
        QVERIFY(keptDb > echoOnlyDb + 10.0);
    }

    void badArgumentsNamed()
    {
        EchoCanceller aec;
        QString error;
        QVERIFY(!aec.init(4000, 40, 200, &error));
        QVERIFY2(error.startsWith(QLatin1String("sampleRate")), qPrintable(error));
        QVERIFY(!aec.init(16000, 5000, 200, &error));
        QVERIFY2(error.startsWith(QLatin1String("frameSamples")), qPrintable(error));
        QVERIFY(!aec.init(16000, 160, 5000, &error));
        QVERIFY2(error.startsWith(QLatin1String("filterMs")), qPrintable(error));
        QVERIFY(!aec.isValid());
        EchoCanceller moved;
        QVERIFY(moved.init(16000, 160));
        EchoCanceller other(std::move(moved));
        QVERIFY(other.isValid());
        QVERIFY(!moved.isValid());
    }
};

QTEST_GUILESS_MAIN(TestEchoCanceller)
#include "tst_echocanceller.moc"
