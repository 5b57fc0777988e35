// Write-back: a tool's change lands in the mirror and in the outbox in one transaction, the reply
// says it is being done, the outbox worker makes the platform call once — also when an earlier
// attempt was interrupted after the call (in doubt: the shop is asked first) — and a change that
// finally fails is visible with an operator task. Discount codes are real single-use codes.
#include "platformfixture.h"

#include "commerce/fixtureimporter.h"
#include "platforms/outbox.h"
#include "platforms/outboxworker.h"
#include "platforms/platformstore.h"
#include "platforms/shopifysyncsource.h"
#include "platforms/storesync.h"
#include "platforms/wooclient.h"
#include "platforms/woosyncsource.h"
#include "platforms/httpexchange.h"
#include "storage/sqlutil.h"
#include "tools/toolregistry.h"

using namespace ringside;
using namespace ringside::platforms;
using namespace ringside::testing;

namespace {

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-11-01T12:00:00Z"), Qt::ISODate);

struct Shop
{
    fakes::FakeShop fake;
    QTemporaryDir dir;
    std::unique_ptr<Database> db = openTempDatabase(dir);
    Connection connection;
    std::unique_ptr<PlatformStore> store;
    std::unique_ptr<ToolRegistry> tools;

    explicit Shop(bool woo = false)
    {
        fake.seedShopify(6, 2);
        fake.seedWoo(6);
        if (!fake.listen())
            qFatal("fake shop cannot listen");
        connection = woo ? wooConnection() : shopifyConnection(fake);
        saveConnection(*db, connection);
        HttpExchange http;
        if (woo) {
            WooClient client(connection, shopifyCredentials(fake), http);
            WooSyncSource source(client);
            if (!syncStore(*db, source, SyncOptions{}).error.ok())
                qFatal("woo sync failed");
        } else {
            ShopifyClient client(connection, shopifyCredentials(fake), http);
            ShopifySyncSource source(client);
            if (!syncStore(*db, source, SyncOptions{}).error.ok())
                qFatal("shopify sync failed");
        }
        // An offer the agent may give.
        commerce::FixtureImporter(*db).importText(R"({"offers":[{"code":"SAVE10","description":"10% off","percent_off":10}]})");
        store = std::make_unique<PlatformStore>(*db, connection);
        tools = std::make_unique<ToolRegistry>(*store);
    }

    json call(const char *tool, const json &args)
    {
        ToolContext context;
        context.now = kNow;
        return tools->call(QLatin1String(tool), args, context);
    }
    int runOutbox(const QDateTime &at = kNow)
    {
        OutboxWorker worker(*db, shopifyCredentials(fake), Clock(at));
        return worker.runDue();
    }
    int calls(const QString &key) const { return fake.mutationCalls.value(key); }
};

} // namespace

