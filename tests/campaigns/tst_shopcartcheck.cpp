// Campaigns meeting a connected shop: right before a cart-recovery call the shop itself is asked
// whether the checkout is still abandoned (a stand-in Shopify on loopback, its GraphQL as documented),
// and an applied webhook wakes the dialer. End to end through `campaigns run --once`: a checkout
// completed at the shop after the last sync is skipped as `completed`, never dialled.
#include "campaignfixture.h"
#include "enginerun.h"
#include "faketwilio.h"
#include "../platforms/platformfixture.h"

#include "campaigns/shopcartcheck.h"
#include "platforms/httpexchange.h"
#include "platforms/platform.h"
#include "platforms/shopifyclient.h"
#include "platforms/shopifysyncsource.h"
#include "platforms/storesync.h"

using namespace ringside;
using namespace ringside::campaigns;
using namespace ringside::test;
using ringside::testing::shopifyConnection;
using ringside::testing::shopifyCredentials;
using ringside::fakes::FakeShop;
using ringside::fakes::FakeTwilio;

namespace {

// The store connected to `shop` and synced from it; the local cart ids in the shop's order.
QStringList connectAndSync(Database &db, FakeShop &shop)
{
    platforms::saveConnection(db, shopifyConnection(shop));
    platforms::HttpExchange http;
    platforms::ShopifyClient client(shopifyConnection(shop), shopifyCredentials(shop), http);
    platforms::ShopifySyncSource source(client);
    const platforms::SyncReport report = platforms::syncStore(db, source, {});
    if (!report.error.ok())
        qWarning("sync failed: %s", qPrintable(report.error.message));
    QStringList carts;
    QSqlQuery q = execOrThrow(db.connection(), QStringLiteral("SELECT local_id FROM platform_records WHERE kind = 'checkout' ORDER BY platform_id"));
    while (q.next())
        carts << q.value(0).toString();
    return carts;
}

QString cartStatus(Database &db, const QString &cart)
{
    QSqlQuery q = execOrThrow(db.connection(), QStringLiteral("SELECT status FROM carts WHERE id = ?"), cart);
    return q.next() ? q.value(0).toString() : QString();
}

} // namespace

class TestShopCartCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutAShopTheStoreDecides()
    {
        CampaignStore s;
        s.cart(QStringLiteral("CART-1"), QStringLiteral("C-PUNE"), at("2026-11-26T10:00:00+05:30"), 259800);
        const CartCheck check = shopCartCheck(*s.db, {})(QStringLiteral("CART-1"));
        QCOMPARE(int(check.state), int(CartState::Unknown));
        QVERIFY(check.detail.isEmpty()); // nothing failed: there was no one to ask
    }

    void theShopIsAskedEachTime()
    {
        FakeShop shop;
        shop.seedShopify(0, 3);
        QVERIFY(shop.listen());
        CampaignStore s;
        const QStringList carts = connectAndSync(*s.db, shop);
        QCOMPARE(carts.size(), 3);
        const CartStatusCheck check = shopCartCheck(*s.db, shopifyCredentials(shop));

        const int before = shop.graphqlRequests;
        QCOMPARE(int(check(carts[0]).state), int(CartState::Abandoned));
        QCOMPARE(shop.graphqlRequests, before + 1);

        // Bought at the shop after the sync: the shop says so, and the mirror learns it too.
        shop.shopifyCheckout(1)["completedAt"] = "2026-11-01T09:00:00Z";
        const CartCheck bought = check(carts[1]);
        QCOMPARE(int(bought.state), int(CartState::Completed));
        QVERIFY2(bought.detail.contains(carts[1]), qPrintable(bought.detail));
        QCOMPARE(cartStatus(*s.db, carts[1]), QStringLiteral("completed"));
        QCOMPARE(cartStatus(*s.db, carts[0]), QStringLiteral("abandoned"));
    }

    void aShopThatCannotBeAskedIsNamed()
    {
        FakeShop shop;
        shop.seedShopify(0, 1);
        QVERIFY(shop.listen());
        CampaignStore s;
        const QStringList carts = connectAndSync(*s.db, shop);
        QCOMPARE(carts.size(), 1);
        platforms::PlatformCredentials wrong = shopifyCredentials(shop);
        wrong.shopifyAccessToken = "shpat_revoked";
        const CartCheck check = shopCartCheck(*s.db, wrong)(carts[0]);
        QCOMPARE(int(check.state), int(CartState::Unknown));
        QVERIFY(!check.detail.isEmpty()); // recorded in the call's history; the token never is
        QVERIFY(!check.detail.contains(QLatin1String("shpat_revoked")));
        QCOMPARE(cartStatus(*s.db, carts[0]), QStringLiteral("abandoned"));
    }

    void storeChangesNudgeOnlyWhenSomethingChanged()
    {
        int nudges = 0;
        StoreChangeNudge nudge([&nudges] { ++nudges; });
        nudge.ordersChanged({});
        nudge.cartsChanged({});
        QCOMPARE(nudges, 0);
        nudge.ordersChanged({ QStringLiteral("1001") });
        nudge.cartsChanged({ QStringLiteral("CART-1") });
        QCOMPARE(nudges, 2);
    }

    void runOnceSkipsACheckoutCompletedAtTheShop()
    {
        FakeShop shop;
        shop.seedShopify(0, 2); // checkouts abandoned at 08:05 UTC on 1 Nov, worth ₹2,598: due an hour later
        QVERIFY(shop.listen());
        FakeTwilio twilio(kAccount, kToken);
        QVERIFY(twilio.listen());
        CampaignStore s;
        const QStringList carts = connectAndSync(*s.db, shop);
        QCOMPARE(carts.size(), 2);
        shop.shopifyCheckout(0)["completedAt"] = "2026-11-01T10:00:00Z"; // bought after the last sync
        const QString path = s.path();
        s.db.reset();

        const QHash<QString, QString> shopEnv{ { QStringLiteral("SHOPIFY_ACCESS_TOKEN"), QString::fromLatin1(shop.accessToken) },
                                               { QStringLiteral("SHOPIFY_API_BASE"), shop.url().toString() + QStringLiteral("/{shop}") } };
        const EngineRun run = runEngine({ QStringLiteral("campaigns"), QStringLiteral("run"), QStringLiteral("--db"), path, QStringLiteral("--once"),
                                          QStringLiteral("--now"), QStringLiteral("2026-11-01T12:00:00Z") },
                                        twilio.url().toString(), shopEnv);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        const json report = run.outJson();
        QCOMPARE(report["skipped"].value("completed", 0), 1);
        QCOMPARE(report.value("placed", 0), 1);
        QCOMPARE(twilio.calls().size(), 1);

        const EngineRun list = runEngine({ QStringLiteral("campaigns"), QStringLiteral("list"), QStringLiteral("--db"), path, QStringLiteral("--json"),
                                           QStringLiteral("--no-scan") });
        QCOMPARE(list.exitCode, 0);
        int seen = 0;
        for (const json &c : list.outJson()) {
            const QString cart = stringAt(c, "cart_id");
            if (cart == carts[0]) {
                QCOMPARE(stringAt(c, "status"), QStringLiteral("skipped"));
                QCOMPARE(stringAt(c, "reason"), QStringLiteral("completed"));
                QVERIFY(c["provider_call_id"].is_null());
                ++seen;
            } else if (cart == carts[1]) {
                QVERIFY(!c["provider_call_id"].is_null());
                QCOMPARE(stringAt(c, "provider_call_id"), twilio.calls().at(0).sid);
                ++seen;
            }
        }
        QCOMPARE(seen, 2);
    }
};

QTEST_GUILESS_MAIN(TestShopCartCheck)
#include "tst_shopcartcheck.moc"
