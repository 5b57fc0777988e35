// confirm_cod_order, cancel_order and reschedule_delivery: results (cases/cod.json) and what
// each one leaves in the store.
#include "toolcase.h"

#include <QSqlQuery>

using namespace ringside;
using namespace ringside::test;

class TestCodTools : public QObject
{
    Q_OBJECT
private slots:
    void results_data() { addToolCases(QStringLiteral("cod.json")); }
    void results() { runToolCase(); }

    void confirmationIsRecorded()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        h.call(QStringLiteral("confirm_cod_order"), QStringLiteral(R"({"order_id":"ORD-500001","confirmed":true})"));
        QCOMPARE(h.store().orderById(QStringLiteral("ORD-500001"))->codConfirmation, QStringLiteral("confirmed"));
        // A second confirmation says so and records nothing new.
        const json again = h.call(QStringLiteral("confirm_cod_order"), QStringLiteral(R"({"order_id":"ORD-500001","confirmed":true})"));
        QCOMPARE(again.value("already_confirmed", false), true);
        QSqlQuery q(h.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM cod_events WHERE order_id = 'ORD-500001' AND confirmed = 1")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void modificationIsRecorded()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        const json r = h.call(QStringLiteral("confirm_cod_order"),
                              QStringLiteral(R"({"order_id":"ORD-500009","confirmed":false,"modification_requested":"naya pata: 5 Park Street"})"));
        QCOMPARE(stringAt(r, "action"), QStringLiteral("collect_new_address"));
        // Confirmed before, but a change request reopens it.
        QCOMPARE(h.store().orderById(QStringLiteral("ORD-500009"))->codConfirmation, QStringLiteral("pending"));
        QSqlQuery q(h.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT confirmed, modification FROM cod_events WHERE order_id = 'ORD-500009'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QCOMPARE(q.value(1).toString(), QStringLiteral("naya pata: 5 Park Street"));
    }

    void confirmWithoutItems()
    {
        // Stores synced from a platform can hold an order whose lines were removed.
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        QSqlQuery q(h.database().connection());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM order_items WHERE order_id = 'ORD-500001'")));
        const json r = h.call(QStringLiteral("confirm_cod_order"), QStringLiteral(R"({"order_id":"ORD-500001","confirmed":true})"));
        QCOMPARE(r.value("success", false), true);
        QCOMPARE(stringAt(r, "message"), QStringLiteral("Thank you! Your order is confirmed. Your order will be delivered by Monday, "
                                                        "November 30. Please keep 1,499 rupees ready. You'll get an SMS before delivery."));
    }

    void declineWithoutChangeRecordsNothing()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        h.call(QStringLiteral("confirm_cod_order"), QStringLiteral(R"({"order_id":"ORD-500001","confirmed":false})"));
        QCOMPARE(h.store().orderById(QStringLiteral("ORD-500001"))->codConfirmation, QStringLiteral("pending"));
        QSqlQuery q(h.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM cod_events")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void cancellationIsRecorded()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        h.call(QStringLiteral("cancel_order"),
               QStringLiteral(R"({"order_id":"ORD-500001","reason":"found_cheaper","reason_details":"seen for 1,299 elsewhere"})"));
        const auto order = h.store().orderById(QStringLiteral("ORD-500001"));
        QCOMPARE(order->status, QStringLiteral("cancelled"));
        QCOMPARE(order->codConfirmation, QStringLiteral("declined"));
        QSqlQuery q(h.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT reason, details FROM cancellations WHERE order_id = 'ORD-500001'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("found_cheaper"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("seen for 1,299 elsewhere"));
        // Cancelling again is refused, not repeated.
        const json again = h.call(QStringLiteral("cancel_order"), QStringLiteral(R"({"order_id":"ORD-500001","reason":"other"})"));
        QCOMPARE(stringAt(again, "reason"), QStringLiteral("already_cancelled"));
    }

    void refusalChangesNothing()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        h.call(QStringLiteral("cancel_order"), QStringLiteral(R"({"order_id":"ORD-482913","reason":"other"})"));
        QCOMPARE(h.store().orderById(QStringLiteral("ORD-482913"))->status, QStringLiteral("shipped"));
        h.call(QStringLiteral("reschedule_delivery"), QStringLiteral(R"({"order_id":"ORD-500001","new_date":"2026-12-11"})"));
        QVERIFY(!h.store().orderById(QStringLiteral("ORD-500001"))->deliveryDate.isValid());
    }

    void rescheduleIsRecordedAndSpokenBack()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        h.call(QStringLiteral("reschedule_delivery"),
               QStringLiteral(R"({"order_id":"ORD-482913","new_date":"2026-11-30","time_slot":"afternoon"})"));
        const auto order = h.store().orderById(QStringLiteral("ORD-482913"));
        QCOMPARE(order->deliveryDate, QDate(2026, 11, 30));
        QCOMPARE(order->deliverySlot, QStringLiteral("afternoon"));
        const json status = h.call(QStringLiteral("get_order_status"), QStringLiteral(R"({"order_id":"ORD-482913"})"));
        QCOMPARE(stringAt(status, "delivery_date"), QStringLiteral("2026-11-30"));
        QVERIFY2(stringAt(status, "message").endsWith(QStringLiteral("Delivery is rescheduled for Monday, November 30 in the afternoon.")),
                 status.dump().c_str());
    }
};

QTEST_GUILESS_MAIN(TestCodTools)
#include "tst_codtools.moc"
