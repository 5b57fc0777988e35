// Tool-call latency: what a brain waits for between the customer's words and the reply.
// Run by hand: build/bench/bench_tools (figures in docs/tools.md).
#include "commerce/fixtureimporter.h"
#include "commerce/sqlstore.h"
#include "storage/database.h"
#include "tools/argumentvalidator.h"
#include "tools/speechformat.h"
#include "tools/toolregistry.h"
#include "util/clock.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

using namespace ringside;

namespace {

struct Store {
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<SqlStore> store;
    std::unique_ptr<ToolRegistry> registry;
    ToolContext context;

    Store()
    {
        QString error;
        db = Database::open(dir.filePath(QStringLiteral("bench.db")), &error);
        commerce::FixtureImporter(*db).importFile(QStringLiteral(RINGSIDE_SOURCE_DIR "/tests/tools/fixtures/toolstore.json"));
        store = std::make_unique<SqlStore>(*db);
        registry = std::make_unique<ToolRegistry>(*store);
        context.now = parseIso(QStringLiteral("2026-11-26T10:00:00+05:30"));
    }
};

Store &store()
{
    static Store s;
    return s;
}

void runTool(benchmark::State &state, const char *name, const char *arguments)
{
    Store &s = store();
    const json args = json::parse(arguments);
    const QString tool = QString::fromLatin1(name);
    for (auto _ : state) {
        json r = s.registry->call(tool, args, s.context);
        benchmark::DoNotOptimize(r);
    }
}

void BM_OrderStatusById(benchmark::State &state) { runTool(state, "get_order_status", R"({"order_id":"ord 482913"})"); }
void BM_OrderStatusByPhoneMultiple(benchmark::State &state)
{
    runTool(state, "get_order_status", R"({"phone_number":"+91 98765 43210"})");
}
void BM_TrackingDetails(benchmark::State &state)
{
    runTool(state, "get_tracking_details", R"({"tracking_number":"81234567890","carrier":"bluedart"})");
}
void BM_AvailableOffers(benchmark::State &state) { runTool(state, "check_available_offers", R"({"cart_id":"CART-3001"})"); }
void BM_ReturnRefusedOverQuantity(benchmark::State &state)
{
    runTool(state, "initiate_return", R"({"order_id":"ORD-500002","items":[{"sku":"MUG-CER","quantity":3,"reason":"damaged"}]})");
}
void BM_ArgumentErrorOnly(benchmark::State &state)
{
    runTool(state, "cancel_order", R"({"order_id":"ORD-500001","reason":"bored"})");
}

void BM_ValidateReturnArguments(benchmark::State &state)
{
    const ToolDefinition *def = findTool(QStringLiteral("initiate_return"));
    const json args = json::parse(R"({"order_id":"ORD-500002","refund_method":"store_credit",
        "items":[{"sku":"MUG-CER","quantity":2,"reason":"damaged"},{"sku":"SHOE-RUN-42","quantity":1,"reason":"size_issue"}]})");
    for (auto _ : state) {
        ValidatedArguments v = validateArguments(*def, args);
        benchmark::DoNotOptimize(v);
    }
}

void BM_SpokenDateAndMoney(benchmark::State &state)
{
    const QDate today(2026, 11, 26);
    for (auto _ : state) {
        QString s = spokenDay(today.addDays(1), today, QStringLiteral("en-US")) + spokenMoney({ 389750, QStringLiteral("INR") }, QStringLiteral("en-US"));
        benchmark::DoNotOptimize(s);
    }
}

} // namespace

BENCHMARK(BM_OrderStatusById);
BENCHMARK(BM_OrderStatusByPhoneMultiple);
BENCHMARK(BM_TrackingDetails);
BENCHMARK(BM_AvailableOffers);
BENCHMARK(BM_ReturnRefusedOverQuantity);
BENCHMARK(BM_ArgumentErrorOnly);
BENCHMARK(BM_ValidateReturnArguments);
BENCHMARK(BM_SpokenDateAndMoney);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // Qt Sql needs an application object
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
