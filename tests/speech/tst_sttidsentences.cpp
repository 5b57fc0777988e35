// Identifiers said inside sentences, in one breath, on a phone line: the embedded recognizer must
// hear the exact order ID, return ID or phone number when the caller wraps it in words ("and my
// other order is O R D seven seven one two oh four, where is that one?"). espeak-ng speaks each
// sentence in several voices and speeds at 8 kHz μ-law — a third clean, a third with white noise
// at 20 dB, a third with telephone-band line hiss made by sox at 15 dB — through one recognizer
// stream per set, as one call would; the store's ID shapes are configured as the gateway
// configures them. A sentence counts when one spelled run of the transcript is exactly the ID.
// The 16 kHz set (the same sentences and variants) guards the desktop path. The 90 % is
// not reached (docs/speech.md says why); the required rates are the ones measured minus a margin,
// as regression floors.
//
// RINGSIDE_ID_VARIANTS=N speaks every sentence in N variants (default 3) for tuning runs.

#include "speech/identifierformat.h"
#include "speech/mulaw.h"
#include "speech/pocketsphinxstt.h"
#include "speech/resampler.h"
#include "speech/spokentext.h"

#include "speechtestaudio.h"

#include "speech/wavreader.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace ringside;
using namespace ringside::test;

namespace {
struct Variant
{
    const char *voice;
    double speed;
};
const Variant kVariants[] = { { "en-us", 1.0 },     { "en-us+f2", 0.9 }, { "en-us-nyc", 1.1 }, { "en-us+m3", 0.85 },
                              { "en-us+f4", 1.15 }, { "en-gb", 1.0 },    { "en-us", 0.9 },     { "en-us+f2", 1.1 } };

struct Sentence
{
    const char *text;
    const char *id; // the characters the transcript must spell
    SttExpectation expectation;
};
// What callers say: IDs with words before and after, hesitations, names; some while the agent
// waits for an ID, some as a first question.
const Sentence kSentences[] = {
    { "Hi, where is my order? It's ORD-482913.", "ORD482913", SttExpectation::General },
    { "And my other order is ORD-771204, where is that one?", "ORD771204", SttExpectation::General },
    { "Um, I want to return ORD-300518 please.", "ORD300518", SttExpectation::General },
    { "The return is RET-0217, when is the pickup?", "RET0217", SttExpectation::General },
    { "Yeah this is Priya, order ORD-659047, it's very late.", "ORD659047", SttExpectation::General },
    { "Yes, my order number is ORD-482920 and it hasn't arrived.", "ORD482920", SttExpectation::DigitsAndLetters },
    { "You can try my phone number, 9812345678.", "9812345678", SttExpectation::DigitsAndLetters },
    { "Sure, it's 9876501234, the one I ordered with.", "9876501234", SttExpectation::DigitsAndLetters },
    { "Uh, it's RET-0001.", "RET0001", SttExpectation::DigitsAndLetters },
    { "It is ORD-815362, thanks.", "ORD815362", SttExpectation::DigitsAndLetters },
    // The question and the ID in one breath, while the greeting waits for an order number.
    { "Hi, where is my order? It's ORD-482913.", "ORD482913", SttExpectation::DigitsAndLetters },
    { "I want to know where my package is, the order is ORD-205718.", "ORD205718", SttExpectation::DigitsAndLetters },
};
// Answers without an ID while one is expected: these must not come back as one.
const char *const kNoIdAnswers[] = {
    "It shows delivered but I didn't get it.",
    "I don't have the order number with me.",
    "Can you use my phone number instead?",
    "Wait, let me check my email.",
};
} // namespace

class TestSttIdSentences : public QObject
{
    Q_OBJECT
    EspeakTts m_tts;
    std::shared_ptr<const PocketsphinxModel> m_model;
    std::vector<std::int16_t> m_lineHiss; // 8 kHz, from sox

