#include "telephony/loadgenerator.h"

#include "telephony/twilioweb.h"

#include "speech/mulaw.h"
#include "speech/resampler.h"
#include "speech/wavreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QNetworkReply>

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
    if (turnLatenciesMs.empty())
        return -1;
    std::vector<int> sorted = turnLatenciesMs;
    std::sort(sorted.begin(), sorted.end());
    // Nearest rank: the smallest value with at least p% of the samples at or below it.
    const auto rank = std::size_t(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

QString LoadReport::toText() const
{
    QString t;
    t += QStringLiteral("calls             %1 (answered %2, ended by the engine first %3)\n").arg(calls).arg(answered).arg(droppedCalls);
    t += QStringLiteral("frames            %1 sent, %2 received\n").arg(framesSent).arg(framesReceived);
    t += QStringLiteral("late frames       %1 (%2 ms of gaps heard)\n").arg(lateFrames).arg(gapMs);
    if (turnLatenciesMs.empty())
        t += QStringLiteral("turn latency      no turns answered\n");
    else
        t += QStringLiteral("turn latency      p50 %1 ms, p95 %2 ms, p99 %3 ms (%4 turns)\n")
                     .arg(percentile(50))
                     .arg(percentile(95))
                     .arg(percentile(99))
                     .arg(turnLatenciesMs.size());
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
    return { { "calls", calls },
             { "answered", answered },
             { "dropped_calls", droppedCalls },
             { "frames_sent", framesSent },
             { "frames_received", framesReceived },
             { "late_frames", lateFrames },
             { "gap_ms", gapMs },
             { "sender_stalls", senderStalls },
             { "turns", turnLatenciesMs.size() },
             { "turn_latency_ms", { { "p50", percentile(50) }, { "p95", percentile(95) }, { "p99", percentile(99) } } },
             { "engine_cpu_percent", engineCpuPercent },
             { "cpu_source", cpuSource },
             { "loadgen_cpu_percent", localCpuPercent },
             { "wall_seconds", wallSeconds } };
}

struct LoadGenerator::Caller
{
    enum class Phase { WaitingForAgent, Speaking, Listening, Done };
    std::unique_ptr<StandInCaller> phone;
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
    m_clock.start();
    dialNext();
    if (int(m_callers.size()) < m_config.calls)
        m_dialTimer.start();
}

void LoadGenerator::dialNext()
{
    if (m_stopping || int(m_callers.size()) >= m_config.calls) {
        m_dialTimer.stop();
        return;
    }
    const int n = int(m_callers.size()) + 1;
    StandInCaller::Config c;
    c.url = m_config.url;
    c.streamSid = QStringLiteral("MZload%1").arg(n);
    c.callSid = QStringLiteral("CAload%1x%2").arg(n).arg(QCoreApplication::applicationPid());
    c.from = QStringLiteral("+9198%1").arg(10000000 + n, 8, 10, QLatin1Char('0'));
    c.to = QStringLiteral("+918000000000");
    c.customParameters.insert(QStringLiteral("direction"), QStringLiteral("inbound"));
    if (!m_config.streamSecret.isEmpty())
        c.customParameters.insert(QLatin1String(kStreamAuthParameter), streamAuthValue(m_config.streamSecret, c.callSid));
    auto caller = std::make_unique<Caller>();
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
    const int turnCount = m_config.texts.isEmpty() ? int(m_config.utterances.size()) : int(m_config.texts.size());
    const bool timeUp = m_wall.elapsed() >= qint64(m_config.durationSeconds) * 1000;
    bool allClosed = int(m_callers.size()) == m_config.calls;
    for (auto &c : m_callers) {
        c->phone->tick(now);
        allClosed &= c->closed;
        if (c->closed || c->hungUp)
            continue;
        if (timeUp) {
            c->hungUp = true;
            c->phone->hangUp();
            continue;
        }
        if (c->phase == Caller::Phase::Speaking || turnCount == 0)
            continue;
        // Speak when the agent has said something and gone quiet, or after waiting too long.
        const bool agentDone = c->lastAgentSpeechNs > c->phaseSinceNs && !c->phone->agentActive(now, kAgentQuietMs);
        if (!agentDone && now - c->phaseSinceNs < kTurnTimeoutNs)
            continue;
        const int turn = c->nextTurn++ % turnCount;
        c->phaseSinceNs = now;
        if (!m_config.texts.isEmpty()) {
            c->phone->sayText(m_config.texts.at(turn));
            c->phase = Caller::Phase::Listening;
        } else {
            c->phone->say(m_config.utterances[std::size_t(turn)]);
            c->phase = Caller::Phase::Speaking;
        }
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
    for (const auto &c : m_callers) {
        const StandInCaller::Stats &s = c->phone->stats();
        m_report.answered += s.answered ? 1 : 0;
        m_report.droppedCalls += c->closed && !c->hungUp ? 1 : 0;
        m_report.framesSent += s.framesSent;
        m_report.framesReceived += s.mediaFramesReceived;
        m_report.lateFrames += s.lateFrames;
        m_report.gapMs += s.gapMs;
        m_report.senderStalls += s.sendLateTicks;
        m_report.turnLatenciesMs.insert(m_report.turnLatenciesMs.end(), s.turnLatenciesMs.begin(), s.turnLatenciesMs.end());
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
        const qint64 cpu = doc.is_object() ? doc.value("process_cpu_ms", qint64(-1)) : qint64(-1);
        if (!atEnd) {
            m_engineCpuStartMs = cpu;
            return;
        }
        if (cpu >= 0 && m_engineCpuStartMs >= 0) {
            m_report.engineCpuPercent = 100.0 * double(cpu - m_engineCpuStartMs) / double(std::max<qint64>(1, wallAtRequest));
            m_report.cpuSource = QStringLiteral("gateway /healthz");
        }
        Q_EMIT finished();
    });
}

} // namespace ringside::telephony
