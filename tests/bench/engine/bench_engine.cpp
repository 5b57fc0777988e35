// Engine figures quoted in docs/benchmarks.md ("Engine"): one playbook-brain turn (text in → reply,
// with and without an SQLite tool call) as p50/p99 over many turns, session creation, and the
// heap held per live session (mallinfo2 delta over 1,000 sessions).
#include "calls/callassembly.h"
#include "commerce/demostore.h"
#include "commerce/fixtureimporter.h"
#include "engine/brainfactory.h"
#include "engine/nlu/analyser.h"
#include "engine/turnwait.h"
#include "storage/database.h"
#include "tools/toolcatalogue.h"
#include "agent/agentcatalogue.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <malloc.h>
#include <time.h>
#include <vector>

using namespace ringside;

namespace {

struct Engine
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<CallAssembly> assembly; // as every call is put together (serve, chat, voice, …)
    CallRequest request;

    Engine()
    {
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-26T10:00:00+05:30"), Qt::ISODate);
        QString error;
        db = Database::open(dir.filePath(QStringLiteral("bench.db")), &error);
        commerce::ImportOptions options;
        options.now = now;
        commerce::FixtureImporter(*db).importData(commerce::generateDemoStore(1, now), options);
        const auto analyser = std::make_shared<const nlu::Analyser>(nlu::Analyser::builtin().value());
        assembly = std::make_unique<CallAssembly>(*db, CallServices{ analyser, Clock(now) });
        const AgentCatalogue catalogue(QString(), toolNames());
        const CatalogueEntry entry = catalogue.find(QStringLiteral("order-tracker")).value();
        request.agent = entry;
        request.recorded = false; // sessions without a record, as before the assembly
        // Loaded once and shared, as the gateway does.
        request.playbook = loadAgentPlaybook(entry.agent, entry.path, *analyser).value();
    }

    std::unique_ptr<Session> session()
    {
        AssembledCall call = std::move(assembly->assemble(request)).value();
        call.session->start();
        return std::move(call.session); // the store and tools stay with the assembly
    }
};

Engine &engine()
{
    static Engine e;
    return e;
}

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// Turns `text` in a fresh session (created outside the timed region), timing userSaid → reply.
void timeTurns(benchmark::State &state, const QString &text)
{
    Engine &e = engine();
    std::vector<double> wall;
    std::vector<double> cpu; // this thread's CPU time: the turn's own work, without waiting for a core
    wall.reserve(100000);
    cpu.reserve(100000);
    for (auto _ : state) {
        auto s = e.session();
        const double c0 = threadCpuSeconds();
        const auto t0 = std::chrono::steady_clock::now();
        sayAndWait(*s, text);
        const auto t1 = std::chrono::steady_clock::now();
        const double c1 = threadCpuSeconds();
        const double seconds = std::chrono::duration<double>(t1 - t0).count();
        state.SetIterationTime(seconds);
        wall.push_back(seconds * 1e6);
        cpu.push_back((c1 - c0) * 1e6);
    }
    const auto at = [](std::vector<double> &v, double q) {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0.0 : v[std::min(v.size() - 1, size_t(q * double(v.size())))];
    };
    state.counters["wall_p50_us"] = at(wall, 0.50);
    state.counters["wall_p99_us"] = at(wall, 0.99);
    state.counters["cpu_p50_us"] = at(cpu, 0.50);
    state.counters["cpu_p99_us"] = at(cpu, 0.99);
}

void BM_TurnWithOrderLookup(benchmark::State &state)
{
    timeTurns(state, QStringLiteral("It's O R D four eight two nine one three"));
}
BENCHMARK(BM_TurnWithOrderLookup)->UseManualTime()->Unit(benchmark::kMicrosecond);

void BM_TurnWithPhoneLookup(benchmark::State &state)
{
    timeTurns(state, QStringLiteral("my number is 98765 01234"));
}
BENCHMARK(BM_TurnWithPhoneLookup)->UseManualTime()->Unit(benchmark::kMicrosecond);

void BM_TurnWithoutTool(benchmark::State &state)
{
    timeTurns(state, QStringLiteral("Hi, where is my order? It was supposed to come yesterday"));
}
BENCHMARK(BM_TurnWithoutTool)->UseManualTime()->Unit(benchmark::kMicrosecond);

void BM_TurnHostile100KB(benchmark::State &state)
{
    QString noise;
    for (int i = 0; i < 100 * 1024; ++i)
        noise += QChar(char16_t(0x20 + (i * 7919) % 0x2000));
    timeTurns(state, noise);
}
BENCHMARK(BM_TurnHostile100KB)->UseManualTime()->Unit(benchmark::kMicrosecond);

void BM_CreateAndStartSession(benchmark::State &state)
{
    Engine &e = engine();
    for (auto _ : state) {
        auto s = e.session();
        benchmark::DoNotOptimize(s.get());
    }
}
BENCHMARK(BM_CreateAndStartSession)->Unit(benchmark::kMicrosecond);

// Heap held by live sessions that have had the greeting and two turns (one with a lookup).
void BM_MemoryPerSession(benchmark::State &state)
{
    Engine &e = engine();
    constexpr int kSessions = 1000;
    for (auto _ : state) {
        std::vector<std::unique_ptr<Session>> live;
        live.reserve(kSessions);
        malloc_trim(0);
        const size_t before = mallinfo2().uordblks;
        for (int i = 0; i < kSessions; ++i) {
            live.push_back(e.session());
            sayAndWait(*live.back(), QStringLiteral("where is my order"));
            sayAndWait(*live.back(), QStringLiteral("482913"));
        }
        const size_t after = mallinfo2().uordblks;
        state.counters["bytes_per_session"] = double(after - before) / kSessions;
    }
}
BENCHMARK(BM_MemoryPerSession)->Iterations(1)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
