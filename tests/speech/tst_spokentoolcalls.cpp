// The "done when": the seed's sample customer lines, spoken by espeak-ng in several voices
// and speeds, some at 8 kHz μ-law, some with noise, reach the same tool calls as the same lines
// typed, in at least 9 of 10 runs. Each run is one call: the lines go through SpeechPipeline
// (VAD, endpointing, the adapted pocketsphinx recognizer, the expectation of each step) into an
// engine Session over the demo store, exactly as `ringside-engine voice` wires them; the typed run
// gives the same Session the text. The agent's voice is not synthesized (it does not change what
// the caller is heard to say), which keeps ten calls within a few seconds.

#include "enginefixture.h"

#include "speech/identifierformat.h"
#include "speech/mulaw.h"
#include "speech/pocketsphinxstt.h"
#include "speech/speechpipeline.h"

#include "speechtestaudio.h"

#include <QRegularExpression>
#include <QTest>

#include <deque>

using namespace ringside;
using namespace ringside::test;

namespace {

// The seed's sample conversation, and the same with an order number the demo store knows.
const QStringList kSeedLines = { QStringLiteral("Where's my order?"), QStringLiteral("It's 1234567"),
                                 QStringLiteral("It shows delivered but I didn't get it") };
const QStringList kStoreOrderLines = { QStringLiteral("Where's my order?"), QStringLiteral("It's ORD482913"),
                                       QStringLiteral("It shows delivered but I didn't get it") };

struct Variant
{
    const char *voice;
    double speed;
    int rate;     // 8000: a phone line, μ-law on the wire
    double snrDb; // 0: clean
};
const Variant kVariants[] = {
    { "en-us", 1.0, 16000, 0 },      { "en-us+f3", 0.9, 16000, 0 },   { "en-us-nyc", 1.1, 8000, 0 },
    { "en-gb", 1.0, 16000, 20 },     { "en-us", 1.15, 8000, 20 },     { "en-us+f2", 1.0, 8000, 0 },
    { "en-us-nyc", 0.9, 16000, 20 }, { "en-us+f3", 1.1, 8000, 20 },   { "en-us", 0.85, 16000, 0 },
    { "en-gb", 1.1, 8000, 0 },
};

SttExpectation toStt(ListenExpectation e)
{
    return e == ListenExpectation::DigitsAndLetters ? SttExpectation::DigitsAndLetters
         : e == ListenExpectation::YesNo            ? SttExpectation::YesNo
                                                    : SttExpectation::General;
}

// Arguments compared as words, punctuation aside. An escalation summary quotes the caller's words
// in double quotes: the quotation is left out (the recognizer's wording of a line the brain has
// already understood is not a different tool call), everything the brain concluded is compared.
QString words(const QString &text)
{
    QString t = text.toLower();
    t.remove(QRegularExpression(QStringLiteral("\"[^\"]*\"")));
    t.replace(QRegularExpression(QStringLiteral("[^a-z0-9' ]")), QStringLiteral(" "));
    return normalizeTranscript(t.simplified());
}

QStringList toolCalls(const EventLog &log)
{
    QStringList out;
    for (const SessionEvent &ev : log.since(0, QStringLiteral("tool_call"))) {
        QStringList args;
        const json &a = ev.data.value("arguments", json::object());
        for (auto it = a.begin(); it != a.end(); ++it)
            args << QString::fromStdString(it.key()) + QLatin1Char('=')
                            + (it->is_string() ? words(QString::fromStdString(it->get<std::string>())) : QString::fromStdString(it->dump()));
        out << stringAt(ev.data, "name") + QLatin1Char('(') + args.join(QLatin1String(", ")) + QLatin1Char(')');
    }
    return out;
}

} // namespace

class TestSpokenToolCalls : public QObject
{
    Q_OBJECT
    EngineFixture m_engine;
    EspeakTts m_tts;
    std::shared_ptr<const PocketsphinxModel> m_model;

    QStringList typed(const QStringList &lines)
    {
        auto session = m_engine.session(m_engine.request(QStringLiteral("order-tracker")));
        if (!session)
            return { QStringLiteral("no session") };
        EventLog log;
        log.attach(*session);
        session->start();
        for (const QString &line : lines)
            if (!session->isEnded())
                sayAndWait(*session, line);
        return toolCalls(log);
    }

