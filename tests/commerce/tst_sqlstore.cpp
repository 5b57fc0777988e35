#include "commerce/sqlstore.h"
#include "storage/sqlutil.h"
#include "storetestutil.h"

#include <QSqlQuery>
#include <QThread>

#include <latch>

using namespace ringside;
using namespace ringside::testing;

namespace {
int count(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        qFatal("count failed: %s", qPrintable(sql));
    return q.value(0).toInt();
}

QStringList ids(const std::vector<Order> &orders)
{
    QStringList out;
    for (const Order &o : orders)
        out << o.id;
    return out;
}
} // namespace

class TestSqlStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqlStore> m_store;
    const QDateTime m_at = utc("2026-11-26T10:00:00+05:30");

private slots:
    // A fresh copy of the fixture for every test, so writes in one cannot leak into the next.
    void init()
    {
        m_store.reset();
        m_db.reset();
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = openDatabase(*m_dir);
        const auto report = importData(*m_db, "store.json");
        QVERIFY2(report.ok, qPrintable(report.errors.join(QLatin1Char('\n'))));
        m_store = std::make_unique<SqlStore>(*m_db);
    }

    void settingsComeFromStoreThenDefaultsThenFallback()
    {
        QCOMPARE(m_store->setting(QStringLiteral("storeName")), QStringLiteral("Kiran Stores"));
        QCOMPARE(m_store->setting(QStringLiteral("freeShippingThreshold")), QStringLiteral("99900"));
        QCOMPARE(m_store->setting(QStringLiteral("freeShippingThreshold.USD")), QStringLiteral("5000"));
        QCOMPARE(m_store->setting(QStringLiteral("noSuchKey"), QStringLiteral("fallback")), QStringLiteral("fallback"));

        QTemporaryDir empty;
        auto fresh = openDatabase(empty);
        SqlStore blank(*fresh);
        QCOMPARE(blank.setting(QStringLiteral("storeName"), QStringLiteral("x")), QStringLiteral("My Store"));
        QCOMPARE(blank.setting(QStringLiteral("returnWindowDays")), QStringLiteral("7"));
        QCOMPARE(blank.setting(QStringLiteral("freeShippingThreshold")), QStringLiteral("49900"));
        QCOMPARE(blank.setting(QStringLiteral("freeShippingThreshold.USD")), QStringLiteral("3500"));
    }

    void customerById()
    {
        const auto c = m_store->customerById(QStringLiteral("C-2001"));
        QVERIFY(c);
        QCOMPARE(c->name, QStringLiteral("John Miller"));
        QCOMPARE(c->phone, QStringLiteral("+13125550142"));
        QCOMPARE(c->timezone, QStringLiteral("America/Chicago"));
        QCOMPARE(c->preferredLanguage, QStringLiteral("en-US"));
        QVERIFY(!m_store->customerById(QStringLiteral("C-9999")));
    }

    void customerByPhone_data()
    {
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("customerId"); // empty = no match
        QTest::addRow("E.164") << "+919812345678" << "C-1001";
        QTest::addRow("spaced") << "+91 98123 45678" << "C-1001";
        QTest::addRow("trunk zero") << "09812345678" << "C-1001";
        QTest::addRow("ten digits") << "9812345678" << "C-1001";
        QTest::addRow("country code without plus") << "919812345678" << "C-1001";
        QTest::addRow("dashes") << "98123-45678" << "C-1001";
        QTest::addRow("US national") << "(312) 555-0142" << "C-2001";
        QTest::addRow("US E.164 spaced") << "+1 312 555 0142" << "C-2001";
        QTest::addRow("US with 1") << "1-312-555-0142" << "C-2001";
        QTest::addRow("stored from trunk form") << "+91 98765 43210" << "C-1002";
        QTest::addRow("other country") << "+44 20 7946 0958" << "";
        QTest::addRow("fragment") << "45678" << "";
        QTest::addRow("empty") << "" << "";
    }
    void customerByPhone()
    {
        QFETCH(QString, phone);
        QFETCH(QString, customerId);
        const auto c = m_store->customerByPhone(phone);
        QCOMPARE(c ? c->id : QString(), customerId);
    }

    void orderByIdReadsEveryField()
    {
        const auto o = m_store->orderById(QStringLiteral("ORD-123456"));
        QVERIFY(o);
        QCOMPARE(o->customerId, QStringLiteral("C-1001"));
        QCOMPARE(o->status, QStringLiteral("shipped"));
        QCOMPARE(o->paymentMethod, QStringLiteral("cod"));
        QCOMPARE(o->codConfirmation, QStringLiteral("pending"));
        QCOMPARE(o->totalMinor, qint64(149900));
        QCOMPARE(o->currency, QStringLiteral("INR"));
        QCOMPARE(o->createdAt, utc("2026-11-20T04:45:00Z"));
        QCOMPARE(o->createdAt.timeSpec(), Qt::UTC);
        QCOMPARE(o->carrier, QStringLiteral("bluedart"));
        QCOMPARE(o->trackingNumber, QStringLiteral("BD123456789IN"));
        QCOMPARE(o->estimatedDelivery, utc("2026-11-24T12:30:00Z"));
        QVERIFY(!o->deliveredAt.isValid());
        QVERIFY(o->delayReason.isEmpty());
        QCOMPARE(o->items.size(), std::size_t(1));
        QCOMPARE(o->items[0].sku, QStringLiteral("SHOE-RUN-42"));
        QCOMPARE(o->items[0].priceMinor, qint64(149900));
        QCOMPARE(o->items[0].category, QStringLiteral("footwear"));
        QCOMPARE(o->trackingEvents.size(), std::size_t(2));
        QCOMPARE(o->trackingEvents[1].status, QStringLiteral("in_transit"));
        QCOMPARE(o->trackingEvents[1].location, QStringLiteral("Mumbai hub"));

        const auto delayed = m_store->orderById(QStringLiteral("ORD-123480"));
        QVERIFY(delayed);
        QCOMPARE(delayed->delayReason, QStringLiteral("Heavy rain at the Lucknow hub"));
        QCOMPARE(delayed->deliveryDate, QDate(2026, 11, 29));
        QCOMPARE(delayed->deliverySlot, QStringLiteral("evening"));
        QVERIFY(!m_store->orderById(QStringLiteral("ORD-000000")));
    }

    void ordersByPhoneNewestFirst()
    {
        QCOMPARE(ids(m_store->ordersByPhone(QStringLiteral("98123 45678"))),
                 QStringList({ QStringLiteral("ORD-123470"), QStringLiteral("ORD-123456"), QStringLiteral("ORD-123450") }));
        QCOMPARE(ids(m_store->ordersByPhone(QStringLiteral("+1 312 555 0142"))), QStringList({ QStringLiteral("ORD-200001") }));
        QVERIFY(m_store->ordersByPhone(QStringLiteral("+91 90000 00000")).empty());
    }

    void ordersByTracking()
    {
        QCOMPARE(ids(m_store->ordersByTracking(QStringLiteral("BD123456789IN"))), QStringList({ QStringLiteral("ORD-123456") }));
        QCOMPARE(ids(m_store->ordersByTracking(QStringLiteral("bd 1234 56789 in"))), QStringList({ QStringLiteral("ORD-123456") }));
        QVERIFY(m_store->ordersByTracking(QStringLiteral("BD000")).empty());
        QVERIFY(m_store->ordersByTracking(QString()).empty());
    }

    void setCodConfirmationRecordsStateAndEvent()
    {
        m_store->setCodConfirmation(QStringLiteral("ORD-123456"), QStringLiteral("declined"), false,
                                    QStringLiteral("change address"), m_at);
        QCOMPARE(m_store->orderById(QStringLiteral("ORD-123456"))->codConfirmation, QStringLiteral("declined"));
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(*) FROM cod_events WHERE order_id = 'ORD-123456' AND "
                                             "confirmed = 0 AND modification = 'change address'")), 1);
        QVERIFY_THROWS_EXCEPTION(StorageError, m_store->setCodConfirmation(QStringLiteral("ORD-123456"),
                                 QStringLiteral("yes"), true, {}, m_at));
        QVERIFY_THROWS_EXCEPTION(StorageError, m_store->setCodConfirmation(QStringLiteral("ORD-404404"),
                                 QStringLiteral("confirmed"), true, {}, m_at));
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(*) FROM cod_events")), 1); // the failures wrote nothing
    }

    void cancelOrderRecordsReason()
    {
        m_store->cancelOrder(QStringLiteral("ORD-123470"), QStringLiteral("found_cheaper"), QStringLiteral("Rs 50 less"), m_at);
        QCOMPARE(m_store->orderById(QStringLiteral("ORD-123470"))->status, QStringLiteral("cancelled"));
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(*) FROM cancellations WHERE order_id = 'ORD-123470' AND "
                                             "reason = 'found_cheaper' AND details = 'Rs 50 less'")), 1);
        try {
            m_store->cancelOrder(QStringLiteral("ORD-123456"), QStringLiteral("bored"), {}, m_at);
            QFAIL("a reason outside the vocabulary was accepted");
        } catch (const StorageError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("reason: 'bored' is not one of")), e.what());
        }
        QCOMPARE(m_store->orderById(QStringLiteral("ORD-123456"))->status, QStringLiteral("shipped"));
    }

    void rescheduleDelivery()
    {
        m_store->rescheduleDelivery(QStringLiteral("ORD-123456"), QDate(2026, 11, 28), QStringLiteral("morning"), m_at);
        const auto o = m_store->orderById(QStringLiteral("ORD-123456"));
        QCOMPARE(o->deliveryDate, QDate(2026, 11, 28));
        QCOMPARE(o->deliverySlot, QStringLiteral("morning"));
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(*) FROM delivery_reschedules WHERE new_date = '2026-11-28'")), 1);
        m_store->rescheduleDelivery(QStringLiteral("ORD-123456"), QDate(2026, 11, 30), QString(), m_at);
        QVERIFY(m_store->orderById(QStringLiteral("ORD-123456"))->deliverySlot.isEmpty());
        QVERIFY_THROWS_EXCEPTION(StorageError, m_store->rescheduleDelivery(QStringLiteral("ORD-123456"),
                                 QDate(2026, 11, 28), QStringLiteral("midnight"), m_at));
        QVERIFY_THROWS_EXCEPTION(StorageError, m_store->rescheduleDelivery(QStringLiteral("ORD-123456"), QDate(),
                                 QStringLiteral("morning"), m_at));
    }

    void updateDeliveryAddress()
    {
        m_store->updateDeliveryAddress(QStringLiteral("ORD-123456"), QStringLiteral("7 FC Road, Pune 411004"), m_at);
        QCOMPARE(m_store->orderById(QStringLiteral("ORD-123456"))->deliveryAddress, QStringLiteral("7 FC Road, Pune 411004"));
        QVERIFY_THROWS_EXCEPTION(StorageError, m_store->updateDeliveryAddress(QStringLiteral("ORD-123456"),
                                 QStringLiteral("  "), m_at));
        QVERIFY_THROWS_EXCEPTION(StorageError, m_store->updateDeliveryAddress(QStringLiteral("ORD-404404"),
                                 QStringLiteral("somewhere"), m_at));
    }

    void setPaymentMethodKeepsCodStateConsistent()
    {
        m_store->setPaymentMethod(QStringLiteral("ORD-123456"), QStringLiteral("upi"), m_at);
        auto o = m_store->orderById(QStringLiteral("ORD-123456"));
        QCOMPARE(o->paymentMethod, QStringLiteral("upi"));
        QVERIFY(o->codConfirmation.isEmpty());
        m_store->setPaymentMethod(QStringLiteral("ORD-123470"), QStringLiteral("cod"), m_at);
        QCOMPARE(m_store->orderById(QStringLiteral("ORD-123470"))->codConfirmation, QStringLiteral("pending"));
        QVERIFY_THROWS_EXCEPTION(StorageError, m_store->setPaymentMethod(QStringLiteral("ORD-123456"),
                                 QStringLiteral("bitcoin"), m_at));
    }

    void createReturnAssignsNextId()
    {
        ReturnRequest r;
        r.orderId = QStringLiteral("ORD-123456");
        r.createdAt = m_at;
        r.items = { { QStringLiteral("SHOE-RUN-42"), 1, QStringLiteral("size_issue") } };
        QCOMPARE(m_store->createReturn(r), QStringLiteral("RET-5003"));
        QCOMPARE(m_store->createReturn(r), QStringLiteral("RET-5004"));
        const auto stored = m_store->returnById(QStringLiteral("RET-5003"));
        QVERIFY(stored);
        QCOMPARE(stored->status, QStringLiteral("requested"));
        QCOMPARE(stored->refundMethod, QStringLiteral("original_payment"));
        QCOMPARE(stored->createdAt, m_at);
        QCOMPARE(stored->items.size(), std::size_t(1));
        QCOMPARE(stored->items[0].reason, QStringLiteral("size_issue"));

        ReturnRequest unknown = r;
        unknown.orderId = QStringLiteral("ORD-404404");
        QVERIFY_THROWS_EXCEPTION(StorageError, m_store->createReturn(unknown));
        ReturnRequest badReason = r;
        badReason.items[0].reason = QStringLiteral("meh");
        QVERIFY_THROWS_EXCEPTION(StorageError, m_store->createReturn(badReason));
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(*) FROM returns")), 4);
    }

    void createReturnStartsAtOneInAnEmptyStore()
    {
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        QVERIFY(importData(*db, "baseline.json").ok);
        SqlStore store(*db);
        ReturnRequest r;
        r.orderId = QStringLiteral("ORD-000001");
        r.createdAt = m_at;
        r.items = { { QStringLiteral("BAG-TOTE"), 1, QStringLiteral("damaged") } };
        QCOMPARE(store.createReturn(r), QStringLiteral("RET-0001"));
    }

    void createReturnFromManyThreadsGivesDistinctIds()
    {
        ReturnRequest r;
        r.orderId = QStringLiteral("ORD-123456");
        r.createdAt = m_at;
        r.items = { { QStringLiteral("SHOE-RUN-42"), 1, QStringLiteral("damaged") } };
        QStringList made[4];
        QString failures[4];
        // Every thread stays alive until all are done: Database keys connections by thread id, and a
        // finished thread's id may be handed to the next one (see the report on core/storage).
        std::latch allDone(4);
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back(QThread::create([&, t] {
                try {
                    for (int i = 0; i < 5; ++i)
                        made[t] << m_store->createReturn(r);
                } catch (const StorageError &e) {
                    failures[t] = QString::fromUtf8(e.what());
                }
                allDone.arrive_and_wait();
            }));
            threads.back()->start();
        }
        QStringList all;
        for (int t = 0; t < 4; ++t) {
            QVERIFY(threads[std::size_t(t)]->wait(30000));
            QVERIFY2(failures[t].isEmpty(), qPrintable(failures[t]));
            all << made[t];
        }
        QCOMPARE(all.size(), 20);
        all.removeDuplicates();
        QCOMPARE(all.size(), 20);
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(*) FROM returns")), 22);
    }

    void returnsForOrderAndPickup()
    {
        const auto list = m_store->returnsForOrder(QStringLiteral("ORD-123450"));
        QCOMPARE(list.size(), std::size_t(1));
        QCOMPARE(list[0].id, QStringLiteral("RET-5001"));
        QCOMPARE(list[0].pickupDate, QDate(2026, 11, 27));
        QCOMPARE(list[0].timeSlot, QStringLiteral("morning"));
        QVERIFY(m_store->returnsForOrder(QStringLiteral("ORD-123456")).empty());

        m_store->schedulePickup(QStringLiteral("RET-5002"), QDate(2026, 11, 28), QStringLiteral("afternoon"),
                                QStringLiteral("300 N State St, Chicago"), m_at);
        auto r = m_store->returnById(QStringLiteral("RET-5002"));
        QCOMPARE(r->status, QStringLiteral("pickup_scheduled"));
        QCOMPARE(r->pickupDate, QDate(2026, 11, 28));
        QCOMPARE(r->timeSlot, QStringLiteral("afternoon"));
        QCOMPARE(r->pickupAddress, QStringLiteral("300 N State St, Chicago"));
        // Rescheduling without an address keeps the one given before.
        m_store->schedulePickup(QStringLiteral("RET-5002"), QDate(2026, 11, 29), QString(), QString(), m_at);
        r = m_store->returnById(QStringLiteral("RET-5002"));
        QCOMPARE(r->pickupDate, QDate(2026, 11, 29));
        QCOMPARE(r->pickupAddress, QStringLiteral("300 N State St, Chicago"));
        QVERIFY_THROWS_EXCEPTION(StorageError, m_store->schedulePickup(QStringLiteral("RET-0404"), QDate(2026, 11, 29),
                                 QString(), QString(), m_at));
    }

    void cartsAndAbandonment()
    {
        const auto cart = m_store->cartById(QStringLiteral("CART-9003"));
        QVERIFY(cart);
        QCOMPARE(cart->totalMinor, qint64(4550));
        QCOMPARE(cart->currency, QStringLiteral("USD"));
        QCOMPARE(cart->items.size(), std::size_t(2));
        QCOMPARE(cart->items[0].priceMinor, qint64(1275));
        QVERIFY(!cart->abandonedAt.isValid());

        const auto abandoned = m_store->abandonedCartForCustomer(QStringLiteral("C-1001"));
        QVERIFY(abandoned);
        QCOMPARE(abandoned->id, QStringLiteral("CART-9001")); // the more recent of the two
        QCOMPARE(abandoned->recoveryAttempts, 1);
        QVERIFY(!m_store->abandonedCartForCustomer(QStringLiteral("C-2001"))); // only an active cart
        QVERIFY(!m_store->abandonedCartForCustomer(QStringLiteral("C-9999")));

        m_store->setCartDiscount(QStringLiteral("CART-9001"), QStringLiteral("SAVE10"), m_at);
        m_store->incrementRecoveryAttempts(QStringLiteral("CART-9001"), m_at);
        const auto updated = m_store->cartById(QStringLiteral("CART-9001"));
        QCOMPARE(updated->discountCode, QStringLiteral("SAVE10"));
        QCOMPARE(updated->recoveryAttempts, 2);

        m_store->recordAbandonmentReason(QStringLiteral("CART-9001"), QStringLiteral("shipping_cost"),
                                         QStringLiteral("wants free delivery"), m_at);
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(*) FROM abandonment_reasons WHERE cart_id = 'CART-9001' AND "
                                             "reason = 'shipping_cost'")), 1);
        QVERIFY_THROWS_EXCEPTION(StorageError, m_store->recordAbandonmentReason(QStringLiteral("CART-9001"),
                                 QStringLiteral("too_expensive"), {}, m_at));
        QVERIFY_THROWS_EXCEPTION(StorageError, m_store->recordAbandonmentReason(QStringLiteral("CART-0404"),
                                 QStringLiteral("other"), {}, m_at));
        QVERIFY_THROWS_EXCEPTION(StorageError, m_store->incrementRecoveryAttempts(QStringLiteral("CART-0404"), m_at));
    }

    void offers()
    {
        const auto all = m_store->offers();
        QCOMPARE(all.size(), std::size_t(4));
        QCOMPARE(all[0].code, QStringLiteral("FLAT200"));
        QCOMPARE(all[0].amountOffMinor, qint64(20000));
        QCOMPARE(all[0].minCartTotalMinor, qint64(150000));
        QCOMPARE(all[0].currency, QStringLiteral("INR"));
        const auto save = m_store->offerByCode(QStringLiteral("save10"));
        QVERIFY(save);
        QCOMPARE(save->code, QStringLiteral("SAVE10"));
        QCOMPARE(save->percentOff, 10.0);
        const auto shoes = m_store->offerByCode(QStringLiteral("SHOES15"));
        QCOMPARE(shoes->percentOff, 12.5);
        QCOMPARE(shoes->category, QStringLiteral("footwear"));
        QVERIFY(!shoes->expiresAt.isValid());
        QCOMPARE(m_store->offerByCode(QStringLiteral("WINTER5"))->expiresAt, utc("2026-10-31T18:29:59Z"));
        QVERIFY(!m_store->offerByCode(QStringLiteral("NOPE")));
    }

    void smsOutboxNewestFirst()
    {
        SmsMessage m;
        m.toPhone = QStringLiteral("+919812345678");
        m.body = QStringLiteral("Complete your order: https://shop.kiran.example/c/CART-9001");
        m.link = QStringLiteral("https://shop.kiran.example/c/CART-9001");
        m.createdAt = m_at;
        m.expiresAt = m_at.addDays(1);
        const qint64 first = m_store->queueSms(m);
        m.body = QStringLiteral("second");
        m.link.clear();
        m.kind = QStringLiteral("reminder");
        const qint64 second = m_store->queueSms(m);
        QVERIFY(second > first);
        const auto outbox = m_store->smsOutbox();
        QCOMPARE(outbox.size(), std::size_t(2));
        QCOMPARE(outbox[0].id, second);
        QCOMPARE(outbox[0].kind, QStringLiteral("reminder"));
        QCOMPARE(outbox[1].kind, QStringLiteral("checkout_link"));
        QCOMPARE(outbox[1].link, QStringLiteral("https://shop.kiran.example/c/CART-9001"));
        QCOMPARE(outbox[1].expiresAt, m_at.addDays(1));
        QCOMPARE(m_store->smsOutbox(1).size(), std::size_t(1));
        SmsMessage empty;
        empty.createdAt = m_at;
        QVERIFY_THROWS_EXCEPTION(StorageError, m_store->queueSms(empty));
    }

    void worksFromAnotherThread()
    {
        QString seen;
        bool threw = false;
        std::unique_ptr<QThread> t(QThread::create([&] {
            try {
                seen = m_store->orderById(QStringLiteral("ORD-200001"))->trackingNumber;
                m_store->updateDeliveryAddress(QStringLiteral("ORD-200001"), QStringLiteral("1 Main St"), m_at);
            } catch (const StorageError &) {
                threw = true;
            }
        }));
        t->start();
        QVERIFY(t->wait(30000));
        QVERIFY(!threw);
        QCOMPARE(seen, QStringLiteral("1Z999AA10123456784"));
        QCOMPARE(m_store->orderById(QStringLiteral("ORD-200001"))->deliveryAddress, QStringLiteral("1 Main St"));
    }
};

QTEST_GUILESS_MAIN(TestSqlStore)
#include "tst_sqlstore.moc"
