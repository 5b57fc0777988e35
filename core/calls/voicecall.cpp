#include "calls/voicecall.h"
#include "conversation/eventtype.h"

#include "calls/callspeech.h"

#include "engine/session.h"
#include "speech/audiolevel.h"
#include "speech/resampler.h"
#include "speech/wavreader.h"
#include "speech/wavwriter.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>
#include <chrono>
#include <thread>

namespace ringside {

namespace {

constexpr int kRate = VoiceCall::kRate;
constexpr std::size_t kFrame = kRate / 50;    // 20 ms, as gateways and sound cards deliver it
constexpr std::int64_t kGap = kRate / 2;      // the caller waits 500 ms after the agent stops
constexpr std::int64_t kNotHeard = kRate * 15; // a line with no recognizer answer 15 s after it ended
constexpr std::int64_t kNoReply = kRate * 30;  // a turn the agent has not finished 30 s after the line
constexpr double kAgentSoundRms = 200.0;       // the agent track is clean: silence is zeros

double ms(std::int64_t samples) { return samplesToMs(samples, kRate); }

} // namespace

Result<CallerLine> VoiceCall::loadLine(const QString &path)
{
    using R = Result<CallerLine>;
    const Result<WavData> wav = WavReader::read(path);
    if (!wav.ok())
        return R::failure(QStringLiteral("%1: %2").arg(path, wav.error()));
    CallerLine line;
    line.path = path;
    line.audio = Resampler::convert(wav->samples, wav->sampleRate, kRate);
    const double threshold = soundThresholdRms(line.audio.data(), line.audio.size(), kRate);
    line.speechEnd = endOfSoundSample(line.audio.data(), line.audio.size(), kRate, threshold);
    if (line.speechEnd < 0)
        return R::failure(QStringLiteral("%1: no speech found (the recording is silent)").arg(path));
    return R(std::move(line));
}

VoiceCall::VoiceCall(Session &session, SpeechPipeline &pipeline, std::vector<CallerLine> &lines, bool realtime, QString outDir,
                     Output output)
    : m_session(session)
    , m_pipeline(&pipeline)
    , m_lines(lines)
    , m_realtime(realtime)
    , m_outDir(std::move(outDir))
    , m_output(std::move(output))
{
    // The agent's words are spoken as the session says them.
    m_connection = QObject::connect(&session, &Session::eventOccurred, &session, [this](const SessionEvent &ev) {
        if (ev.is(EventType::Agent))
            m_pipeline->speak(ev.text());
    });
}

VoiceCall::~VoiceCall()
{
    QObject::disconnect(m_connection);
}

void VoiceCall::onSpeechEvent(const SpeechEvent &e)
{
    m_speech.push_back(e);
}

void VoiceCall::emitLine(const json &j, const QString &plain)
{
    m_output.report(j, plain, false);
}

bool VoiceCall::idle() const
{
    return !m_pipeline->isAgentSpeaking() && !m_pipeline->isAwaitingAgentAudio() && !m_session.turnInProgress()
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
            m_output.report({ { "type", eventTypeName(EventType::SpeechError) }, { "message", e.text } }, QStringLiteral("speech: %1").arg(e.text), true);
            break;
        default:
            break;
        }
    }
    if (!m_session.isEnded() && !m_session.turnInProgress())
        m_pipeline->setExpectation(sttExpectationFor(m_session.brain().expectation()));
}

bool VoiceCall::writeSegment(const QString &name, std::int64_t from, std::int64_t to, QString *file)
{
    from = std::clamp<std::int64_t>(from, 0, std::int64_t(m_agent.size()));
    to = std::clamp<std::int64_t>(to, from, std::int64_t(m_agent.size()));
    *file = QDir(m_outDir).filePath(name);
    const std::vector<std::int16_t> part(m_agent.begin() + from, m_agent.begin() + to);
    QString error;
    if (!WavWriter::write(*file, part, kRate, AudioEncoding::Pcm16, &error)) {
        m_output.warn(QStringLiteral("voice: --out-dir: cannot write %1: %2").arg(*file, error));
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
        m_pipeline->pushCallerAudio(in.data(), kFrame);
        handleSpeech();
        QCoreApplication::processEvents();
        // Real time paces every frame; otherwise only while something runs beside the timeline
        // (the recognizer's final, speech synthesis, an asynchronous brain), so both modes give
        // that work the same time.
        if (m_realtime || m_pipeline->isAwaitingAgentAudio() || m_pipeline->isAwaitingFinal() || m_session.turnInProgress()) {
            tick += std::chrono::milliseconds(20);
            std::this_thread::sleep_until(tick);
            m_pipeline->pumpEvents();
        } else {
            tick = Clock::now();
        }
        m_pipeline->pullAgentAudio(outFrame.data(), kFrame);
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
                m_output.warn(QStringLiteral("notice: %1: the recognizer heard no speech").arg(line.path));
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
        m_output.warn(QStringLiteral("notice: the call ended before %1 was played").arg(m_lines[std::size_t(i)].path));
    if (m_t >= cap)
        m_output.warn(QStringLiteral("voice: the call did not finish within %1 s of audio; hanging up").arg(cap / kRate));
    if (!m_session.isEnded())
        m_session.end(QStringLiteral("hangup"));

    // The whole call, caller and agent mixed, for listening.
    std::vector<std::int16_t> mix(m_agent.size());
    for (std::size_t i = 0; i < mix.size(); ++i)
        mix[i] = std::int16_t(std::clamp(int(m_agent[i]) + int(m_caller[i]), -32768, 32767));
    QString error;
    const QString callFile = QDir(m_outDir).filePath(QStringLiteral("call.wav"));
    if (!WavWriter::write(callFile, mix, kRate, AudioEncoding::Pcm16, &error)) {
        m_output.warn(QStringLiteral("voice: --out-dir: cannot write %1: %2").arg(callFile, error));
        m_failed = true;
    }
    emitLine({ { "type", "call_audio" }, { "wav", callFile }, { "duration_ms", qRound64(ms(m_t)) } },
             QStringLiteral("[whole call: %1]").arg(callFile));
    return !m_failed;
}

} // namespace ringside