    // One spoken call; *heard gets what the recognizer made of each line.
    QStringList spoken(const QStringList &lines, const Variant &v, QStringList *heard)
    {
        auto session = m_engine.session(m_engine.request(QStringLiteral("order-tracker")));
        if (!session)
            return { QStringLiteral("no session") };
        EventLog log;
        log.attach(*session);
        const Agent &agent = session->config().agent;
        SpeechPipelineConfig c;
        c.inputRate = v.rate;
        c.outputRate = 16000;
        c.stt.language = agent.language;
        c.stt.endpointingMs = agent.endpointingMs;
        for (const KeywordBoost &k : agent.keywords)
            c.stt.keywords << k.toString();
        c.stt.phrases = session->brain().expectedPhrases();
        c.stt.expectation = toStt(session->brain().expectation());
        const QString id = identifierPatternFromFormat(session->config().variables.value(QStringLiteral("orderIdFormat")));
        if (!id.isEmpty())
            c.stt.identifierFormats << id;
        std::deque<QString> finals;
        SpeechPipeline pipeline(c, std::make_unique<PocketsphinxStt>(m_model), nullptr, [&finals](const SpeechEvent &e) {
            if (e.type == SpeechEvent::Type::Final)
                finals.push_back(e.text);
        });
        if (!pipeline.start())
            return { pipeline.hearingProblem() };
        session->start();
        const std::size_t frame = std::size_t(v.rate / 50);
        for (const QString &line : lines) {
            if (session->isEnded())
                break;
            std::vector<std::int16_t> audio = silence(300, v.rate);
            append(audio, speak(m_tts, readAloud(line), QString::fromLatin1(v.voice), v.speed, v.rate));
            append(audio, silence(2500, v.rate)); // room for endpointing, digit pauses included
            if (v.snrDb > 0)
                addNoiseAtSnr(audio, v.snrDb, unsigned(line.size()));
            std::vector<std::uint8_t> wire(frame);
            for (std::size_t at = 0; at + frame <= audio.size() && finals.empty(); at += frame) {
                if (v.rate == 8000) { // what a phone line carries
                    muLawEncode(audio.data() + at, frame, wire.data());
                    pipeline.pushCallerMuLaw(wire.data(), frame);
                } else {
                    pipeline.pushCallerAudio(audio.data() + at, frame);
                }
            }
            const QString text = finals.empty() ? QString() : finals.front();
            finals.clear();
            *heard << text;
            sayAndWait(*session, text);
            pipeline.setExpectation(toStt(session->brain().expectation()));
        }
        return toolCalls(log);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_engine.ok(), qPrintable(m_engine.error));
        auto model = PocketsphinxModel::load();
        QVERIFY2(model.ok(), qPrintable(model.error()));
        m_model = model.value();
    }

    void spokenLinesReachTheTypedToolCalls()
    {
        const QStringList typedSeed = typed(kSeedLines);
        const QStringList typedStore = typed(kStoreOrderLines);
        // The typed calls do call tools, so agreeing with them means something.
        QVERIFY2(!typedSeed.isEmpty(), "the seed's lines call no tool");
        QVERIFY2(typedStore.size() >= 2 && typedStore.first().startsWith(QLatin1String("get_order_status(order_id=ord 482913")),
                 qPrintable(typedStore.join(QLatin1String("; "))));
        int same = 0, runs = 0;
        for (const Variant &v : kVariants) {
            const bool seed = runs % 2 == 0;
            QStringList heard;
            const QStringList calls = spoken(seed ? kSeedLines : kStoreOrderLines, v, &heard);
            const bool ok = calls == (seed ? typedSeed : typedStore);
            same += ok ? 1 : 0;
            ++runs;
            qInfo("%s %s x%.2f %d Hz snr %g: %s | heard: %s", ok ? "same" : "DIFFERENT", v.voice, v.speed, v.rate, v.snrDb,
                  qPrintable(calls.join(QLatin1String("; "))), qPrintable(heard.join(QLatin1String(" / "))));
        }
        qInfo("spoken calls reaching the typed tool calls: %d of %d", same, runs);
        QVERIFY2(same * 10 >= runs * 9, qPrintable(QStringLiteral("%1 of %2 runs").arg(same).arg(runs)));
    }
};

QTEST_GUILESS_MAIN(TestSpokenToolCalls)
#include "tst_spokentoolcalls.moc"
