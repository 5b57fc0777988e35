// initiate_return, schedule_pickup and check_return_status: results (cases/returns.json) and
// what each one leaves in the store.
#include "toolcase.h"

using namespace ringside;
using namespace ringside::test;

class TestReturnTools : public QObject
{
    Q_OBJECT
private slots:
    void results_data() { addToolCases(QStringLiteral("returns.json")); }
    void results() { runToolCase(); }

    void returnIsStoredAndCountsAgainstTheOrder()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        const json first = h.call(QStringLiteral("initiate_return"),
                                  QStringLiteral(R"({"order_id":"ORD-500012","items":[{"sku":"PIL-02","quantity":1,"reason":"size_issue"}]})"));
        QCOMPARE(first.value("success", false), true);
        const auto stored = h.store().returnById(stringAt(first, "return_id_raw"));
        QVERIFY(stored);
        QCOMPARE(stored->orderId, QStringLiteral("ORD-500012"));
        QCOMPARE(stored->status, QStringLiteral("requested"));
        QCOMPARE(stored->refundMethod, QStringLiteral("bank_transfer"));
        QCOMPARE(stored->pickupAddress, QStringLiteral("9 Civil Lines, Jaipur 302006"));
        QCOMPARE(int(stored->items.size()), 1);
        QCOMPARE(stored->items[0].sku, QStringLiteral("PIL-02"));
        QCOMPARE(stored->items[0].reason, QStringLiteral("size_issue"));
        QCOMPARE(stored->createdAt, fixtureNow());

        // One pillow cover is left; asking for two now is refused with the new count.
        const json second = h.call(QStringLiteral("initiate_return"),
                                   QStringLiteral(R"({"order_id":"ORD-500012","items":[{"sku":"PIL-02","quantity":2,"reason":"size_issue"}]})"));
        QCOMPARE(stringAt(second, "reason"), QStringLiteral("quantity_exceeds_returnable"));
        QCOMPARE(second.value("returnable", -1), 1);
    }

    void refusedReturnStoresNothing()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        h.call(QStringLiteral("initiate_return"),
               QStringLiteral(R"({"order_id":"ORD-500002","items":[{"sku":"MUG-CER","quantity":1,"reason":"damaged"},{"sku":"NOPE","quantity":1,"reason":"damaged"}]})"));
        QCOMPARE(int(h.store().returnsForOrder(QStringLiteral("ORD-500002")).size()), 2);
    }

    void pickupIsStoredAndReported()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        h.call(QStringLiteral("schedule_pickup"), QStringLiteral(R"({"return_id":"RET-0001","pickup_date":"2026-11-28","time_slot":"morning"})"));
        const auto stored = h.store().returnById(QStringLiteral("RET-0001"));
        QCOMPARE(stored->status, QStringLiteral("pickup_scheduled"));
        QCOMPARE(stored->pickupDate, QDate(2026, 11, 28));
        QCOMPARE(stored->timeSlot, QStringLiteral("morning"));
        QCOMPARE(stored->pickupAddress, QStringLiteral("4 MG Road, Bengaluru 560001"));

        const json status = h.call(QStringLiteral("check_return_status"), QStringLiteral(R"({"return_id":"RET-0001"})"));
        QCOMPARE(stringAt(status, "message"),
                 QStringLiteral("The pickup for your return R E T 0 0 0 1 is booked for Saturday, November 28 in the morning."));

        // Moving a booked pickup is allowed and says so.
        const json moved = h.call(QStringLiteral("schedule_pickup"), QStringLiteral(R"({"return_id":"RET-0001","pickup_date":"2026-11-30"})"));
        QCOMPARE(moved.value("rescheduled", false), true);
        QCOMPARE(h.store().returnById(QStringLiteral("RET-0001"))->pickupDate, QDate(2026, 11, 30));
    }

    void newReturnThenPickupEndToEnd()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        const json r = h.call(QStringLiteral("initiate_return"),
                              QStringLiteral(R"({"order_id":"ORD-500002","items":[{"sku":"SHOE-RUN-42","quantity":1,"reason":"size_issue"}]})"));
        // The brain may pass back the spelled id it was given.
        const json pickup = h.call(QStringLiteral("schedule_pickup"),
                                   qs(json({ { "return_id", r.at("return_id") }, { "pickup_date", "2026-11-27" } }).dump()));
        QCOMPARE(pickup.value("success", false), true);
        QCOMPARE(stringAt(pickup, "return_id_raw"), stringAt(r, "return_id_raw"));
        const json byOrder = h.call(QStringLiteral("check_return_status"), QStringLiteral(R"({"order_id":"ORD-500002"})"));
        QCOMPARE(stringAt(byOrder, "return_id_raw"), stringAt(r, "return_id_raw"));
        QCOMPARE(stringAt(byOrder, "status"), QStringLiteral("pickup_scheduled"));
    }
};

QTEST_GUILESS_MAIN(TestReturnTools)
#include "tst_returntools.moc"
