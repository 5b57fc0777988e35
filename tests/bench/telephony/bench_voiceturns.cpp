// End of caller speech → first agent audio through `ringside-engine voice --realtime`, per kind of
// turn, over the realistic calls of spoken-calls.txt spoken in six espeak-ng voices. One `voice`
// process per voice (one call each), paced in real time so recognition and synthesis take the time
// they take live; latency is what `voice` measures on the audio (turn_audio.latency_ms).
//   BM_VoiceTurns/16000   desktop-quality lines          BM_VoiceTurns/8000   telephone-band lines
// Counters: <kind>_p50 / <kind>_p95 (ms) and <kind>_n, plus all_p50 / all_p95.
// Run: build/bench/bench_voiceturns
#include "benchserve.h"
#include "speech/espeaktts.h"
#include "speech/wavwriter.h"
#include "telephony/loadgenerator.h"
#include "telephony/loadscript.h"
#include "util/clock.h"
#include "util/jsonqt.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <map>

using namespace ringside;

namespace {

void BM_VoiceTurns(benchmark::State &state)
{
    const int rate = int(state.range(0));
    auto lines = telephony::readCallScript(QStringLiteral(RINGSIDE_SOURCE_DIR "/tests/bench/telephony/spoken-calls.txt"));
    if (!lines.ok()) {
        state.SkipWithError(qPrintable(lines.error()));
        return;
    }
    EspeakTts tts;
    auto scripts = telephony::synthesizeCallScripts(tts, lines.value(), telephony::defaultScriptVoices(), rate);
    if (!scripts.ok()) {
        state.SkipWithError(qPrintable(scripts.error()));
        return;
    }
    for (auto _ : state) {
        std::map<QString, std::vector<int>> byKind;
        std::vector<int> all;
        QTemporaryDir dir;
        const QString db = bench::writeDemoDatabase(dir.filePath(QStringLiteral("bench.db")));
        for (std::size_t v = 0; v < scripts->size(); ++v) {
            const telephony::CallScript &script = scripts.value()[v];
            QStringList args = { QStringLiteral("voice"), QStringLiteral("--db"), db, QStringLiteral("--agent"), QStringLiteral("order-tracker"),
                                 QStringLiteral("--now"), bench::kBenchNow, QStringLiteral("--realtime"), QStringLiteral("--jsonl"),
                                 QStringLiteral("--out-dir"), dir.filePath(QStringLiteral("out%1").arg(v)) };
            for (std::size_t t = 0; t < script.size(); ++t) {
                const QString wav = dir.filePath(QStringLiteral("v%1-t%2.wav").arg(v).arg(t));
                QString error;
                // A second of quiet after the words, as a line would carry it.
                std::vector<std::int16_t> pcm = script[t].pcm;
                pcm.resize(pcm.size() + std::size_t(rate), 0);
                if (!WavWriter::write(wav, pcm, rate, AudioEncoding::Pcm16, &error)) {
                    state.SkipWithError(qPrintable(error));
                    return;
                }
                args << QStringLiteral("--in") << wav;
            }
            QProcess voice;
            voice.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            voice.start(bench::engineBinary(), args);
            voice.waitForFinished(180000);
            for (const QByteArray &line : voice.readAllStandardOutput().split('\n')) {
                const json j = json::parse(line.toStdString(), nullptr, false);
                if (!j.is_object() || stringAt(j, "type") != QLatin1String("turn_audio") || !j.contains("latency_ms") || j["latency_ms"].is_null())
                    continue;
                const int turn = j.value("turn", 0);
                if (turn < 1 || std::size_t(turn) > script.size())
                    continue;
                const int ms = j["latency_ms"].get<int>();
                byKind[script[std::size_t(turn - 1)].kind].push_back(ms);
                all.push_back(ms);
            }
        }
        for (const auto &[kind, values] : byKind) {
            state.counters[kind.toStdString() + "_p50"] = telephony::LoadReport::percentile(values, 50);
            state.counters[kind.toStdString() + "_p95"] = telephony::LoadReport::percentile(values, 95);
            state.counters[kind.toStdString() + "_n"] = double(values.size());
        }
        state.counters["all_p50"] = telephony::LoadReport::percentile(all, 50);
        state.counters["all_p95"] = telephony::LoadReport::percentile(all, 95);
    }
}

} // namespace

BENCHMARK(BM_VoiceTurns)->Arg(16000)->Arg(8000)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
