// Sync from a stand-in Shopify (Admin GraphQL) and WooCommerce (REST v3): pages, cursors, cost-based
// throttling (HTTP 200 THROTTLED and 429), failures named precisely, resuming an interrupted pass,
// idempotence, 64-bit ids kept exactly, and orders found by the number a customer says.
#include "platformfixture.h"

#include "commerce/storereader.h"
#include "platforms/httpexchange.h"
#include "platforms/platformstore.h"
#include "platforms/shopifyclient.h"
#include "platforms/shopifysyncsource.h"
#include "platforms/shopprobe.h"
#include "platforms/storechangelistener.h"
#include "platforms/storesync.h"
#include "platforms/wooclient.h"
#include "platforms/woosyncsource.h"
#include "storage/sqlutil.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

using namespace ringside;
using namespace ringside::platforms;
using namespace ringside::testing;

namespace {

qint64 count(Database &db, const char *sql)
{
    QSqlQuery q = execOrThrow(db.connection(), QString::fromLatin1(sql));
    return q.next() ? q.value(0).toLongLong() : -1;
}

struct Recorder final : StoreChangeListener
{
    QStringList orders, carts;
    void ordersChanged(const QStringList &ids) override { orders << ids; }
    void cartsChanged(const QStringList &ids) override { carts << ids; }
};

} // namespace

class TestPlatformSync : public QObject
{
    Q_OBJECT
    QTcpServer plain;

private Q_SLOTS:
    void probeNamesTheShop()
    {
        fakes::FakeShop shop;
        QVERIFY(shop.listen());
        HttpExchange http;
        const ShopInfo info = probeShop(shopifyConnection(shop), shopifyCredentials(shop), http);
        QVERIFY2(info.error.ok(), qPrintable(info.error.message));
        QCOMPARE(info.name, QStringLiteral("Ringside Demo Shop"));
        QCOMPARE(info.currency, QStringLiteral("INR"));
        QCOMPARE(info.timezone, QStringLiteral("Asia/Kolkata"));
        // The token went in the documented header, never in the URL.
        QCOMPARE(shop.server().requests().last().header("x-shopify-access-token"), shop.accessToken);
        QVERIFY(!shop.server().requests().last().target.contains(shop.accessToken));
    }