    // Telephone-line hiss added to `line` (8 kHz) so that speech RMS / hiss RMS is `snrDb`.
    void addLineHiss(std::vector<std::int16_t> &line, double snrDb, std::size_t offset) const
    {
        const double gain = speechRms(line) / std::pow(10.0, snrDb / 20.0) / rms(m_lineHiss);
        for (std::size_t i = 0; i < line.size(); ++i)
            line[i] = std::int16_t(std::clamp(line[i] + gain * m_lineHiss[(offset + i) % m_lineHiss.size()], -32768.0, 32767.0));
    }

    static bool startLikeTheGateway(PocketsphinxStt &stt, QString &heard)
    {
        SttConfig cfg;
        cfg.sampleRate = 16000; // as the pipeline feeds it: resampled to its processing rate
        cfg.keywords = { QStringLiteral("order:2"), QStringLiteral("return:2"), QStringLiteral("phone:2") };
        cfg.identifierFormats = storeIdentifierFormats(QStringLiteral("ORD followed by six digits"));
        SttEngine::Callbacks cb;
        cb.final = [&heard](const QString &text, double) { heard = text; };
        return stt.start(cfg, cb);
    }

private slots:
    void initTestCase()
    {
        auto model = PocketsphinxModel::load();
        QVERIFY2(model.ok(), qPrintable(model.error()));
        m_model = model.value();

        // Pink noise band-limited to the telephone channel, as a line's hiss sounds.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("line.wav"));
        QProcess sox;
        sox.start(QStringLiteral("sox"), { QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("8000"), QStringLiteral("-b"),
                                          QStringLiteral("16"), QStringLiteral("-c"), QStringLiteral("1"), path,
                                          QStringLiteral("synth"), QStringLiteral("12"), QStringLiteral("pinknoise"),
                                          QStringLiteral("sinc"), QStringLiteral("300-3400"), QStringLiteral("vol"), QStringLiteral("0.5") });
        QVERIFY2(sox.waitForFinished(30000) && sox.exitCode() == 0, qPrintable(QString::fromUtf8(sox.readAllStandardError())));
        auto hiss = WavReader::read(path);
        QVERIFY2(hiss.ok(), qPrintable(hiss.error()));
        m_lineHiss = hiss.value().samples;
        QVERIFY(rms(m_lineHiss) > 100.0);
    }

