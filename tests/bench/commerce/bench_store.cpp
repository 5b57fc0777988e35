// How fast the embedded store answers what tool handlers ask during a call, and how long the demo
// store takes to make, load and export. Run by hand: build-*/bench/bench_store
#include "commerce/demoshowcase.h"
#include "commerce/demostore.h"
#include "commerce/fixtureexporter.h"
#include "commerce/fixtureimporter.h"
#include "commerce/sqlstore.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace ringside;
using namespace ringside::commerce;

namespace {
const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-11-26T04:30:00Z"), Qt::ISODate);

// One demo store shared by the lookup benchmarks.
struct DemoDb {
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    DemoDb()
    {
        QString error;
        db = Database::open(dir.filePath(QStringLiteral("bench.db")), &error);
        if (!db || !FixtureImporter(*db).importData(generateDemoStore(1, kNow)).ok)
            qFatal("cannot build the demo database: %s", qPrintable(error));
    }
};

DemoDb &demoDb()
{
    static DemoDb d;
    return d;
}

void BM_OrderById(benchmark::State &state)
{
    SqlStore store(*demoDb().db);
    for (auto _ : state)
        benchmark::DoNotOptimize(store.orderById(showcase::kShippedOrder));
}
BENCHMARK(BM_OrderById);

void BM_OrdersByPhoneNational(benchmark::State &state)
{
    SqlStore store(*demoDb().db);
    const QString spoken = QStringLiteral("98765 01234"); // no country code: the national-number path
    for (auto _ : state)
        benchmark::DoNotOptimize(store.ordersByPhone(spoken));
}
BENCHMARK(BM_OrdersByPhoneNational);

void BM_AbandonedCart(benchmark::State &state)
{
    SqlStore store(*demoDb().db);
    for (auto _ : state)
        benchmark::DoNotOptimize(store.abandonedCartForCustomer(showcase::kHighValueCartCustomer));
}
BENCHMARK(BM_AbandonedCart);

void BM_GenerateDemo(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(generateDemoStore(1, kNow));
}
BENCHMARK(BM_GenerateDemo)->Unit(benchmark::kMillisecond);

void BM_ImportDemo(benchmark::State &state)
{
    const StoreData data = generateDemoStore(1, kNow);
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        QString error;
        auto db = Database::open(dir.filePath(QStringLiteral("import.db")), &error);
        state.ResumeTiming();
        benchmark::DoNotOptimize(FixtureImporter(*db).importData(data).ok);
    }
}
BENCHMARK(BM_ImportDemo)->Unit(benchmark::kMillisecond);

void BM_ExportDemo(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(exportFixture(*demoDb().db));
}
BENCHMARK(BM_ExportDemo)->Unit(benchmark::kMillisecond);
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // Qt Sql finds its SQLite driver through the application
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
