// ringside-engine voice: a spoken call from WAV files. Each --in file is the caller's next line,
// played into a SpeechPipeline frame by frame as a live caller would (after the agent has finished
// speaking); the engine Session answers and the agent's audio is written per turn. Latency is
// measured on the audio itself: end of the caller's speech in the input track → first audible
// agent sample in the output track. Wiring only: the work is in core/speech and core/engine.
#include "clisession.h"
#include "cliutil.h"

#include "agent/agentcatalogue.h"
#include "analytics/callrecorder.h"
#include "analytics/callrecordstore.h"
#include "commerce/sqlstore.h"
#include "engine/nlu/analyser.h"
#include "engine/sessionfactory.h"
#include "speech/audiolevel.h"
#include "speech/cloud/speechproviders.h"
#include "speech/identifierformat.h"
#include "speech/resampler.h"
#include "speech/speechpipeline.h"
#include "speech/wavreader.h"
#include "speech/wavwriter.h"
#include "storage/database.h"
#include "tools/toolregistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcessEnvironment>

#include <chrono>
#include <deque>
#include <thread>

namespace ringside::cli {

namespace {

constexpr int kRate = 16000;                  // the call's audio: 16 kHz PCM, desktop quality
constexpr std::size_t kFrame = kRate / 50;    // 20 ms, as gateways and sound cards deliver it
constexpr std::int64_t kGap = kRate / 2;      // the caller waits 500 ms after the agent stops
constexpr std::int64_t kNotHeard = kRate * 15; // a line with no recognizer answer 15 s after it ended
constexpr std::int64_t kNoReply = kRate * 30;  // a turn the agent has not finished 30 s after the line
constexpr double kAgentSoundRms = 200.0;       // the agent track is clean: silence is zeros

int usageError(const QString &problem)
{
    err(QStringLiteral("voice: %1").arg(problem));
    err(QStringLiteral("Try 'ringside-engine voice --help'."));
    return Usage;
}

double ms(std::int64_t samples) { return samplesToMs(samples, kRate); }

SttExpectation toStt(ListenExpectation e)
{
    switch (e) {
    case ListenExpectation::DigitsAndLetters: return SttExpectation::DigitsAndLetters;
    case ListenExpectation::YesNo: return SttExpectation::YesNo;
    case ListenExpectation::General: break;
    }
    return SttExpectation::General;
}

SpeechPipelineConfig speechConfigFor(const Agent &agent, Session &session)
{
    SpeechPipelineConfig c;
    c.inputRate = kRate;
    c.outputRate = kRate;
    c.stt.language = agent.language;
    c.stt.endpointingMs = agent.endpointingMs;
    c.stt.interimResults = agent.interimResults;
    for (const KeywordBoost &k : agent.keywords)
        c.stt.keywords << k.toString();
    c.stt.phrases = session.brain().expectedPhrases();
    c.stt.expectation = toStt(session.brain().expectation());
    c.stt.identifierFormats = storeIdentifierFormats(session.config().variables.value(QStringLiteral("orderIdFormat")));
    c.tts.voice = agent.ttsVoice;
    c.tts.speed = agent.ttsSpeed;
    c.tts.language = agent.language;
    c.bargeIn.allowInterruptions = agent.allowInterruptions;
    return c;
}

// One --in file: the caller's line at the call's rate, and where its speech ends.
struct CallerLine
{
    QString path;
    std::vector<std::int16_t> audio;
    std::int64_t speechEnd = 0;   // within `audio`
    std::int64_t start = -1;      // on the call's timeline, once played
    std::int64_t end = -1;
    int finals = 0;               // recognizer finals since the line started
};

bool loadLine(const QString &path, CallerLine *line, QString *error)
{
    const Result<WavData> wav = WavReader::read(path);
    if (!wav.ok()) {
        *error = QStringLiteral("--in %1: %2").arg(path, wav.error());
        return false;
    }
    line->path = path;
    line->audio = Resampler::convert(wav->samples, wav->sampleRate, kRate);
    const double threshold = soundThresholdRms(line->audio.data(), line->audio.size(), kRate);
    line->speechEnd = endOfSoundSample(line->audio.data(), line->audio.size(), kRate, threshold);
    if (line->speechEnd < 0) {
        *error = QStringLiteral("--in %1: no speech found (the recording is silent)").arg(path);
        return false;
    }
    return true;
}

class VoiceCall
{
public:
    VoiceCall(Session &session, SpeechPipeline &pipeline, std::vector<CallerLine> &lines, bool jsonl, bool realtime,
              const QString &outDir)
        : m_session(session), m_pipeline(pipeline), m_lines(lines), m_jsonl(jsonl), m_realtime(realtime), m_outDir(outDir)
    {
    }

