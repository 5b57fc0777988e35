#include "telephony/loadgenerator.h"

#include "conversation/eventtype.h"
#include "util/remotejson.h"

#include "telephony/twilioweb.h"

#include "speech/mulaw.h"
#include "speech/resampler.h"
#include "speech/wavreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QNetworkReply>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>
#include <cmath>
#include <sys/resource.h>

namespace ringside::telephony {

namespace {

constexpr qint64 kMs = 1'000'000;
constexpr int kAgentQuietMs = 700;      // the agent has finished when it has been quiet this long
constexpr qint64 kTurnTimeoutNs = 10'000 * kMs; // no answer: speak again anyway

qint64 localCpuMs()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

} // namespace

int LoadReport::percentile(double p) const
{
    return percentile(turnLatenciesMs, p);
}

int LoadReport::percentile(const std::vector<int> &values, double p)
{
    if (values.empty())
        return -1;
    std::vector<int> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    // Nearest rank: the smallest value with at least p% of the samples at or below it.
    const auto rank = std::size_t(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

QString LoadReport::toText() const
{
    QString t;
    t += QStringLiteral("calls             %1 (answered %2, ended by the engine first %3)\n").arg(calls).arg(answered).arg(droppedCalls);
    if (callsEndedByScript > 0)
        t += QStringLiteral("                  %1 more placed after the agent ended a call at the script's end\n").arg(callsEndedByScript);
    t += QStringLiteral("frames            %1 sent, %2 received\n").arg(framesSent).arg(framesReceived);
    t += QStringLiteral("late frames       %1 (%2 ms of gaps heard)\n").arg(lateFrames).arg(gapMs);
    if (gatewayLateFrames >= 0)
        t += QStringLiteral("frames sent late  %1 of %2 (left the gateway > 20 ms after their slot)\n").arg(gatewayLateFrames).arg(gatewayFramesSent);
    if (gatewayLateFrames > 0 && !gatewayLateByMs.empty()) {
        QStringList parts;
        for (auto it = gatewayLateByMs.cbegin(); it != gatewayLateByMs.cend(); ++it) {
            const auto next = std::next(it);
            parts << (next == gatewayLateByMs.cend() ? QStringLiteral("> %1 ms: %2").arg(it->first).arg(it->second)
                                                      : QStringLiteral("%1–%2 ms: %3").arg(it->first).arg(next->first).arg(it->second));
        }
        t += QStringLiteral("  late by         %1\n").arg(parts.join(QStringLiteral(", ")));
    }
    if (gatewayLateFrames > 0 && gatewayLateQueuedLate >= 0)
        t += QStringLiteral("  queued late     %1 (already > 20 ms past their slot when their call's worker queued them)\n").arg(gatewayLateQueuedLate);
    if (turnLatenciesMs.empty())
        t += QStringLiteral("turn latency      no turns answered\n");
    else
        t += QStringLiteral("turn latency      p50 %1 ms, p95 %2 ms, p99 %3 ms (%4 turns)\n")
                     .arg(percentile(50))
                     .arg(percentile(95))
                     .arg(percentile(99))
                     .arg(turnLatenciesMs.size());
    if (latenciesByKind.size() > 1 || (latenciesByKind.size() == 1 && !latenciesByKind.begin()->first.isEmpty())) {
        for (const auto &[kind, values] : latenciesByKind)
            t += QStringLiteral("  %1 p50 %2 ms, p95 %3 ms, max %4 ms (%5 turns)\n")
                         .arg(kind.isEmpty() ? QStringLiteral("(other)") : kind, -14)
                         .arg(percentile(values, 50))
                         .arg(percentile(values, 95))
                         .arg(percentile(values, 100))
                         .arg(values.size());
    }
    if (idsExpected > 0)
        t += idsLookedUp >= 0 ? QStringLiteral("IDs looked up     %1 of %2 read out\n").arg(idsLookedUp).arg(idsExpected)
                              : QStringLiteral("IDs looked up     unknown (/monitor refused; give the gateway's token)\n");
    if (engineCpuPercent >= 0)
        t += QStringLiteral("engine CPU        %1% of one core (%2)\n").arg(engineCpuPercent, 0, 'f', 1).arg(cpuSource);
    else
        t += QStringLiteral("engine CPU        unknown (the gateway's /healthz did not answer)\n");
    t += QStringLiteral("loadgen CPU       %1% of one core%2\n")
                 .arg(localCpuPercent, 0, 'f', 1)
                 .arg(senderStalls > 0 ? QStringLiteral("; it fell behind its own pace %1 times").arg(senderStalls) : QString());
    t += QStringLiteral("wall              %1 s").arg(wallSeconds, 0, 'f', 1);
    return t;
}

json LoadReport::toJson() const
{
    json kinds = json::object();
    for (const auto &[kind, values] : latenciesByKind)
        kinds[kind.isEmpty() ? std::string("other") : kind.toStdString()] = {
            { "turns", values.size() }, { "p50", percentile(values, 50) }, { "p95", percentile(values, 95) }, { "max", percentile(values, 100) }
        };
    json lateBy = json::object();
    for (const auto &[ms, frames] : gatewayLateByMs)
        lateBy[std::to_string(ms)] = frames;
    return { { "calls", calls },
             { "answered", answered },
             { "dropped_calls", droppedCalls },
             { "calls_ended_by_script", callsEndedByScript },
             { "frames_sent", framesSent },
             { "frames_received", framesReceived },
             { "late_frames", lateFrames },
             { "gap_ms", gapMs },
             { "sender_stalls", senderStalls },
             { "turns", turnLatenciesMs.size() },
             { "turn_latency_ms", { { "p50", percentile(50) }, { "p95", percentile(95) }, { "p99", percentile(99) } } },
             { "turn_latency_by_kind_ms", kinds },
             { "gateway_late_frames", gatewayLateFrames },
             { "gateway_frames_sent", gatewayFramesSent },
             { "gateway_late_frames_by_ms", lateBy },
             { "gateway_late_frames_queued_late", gatewayLateQueuedLate },
             { "ids_expected", idsExpected },
             { "ids_looked_up", idsLookedUp },
             { "engine_cpu_percent", engineCpuPercent },
             { "cpu_source", cpuSource },
             { "loadgen_cpu_percent", localCpuPercent },
             { "wall_seconds", wallSeconds } };
}

struct LoadGenerator::Caller
{
    enum class Phase { WaitingForAgent, Speaking, Listening, Done };
    struct Said
    {
        qint64 atNs = 0;
        QString expectId;
        bool lookedUp = false;
    };
    int index = 0;                 // the caller's slot: its script (voice) and its place among the C calls
    bool replaced = false;         // the engine ended the call after the whole script; a new call took the slot
    std::unique_ptr<StandInCaller> phone;
    std::vector<Said> said;
    Phase phase = Phase::WaitingForAgent;
    qint64 phaseSinceNs = 0;
    qint64 lastAgentSpeechNs = 0;
    int nextTurn = 0;
    bool hungUp = false;
    bool closed = false;
};

LoadGenerator::LoadGenerator(Config config, QObject *parent) : QObject(parent), m_config(std::move(config))
{
    m_clock.setTimerType(Qt::PreciseTimer);
    m_clock.setInterval(10);
    connect(&m_clock, &QTimer::timeout, this, &LoadGenerator::onTick);
    m_dialTimer.setInterval(std::max(1, m_config.rampMs));
    connect(&m_dialTimer, &QTimer::timeout, this, &LoadGenerator::dialNext);
    // Every source of turns becomes scripts, so callers need only one way to take their next turn.
    if (!m_config.scripts.empty()) {
        m_scripts = m_config.scripts;
    } else if (!m_config.texts.isEmpty()) {
        CallScript script;
        for (const QString &t : std::as_const(m_config.texts))
            script.push_back({ QStringLiteral("typed"), t, QString(), {} });
        m_scripts.push_back(std::move(script));
    } else if (!m_config.utterances.empty()) {
        CallScript script;
        for (std::size_t i = 0; i < m_config.utterances.size(); ++i)
            script.push_back({ m_config.utteranceKinds.value(qsizetype(i)), QString(), QString(), m_config.utterances[i] });
        m_scripts.push_back(std::move(script));
    }
}

const CallScript &LoadGenerator::scriptFor(int callerIndex) const
{
    return m_scripts[std::size_t(callerIndex) % m_scripts.size()];
}

LoadGenerator::~LoadGenerator() = default;

Result<std::vector<std::vector<std::int16_t>>> LoadGenerator::readUtterances(const QString &dir, QStringList *names)
{
    using R = Result<std::vector<std::vector<std::int16_t>>>;
    const QDir d(dir);
    if (!d.exists())
        return R::failure(QStringLiteral("%1: no such folder").arg(dir));
    std::vector<std::vector<std::int16_t>> out;
    const QStringList files = d.entryList({ QStringLiteral("*.wav"), QStringLiteral("*.ulaw"), QStringLiteral("*.mulaw") }, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        const QString path = d.filePath(name);
        if (name.endsWith(QLatin1String(".wav"), Qt::CaseInsensitive)) {
            auto wav = WavReader::read(path);
            if (!wav.ok())
                return R::failure(QStringLiteral("%1: %2").arg(path, wav.error()));
            out.push_back(Resampler::convert(wav->samples, wav->sampleRate, 8000));
        } else {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return R::failure(QStringLiteral("%1: %2").arg(path, f.errorString()));
            const QByteArray bytes = f.readAll();
            std::vector<std::int16_t> pcm(std::size_t(bytes.size()));
            muLawDecode(reinterpret_cast<const std::uint8_t *>(bytes.constData()), pcm.size(), pcm.data());
            out.push_back(std::move(pcm));
        }
        if (out.back().size() < 800)
            return R::failure(QStringLiteral("%1: shorter than 100 ms of audio").arg(path));
        if (names)
            *names << name;
    }
    if (out.empty())
        return R::failure(QStringLiteral("%1: no .wav, .ulaw or .mulaw files").arg(dir));
    return out;
}

void LoadGenerator::start()
{
    m_wall.start();
    m_localCpuStartMs = localCpuMs();
    readEngineCpu(false);
    m_report.calls = m_config.calls;
    watchMonitor();
    m_clock.start();
    dialNext();
    if (int(m_callers.size()) < m_config.calls)
        m_dialTimer.start();
}

void LoadGenerator::dialNext()
{
    if (m_stopping || m_slotsDialled >= m_config.calls) {
        m_dialTimer.stop();
        return;
    }
    dial(m_slotsDialled++);
}

void LoadGenerator::dial(int slot)
{
    const int n = int(m_callers.size()) + 1;
    StandInCaller::Config c;
    c.url = m_config.url;
    c.streamSid = QStringLiteral("MZload%1").arg(n);
    c.callSid = QStringLiteral("CAload%1x%2").arg(n).arg(QCoreApplication::applicationPid());
    c.from = QStringLiteral("+9198%1").arg(10000000 + n, 8, 10, QLatin1Char('0'));
    c.to = QStringLiteral("+918000000000");
    c.customParameters.insert(QStringLiteral("direction"), QStringLiteral("inbound"));
    c.streamSecret = m_config.streamSecret; // signed as the gateway's own TwiML would be
    auto caller = std::make_unique<Caller>();
    caller->index = slot;
    m_callerByCallSid.insert(c.callSid, n - 1);
    caller->phone = std::make_unique<StandInCaller>(c);
    Caller *raw = caller.get();
    connect(raw->phone.get(), &StandInCaller::mediaReceived, this, [raw](int, bool speech) {
        if (speech)
            raw->lastAgentSpeechNs = StandInCaller::nowNs();
    });
    connect(raw->phone.get(), &StandInCaller::utteranceSent, this, [raw] {
        raw->phase = Caller::Phase::Listening;
        raw->phaseSinceNs = StandInCaller::nowNs();
    });
    connect(raw->phone.get(), &StandInCaller::closed, this, [raw] { raw->closed = true; });
    raw->phaseSinceNs = StandInCaller::nowNs();
    raw->phone->dial(false);
    m_callers.push_back(std::move(caller));
}

void LoadGenerator::onTick()
{
    const qint64 now = StandInCaller::nowNs();
    const bool timeUp = m_wall.elapsed() >= qint64(m_config.durationSeconds) * 1000;
    bool allClosed = m_slotsDialled == m_config.calls;
    std::vector<int> redial;
    for (std::size_t i = 0; i < m_callers.size(); ++i) {
        Caller *c = m_callers[i].get();
        if (c->replaced)
            continue;
        c->phone->tick(now);
        if (c->closed && !c->hungUp && !timeUp && !m_stopping && !m_scripts.empty()
            && c->nextTurn >= int(scriptFor(c->index).size())) {
            // The agent said goodbye after the whole script: the slot calls again, so the run keeps
            // C calls up and sees more first turns.
            c->replaced = true;
            redial.push_back(c->index);
            continue;
        }
        allClosed &= c->closed;
        if (c->closed || c->hungUp)
            continue;
        if (timeUp) {
            c->hungUp = true;
            c->phone->hangUp();
            continue;
        }
        if (c->phase == Caller::Phase::Speaking || m_scripts.empty())
            continue;
        // Speak when the agent has said something and gone quiet, or after waiting too long.
        const bool agentDone = c->lastAgentSpeechNs > c->phaseSinceNs && !c->phone->agentActive(now, kAgentQuietMs);
        if (!agentDone && now - c->phaseSinceNs < kTurnTimeoutNs)
            continue;
        const CallScript &script = scriptFor(c->index);
        const ScriptTurn &turn = script[std::size_t(c->nextTurn++) % script.size()];
        c->phaseSinceNs = now;
        c->said.push_back({ now, turn.expectId, false });
        if (turn.pcm.empty()) {
            c->phone->sayText(turn.text);
            c->phase = Caller::Phase::Listening;
        } else {
            c->phone->say(turn.pcm, -1, turn.kind);
            c->phase = Caller::Phase::Speaking;
        }
    }
    for (int slot : redial) {
        ++m_report.callsEndedByScript;
        dial(slot);
        allClosed = false;
    }
    if (timeUp && !m_stopping) {
        m_stopping = true;
        m_dialTimer.stop();
        QTimer::singleShot(3000, this, &LoadGenerator::finish); // callers that never close
    }
    // Done once everyone has hung up, or the gateway has closed every call (shutdown, refusal).
    if (allClosed) {
        m_stopping = true;
        finish();
    }
}

void LoadGenerator::finish()
{
    if (!m_clock.isActive())
        return;
    m_clock.stop();
    m_report.wallSeconds = double(m_wall.elapsed()) / 1000.0;
    m_report.calls = int(m_callers.size());
    for (const auto &c : m_callers) {
        const StandInCaller::Stats &s = c->phone->stats();
        m_report.answered += s.answered ? 1 : 0;
        m_report.droppedCalls += c->closed && !c->hungUp && !c->replaced ? 1 : 0;
        m_report.framesSent += s.framesSent;
        m_report.framesReceived += s.mediaFramesReceived;
        m_report.lateFrames += s.lateFrames;
        m_report.gapMs += s.gapMs;
        m_report.senderStalls += s.sendLateTicks;
        m_report.turnLatenciesMs.insert(m_report.turnLatenciesMs.end(), s.turnLatenciesMs.begin(), s.turnLatenciesMs.end());
        for (std::size_t i = 0; i < s.turnLatenciesMs.size(); ++i)
            m_report.latenciesByKind[s.turnKinds.value(qsizetype(i))].push_back(s.turnLatenciesMs[i]);
        // IDs read out in full (the caller finished the turn before the run ended).
        for (std::size_t i = 0; i < c->said.size(); ++i) {
            const bool finished = i + 1 < c->said.size() || c->phase != Caller::Phase::Speaking;
            if (!c->said[i].expectId.isEmpty() && finished) {
                ++m_report.idsExpected;
                if (m_monitorOpen)
                    m_report.idsLookedUp = std::max(0, m_report.idsLookedUp) + (c->said[i].lookedUp ? 1 : 0);
            }
        }
    }
    if (m_monitor) {
        m_monitor->disconnect(this);
        m_monitor->close();
    }
    m_report.localCpuPercent = 100.0 * double(localCpuMs() - m_localCpuStartMs) / std::max<qint64>(1, m_wall.elapsed());
    readEngineCpu(true);
}

void LoadGenerator::readEngineCpu(bool atEnd)
{
    QUrl health = m_config.url;
    health.setScheme(health.scheme() == QLatin1String("wss") ? QStringLiteral("https") : QStringLiteral("http"));
    health.setPath(QStringLiteral("/healthz"));
    health.setQuery(QString());
    QNetworkRequest request(health);
    request.setTransferTimeout(2000);
    QNetworkReply *reply = m_network.get(request);
    const qint64 wallAtRequest = m_wall.elapsed();
    connect(reply, &QNetworkReply::finished, this, [this, reply, atEnd, wallAtRequest] {
        reply->deleteLater();
        const json doc = json::parse(reply->readAll().toStdString(), nullptr, false);
        const qint64 cpu = intAt(doc, "process_cpu_ms", -1);
        const qint64 late = intAt(doc, "late_frames", -1);
        const qint64 sent = intAt(doc, "frames_sent", -1);
        std::map<int, qint64> lateBy;
        if (doc.is_object() && doc.contains("late_frames_by_ms") && doc["late_frames_by_ms"].is_object()) {
            for (const auto &[key, value] : doc["late_frames_by_ms"].items()) {
                bool ok = false;
                const int ms = QString::fromStdString(key).toInt(&ok);
                if (ok && value.is_number_integer())
                    lateBy[ms] = value.get<qint64>();
            }
        }
        if (!atEnd) {
            m_gatewayLateByMsStart = lateBy;
            m_gatewayQueuedLateStart = intAt(doc, "late_frames_queued_late", -1);
            m_engineCpuStartMs = cpu;
            m_gatewayLateStart = late;
            m_gatewaySentStart = sent;
            return;
        }
        if (late >= 0 && m_gatewayLateStart >= 0) {
            m_report.gatewayLateFrames = late - m_gatewayLateStart;
            m_report.gatewayFramesSent = sent - m_gatewaySentStart;
            for (const auto &[ms, frames] : lateBy)
                m_report.gatewayLateByMs[ms] = frames - m_gatewayLateByMsStart[ms];
            const qint64 queuedLate = intAt(doc, "late_frames_queued_late", -1);
            if (queuedLate >= 0 && m_gatewayQueuedLateStart >= 0)
                m_report.gatewayLateQueuedLate = queuedLate - m_gatewayQueuedLateStart;
        }
        if (cpu >= 0 && m_engineCpuStartMs >= 0) {
            m_report.engineCpuPercent = 100.0 * double(cpu - m_engineCpuStartMs) / double(std::max<qint64>(1, wallAtRequest));
            m_report.cpuSource = QStringLiteral("gateway /healthz");
        }
        Q_EMIT finished();
    });
}

} // namespace ringside::telephony

namespace ringside::telephony {

// The consoles' feed tells which IDs the agent looked up: each tool call naming an expected ID
// counts for the caller's turn in progress when it arrived.
void LoadGenerator::watchMonitor()
{
    const bool wantsIds = std::any_of(m_scripts.begin(), m_scripts.end(), [](const CallScript &s) {
        return std::any_of(s.begin(), s.end(), [](const ScriptTurn &t) { return !t.expectId.isEmpty(); });
    });
    if (!wantsIds)
        return;
    QUrl url = m_config.url;
    url.setPath(QStringLiteral("/monitor"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("operator"), QStringLiteral("loadgen"));
    if (!m_config.monitorToken.isEmpty())
        query.addQueryItem(QStringLiteral("token"), m_config.monitorToken);
    url.setQuery(query);
    m_monitor = std::make_unique<QWebSocket>();
    connect(m_monitor.get(), &QWebSocket::connected, this, [this] { m_monitorOpen = true; });
    connect(m_monitor.get(), &QWebSocket::textMessageReceived, this, &LoadGenerator::onMonitorMessage);
    m_monitor->open(url);
}

void LoadGenerator::onMonitorMessage(const QString &text)
{
    const json msg = json::parse(text.toStdString(), nullptr, false);
    if (!msg.is_object() || stringAt(msg, "type") != QLatin1String("call_event"))
        return;
    const json event = msg.value("event", json::object());
    if (eventTypeOf(stringAt(event, "type")) != EventType::ToolCall)
        return;
    const auto it = m_callerByCallSid.constFind(stringAt(msg, "call_id"));
    if (it == m_callerByCallSid.constEnd() || std::size_t(*it) >= m_callers.size())
        return;
    Caller &c = *m_callers[std::size_t(*it)];
    if (c.said.empty())
        return;
    auto normal = [](QString id) { return id.remove(QLatin1Char('-')).remove(QLatin1Char(' ')).toUpper(); };
    const QString arguments = normal(QString::fromStdString(event.value("arguments", json::object()).dump()));
    Caller::Said &turn = c.said.back();
    if (!turn.expectId.isEmpty() && arguments.contains(normal(turn.expectId)))
        turn.lookedUp = true;
}

} // namespace ringside::telephony
