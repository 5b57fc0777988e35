// Shop platform figures (docs/benchmarks.md): one signed webhook from arrival to applied (verify,
// store raw, map, write the mirror, record the outcome), and sync throughput from the loopback
// Shopify stand-in (GraphQL pages over HTTP, mapping, the mirror's writes, cursor commits).
#include "fakeshop.h"
#include "platforms/httpexchange.h"
#include "platforms/shopifyclient.h"
#include "platforms/shopifysyncsource.h"
#include "platforms/storesync.h"
#include "platforms/webhookapplier.h"
#include "platforms/webhookendpoint.h"
#include "platforms/webhookevents.h"
#include "platforms/webhooksignature.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>

using namespace ringside;
using namespace ringside::platforms;

namespace {

QByteArray orderPayload(qint64 id, int number, int minute)
{
    return QStringLiteral(
                   "{\"id\":%1,\"admin_graphql_api_id\":\"gid://shopify/Order/%1\",\"name\":\"#%2\",\"order_number\":%2,"
                   "\"created_at\":\"2026-11-24T10:15:00+05:30\",\"updated_at\":\"2026-11-24T11:%3:00+05:30\",\"cancelled_at\":null,"
                   "\"financial_status\":\"pending\",\"fulfillment_status\":null,\"payment_gateway_names\":[\"Cash on Delivery (COD)\"],"
                   "\"currency\":\"INR\",\"total_price\":\"2499.00\",\"phone\":null,\"email\":\"asha@example.com\",\"tags\":\"\","
                   "\"customer\":{\"id\":207119551123456789,\"first_name\":\"Asha\",\"last_name\":\"K\",\"phone\":\"+919812300001\","
                   "\"updated_at\":\"2026-11-24T10:15:00+05:30\",\"default_address\":{\"province\":\"Karnataka\",\"country_code\":\"IN\"}},"
                   "\"shipping_address\":{\"name\":\"Asha\",\"address1\":\"22 Residency Road\",\"city\":\"Bengaluru\",\"province\":\"Karnataka\","
                   "\"zip\":\"560025\",\"country\":\"India\",\"country_code\":\"IN\"},"
                   "\"line_items\":[{\"id\":866550311766439020,\"title\":\"Silk Saree\",\"quantity\":1,\"price\":\"2499.00\",\"sku\":\"SAREE\"}],"
                   "\"fulfillments\":[]}")
            .arg(id)
            .arg(number)
            .arg(minute % 60, 2, 10, QLatin1Char('0'))
            .toUtf8();
}

Connection shopConnection(const fakes::FakeShop &shop)
{
    Connection c;
    c.platform = Platform::Shopify;
    c.shop = shop.shopDomain;
    c.apiVersion = QStringLiteral("2026-01");
    c.timezone = QStringLiteral("Asia/Kolkata");
    c.connectedAt = QDateTime::currentDateTimeUtc();
    return c;
}

void BM_WebhookAppliedEndToEnd(benchmark::State &state)
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(QStringLiteral("bench.db")), &error);
    fakes::FakeShop shop;
    saveConnection(*db, shopConnection(shop));
    PlatformCredentials credentials;
    credentials.shopifyWebhookSecret = "bench-secret";
    WebhookEndpoint endpoint(*db, credentials, Clock(), {});
    WebhookApplier applier(*db);
    std::vector<double> micros;
    qint64 n = 0;
    for (auto _ : state) {
        ++n;
        const QByteArray body = orderPayload(820982911946154508LL + n % 500, 1001 + int(n % 500), int(n / 500));
        WebhookDelivery d;
        d.method = "POST";
        d.body = body;
        d.headers = { { "x-shopify-topic", "orders/updated" },
                      { "x-shopify-hmac-sha256", webhookSignature("bench-secret", body) },
                      { "x-shopify-webhook-id", QByteArray::number(n) } };
        QElapsedTimer t;
        t.start();
        const WebhookReply reply = endpoint.handle(Platform::Shopify, d);
        const auto id = json::parse(reply.body.toStdString()).value("event", qint64(0));
        const ApplyResult r = applier.apply(*eventById(*db, id), QDateTime::currentDateTimeUtc());
        micros.push_back(double(t.nsecsElapsed()) / 1000.0);
        benchmark::DoNotOptimize(r);
    }
    std::sort(micros.begin(), micros.end());
    auto pct = [&](double p) { return micros.empty() ? 0.0 : micros[std::min(micros.size() - 1, size_t(p * double(micros.size())))]; };
    state.counters["p50_us"] = pct(0.50);
    state.counters["p99_us"] = pct(0.99);
    state.counters["max_us"] = micros.empty() ? 0.0 : micros.back();
}
BENCHMARK(BM_WebhookAppliedEndToEnd)->Iterations(2000)->Unit(benchmark::kMillisecond);

void BM_SyncOrdersFromFake(benchmark::State &state)
{
    const int orders = int(state.range(0));
    fakes::FakeShop shop;
    shop.seedShopify(orders, 0);
    shop.restoreRate = 1e9; // the stand-in's bucket never limits: this measures Ringside
    shop.bucketMax = 1e9;
    if (!shop.listen())
        state.SkipWithError("fake shop cannot listen");
    PlatformCredentials credentials;
    credentials.shopifyAccessToken = shop.accessToken;
    credentials.shopifyApiBase = shop.url().toString() + QStringLiteral("/{shop}");
    qint64 synced = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        QString error;
        auto db = Database::open(dir.filePath(QStringLiteral("bench.db")), &error);
        HttpExchange http;
        ShopifyClient client(shopConnection(shop), credentials, http);
        ShopifySyncSource source(client);
        source.setOrdersPerPage(int(state.range(1)));
        state.ResumeTiming();
        const SyncReport report = syncStore(*db, source, SyncOptions{});
        if (!report.error.ok())
            state.SkipWithError(qPrintable(report.error.message));
        synced += orders;
    }
    state.counters["orders_per_s"] = benchmark::Counter(double(synced), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SyncOrdersFromFake)->Args({ 1000, 20 })->Args({ 1000, 50 })->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
