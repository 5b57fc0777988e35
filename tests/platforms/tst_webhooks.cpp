// Webhooks: signed deliveries in the platforms' real shapes stored first and applied by the worker,
// duplicates without a second effect, reordering (stale), bad or missing signatures, no secret,
// oversized bodies, WooCommerce's ping, unknown topics — and the tool answering from what arrived.
#include "platformfixture.h"

#include "platforms/platformstore.h"
#include "platforms/webhookapplier.h"
#include "platforms/webhookendpoint.h"
#include "platforms/webhookevents.h"
#include "platforms/webhooksignature.h"
#include "platforms/webhookworker.h"
#include "storage/sqlutil.h"
#include "tools/toolregistry.h"

#include <QSignalSpy>

using namespace ringside;
using namespace ringside::platforms;
using namespace ringside::testing;

namespace {

const QByteArray kSecret = QByteArrayLiteral("whsec_shopify_test");
const QString kOrderId = QStringLiteral("820982911946154508"); // above 2^53: a double would make it …504

WebhookDelivery shopifyDelivery(const QByteArray &body, const QString &topic, const QString &webhookId, const QByteArray &secret = kSecret)
{
    WebhookDelivery d;
    d.method = "POST";
    d.body = body;
    d.peer = QStringLiteral("127.0.0.1");
    d.headers = { { "content-type", "application/json" },
                  { "x-shopify-topic", topic.toUtf8() },
                  { "x-shopify-hmac-sha256", webhookSignature(secret, body) },
                  { "x-shopify-shop-domain", "ringside-demo.myshopify.com" },
                  { "x-shopify-webhook-id", webhookId.toUtf8() },
                  { "x-shopify-event-id", "98880550" },
                  { "x-shopify-api-version", "2026-01" },
                  { "x-shopify-triggered-at", "2026-11-24T04:45:00.000Z" } };
    return d;
}

json jsonOf(const QByteArray &b)
{
    return json::parse(b.toStdString());
}

struct Fixture
{
    fakes::FakeShop shop;
    QTemporaryDir dir;
    std::unique_ptr<Database> db = openTempDatabase(dir);
    QList<qint64> stored;
    WebhookEndpoint endpoint{ *db, shopifyCredentials(shop), Clock(QDateTime::fromString(QStringLiteral("2026-11-26T10:00:00Z"), Qt::ISODate)),
                              [this](qint64 id) { stored << id; } };
    Fixture() { saveConnection(*db, shopifyConnection(shop)); }

    // What the worker does for each stored event.
    void applyAll()
    {
        WebhookWorker worker(*db, Clock(QDateTime::fromString(QStringLiteral("2026-11-26T10:00:01Z"), Qt::ISODate)));
        worker.drain();
    }
    WebhookEvent event(qint64 id) { return *eventById(*db, id); }
};

} // namespace

class TestWebhooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signatureIsBase64HmacOfRawBody()
    {
        // RFC 4231 test case 2 in base64.
        QCOMPARE(webhookSignature("Jefe", "what do ya want for nothing?"), QByteArray("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM="));
        QVERIFY(verifyWebhookSignature("Jefe", "what do ya want for nothing?", "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM="));
        QVERIFY(!verifyWebhookSignature("Jefe", "what do ya want for nothing!", "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM="));
        QVERIFY(!verifyWebhookSignature("", "x", webhookSignature("", "x")));
        QVERIFY(!verifyWebhookSignature("Jefe", "x", ""));
    }

    void orderCreatedChangesWhatTheToolSays()
    {
        Fixture f;
        const QByteArray body = shopifyOrderPayload(kOrderId, 1001, QStringLiteral("2026-11-24T10:15:00+05:30"));
        const WebhookReply reply = f.endpoint.handle(Platform::Shopify, shopifyDelivery(body, QStringLiteral("orders/create"), QStringLiteral("b54557e4-bdd9-4b37-8a5f-bf7d70bcd043")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(f.stored.size(), 1);
        // Stored raw before anything is applied.
        WebhookEvent stored = f.event(f.stored.first());
        QCOMPARE(stored.status, QStringLiteral("received"));
        QCOMPARE(stored.body, body);
        QCOMPARE(stored.platformId, kOrderId);
        f.applyAll();
        QCOMPARE(f.event(f.stored.first()).status, QStringLiteral("applied"));
        QSqlQuery q = execOrThrow(f.db->connection(), QStringLiteral("SELECT platform_id FROM platform_records WHERE kind = 'order' AND local_id = '1001'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), kOrderId);
        QSqlQuery c = execOrThrow(f.db->connection(), QStringLiteral("SELECT platform_id FROM platform_records WHERE kind = 'customer'"));
        QVERIFY(c.next());
        QCOMPARE(c.value(0).toString(), QStringLiteral("207119551123456789"));

        PlatformStore store(*f.db, shopifyConnection(f.shop));
        ToolRegistry tools(store);
        ToolContext context;
        context.now = QDateTime::fromString(QStringLiteral("2026-11-26T10:00:00Z"), Qt::ISODate);
        json result = tools.call(QStringLiteral("get_order_status"), { { "order_id", "1001" } }, context);
        QVERIFY2(result.value("found", false), result.dump().c_str());
        QCOMPARE(stringAt(result, "status"), QStringLiteral("processing"));
        QCOMPARE(stringAt(result, "payment_method"), QStringLiteral("cod"));

        // Fulfilled and out for delivery: the next answer says so.
        const QByteArray later = shopifyOrderPayload(kOrderId, 1001, QStringLiteral("2026-11-25T12:00:00+05:30"), QStringLiteral("pending"),
                                                     QStringLiteral("out_for_delivery"));
        QCOMPARE(f.endpoint.handle(Platform::Shopify, shopifyDelivery(later, QStringLiteral("orders/updated"), QStringLiteral("c1"))).status, 200);
        f.applyAll();
        result = tools.call(QStringLiteral("get_order_status"), { { "order_id", "#1001" } }, context);
        QCOMPARE(stringAt(result, "status"), QStringLiteral("out_for_delivery"));
        QCOMPARE(stringAt(result, "carrier"), QStringLiteral("bluedart"));
    }

    void anOrderFromAKnownCheckoutIsLinkedToItsCart()
    {
        // Analytics counts a recovered cart by the order placed from it: the order must carry the cart.
        Fixture f;
        const QByteArray checkout = QByteArrayLiteral(
                "{\"id\":981273645501234567,\"token\":\"c1a2\",\"abandoned_checkout_url\":\"https://ringside-demo.myshopify.com/recover/c1a2\","
                "\"updated_at\":\"2026-11-23T09:00:00+05:30\",\"completed_at\":null,\"currency\":\"INR\",\"total_price\":\"2499.00\","
                "\"line_items\":[{\"sku\":\"KS-TEE-01\",\"title\":\"Cotton tee\",\"quantity\":1,\"price\":\"2499.00\"}],"
                "\"customer\":{\"id\":207119551123456789,\"first_name\":\"Asha\",\"last_name\":\"Kulkarni\",\"phone\":\"+919812300001\","
                "\"email\":\"asha@example.com\",\"updated_at\":\"2026-11-23T09:00:00+05:30\"}}");
        QCOMPARE(f.endpoint.handle(Platform::Shopify, shopifyDelivery(checkout, QStringLiteral("checkouts/create"), QStringLiteral("k1"))).status, 200);
        f.applyAll();
        QSqlQuery cart = execOrThrow(f.db->connection(), QStringLiteral("SELECT local_id FROM platform_records WHERE kind = 'checkout' AND platform_id = '981273645501234567'"));
        QVERIFY2(cart.next(), "the checkout is mirrored as a cart");
        const QString cartId = cart.value(0).toString();
        QVERIFY(!cartId.isEmpty());

        QByteArray order = shopifyOrderPayload(kOrderId, 1001, QStringLiteral("2026-11-24T10:15:00+05:30"));
        order.replace("\"checkout_id\":null", "\"checkout_id\":981273645501234567");
        QVERIFY(order.contains("981273645501234567"));
        QCOMPARE(f.endpoint.handle(Platform::Shopify, shopifyDelivery(order, QStringLiteral("orders/create"), QStringLiteral("k2"))).status, 200);
        f.applyAll();
        QSqlQuery linked = execOrThrow(f.db->connection(), QStringLiteral("SELECT cart_id FROM orders WHERE id = '1001'"));
        QVERIFY(linked.next());
        QCOMPARE(linked.value(0).toString(), cartId);
        QSqlQuery status = execOrThrow(f.db->connection(), QStringLiteral("SELECT status FROM carts WHERE id = ?"), cartId);
        QVERIFY(status.next());
        QCOMPARE(status.value(0).toString(), QStringLiteral("completed")); // nobody called about it: not a recovery
    }

    void duplicatesHaveNoSecondEffect()
    {
        Fixture f;
        const QByteArray body = shopifyOrderPayload(kOrderId, 1001, QStringLiteral("2026-11-24T10:15:00+05:30"));
        const auto d = shopifyDelivery(body, QStringLiteral("orders/create"), QStringLiteral("same-id"));
        QCOMPARE(f.endpoint.handle(Platform::Shopify, d).status, 200);
        f.applyAll();
        // The order changes locally (a caller confirmed it); a redelivery must not undo that.
        execOrThrow(f.db->connection(), QStringLiteral("UPDATE orders SET cod_confirmation = 'confirmed' WHERE id = '1001'"));
        const WebhookReply again = f.endpoint.handle(Platform::Shopify, d);
        QCOMPARE(again.status, 200);
        QVERIFY(jsonOf(again.body).contains("duplicate_of"));
        QCOMPARE(f.stored.size(), 1); // nothing new for the worker
        f.applyAll();
        const auto events = latestEvents(*f.db, 10);
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(events.front().status, QStringLiteral("duplicate"));
        QCOMPARE(events.front().duplicateOf, events.back().id);
        QSqlQuery q = execOrThrow(f.db->connection(), QStringLiteral("SELECT cod_confirmation FROM orders WHERE id = '1001'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("confirmed"));
    }

    void olderPayloadIsStaleAndChangesNothing()
    {
        Fixture f;
        const QByteArray newer = shopifyOrderPayload(kOrderId, 1001, QStringLiteral("2026-11-25T12:00:00+05:30"), QStringLiteral("paid"),
                                                     QString(), QStringLiteral("2026-11-25T12:00:00+05:30"));
        const QByteArray older = shopifyOrderPayload(kOrderId, 1001, QStringLiteral("2026-11-24T10:15:00+05:30"));
        f.endpoint.handle(Platform::Shopify, shopifyDelivery(newer, QStringLiteral("orders/cancelled"), QStringLiteral("n1")));
        f.endpoint.handle(Platform::Shopify, shopifyDelivery(older, QStringLiteral("orders/create"), QStringLiteral("o1")));
        f.applyAll();
        QCOMPARE(f.event(f.stored[0]).status, QStringLiteral("applied"));
        QCOMPARE(f.event(f.stored[1]).status, QStringLiteral("stale"));
        QSqlQuery q = execOrThrow(f.db->connection(), QStringLiteral("SELECT status FROM orders WHERE id = '1001'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("cancelled"));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("outcome");
        QTest::addRow("wrong signature") << "wrong" << 401 << "rejected";
        QTest::addRow("missing signature") << "missing" << 401 << "rejected";
        QTest::addRow("signed with another secret") << "other" << 401 << "rejected";
        QTest::addRow("body over 1 MiB") << "big" << 413 << "";
        QTest::addRow("unknown topic") << "topic" << 200 << "ignored";
        QTest::addRow("another shop") << "shop" << 200 << "ignored";
    }

    void refusals()
    {
        QFETCH(QString, what);
        QFETCH(int, status);
        QFETCH(QString, outcome);
        Fixture f;
        QByteArray body = shopifyOrderPayload(kOrderId, 1001, QStringLiteral("2026-11-24T10:15:00+05:30"));
        WebhookDelivery d = shopifyDelivery(body, QStringLiteral("orders/create"), QStringLiteral("w1"));
        if (what == QLatin1String("wrong"))
            d.headers["x-shopify-hmac-sha256"] = webhookSignature(kSecret, body + ' ');
        else if (what == QLatin1String("missing"))
            d.headers.remove("x-shopify-hmac-sha256");
        else if (what == QLatin1String("other"))
            d = shopifyDelivery(body, QStringLiteral("orders/create"), QStringLiteral("w1"), "another-secret");
        else if (what == QLatin1String("big")) {
            d.body = QByteArray(1024 * 1024 + 1, ' ');
            d.headers["x-shopify-hmac-sha256"] = webhookSignature(kSecret, d.body);
        } else if (what == QLatin1String("topic"))
            d.headers["x-shopify-topic"] = "products/update";
        else if (what == QLatin1String("shop"))
            d.headers["x-shopify-shop-domain"] = "someone-else.myshopify.com";
        QCOMPARE(f.endpoint.handle(Platform::Shopify, d).status, status);
        QVERIFY(f.stored.isEmpty()); // nothing for the worker to apply
        f.applyAll();
        QSqlQuery orders = execOrThrow(f.db->connection(), QStringLiteral("SELECT COUNT(*) FROM orders"));
        QVERIFY(orders.next());
        QCOMPARE(orders.value(0).toInt(), 0);
        const auto events = latestEvents(*f.db, 5);
        if (outcome.isEmpty()) {
            QVERIFY(events.empty());
        } else {
            QCOMPARE(events.size(), size_t(1));
            QCOMPARE(events.front().status, outcome);
            if (outcome == QLatin1String("rejected"))
                QVERIFY(events.front().body.isEmpty()); // an unverified body is not kept
        }
    }

    void noSecretMeansNoWebhooks()
    {
        fakes::FakeShop shop;
        QTemporaryDir dir;
        auto db = openTempDatabase(dir);
        PlatformCredentials none = shopifyCredentials(shop);
        none.shopifyWebhookSecret.clear();
        WebhookEndpoint endpoint(*db, none, Clock(), {});
        const QByteArray body = shopifyOrderPayload(kOrderId, 1001, QStringLiteral("2026-11-24T10:15:00+05:30"));
        QCOMPARE(endpoint.handle(Platform::Shopify, shopifyDelivery(body, QStringLiteral("orders/create"), QStringLiteral("x"), QByteArray())).status, 503);
        QVERIFY(latestEvents(*db, 5).empty());
    }

    void wooCommercePingAndOrders()
    {
        Fixture f;
        WebhookDelivery ping;
        ping.method = "POST";
        ping.body = "webhook_id=17";
        ping.headers = { { "content-type", "application/x-www-form-urlencoded" } };
        const WebhookReply pong = f.endpoint.handle(Platform::WooCommerce, ping);
        QCOMPARE(pong.status, 200);
        QCOMPARE(latestEvents(*f.db, 1).front().status, QStringLiteral("ignored"));

        f.shop.seedWoo(1);
        json order = f.shop.wooOrders.first();
        order["status"] = "cancelled";
        const QByteArray body = QByteArray::fromStdString(order.dump());
        WebhookDelivery d;
        d.method = "POST";
        d.body = body;
        d.headers = { { "x-wc-webhook-topic", "order.updated" },
                      { "x-wc-webhook-resource", "order" },
                      { "x-wc-webhook-event", "updated" },
                      { "x-wc-webhook-signature", webhookSignature("whsec_woo_test", body) },
                      { "x-wc-webhook-id", "17" },
                      { "x-wc-webhook-delivery-id", "a1b2c3" } };
        QCOMPARE(f.endpoint.handle(Platform::WooCommerce, d).status, 200);
        QCOMPARE(f.endpoint.handle(Platform::WooCommerce, d).status, 200); // a retry: duplicate
        f.applyAll();
        QSqlQuery q = execOrThrow(f.db->connection(), QStringLiteral("SELECT status FROM orders WHERE id = '2001'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("cancelled"));
        QCOMPARE(latestEvents(*f.db, 1).front().status, QStringLiteral("duplicate"));
        d.headers["x-wc-webhook-signature"] = webhookSignature("wrong", body);
        d.headers["x-wc-webhook-delivery-id"] = "d4";
        QCOMPARE(f.endpoint.handle(Platform::WooCommerce, d).status, 401);
    }

    void unappliedEventsAreAppliedAtStart()
    {
        Fixture f;
        const QByteArray body = shopifyOrderPayload(kOrderId, 1001, QStringLiteral("2026-11-24T10:15:00+05:30"));
        f.endpoint.handle(Platform::Shopify, shopifyDelivery(body, QStringLiteral("orders/create"), QStringLiteral("k1")));
        // The process died after the 200: the event is stored, not applied. A new worker applies it.
        QCOMPARE(pendingEvents(*f.db).size(), size_t(1));
        WebhookWorker fresh(*f.db, Clock());
        QSignalSpy applied(&fresh, &WebhookWorker::eventApplied);
        fresh.drain();
        QCOMPARE(applied.size(), 1);
        QCOMPARE(applied.first().at(1).toString(), QStringLiteral("applied"));
        QVERIFY(pendingEvents(*f.db).empty());
    }

    void brokenPayloadFailsWithWhyAndDoesNotBlock()
    {
        Fixture f;
        const QByteArray broken = "{\"id\": 1, \"name\": \"#9\", \"total_price\": \"abc\", \"currency\": \"INR\"}";
        f.endpoint.handle(Platform::Shopify, shopifyDelivery(broken, QStringLiteral("orders/create"), QStringLiteral("b1")));
        const QByteArray good = shopifyOrderPayload(kOrderId, 1001, QStringLiteral("2026-11-24T10:15:00+05:30"));
        f.endpoint.handle(Platform::Shopify, shopifyDelivery(good, QStringLiteral("orders/create"), QStringLiteral("g1")));
        f.applyAll();
        const WebhookEvent bad = f.event(f.stored[0]);
        QCOMPARE(bad.status, QStringLiteral("failed"));
        QVERIFY2(bad.detail.contains(QLatin1String("total_price")), qPrintable(bad.detail));
        QCOMPARE(f.event(f.stored[1]).status, QStringLiteral("applied"));
    }
};

QTEST_GUILESS_MAIN(TestWebhooks)
#include "tst_webhooks.moc"