    void probeFailuresAreNamed_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("words");
        QTest::addRow("bad token") << "token" << int(PlatformError::Kind::Credentials) << "bad token";
        QTest::addRow("unknown shop") << "shop" << int(PlatformError::Kind::UnknownShop) << "unknown shop";
        QTest::addRow("dns") << "dns" << int(PlatformError::Kind::Network) << "DNS";
        QTest::addRow("tls") << "tls" << int(PlatformError::Kind::Network) << "TLS";
        QTest::addRow("timeout") << "timeout" << int(PlatformError::Kind::Network) << "timeout";
        QTest::addRow("woo keys") << "wookeys" << int(PlatformError::Kind::Credentials) << "bad keys";
    }

    void probeFailuresAreNamed()
    {
        QFETCH(QString, what);
        QFETCH(int, kind);
        QFETCH(QString, words);
        fakes::FakeShop shop;
        QVERIFY(shop.listen());
        Connection c = shopifyConnection(shop);
        PlatformCredentials cred = shopifyCredentials(shop);
        if (what == QLatin1String("token"))
            cred.shopifyAccessToken = "shpat_wrong";
        else if (what == QLatin1String("shop"))
            c.shop = QStringLiteral("no-such-shop.myshopify.com");
        else if (what == QLatin1String("dns"))
            cred.shopifyApiBase = QStringLiteral("https://no-such-host.invalid");
        else if (what == QLatin1String("tls")) {
            // What a plain-HTTP server says to a TLS hello: not TLS.
            connect(&plain, &QTcpServer::newConnection, &plain, [this] {
                QTcpSocket *s = plain.nextPendingConnection();
                s->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
                s->disconnectFromHost();
            });
            QVERIFY(plain.isListening() || plain.listen(QHostAddress::LocalHost));
            cred.shopifyApiBase = QStringLiteral("https://127.0.0.1:%1").arg(plain.serverPort());
        }
        else if (what == QLatin1String("timeout"))
            shop.server().enqueue(fakes::ScriptedResponse::silence());
        else if (what == QLatin1String("wookeys")) {
            c = wooConnection();
            cred.wooConsumerSecret = "cs_wrong";
        }
        HttpExchange http;
        const ShopInfo info = probeShop(c, cred, http, what == QLatin1String("timeout") ? 500 : 5000);
        QCOMPARE(int(info.error.kind), kind);
        QVERIFY2(info.error.message.contains(words), qPrintable(info.error.message));
        // No secret in any message.
        QVERIFY(!info.error.message.contains(QLatin1String(shop.accessToken)));
        QVERIFY(!info.error.message.contains(QLatin1String("cs_wrong")));
    }

    void syncMirrorsEverythingAndIsIdempotent()
    {
        fakes::FakeShop shop;
        shop.seedShopify(45, 3);
        QVERIFY(shop.listen());
        QTemporaryDir dir;
        auto db = openTempDatabase(dir);
        saveConnection(*db, shopifyConnection(shop));
        HttpExchange http;
        ShopifyClient client(shopifyConnection(shop), shopifyCredentials(shop), http);
        ShopifySyncSource source(client);
        Recorder recorder;
        SyncOptions options;
        options.listener = &recorder;
        QList<SyncProgress> progress;
        options.progress = [&](const SyncProgress &p) { progress << p; };
        const SyncReport first = syncStore(*db, source, options);
        QVERIFY2(first.error.ok(), qPrintable(first.error.message));
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM orders"), 45);
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM carts WHERE status = 'abandoned'"), 3);
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM customers"), 22);
        QCOMPARE(recorder.orders.size(), 45);
        QCOMPARE(recorder.carts.size(), 3);
        // 45 orders at 20 a page: three pages, reported as they came.
        int orderPages = 0;
        for (const auto &p : progress)
            orderPages = p.resource == QLatin1String("orders") ? std::max(orderPages, p.pages) : orderPages;
        QCOMPARE(orderPages, 3);
        // 64-bit ids exactly as Shopify wrote them.
        QSqlQuery id = execOrThrow(db->connection(), QStringLiteral("SELECT platform_id, gid, number FROM platform_records WHERE kind = 'order' AND local_id = '1001'"));
        QVERIFY(id.next());
        QCOMPARE(id.value(0).toString(), fakes::FakeShop::orderLegacyId(0));
        QCOMPARE(id.value(1).toString(), fakes::FakeShop::orderGid(0));
        QCOMPARE(id.value(2).toString(), QStringLiteral("#1001"));
        // What a customer says finds the order.
        PlatformStore store(*db, shopifyConnection(shop));
        for (const char *said : { "1001", "#1001", "order 1001", "# 1 0 0 1" }) {
            const auto order = store.orderById(QLatin1String(said));
            QVERIFY2(order, said);
            QCOMPARE(order->id, QStringLiteral("1001"));
        }
        QVERIFY(!store.orderById(QStringLiteral("1099")));
        const auto cod = store.orderById(QStringLiteral("1001"));
        QCOMPARE(cod->paymentMethod, QStringLiteral("cod"));
        QCOMPARE(cod->codConfirmation, QStringLiteral("pending"));
        QCOMPARE(cod->status, QStringLiteral("processing"));
        const auto shipped = store.orderById(QStringLiteral("1002"));
        QCOMPARE(shipped->status, QStringLiteral("shipped"));
        QCOMPARE(shipped->carrier, QStringLiteral("delhivery"));
        QCOMPARE(shipped->trackingNumber, QStringLiteral("DL900000001"));
        QCOMPARE(shipped->totalMinor, 149900);
        // The recovery URL is the platform's own.
        QVERIFY(store.cartById(QStringLiteral("CART-450789469000000001")));
        QVERIFY(store.checkoutUrl(QStringLiteral("CART-450789469000000001")).startsWith(QStringLiteral("https://ringside-demo.myshopify.com/")));

        // Again: nothing new is written, nothing doubles.
        const SyncReport second = syncStore(*db, source, SyncOptions{});
        QVERIFY2(second.error.ok(), qPrintable(second.error.message));
        qint64 written = 0;
        for (const auto &r : second.resources)
            written += r.written;
        QCOMPARE(written, 0);
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM orders"), 45);
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM order_items"), 45);
    }

    void throttledAnswersWaitInsteadOfHammering_data()
    {
        QTest::addColumn<bool>("with429");
        QTest::addRow("HTTP 200 THROTTLED") << false;
        QTest::addRow("HTTP 429") << true;
    }

    void throttledAnswersWaitInsteadOfHammering()
    {
        QFETCH(bool, with429);
        fakes::FakeShop shop;
        shop.seedShopify(60, 0);
        shop.bucketMax = 1000;
        shop.restoreRate = 2000; // fast enough for a test, but an order page (962 points) still drains it
        shop.throttleWith429 = with429;
        shop.otherAppCost = 500; // another app shares the bucket for a while, so the client's own pacing is not enough
        shop.otherAppRequests = 4;
        QVERIFY(shop.listen());
        QTemporaryDir dir;
        auto db = openTempDatabase(dir);
        HttpExchange http;
        QList<int> waits;
        // Without the client's own pacing, the second page would find the bucket empty; record the
        // waits the client chose (and really wait, briefly).
        ShopifyClient client(shopifyConnection(shop), shopifyCredentials(shop), http, [&](int ms) { waits << ms; QThread::msleep(ulong(ms)); });
        ShopifySyncSource source(client);
        const SyncReport report = syncStore(*db, source, SyncOptions{});
        QVERIFY2(report.error.ok(), qPrintable(report.error.message));
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM orders"), 60);
        QVERIFY(client.throttleWaits() > 0);
        QVERIFY(!waits.isEmpty());
        QVERIFY(shop.throttled > 0); // THROTTLED answers happened and were waited out
        for (int w : waits)
            QVERIFY2(w > 0 && w <= 60000, qPrintable(QString::number(w)));
        // Waited from extensions.cost: one wait per refused request, never a burst of retries.
        QVERIFY2(shop.throttled <= waits.size(), qPrintable(QStringLiteral("%1 throttled, %2 waits").arg(shop.throttled).arg(waits.size())));
    }

    void throttledByAnotherAppIsRetried()
    {
        fakes::FakeShop shop;
        shop.seedShopify(5, 0);
        shop.restoreRate = 5000;
        shop.throttleWith429 = true;
        QVERIFY(shop.listen());
        // Another app spent the bucket: the first answer is a 429 with Retry-After and no cost.
        shop.server().enqueue(fakes::ScriptedResponse::json(429, { { "errors", "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." } })
                                      .withHeader("Retry-After", "1"));
        HttpExchange http;
        QList<int> waits;
        ShopifyClient client(shopifyConnection(shop), shopifyCredentials(shop), http, [&](int ms) { waits << ms; });
        const GraphqlAnswer a = client.run(QStringLiteral("query RingsideShop { shop { name currencyCode ianaTimezone myshopifyDomain } }"));
        QVERIFY2(a.error.ok(), qPrintable(a.error.message));
        QCOMPARE(waits, QList<int>{ 1000 });
        QCOMPARE(stringAt(a.data["shop"], "currencyCode"), QStringLiteral("INR"));
    }

    void tooExpensivePagesAreHalved()
    {
        fakes::FakeShop shop;
        shop.seedShopify(30, 0);
        QVERIFY(shop.listen());
        QTemporaryDir dir;
        auto db = openTempDatabase(dir);
        HttpExchange http;
        ShopifyClient client(shopifyConnection(shop), shopifyCredentials(shop), http);
        ShopifySyncSource source(client);
        source.setOrdersPerPage(50); // 50 × 48 points: over Shopify's 1,000 for one query
        const SyncReport report = syncStore(*db, source, SyncOptions{});
        QVERIFY2(report.error.ok(), qPrintable(report.error.message));
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM orders"), 30);
        int largest = 0;
        for (const auto &r : shop.server().requests())
            if (QString::fromStdString(r.json().value("query", std::string())).contains(QLatin1String(" orders(")))
                largest = std::max(largest, r.json()["variables"].value("first", 0));
        QCOMPARE(largest, 50);  // asked once as given …
        QCOMPARE(source.ordersPerPage(), 12); // … then halved until it fit (48 × 12 + 2 ≤ 1000 < 48 × 25 + 2)
    }

    void interruptedSyncResumesWithoutLossOrDoubles()
    {
        fakes::FakeShop shop;
        shop.seedShopify(50, 0);
        QVERIFY(shop.listen());
        QTemporaryDir dir;
        auto db = openTempDatabase(dir);
        HttpExchange http;
        ShopifyClient client(shopifyConnection(shop), shopifyCredentials(shop), http);
        ShopifySyncSource source(client);
        // The platform fails after the first order page: that page is kept, with its cursor.
        int orderPages = 0;
        SyncOptions options;
        options.progress = [&](const SyncProgress &p) {
            if (p.resource == QLatin1String("orders") && p.pages == 1 && orderPages++ == 0)
                shop.failNextGraphql = 1;
        };
        const SyncReport broken = syncStore(*db, source, options);
        QCOMPARE(int(broken.error.kind), int(PlatformError::Kind::Server));
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM orders"), 20);
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM platform_sync_state WHERE resource = 'orders' AND pass_started_at IS NOT NULL AND cursor IS NOT NULL"), 1);
        const int requestsBefore = shop.graphqlRequests;
        QList<SyncProgress> progress;
        SyncOptions again;
        again.progress = [&](const SyncProgress &p) { progress << p; };
        const SyncReport resumed = syncStore(*db, source, again);
        QVERIFY2(resumed.error.ok(), qPrintable(resumed.error.message));
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM orders"), 50);
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM platform_records WHERE kind = 'order'"), 50);
        // It went on from the cursor: two more order pages, not three.
        int ordersPagesNow = 0;
        bool resumedFlag = false;
        for (const auto &p : progress) {
            if (p.resource == QLatin1String("orders")) {
                ordersPagesNow = std::max(ordersPagesNow, p.pages);
                resumedFlag = resumedFlag || p.resumed;
            }
        }
        QCOMPARE(ordersPagesNow, 2);
        QVERIFY(resumedFlag);
        QVERIFY(shop.graphqlRequests - requestsBefore <= 4); // customers, 2 order pages, checkouts
    }

    void laterSyncAsksOnlyForWhatChanged()
    {
        fakes::FakeShop shop;
        shop.seedShopify(10, 0);
        QVERIFY(shop.listen());
        QTemporaryDir dir;
        auto db = openTempDatabase(dir);
        HttpExchange http;
        ShopifyClient client(shopifyConnection(shop), shopifyCredentials(shop), http);
        ShopifySyncSource source(client);
        QVERIFY(syncStore(*db, source, SyncOptions{}).error.ok());
        shop.shopifyOrder(QStringLiteral("#1004"))["cancelledAt"] = "2026-12-01T10:00:00Z";
        shop.shopifyOrder(QStringLiteral("#1004"))["updatedAt"] = "2026-12-01T10:00:00Z";
        const SyncReport report = syncStore(*db, source, SyncOptions{});
        QVERIFY(report.error.ok());
        // The query carried the updated_at bound of the last pass.
        bool filtered = false;
        for (const auto &r : shop.server().requests()) {
            const auto vars = r.json()["variables"];
            filtered = filtered || (vars.contains("query") && vars["query"].is_string()
                                    && QString::fromStdString(vars["query"].get<std::string>()).startsWith(QLatin1String("updated_at:>='")));
        }
        QVERIFY(filtered);
        PlatformStore store(*db, shopifyConnection(shop));
        QCOMPARE(store.orderById(QStringLiteral("1004"))->status, QStringLiteral("cancelled"));
        qint64 written = 0;
        for (const auto &r : report.resources)
            written += r.written;
        QCOMPARE(written, 1);
    }

    void wooCommercePagesAndFailures()
    {
        fakes::FakeShop shop;
        shop.seedWoo(25);
        QVERIFY(shop.listen());
        QTemporaryDir dir;
        auto db = openTempDatabase(dir);
        HttpExchange http;
        WooClient client(wooConnection(), shopifyCredentials(shop), http);
        WooSyncSource source(client);
        source.setPerPage(10);
        // A 500 on the second order page stops the sync; the next one resumes at that page.
        int orderPages = 0;
        SyncOptions options;
        options.progress = [&](const SyncProgress &p) {
            if (p.resource == QLatin1String("orders") && p.pages == 1 && orderPages++ == 0)
                shop.failNextWoo = 1;
        };
        const SyncReport broken = syncStore(*db, source, options);
        QCOMPARE(int(broken.error.kind), int(PlatformError::Kind::Server));
        QVERIFY2(broken.error.message.contains(QLatin1String("500")), qPrintable(broken.error.message));
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM orders"), 10);
        const SyncReport resumed = syncStore(*db, source, SyncOptions{});
        QVERIFY2(resumed.error.ok(), qPrintable(resumed.error.message));
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM orders"), 25);
        // The pages were asked for with page/per_page and Basic auth.
        const auto &last = shop.server().requests().last();
        QCOMPARE(last.query().queryItemValue(QStringLiteral("per_page")), QStringLiteral("10"));
        QVERIFY(last.header("authorization").startsWith("Basic "));
        PlatformStore store(*db, wooConnection());
        const auto order = store.orderById(QStringLiteral("2001"));
        QVERIFY(order);
        QCOMPARE(order->paymentMethod, QStringLiteral("cod"));
        QCOMPARE(order->status, QStringLiteral("processing"));
        QCOMPARE(store.orderById(QStringLiteral("2002"))->status, QStringLiteral("delivered"));
        // Unpaid orders stand in for abandoned checkouts, with the pay-for-order page as the link.
        const auto cart = store.cartById(QStringLiteral("CART-W5005"));
        QVERIFY(cart);
        QCOMPARE(cart->status, QStringLiteral("abandoned"));
        QVERIFY(store.checkoutUrl(cart->id).contains(QLatin1String("order-pay/5005")));
    }

    void wooBasicAuthNeedsHttps()
    {
        PlatformCredentials cred;
        cred.wooConsumerKey = "ck";
        cred.wooConsumerSecret = "cs";
        Connection c = wooConnection();
        c.shop = QStringLiteral("http://shop.example.com");
        HttpExchange http;
        WooClient client(c, cred, http);
        const WooAnswer a = client.get(QStringLiteral("/orders"));
        QCOMPARE(int(a.error.kind), int(PlatformError::Kind::Credentials));
        QVERIFY2(a.error.message.contains(QLatin1String("HTTPS")), qPrintable(a.error.message));
    }
};

QTEST_GUILESS_MAIN(TestPlatformSync)
#include "tst_platformsync.moc"