    void identifiersInSentences_data()
    {
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("variants");
        QTest::addColumn<double>("required");
        const int variants = qEnvironmentVariableIsSet("RINGSIDE_ID_VARIANTS") ? qEnvironmentVariableIntValue("RINGSIDE_ID_VARIANTS") : 3;
        // The issue asks for 90 % at 8 kHz; the wideband acoustic model reaches far less
        // (docs/speech.md#accuracy), so these floors — the rates measured, less a margin for
        // run-to-run spread (±1–2 utterances) — guard against regressions only.
        QTest::addRow("8k mulaw") << 8000 << variants << 0.1; // measured 6–8/36 (17–22 %); main 4/36
        QTest::addRow("16k") << 16000 << variants << 0.4;     // measured 19/36 (53 %) ×3; main 12–14/36
    }
    void identifiersInSentences()
    {
        QFETCH(int, rate);
        QFETCH(int, variants);
        QFETCH(double, required);

        PocketsphinxStt stt(m_model);
        QString heard;
        QVERIFY(startLikeTheGateway(stt, heard));

        int correct = 0, total = 0, k = 0;
        std::pair<int, int> byNoise[3] = {}; // correct, total
        qint64 audioMs = 0, finalizeMs = 0;
        QStringList misses;
        for (int v = 0; v < variants; ++v) {
            for (const Sentence &s : kSentences) {
                const Variant &var = kVariants[std::size_t(k++) % std::size(kVariants)];
                stt.setExpectation(s.expectation);
                std::vector<std::int16_t> line = silence(300, rate);
                append(line, speak(m_tts, readAloud(QString::fromUtf8(s.text)), QLatin1String(var.voice), var.speed, rate,
                                   rate == 8000 ? AudioEncoding::MuLaw : AudioEncoding::Pcm16));
                append(line, silence(300, rate));
                const int noise = k % 3; // 0: white noise, 1: line hiss (8 kHz only), 2: clean
                if (noise == 0)
                    addNoiseAtSnr(line, 20.0, unsigned(k));
                else if (noise == 1 && rate == 8000)
                    addLineHiss(line, 15.0, std::size_t(k) * 4000);
                const std::vector<std::int16_t> audio = Resampler::convert(line, rate, 16000);
                audioMs += qint64(audio.size()) / 16;
                for (std::size_t i = 0; i < audio.size(); i += 320)
                    stt.feed(audio.data() + i, std::min<std::size_t>(320, audio.size() - i));
                QElapsedTimer t;
                t.start();
                stt.finalize();
                finalizeMs += t.elapsed();
                ++total;
                ++byNoise[noise].second;
                const QStringList runs = spelledRuns(heard);
                if (runs.contains(QLatin1String(s.id))) {
                    ++correct;
                    ++byNoise[noise].first;
                } else {
                    const char *noiseName[] = { ", white noise 20 dB", rate == 8000 ? ", line hiss 15 dB" : "", "" };
                    misses << QStringLiteral("  [%1 ×%2%3] %4 → \"%5\"")
                                      .arg(QLatin1String(var.voice))
                                      .arg(var.speed)
                                      .arg(QLatin1String(noiseName[noise]))
                                      .arg(QLatin1String(s.id), heard);
                }
            }
        }
        const double rateCorrect = double(correct) / total;
        qInfo("%s: %d/%d exact IDs (%.0f%%), required %.0f%%; finalize %.1f ms per utterance (%.1f s of audio)",
              QTest::currentDataTag(), correct, total, 100.0 * rateCorrect, 100.0 * required, double(finalizeMs) / total,
              double(audioMs) / 1000.0);
        qInfo("  white noise 20 dB %d/%d, line hiss 15 dB %d/%d, clean %d/%d", byNoise[0].first, byNoise[0].second,
              byNoise[1].first, byNoise[1].second, byNoise[2].first, byNoise[2].second);
        for (const QString &m : misses)
            qInfo("%s", qPrintable(m));
        QVERIFY(rateCorrect >= required);
    }

    // While an ID is expected, the identifier grammar forces any speech into digits and letters;
    // a plain answer must still come back as words, not as an order number to look up.
    void answersWithoutIdsStayWords()
    {
        PocketsphinxStt stt(m_model);
        QString heard;
        QVERIFY(startLikeTheGateway(stt, heard));
        int falseIds = 0, total = 0, k = 0;
        for (int v = 0; v < 2; ++v) {
            for (const char *text : kNoIdAnswers) {
                const Variant &var = kVariants[std::size_t(k++ * 3) % std::size(kVariants)];
                stt.setExpectation(SttExpectation::DigitsAndLetters);
                std::vector<std::int16_t> line = silence(300, 8000);
                append(line, speak(m_tts, QString::fromUtf8(text), QLatin1String(var.voice), var.speed, 8000, AudioEncoding::MuLaw));
                append(line, silence(300, 8000));
                if (v == 1)
                    addLineHiss(line, 15.0, std::size_t(k) * 4000);
                const std::vector<std::int16_t> audio = Resampler::convert(line, 8000, 16000);
                for (std::size_t i = 0; i < audio.size(); i += 320)
                    stt.feed(audio.data() + i, std::min<std::size_t>(320, audio.size() - i));
                stt.finalize();
                ++total;
                const QStringList runs = spelledRuns(heard);
                if (std::any_of(runs.begin(), runs.end(), [](const QString &r) { return r.size() >= 4; })) {
                    ++falseIds;
                    qInfo("  [%s ×%.2f] \"%s\" → \"%s\"", var.voice, var.speed, text, qPrintable(heard));
                }
            }
        }
        qInfo("answers without an ID heard as one: %d/%d", falseIds, total);
        QVERIFY(falseIds <= 1); // measured 0/8
    }
};

QTEST_GUILESS_MAIN(TestSttIdSentences)
#include "tst_sttidsentences.moc"
