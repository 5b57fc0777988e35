// How many concurrent live calls a gateway sustains. Each benchmark starts `ringside-engine serve`
// as its own process (so its CPU is its own, read from /healthz) and runs N stand-in Twilio callers
// here for a fixed time: every caller streams 20 ms μ-law frames both ways like a phone line and
// takes turns once the agent has finished speaking.
//   BM_TextCalls/N     typed turns (ringside.text), recognizer off: the gateway, sessions, TTS and pacing
//   BM_SpokenCalls/N   spoken turns heard by the embedded pocketsphinx (spoken-calls.txt in six voices):
//                      the real-time recognition load, turn latency per kind of turn, IDs looked up
// Counters: answered calls, late outbound frames (the caller heard a gap), p50/p95/p99 turn
// latency (end of the caller's words → first agent audio) and engine CPU in % of one core.
// Run: build/bench/bench_telephony [--benchmark_filter=Text]
#include "benchserve.h"
#include "speech/espeaktts.h"
#include "speech/resampler.h"
#include "telephony/loadgenerator.h"
#include "telephony/loadscript.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>


using namespace ringside;

namespace {

QString demoDatabase()
{
    static QTemporaryDir dir;
    static const QString path = bench::writeDemoDatabase(dir.filePath(QStringLiteral("bench.db")));
    return path;
}

// The callers' turns: realistic WISMO calls (tests/bench/telephony/spoken-calls.txt: a first
// question, an order ID alone and inside a sentence, a name with hesitations, thanks), synthesized
// once at 8 kHz in six espeak-ng voices and speeds, one per caller in rotation.
std::vector<telephony::CallScript> spokenScripts()
{
    static const auto scripts = [] {
        auto lines = telephony::readCallScript(QStringLiteral(RINGSIDE_SOURCE_DIR "/tests/bench/telephony/spoken-calls.txt"));
        if (!lines.ok())
            qFatal("%s", qPrintable(lines.error()));
        EspeakTts tts;
        auto made = telephony::synthesizeCallScripts(tts, lines.value(), telephony::defaultScriptVoices());
        if (!made.ok())
            qFatal("%s", qPrintable(made.error()));
        return made.value();
    }();
    return scripts;
}

const QByteArray kStreamSecret = QByteArrayLiteral("bench-stream-secret");

void runCalls(benchmark::State &state, bool spoken)
{
    const int calls = int(state.range(0));
    const int seconds = int(state.range(1));
    for (auto _ : state) {
        QProcess serve;
        QStringList args = { QStringLiteral("--db"), demoDatabase(), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--now"),
                             bench::kBenchNow };
        if (!spoken)
            args << QStringLiteral("--no-stt") << QStringLiteral("--allow-text");
        const QString port = bench::startServe(serve, args, kStreamSecret);
        if (port.isEmpty()) {
            state.SkipWithError("serve did not start");
            return;
        }
        telephony::LoadGenerator::Config config;
        config.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/twilio/media").arg(port));
        config.calls = calls;
        config.durationSeconds = seconds;
        config.rampMs = std::max(2, 2000 / calls);
        config.streamSecret = kStreamSecret; // signed as the gateway's TwiML would sign them
        if (spoken)
            config.scripts = spokenScripts();
        else
            config.texts = { QStringLiteral("where is my order"), QStringLiteral("my order number is O R D 4 8 2 9 1 3") };
        telephony::LoadGenerator generator(config);
        QEventLoop loop;
        QObject::connect(&generator, &telephony::LoadGenerator::finished, &loop, &QEventLoop::quit);
        generator.start();
        loop.exec();
        serve.terminate();
        serve.waitForFinished(15000);

        const telephony::LoadReport &r = generator.report();
        state.counters["answered"] = r.answered;
        state.counters["dropped"] = r.droppedCalls;
        state.counters["late_frames"] = double(r.lateFrames);
        state.counters["gap_ms"] = double(r.gapMs);
        state.counters["turns"] = double(r.turnLatenciesMs.size());
        state.counters["p50_ms"] = r.percentile(50);
        state.counters["p95_ms"] = r.percentile(95);
        state.counters["p99_ms"] = r.percentile(99);
        state.counters["engine_cpu_pct"] = r.engineCpuPercent;
        state.counters["loadgen_cpu_pct"] = r.localCpuPercent;
        state.counters["sender_stalls"] = double(r.senderStalls);
        state.counters["gw_late_frames"] = double(r.gatewayLateFrames);
        state.counters["gw_frames_sent"] = double(r.gatewayFramesSent);
        state.counters["gw_late_queued_late"] = double(r.gatewayLateQueuedLate);
        for (const auto &[ms, frames] : r.gatewayLateByMs) // late by more than ms (to the next bucket)
            state.counters["gw_late_" + std::to_string(ms) + "ms"] = double(frames);
        if (spoken) {
            state.counters["ids_expected"] = r.idsExpected;
            state.counters["ids_looked_up"] = r.idsLookedUp;
            for (const auto &[kind, values] : r.latenciesByKind) {
                const std::string k = kind.isEmpty() ? std::string("other") : kind.toStdString();
                state.counters[k + "_p50"] = telephony::LoadReport::percentile(values, 50);
                state.counters[k + "_p95"] = telephony::LoadReport::percentile(values, 95);
                state.counters[k + "_n"] = double(values.size());
            }
        }
    }
}

void BM_TextCalls(benchmark::State &state)
{
    runCalls(state, false);
}
void BM_SpokenCalls(benchmark::State &state)
{
    runCalls(state, true);
}

} // namespace

BENCHMARK(BM_TextCalls)->Args({ 100, 20 })->Args({ 250, 20 })->Args({ 500, 20 })->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_SpokenCalls)->Args({ 1, 40 })->Args({ 8, 40 })->Args({ 24, 40 })->Args({ 48, 30 })->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