class TestWriteBack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cancelReachesShopifyOnce()
    {
        Shop s;
        const json result = s.call("cancel_order", { { "order_id", "#1003" }, { "reason", "changed_mind" } });
        QVERIFY2(result.value("success", false), result.dump().c_str());
        // The mirror shows it; the reply does not claim the shop did it.
        QCOMPARE(s.store->orderById(QStringLiteral("1003"))->status, QStringLiteral("cancelled"));
        QVERIFY2(stringAt(result, "message").contains(QLatin1String("put in the cancellation")), result.dump().c_str());
        QVERIFY(result.contains("write_back"));
        QCOMPARE(stringAt(result["write_back"][0], "status"), QStringLiteral("queued"));
        QCOMPARE(s.calls(QStringLiteral("orderCancel:") + fakes::FakeShop::orderGid(2)), 0); // not on the caller's thread

        QCOMPARE(s.runOutbox(), 1); // #1003 is prepaid: just the cancellation (a COD order would also get its note)
        QCOMPARE(s.calls(QStringLiteral("orderCancel:") + fakes::FakeShop::orderGid(2)), 1);
        QVERIFY(!s.fake.shopifyOrder(QStringLiteral("#1003"))["cancelledAt"].is_null());
        const auto done = listActions(*s.db, 10, QStringLiteral("done"));
        QVERIFY(!done.empty());
        // The refund followed the payment: #1003 was prepaid.
        const auto &req = s.fake.server().requests();
        bool refunded = false;
        for (const auto &r : req)
            if (QString::fromStdString(r.json().value("query", std::string())).contains(QLatin1String("orderCancel(")))
                refunded = r.json()["variables"]["refundMethod"].value("originalPaymentMethodsRefund", false);
        QVERIFY(refunded);
        QCOMPARE(s.runOutbox(), 0); // nothing left, nothing repeated
        QCOMPARE(s.calls(QStringLiteral("orderCancel:") + fakes::FakeShop::orderGid(2)), 1);
    }

    void interruptedAfterThePlatformCallIsNotRepeated()
    {
        Shop s;
        s.call("cancel_order", { { "order_id", "1005" }, { "reason", "found_cheaper" } });
        // A worker claimed it and made the call, then the process died before recording "done".
        bool inDoubt = false;
        const auto claimed = claimNextAction(*s.db, kNow.toMSecsSinceEpoch(), &inDoubt);
        QVERIFY(claimed);
        QVERIFY(!inDoubt);
        s.fake.shopifyOrder(QStringLiteral("#1005"))["cancelledAt"] = "2026-11-01T12:00:01Z";
        ++s.fake.mutationCalls[QStringLiteral("orderCancel:") + fakes::FakeShop::orderGid(4)];
        // Within the lease nobody touches it; after it, the next worker finds it in doubt and asks first.
        QCOMPARE(s.runOutbox(kNow.addSecs(10)), 0);
        QCOMPARE(s.runOutbox(kNow.addSecs(180)), 1);
        QCOMPARE(s.calls(QStringLiteral("orderCancel:") + fakes::FakeShop::orderGid(4)), 1);
        const auto action = actionById(*s.db, claimed->id);
        QCOMPARE(action->status, QStringLiteral("done"));
        QVERIFY(action->result.value("already", false));
    }

    void discountIsARealSingleUseCode()
    {
        Shop s;
        const json result = s.call("apply_discount", { { "cart_id", "CART-450789469000000001" }, { "discount_code", "save10" } });
        QVERIFY2(result.value("success", false), result.dump().c_str());
        const QString code = stringAt(result, "discount_code");
        QVERIFY2(code.startsWith(QLatin1String("SAVE10-")) && code.size() == 12, qPrintable(code));
        QCOMPARE(stringAt(result, "offer_code"), QStringLiteral("SAVE10"));
        QCOMPARE(s.store->cartById(QStringLiteral("CART-450789469000000001"))->discountCode, code);
        QCOMPARE(s.runOutbox(), 1);
        QVERIFY(s.fake.discounts.contains(code));
        const nlohmann::json input = s.fake.discounts.value(code);
        QCOMPARE(input.value("usageLimit", 0), 1);
        QVERIFY(input["context"].contains("customers")); // only this customer
        QCOMPARE(input["customerGets"]["value"].value("percentage", 0.0), 0.1);
        // Asked again for the same cart: the same code, nothing new created.
        const json again = s.call("apply_discount", { { "cart_id", "CART-450789469000000001" }, { "discount_code", "SAVE10" } });
        QVERIFY(again.value("success", false));
        QCOMPARE(s.runOutbox(), 0);
        QCOMPARE(s.fake.discounts.size(), 1);
        // The SMS carries the shop's own recovery link, never an invented one.
        const json sms = s.call("send_checkout_link", { { "cart_id", "CART-450789469000000001" }, { "phone_number", "+919810000000" },
                                                        { "include_discount", true } });
        QVERIFY2(sms.value("success", false), sms.dump().c_str());
        QVERIFY(stringAt(sms, "link").startsWith(QStringLiteral("https://ringside-demo.myshopify.com/1234/checkouts/ac/450789469000000001/recover")));
        QVERIFY(s.store->smsOutbox(1).front().body.contains(code));
    }

    void failuresAreRetriedThenVisibleWithATask()
    {
        Shop s;
        s.call("reschedule_delivery", { { "order_id", "1001" }, { "new_date", "2026-11-04" } });
        s.fake.failNextGraphql = 100;
        QDateTime at = kNow;
        for (int i = 0; i < kMaxOutboxAttempts; ++i) {
            QCOMPARE(s.runOutbox(at), 1);
            at = at.addSecs(4 * 3600); // past every backoff
        }
        const auto failed = listActions(*s.db, 10, QStringLiteral("failed"));
        QCOMPARE(failed.size(), size_t(1));
        QVERIFY2(failed.front().lastError.contains(QLatin1String("500")), qPrintable(failed.front().lastError));
        QSqlQuery task = execOrThrow(s.db->connection(), QStringLiteral("SELECT detail FROM operator_tasks WHERE kind = 'write_back_failed' AND resolved_at IS NULL"));
        QVERIFY(task.next());
        QVERIFY(task.value(0).toString().contains(QLatin1String("1001")));
        // Retry after the shop recovers: done, and the task is resolved.
        s.fake.failNextGraphql = 0;
        QVERIFY(retryAction(*s.db, failed.front().id, at.toMSecsSinceEpoch()));
        QCOMPARE(s.runOutbox(at), 1);
        QCOMPARE(actionById(*s.db, failed.front().id)->status, QStringLiteral("done"));
        QVERIFY(s.fake.shopifyOrder(QStringLiteral("#1001"))["tags"].dump().find("ringside-rescheduled") != std::string::npos);
        QSqlQuery open = execOrThrow(s.db->connection(), QStringLiteral("SELECT COUNT(*) FROM operator_tasks WHERE resolved_at IS NULL"));
        QVERIFY(open.next());
        QCOMPARE(open.value(0).toInt(), 0);
    }

    void rejectionFailsAtOnce()
    {
        Shop s;
        s.call("cancel_order", { { "order_id", "1003" }, { "reason", "other" } });
        s.fake.shopifyOrder(QStringLiteral("#1003"))["cancelledAt"] = "2026-11-01T11:00:00Z"; // cancelled in the admin meanwhile
        QCOMPARE(s.runOutbox(), 1);
        // Shopify's "already cancelled" is the outcome wanted: done, not a failure.
        QCOMPARE(listActions(*s.db, 10, QStringLiteral("done")).size(), size_t(1));
        // A refusal of another kind fails at once (no retries against a userError).
        s.call("confirm_cod_order", { { "order_id", "1004" }, { "confirmed", true } });
        s.fake.shopifyOrder(QStringLiteral("#1004"))["id"] = "gid://shopify/Order/1"; // gone from the shop
        QCOMPARE(s.runOutbox(), 1);
        const auto failed = listActions(*s.db, 10, QStringLiteral("failed"));
        QCOMPARE(failed.size(), size_t(1));
        QCOMPARE(failed.front().attempts, 1);
    }

    void wooCommerceCancelRefundAndCoupon()
    {
        Shop s(true);
        // Order 2003 (id 5003) is paid (razorpay) and not shipped: cancelled with a refund.
        const json c2 = s.call("cancel_order", { { "order_id", "2003" }, { "reason", "changed_mind" } });
        QVERIFY2(c2.value("success", false), c2.dump().c_str());
        s.runOutbox();
        QCOMPARE(QString::fromStdString(s.fake.wooOrders[5003]["status"].get<std::string>()), QStringLiteral("cancelled"));
        QCOMPARE(s.calls(QStringLiteral("refund:5003")), 1);
        QCOMPARE(s.runOutbox(), 0);
        QCOMPARE(s.calls(QStringLiteral("refund:5003")), 1);

        const json d = s.call("apply_discount", { { "cart_id", "CART-W5005" }, { "discount_code", "SAVE10" } });
        QVERIFY2(d.value("success", false), d.dump().c_str());
        s.runOutbox();
        QCOMPARE(s.fake.wooCoupons.size(), 1);
        const nlohmann::json coupon = s.fake.wooCoupons.first();
        QCOMPARE(coupon.value("usage_limit", 0), 1);
        QCOMPARE(coupon.value("discount_type", std::string()), std::string("percent"));
    }
};

QTEST_GUILESS_MAIN(TestWriteBack)
#include "tst_writeback.moc"
