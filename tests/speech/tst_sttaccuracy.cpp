// Recognition accuracy of the adapted embedded recognizer on the seed's kind of caller lines,
// spoken by espeak-ng in several voices and speeds, at 16 kHz (desktop) and 8 kHz μ-law (phone),
// clean and with noise. Each set is one simulated call (one recognizer stream) and reports its
// rate; the assertion is the rate the set must keep (docs/speech.md explains the 8 kHz gap).

#include "speech/mulaw.h"
#include "speech/pocketsphinxstt.h"
#include "speech/spokentext.h"

#include "speechtestaudio.h"

#include <QTest>

#include <algorithm>

using namespace ringside;
using namespace ringside::test;

namespace {
struct Variant
{
    const char *voice;
    double speed;
};
// A male, a female and a New York voice, slow to fast.
const Variant kVariants[] = {{"en-us", 1.0}, {"en-us+f2", 0.85}, {"en-us-nyc", 1.15},
                             {"en-us", 0.85}, {"en-us+f2", 1.15}, {"en-us-nyc", 1.0},
                             {"en-us", 1.15}, {"en-us+f2", 1.0},  {"en-us-nyc", 0.85}};

const QStringList kGeneral = {
    QStringLiteral("Where is my order?"), QStringLiteral("Where's my order?"),
    QStringLiteral("It shows delivered but I didn't get it"), QStringLiteral("I was just browsing"),
    QStringLiteral("It's too expensive"), QStringLiteral("Yes please send the link"),
    QStringLiteral("I want to return my shoes"), QStringLiteral("Cancel it"), QStringLiteral("Talk to a human"),
    QStringLiteral("I found it cheaper somewhere else"),
};
// What a brain expecting an ID hears: the seed's order numbers and phone numbers.
const QStringList kIdentifiers = {
    QStringLiteral("My order number is ORD482913"), QStringLiteral("ORD 771204"), QStringLiteral("It's 1234567"),
    QStringLiteral("My phone number is 9812345678"), QStringLiteral("9876501234"),
    QStringLiteral("my order id is ORD 300518"), QStringLiteral("It is 5550134"),
};
const QStringList kIdentifierFormats = {QStringLiteral("ORD-######"), QStringLiteral("[2-9]#########"),
                                        QStringLiteral("#######")};
const QStringList kConfirmations = {
    QStringLiteral("Yes"), QStringLiteral("No"), QStringLiteral("Yes please"), QStringLiteral("No thank you"),
    QStringLiteral("Cancel it"), QStringLiteral("Yes confirm it"), QStringLiteral("Go ahead"),
};
// What a brain waiting for a confirmation takes from the words: "yeah" and "yes" agree.
QString confirmationIntent(const QString &text)
{
    const QStringList words = normalizeTranscript(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    auto has = [&words](std::initializer_list<const char *> list) {
        return std::any_of(list.begin(), list.end(), [&words](const char *w) { return words.contains(QLatin1String(w)); });
    };
    if (has({"cancel"}))
        return QStringLiteral("cancel");
    if (has({"no", "not", "nope", "don't"}))
        return QStringLiteral("no");
    if (has({"yes", "yeah", "yep", "sure", "okay", "ahead", "confirm", "correct", "right"}))
        return QStringLiteral("yes");
    return QStringLiteral("unknown");
}
} // namespace

class TestSttAccuracy : public QObject
{
    Q_OBJECT
    EspeakTts m_tts;
    std::shared_ptr<const PocketsphinxModel> m_model;

private slots:
    void initTestCase()
    {
        auto model = PocketsphinxModel::load();
        QVERIFY2(model.ok(), qPrintable(model.error()));
        m_model = model.value();
    }