    void onSpeechEvent(const SpeechEvent &e) { m_speech.push_back(e); }

    void onSessionEvent(const SessionEvent &ev)
    {
        if (m_jsonl)
            outJson(ev.toJson());
        else if (ev.is(EventType::Agent))
            out(QStringLiteral("agent: %1").arg(ev.text()));
        else if (ev.is(EventType::Escalation))
            out(QStringLiteral("[handed to a person: %1]").arg(stringAt(ev.data, "reason")));
        else if (ev.is(EventType::End))
            out(QStringLiteral("[call ended: %1]").arg(stringAt(ev.data, "outcome")));
        else if (ev.is(EventType::Notice))
            err(QStringLiteral("notice: %1").arg(stringAt(ev.data, "message")));
        if (ev.is(EventType::Agent))
            m_pipeline.speak(ev.text());
    }

    bool run();

private:
    void handleSpeech();
    bool idle() const;
    void emitLine(const json &j, const QString &plain);
    void finishTurn(int index, std::int64_t until);
    bool writeSegment(const QString &name, std::int64_t from, std::int64_t to, QString *file);

    Session &m_session;
    SpeechPipeline &m_pipeline;
    std::vector<CallerLine> &m_lines;
    const bool m_jsonl;
    const bool m_realtime;
    const QString m_outDir;
    std::deque<SpeechEvent> m_speech; // handled after each push/pull, never inside the pipeline
    std::vector<std::int16_t> m_caller, m_agent;
    std::int64_t m_t = 0;             // samples on the call's timeline
    std::int64_t m_lastBusy = 0;
    int m_openTurns = 0;
    int m_current = -1;               // line being played
    int m_awaited = -1;               // line played, its answer awaited
    bool m_failed = false;
};

void VoiceCall::emitLine(const json &j, const QString &plain)
{
    if (m_jsonl)
        outJson(j);
    else if (!plain.isEmpty())
        out(plain);
}

bool VoiceCall::idle() const
{
    return !m_pipeline.isAgentSpeaking() && !m_pipeline.isAwaitingAgentAudio() && !m_session.turnInProgress()
        && m_openTurns == 0 && m_speech.empty();
}

void VoiceCall::handleSpeech()
{
    while (!m_speech.empty()) {
        const SpeechEvent e = m_speech.front();
        m_speech.pop_front();
        switch (e.type) {
        case SpeechEvent::Type::UserSpeechStarted:
            ++m_openTurns;
            break;
        case SpeechEvent::Type::Final: {
            m_openTurns = std::max(0, m_openTurns - 1);
            const int line = m_current >= 0 ? m_current : m_awaited;
            if (line >= 0)
                ++m_lines[std::size_t(line)].finals;
            emitLine({ { "type", "stt_final" }, { "text", e.text }, { "confidence", e.confidence },
                       { "reason", turnEndReasonName(e.reason) }, { "speech_end_ms", qRound64(ms(e.speechEndSample)) } },
                     QStringLiteral("caller (heard): %1").arg(e.text));
            if (!m_session.isEnded())
                m_session.userSaid(e.text);
            break;
        }
        case SpeechEvent::Type::AgentAudioFinished:
            if (e.interrupted && !m_session.isEnded())
                m_session.agentInterrupted(e.heardText);
            break;
        case SpeechEvent::Type::BargeIn:
            emitLine({ { "type", eventTypeName(EventType::BargeIn) }, { "interrupted", e.interrupted } }, QString());
            break;
        case SpeechEvent::Type::SttError:
        case SpeechEvent::Type::TtsError:
            emitLine({ { "type", eventTypeName(EventType::SpeechError) }, { "message", e.text } }, QString());
            if (!m_jsonl)
                err(QStringLiteral("speech: %1").arg(e.text));
            break;
        default:
            break;
        }
    }
    if (!m_session.isEnded() && !m_session.turnInProgress())
        m_pipeline.setExpectation(toStt(m_session.brain().expectation()));
}

bool VoiceCall::writeSegment(const QString &name, std::int64_t from, std::int64_t to, QString *file)
{
    from = std::clamp<std::int64_t>(from, 0, std::int64_t(m_agent.size()));
    to = std::clamp<std::int64_t>(to, from, std::int64_t(m_agent.size()));
    *file = QDir(m_outDir).filePath(name);
    const std::vector<std::int16_t> part(m_agent.begin() + from, m_agent.begin() + to);
    QString error;
    if (!WavWriter::write(*file, part, kRate, AudioEncoding::Pcm16, &error)) {
        err(QStringLiteral("voice: --out-dir: cannot write %1: %2").arg(*file, error));
        m_failed = true;
        return false;
    }
    return true;
}

// The agent's answer to line `index`: its audio from the end of the line to `until` (the next
// line's start or the end of the call), and the latency heard in it.
void VoiceCall::finishTurn(int index, std::int64_t until)
{
    const CallerLine &line = m_lines[std::size_t(index)];
    const std::int64_t speechEnd = line.start + line.speechEnd;
    const std::int64_t first = firstSoundSample(m_agent.data(), std::size_t(until), kRate, std::size_t(speechEnd), kAgentSoundRms);
    QString file;
    writeSegment(QStringLiteral("turn-%1.wav").arg(index + 1), line.end, until, &file);
    json j = { { "type", "turn_audio" }, { "turn", index + 1 }, { "in", line.path }, { "agent_wav", file },
               { "user_speech_end_ms", qRound64(ms(speechEnd)) } };
    QString plain;
    if (first >= 0) {
        j["agent_audio_start_ms"] = qRound64(ms(first));
        j["latency_ms"] = qRound64(ms(first - speechEnd));
        plain = QStringLiteral("[turn %1: %2 ms from the end of the caller's speech to the agent's voice; %3]")
                        .arg(index + 1).arg(qRound64(ms(first - speechEnd))).arg(file);
    } else {
        j["latency_ms"] = nullptr;
        plain = QStringLiteral("[turn %1: the agent said nothing; %2]").arg(index + 1).arg(file);
    }
    emitLine(j, plain);
}

bool VoiceCall::run()
{
    using Clock = std::chrono::steady_clock;
    std::vector<std::int16_t> in(kFrame), outFrame(kFrame);
    auto tick = Clock::now();
    const std::int64_t cap = kNoReply * std::int64_t(m_lines.size() + 2);
    bool hungUp = false;
    while (m_t < cap) {
        // The caller's next 20 ms: their line while speaking, silence otherwise.
        std::fill(in.begin(), in.end(), std::int16_t(0));
        if (m_current >= 0) {
            CallerLine &line = m_lines[std::size_t(m_current)];
            const std::size_t at = std::size_t(m_t - line.start);
            const std::size_t take = std::min(kFrame, line.audio.size() - at);
            std::copy_n(line.audio.data() + at, take, in.data());
            if (at + take >= line.audio.size()) {
                line.end = m_t + std::int64_t(take);
                m_awaited = m_current;
                m_current = -1;
            }
        }
        m_pipeline.pushCallerAudio(in.data(), kFrame);
        handleSpeech();
        QCoreApplication::processEvents();
        // Real time paces every frame; otherwise only while something runs beside the timeline
        // (the recognizer's final, speech synthesis, an asynchronous brain), so both modes give
        // that work the same time.
        if (m_realtime || m_pipeline.isAwaitingAgentAudio() || m_pipeline.isAwaitingFinal() || m_session.turnInProgress()) {
            tick += std::chrono::milliseconds(20);
            std::this_thread::sleep_until(tick);
            m_pipeline.pumpEvents();
        } else {
            tick = Clock::now();
        }
        m_pipeline.pullAgentAudio(outFrame.data(), kFrame);
        handleSpeech();
        m_caller.insert(m_caller.end(), in.begin(), in.end());
        m_agent.insert(m_agent.end(), outFrame.begin(), outFrame.end());
        m_t += std::int64_t(kFrame);
        if (!idle())
            m_lastBusy = m_t;
        if (m_current >= 0)
            continue;

        if (m_awaited >= 0) {
            const CallerLine &line = m_lines[std::size_t(m_awaited)];
            const bool answered = line.finals > 0 && idle() && m_t - m_lastBusy >= kGap;
            if (!answered && line.finals == 0 && m_t - line.end > kNotHeard) {
                emitLine({ { "type", eventTypeName(EventType::Notice) }, { "message", QStringLiteral("%1: the recognizer heard no speech").arg(line.path) } },
                         QString());
                err(QStringLiteral("notice: %1: the recognizer heard no speech").arg(line.path));
            } else if (!answered && m_t - line.end <= kNoReply) {
                continue;
            }
            m_awaited = -1;
        }
        if (m_session.isEnded() || hungUp) {
            if (idle())
                break; // the goodbye has been played
            continue;
        }
        if (!idle() || m_t - m_lastBusy < kGap)
            continue;
        const int next = int(std::count_if(m_lines.begin(), m_lines.end(), [](const CallerLine &l) { return l.start >= 0; }));
        if (next > 0)
            finishTurn(next - 1, m_t);
        else {
            QString file;
            writeSegment(QStringLiteral("turn-0.wav"), 0, m_t, &file);
            emitLine({ { "type", "turn_audio" }, { "turn", 0 }, { "agent_wav", file } }, QStringLiteral("[greeting: %1]").arg(file));
        }
        if (next < int(m_lines.size())) {
            m_current = next;
            m_lines[std::size_t(next)].start = m_t;
        } else {
            m_session.end(QStringLiteral("hangup"));
            hungUp = true;
        }
    }
    // Lines the call ended before (the agent hung up or handed over) are reported as unplayed.
    const int played = int(std::count_if(m_lines.begin(), m_lines.end(), [](const CallerLine &l) { return l.start >= 0; }));
    if (!hungUp && played > 0 && m_lines[std::size_t(played - 1)].end >= 0)
        finishTurn(played - 1, m_t);
    for (int i = played; i < int(m_lines.size()); ++i)
        err(QStringLiteral("notice: the call ended before %1 was played").arg(m_lines[std::size_t(i)].path));
    if (m_t >= cap)
        err(QStringLiteral("voice: the call did not finish within %1 s of audio; hanging up").arg(cap / kRate));
    if (!m_session.isEnded())
        m_session.end(QStringLiteral("hangup"));

    // The whole call, caller and agent mixed, for listening.
    std::vector<std::int16_t> mix(m_agent.size());
    for (std::size_t i = 0; i < mix.size(); ++i)
        mix[i] = std::int16_t(std::clamp(int(m_agent[i]) + int(m_caller[i]), -32768, 32767));
    QString error;
    const QString callFile = QDir(m_outDir).filePath(QStringLiteral("call.wav"));
    if (!WavWriter::write(callFile, mix, kRate, AudioEncoding::Pcm16, &error)) {
        err(QStringLiteral("voice: --out-dir: cannot write %1: %2").arg(callFile, error));
        m_failed = true;
    }
    emitLine({ { "type", "call_audio" }, { "wav", callFile }, { "duration_ms", qRound64(ms(m_t)) } },
             QStringLiteral("[whole call: %1]").arg(callFile));
    return !m_failed;
}

} // namespace

int runVoice(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "A spoken call from WAV files: each --in file (any rate) is the caller's next line, played into the speech "
            "pipeline after the agent has finished speaking. Prints the chat events plus stt_final and, per turn, "
            "latency_ms measured on the audio (end of the caller's speech → first agent sound); writes turn-N.wav "
            "(the agent's answer to line N; turn-0.wav is the greeting) and call.wav to --out-dir."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("agent"), QStringLiteral("Agent slug, name or file (e.g. order-tracker)."), QStringLiteral("NAME|FILE") });
    parser.addOption({ QStringLiteral("in"), QStringLiteral("The caller's next line as a WAV file (repeatable, in order)."), QStringLiteral("WAV") });
    parser.addOption({ QStringLiteral("out-dir"), QStringLiteral("Folder for the agent's audio (created if needed)."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("realtime"), QStringLiteral("Pace the call in real time (default: as fast as possible on the same timeline).") });
    parser.addOption({ QStringLiteral("brain"), QStringLiteral("playbook (default, offline) or llm."), QStringLiteral("KIND"), QStringLiteral("playbook") });
    parser.addOption({ QStringLiteral("caller"), QStringLiteral("Caller ID of an inbound call (may identify the customer)."), QStringLiteral("PHONE") });
    parser.addOption({ QStringLiteral("customer"), QStringLiteral("Customer the call is about."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("order"), QStringLiteral("Order the call is about."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("cart"), QStringLiteral("Cart the call is about."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("jsonl"), QStringLiteral("Print every event as one JSON object per line.") });
    int code = Ok;
    if (!parse(parser, args, &code))
        return code;
    if (!parser.positionalArguments().mid(1).isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parser.positionalArguments().value(1)));
    for (const char *required : { "db", "agent", "in", "out-dir" })
        if (parser.value(QLatin1String(required)).isEmpty())
            return usageError(QStringLiteral("--%1 is required").arg(QLatin1String(required)));
    Clock clock;
    if (!clockFrom(parser, &clock))
        return Usage;

    std::vector<CallerLine> lines;
    for (const QString &path : parser.values(QStringLiteral("in"))) {
        CallerLine line;
        QString error;
        if (!loadLine(path, &line, &error))
            return usageError(error);
        lines.push_back(std::move(line));
    }
    const QString outDir = parser.value(QStringLiteral("out-dir"));
    if (!QDir().mkpath(outDir))
        return usageError(QStringLiteral("--out-dir: cannot create %1").arg(outDir));

    CatalogueEntry entry;
    if (!agentFrom(parser, QStringLiteral("voice"), &entry, &code))
        return code;
    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    SqlStore store(*db);
    ToolRegistry tools(store);
    analytics::CallRecordStore records(*db);
    auto analyser = nlu::Analyser::builtin();
    if (!analyser.ok()) {
        err(QStringLiteral("error: NLU lexicon: %1").arg(analyser.error()));
        return Failed;
    }
    SessionRequest request;
    request.agent = entry.agent;
    request.agentPath = entry.path;
    request.brainKind = parser.value(QStringLiteral("brain"));
    request.subject = subjectFrom(parser);
    request.channel = QStringLiteral("voice");
    request.clock = clock;
    analytics::CallRecorder recorder(records); // outlives the session
    EngineServices services{ store, tools, &recorder, std::make_shared<const nlu::Analyser>(std::move(analyser).value()) };
    QStringList notices;
    auto created = createSession(request, services, &notices);
    for (const QString &n : notices)
        err(QStringLiteral("notice: %1").arg(n));
    if (!created.ok()) {
        err(QStringLiteral("voice: %1").arg(created.error()));
        return Failed;
    }
    std::unique_ptr<Session> session = std::move(created).value();

    // Speech engines chosen by the agent's sttProvider / ttsProvider; without a key the embedded
    // engines serve, and a provider failing mid-call falls back to them.
    SpeechProviders providers(QProcessEnvironment::systemEnvironment());
    SpeechChoice choice = providers.choose(entry.agent.sttProvider, entry.agent.sttModel, entry.agent.ttsProvider,
                                           [](const QString &reason) { err(QStringLiteral("notice: %1").arg(reason)); });
    for (const QString &n : choice.notices)
        err(QStringLiteral("notice: %1").arg(n));
    if (!choice.tts) {
        err(QStringLiteral("voice: %1").arg(choice.ttsProblem));
        return Failed;
    }

    const bool jsonl = parser.isSet(QStringLiteral("jsonl"));
    std::unique_ptr<SpeechPipeline> pipeline;
    std::unique_ptr<VoiceCall> call;
    pipeline = std::make_unique<SpeechPipeline>(speechConfigFor(entry.agent, *session), std::move(choice.stt), choice.tts.get(),
                                                [&call](const SpeechEvent &e) {
                                                    if (call)
                                                        call->onSpeechEvent(e);
                                                });
    call = std::make_unique<VoiceCall>(*session, *pipeline, lines, jsonl, parser.isSet(QStringLiteral("realtime")), outDir);
    if (!pipeline->start()) {
        err(QStringLiteral("voice: the caller cannot be heard: %1").arg(pipeline->hearingProblem()));
        err(QStringLiteral("voice: use 'ringside-engine chat --agent %1' to type the caller's words instead")
                    .arg(parser.value(QStringLiteral("agent"))));
        return Failed;
    }
    QObject::connect(session.get(), &Session::event, session.get(), [&call](const SessionEvent &ev) { call->onSessionEvent(ev); });
    session->start();
    const bool ok = call->run();
    call.reset();
    pipeline.reset();
    if (!jsonl && !recorder.recordId().isEmpty())
        err(QStringLiteral("call record %1").arg(recorder.recordId()));
    return ok ? Ok : Failed;
}

} // namespace ringside::cli
