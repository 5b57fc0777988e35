// Cart recovery, offers and session tools: results (cases/carts.json) and what each one leaves
// in the store.
#include "toolcase.h"

#include <QRegularExpression>
#include <QSqlQuery>

using namespace ringside;
using namespace ringside::test;

class TestCartTools : public QObject
{
    Q_OBJECT
private slots:
    void results_data() { addToolCases(QStringLiteral("carts.json")); }
    void results() { runToolCase(); }

    void discountIsStoredAndReplaced()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        h.call(QStringLiteral("apply_discount"), QStringLiteral(R"({"cart_id":"CART-3001","discount_code":"SAVE10"})"));
        QCOMPARE(h.store().cartById(QStringLiteral("CART-3001"))->discountCode, QStringLiteral("SAVE10"));
        const json replaced = h.call(QStringLiteral("apply_discount"), QStringLiteral(R"({"cart_id":"CART-3001","discount_code":"WINTER380"})"));
        QCOMPARE(stringAt(replaced, "replaced_code"), QStringLiteral("SAVE10"));
        QCOMPARE(h.store().cartById(QStringLiteral("CART-3001"))->discountCode, QStringLiteral("WINTER380"));
        const json again = h.call(QStringLiteral("apply_discount"), QStringLiteral(R"({"cart_id":"CART-3001","discount_code":"winter380"})"));
        QCOMPARE(again.value("already_applied", false), true);
        QVERIFY(again.at("replaced_code").is_null());
    }

    void refusedDiscountLeavesTheCart()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        h.call(QStringLiteral("apply_discount"), QStringLiteral(R"({"cart_id":"CART-3001","discount_code":"EXPIRED50"})"));
        QVERIFY(h.store().cartById(QStringLiteral("CART-3001"))->discountCode.isEmpty());
    }

    void checkoutLinkIsQueued()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        h.call(QStringLiteral("apply_discount"), QStringLiteral(R"({"cart_id":"CART-3001","discount_code":"SAVE10"})"));
        const json r = h.call(QStringLiteral("send_checkout_link"),
                              QStringLiteral(R"({"cart_id":"CART-3001","phone_number":"+91 98000 00003","include_discount":true})"));
        QCOMPARE(r.value("success", false), true);
        const QString link = stringAt(r, "link");
        static const QRegularExpression shape(
                QStringLiteral("^https://shop\\.kiran\\.example/checkout/CART-3001\\?token=[A-Za-z0-9_-]{22}&discount=SAVE10$"));
        QVERIFY2(shape.match(link).hasMatch(), qPrintable(link));
        QCOMPARE(stringAt(r, "discount_code"), QStringLiteral("SAVE10"));

        const std::vector<SmsMessage> outbox = h.store().smsOutbox();
        QCOMPARE(int(outbox.size()), 1);
        const SmsMessage &sms = outbox.front();
        QCOMPARE(sms.id, r.at("sms_id").get<qint64>());
        QCOMPARE(sms.toPhone, QStringLiteral("+919800000003"));
        QCOMPARE(sms.link, link);
        QCOMPARE(sms.kind, QStringLiteral("checkout_link"));
        QVERIFY2(sms.body.contains(link) && sms.body.startsWith(QStringLiteral("Kiran Stores:")), qPrintable(sms.body));
        QCOMPARE(sms.createdAt, fixtureNow());
        QCOMPARE(sms.expiresAt, fixtureNow().addSecs(24 * 3600));
        // Sending a link is not a new recovery call.
        QCOMPARE(h.store().cartById(QStringLiteral("CART-3001"))->recoveryAttempts, 0);

        // Each link gets its own token.
        const json second = h.call(QStringLiteral("send_checkout_link"), QStringLiteral(R"({"cart_id":"CART-3001","phone_number":"9800000003"})"));
        QVERIFY(stringAt(second, "link") != link);
        QVERIFY(!stringAt(second, "link").contains(QStringLiteral("discount=")));
    }

    void badPhoneQueuesNothing()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        h.call(QStringLiteral("send_checkout_link"), QStringLiteral(R"({"cart_id":"CART-3001","phone_number":"1234567"})"));
        QVERIFY(h.store().smsOutbox().empty());
    }

    void abandonmentReasonIsRecorded()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        h.call(QStringLiteral("record_cart_abandonment_reason"),
               QStringLiteral(R"({"cart_id":"CART-3001","reason":"payment_issues","notes":"UPI failed twice"})"));
        QSqlQuery q(h.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT reason, notes, at FROM abandonment_reasons WHERE cart_id = 'CART-3001'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("payment_issues"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("UPI failed twice"));
        QCOMPARE(q.value(2).toLongLong(), fixtureNow().toMSecsSinceEpoch());
    }

    void noOffersOnceTheyExpire()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        // Mid-January: the dated offers are over; what is left does not fit a 1,200-rupee strap.
        const json r = h.call(QStringLiteral("check_available_offers"), QStringLiteral(R"({"cart_id":"CART-1002"})"),
                              QStringLiteral("en-US"), parseIso(QStringLiteral("2027-01-15T10:00:00+05:30")));
        QCOMPARE(r.value("has_offers", true), false);
        QCOMPARE(stringAt(r, "message"), QStringLiteral("I don't have any offers that apply to your cart right now."));
        // The same cart today has the best of the dated ones.
        const json today = h.call(QStringLiteral("check_available_offers"), QStringLiteral(R"({"cart_id":"CART-1002"})"));
        QCOMPARE(stringAt(today.at("best_offer"), "code"), QStringLiteral("WINTER380"));
    }

    void hoursAgoFollowTheContextClock()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        const json r = h.call(QStringLiteral("get_abandoned_cart"), QStringLiteral(R"({"customer_id":"CUST-1003"})"),
                              QStringLiteral("en-US"), parseIso(QStringLiteral("2026-11-26T19:45:00+05:30")));
        QCOMPARE(r.at("abandoned_hours_ago").get<double>(), 12.3);
    }
};

QTEST_GUILESS_MAIN(TestCartTools)
#include "tst_carttools.moc"