    void recognition_data()
    {
        QTest::addColumn<QStringList>("phrases");
        QTest::addColumn<int>("expectation");
        QTest::addColumn<int>("rate");
        QTest::addColumn<double>("snrDb");
        QTest::addColumn<int>("variantsPerPhrase");
        QTest::addColumn<double>("required");
        QTest::addColumn<bool>("byIntent"); // compare the confirmation intent, not the words
        // Variants per phrase kept small so the test stays within the CI budget (~100 utterances);
        // the voices still rotate through all nine variants across a set.
        const int general = int(SttExpectation::General), ids = int(SttExpectation::DigitsAndLetters),
                  yesNo = int(SttExpectation::YesNo);
        QTest::addRow("general 16k") << kGeneral << general << 16000 << 0.0 << 2 << 0.9 << false;
        QTest::addRow("general 16k noise 20dB") << kGeneral << general << 16000 << 20.0 << 1 << 0.9 << false;
        QTest::addRow("identifiers 16k") << kIdentifiers << ids << 16000 << 0.0 << 3 << 0.9 << false;
        QTest::addRow("yes-no 16k noise 20dB") << kConfirmations << yesNo << 16000 << 20.0 << 2 << 0.9 << true;
        QTest::addRow("yes-no 8k mulaw") << kConfirmations << yesNo << 8000 << 0.0 << 2 << 0.9 << true;
        // Telephone audio lacks everything above 4 kHz that the wideband acoustic model relies on
        // (s, sh, f): these two sets do not reach 9 in 10 and guard against regressions only.
        QTest::addRow("general 8k mulaw") << kGeneral << general << 8000 << 0.0 << 1 << 0.5 << false;
        QTest::addRow("identifiers 8k mulaw") << kIdentifiers << ids << 8000 << 0.0 << 2 << 0.35 << false;
    }
    void recognition()
    {
        QFETCH(QStringList, phrases);
        QFETCH(int, expectation);
        QFETCH(int, rate);
        QFETCH(double, snrDb);
        QFETCH(int, variantsPerPhrase);
        QFETCH(double, required);
        QFETCH(bool, byIntent);

        PocketsphinxStt stt(m_model);
        SttConfig cfg;
        cfg.sampleRate = rate;
        cfg.keywords = {QStringLiteral("order:2"), QStringLiteral("tracking:2"), QStringLiteral("delivered:2"),
                        QStringLiteral("shipped:2")};
        cfg.expectation = SttExpectation(expectation);
        cfg.identifierFormats = kIdentifierFormats;
        QString heard;
        SttEngine::Callbacks cb;
        cb.final = [&heard](const QString &text, double) { heard = text; };
        QVERIFY(stt.start(cfg, cb));

        int correct = 0, total = 0, variant = 0;
        QStringList misses;
        for (const QString &phrase : phrases) {
            for (int v = 0; v < variantsPerPhrase; ++v, ++variant) {
                const Variant &var = kVariants[variant % std::size(kVariants)];
                std::vector<std::int16_t> audio = silence(300, rate);
                append(audio, speak(m_tts, readAloud(phrase), QLatin1String(var.voice), var.speed, rate,
                                    rate == 8000 ? AudioEncoding::MuLaw : AudioEncoding::Pcm16));
                append(audio, silence(300, rate));
                if (snrDb > 0)
                    addNoiseAtSnr(audio, snrDb, unsigned(variant + 1));
                for (std::size_t i = 0; i < audio.size(); i += std::size_t(rate / 50))
                    stt.feed(audio.data() + i, std::min<std::size_t>(std::size_t(rate / 50), audio.size() - i));
                stt.finalize();
                const QString expected = normalizeTranscript(spokenWords(phrase).join(QLatin1Char(' ')));
                ++total;
                const bool same = byIntent ? confirmationIntent(heard) == confirmationIntent(expected)
                                           : normalizeTranscript(heard) == expected;
                if (same)
                    ++correct;
                else
                    misses << QStringLiteral("  [%1 ×%2] \"%3\" → \"%4\"").arg(QLatin1String(var.voice)).arg(var.speed).arg(expected, heard);
            }
        }
        const double rateCorrect = double(correct) / total;
        qInfo("%s: %d/%d correct (%.0f%%), required %.0f%%", QTest::currentDataTag(), correct, total, 100.0 * rateCorrect,
              100.0 * required);
        for (const QString &m : misses)
            qInfo("%s", qPrintable(m));
        QVERIFY(rateCorrect >= required);
    }

    void hindiHasNoEmbeddedModel()
    {
        PocketsphinxStt stt(m_model);
        QString error;
        SttEngine::Callbacks cb;
        cb.error = [&error](const QString &message) { error = message; };
        SttConfig cfg;
        cfg.language = QStringLiteral("hi-IN");
        QVERIFY(!stt.start(cfg, cb));
        QVERIFY2(error.startsWith(QLatin1String("unsupported language: hi-IN")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("typed input")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSttAccuracy)
#include "tst_sttaccuracy.moc"
