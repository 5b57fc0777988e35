#include "callfixtures.h"

#include "analytics/rollup.h"
#include "commerce/commerceenums.h"

#include <QAtomicInt>
#include <QMutex>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

using namespace fixtures;

namespace {

// The whole rollup as text rows (zero rows dropped), to compare incremental upkeep with a rebuild.
QStringList rollupSnapshot(Database &db)
{
    QStringList rows;
    QSqlQuery q = execOrThrow(db.connection(), QStringLiteral("SELECT day, use_case, agent, channel, %1 FROM call_rollup "
                                                              "ORDER BY day, use_case, agent, channel")
                                                   .arg(rollupColumns().join(QStringLiteral(", "))));
    while (q.next()) {
        QStringList values;
        bool allZero = true;
        for (int i = 0; i < 4 + col::Count; ++i) {
            values << q.value(i).toString();
            if (i >= 4 && q.value(i).toLongLong() != 0)
                allZero = false;
        }
        if (!allZero)
            rows << values.join(QLatin1Char('|'));
    }
    QSqlQuery m = execOrThrow(db.connection(), QStringLiteral("SELECT day, use_case, agent, channel, currency, calls, amount_minor "
                                                              "FROM call_revenue_rollup WHERE calls <> 0 ORDER BY 1, 2, 3, 4, 5"));
    while (m.next()) {
        QStringList values;
        for (int i = 0; i < 7; ++i)
            values << m.value(i).toString();
        rows << QStringLiteral("rev|") + values.join(QLatin1Char('|'));
    }
    return rows;
}

} // namespace

class TestCallRecordStore : public QObject
{
    Q_OBJECT
private slots:
    void roundTripsEveryField()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        CallRecord r = call(QStringLiteral("cod_confirmation"), QStringLiteral("confirmed"), at("2026-11-20T10:00:00Z"), 95);
        r.id = QStringLiteral("call-1");
        r.language = QStringLiteral("hi-IN");
        r.customerId = QStringLiteral("C1");
        r.orderId = QStringLiteral("O1");
        r.revenueMinor = 149900;
        r.currency = QStringLiteral("INR");
        r.csat = 5;
        r.nps = 9;
        r.orderStatus = QStringLiteral("processing");
        r.turnLatenciesMs = { 900, 300, 1200, 600 };
        r.transcript = json::array({ { { "role", "agent" }, { "text", "Namaste" } } });
        r.toolCalls = json::array({ { { "name", "confirm_cod_order" }, { "arguments", { { "order_id", "O1" }, { "confirmed", true } } },
                                      { "result", { { "success", true } } } } });
        QCOMPARE(insertOrFail(store, r), QStringLiteral("call-1"));

        const auto back = store.byId(QStringLiteral("call-1"));
        QVERIFY(back);
        QCOMPARE(back->useCase, r.useCase);
        QCOMPARE(back->language, QStringLiteral("hi-IN"));
        QCOMPARE(back->startedAt, r.startedAt);
        QCOMPARE(back->endedAt, r.endedAt);
        QCOMPARE(back->durationMs, qint64(95000));
        QCOMPARE(back->revenueMinor, qint64(149900));
        QCOMPARE(back->csat, std::optional<int>(5));
        QCOMPARE(back->nps, std::optional<int>(9));
        QCOMPARE(back->orderStatus, QStringLiteral("processing"));
        QCOMPARE(back->turnLatenciesMs, (std::vector<int> { 900, 300, 1200, 600 }));
        QCOMPARE(back->turns, 4);
        // Sorted 300 600 900 1200: nearest-rank median is the 2nd value.
        QCOMPARE(back->latencyP50Ms, std::optional<int>(600));
        QCOMPARE(back->latencyMaxMs, std::optional<int>(1200));
        QVERIFY(back->transcript == r.transcript);
        QVERIFY(back->toolCalls == r.toolCalls);
        QVERIFY(back->firstAttempt);
        QCOMPARE(t.scalar(QStringLiteral("SELECT COUNT(*) FROM call_turn_latencies WHERE call_id = 'call-1'")), qint64(4));
        // Latency buckets: 300 and 600 ≤ 750? 300 → ≤500, 600 → ≤750, 900 → ≤1000, 1200 → ≤1500.
        QCOMPARE(t.scalar(QStringLiteral("SELECT lat_500ms + lat_750ms + lat_1000ms + lat_1500ms FROM call_records")), qint64(4));
        QCOMPARE(t.scalar(QStringLiteral("SELECT lat_sum_ms FROM call_records")), qint64(3000));
    }

    void generatesAnIdWhenEmpty()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        const QString id = insertOrFail(store, call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T10:00:00Z")));
        QVERIFY(!id.isEmpty());
        QVERIFY(store.byId(id));
    }

    void rejectsBadRecordsNamingTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("which");
        QTest::addRow("use case") << QStringLiteral("use_case") << 0;
        QTest::addRow("outcome") << QStringLiteral("outcome") << 1;
        QTest::addRow("ended before answered") << QStringLiteral("ended_at") << 2;
        QTest::addRow("revenue without currency") << QStringLiteral("currency") << 3;
        QTest::addRow("csat out of range") << QStringLiteral("csat") << 4;
        QTest::addRow("answered no_answer") << QStringLiteral("outcome") << 5;
        QTest::addRow("revenue on a resolved call") << QStringLiteral("revenue_minor") << 6;
        QTest::addRow("missing start") << QStringLiteral("started_at") << 7;
        QTest::addRow("unknown cancel reason") << QStringLiteral("cancel_reason") << 8;
        QTest::addRow("escalated but never connected") << QStringLiteral("answered_at") << 9;
        QTest::addRow("unknown order status") << QStringLiteral("order_status") << 10;
        QTest::addRow("unknown carrier") << QStringLiteral("carrier") << 11;
    }
    void rejectsBadRecordsNamingTheField()
    {
        QFETCH(QString, field);
        QFETCH(int, which);
        TestDb t;
        CallRecordStore store(*t.db);
        insertOrFail(store, call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T09:00:00Z")));
        CallRecord r = call(QStringLiteral("cart_recovery"), QStringLiteral("recovered"), at("2026-11-20T10:00:00Z"));
        switch (which) {
        case 0: r.useCase = QStringLiteral("upsell"); break;
        case 1: r.outcome = QStringLiteral("done"); break;
        case 2: r.endedAt = r.answeredAt.addSecs(-5); break;
        case 3: r.revenueMinor = 5000; break;
        case 4: r.csat = 6; break;
        case 5: r.outcome = QStringLiteral("no_answer"); break;
        case 6: r.outcome = QStringLiteral("resolved"); r.revenueMinor = 100; r.currency = QStringLiteral("INR"); break;
        case 7: r.startedAt = QDateTime(); break;
        case 8: r.cancelReason = QStringLiteral("too_expensive"); break;
        case 9: r = call(QStringLiteral("wismo"), QStringLiteral("escalated"), at("2026-11-20T10:00:00Z"), 0, false); break;
        case 10: r.orderStatus = QStringLiteral("shiped"); break;
        case 11: r.carrier = QStringLiteral("indiapost"); break;
        }
        const auto result = store.insert(r);
        QVERIFY(!result);
        QVERIFY2(result.error().startsWith(field + QLatin1Char(':')) || result.error().contains(QStringLiteral("; ") + field + QLatin1Char(':')),
                 qPrintable(result.error()));
        // Nothing stored, nothing lost.
        QCOMPARE(t.scalar(QStringLiteral("SELECT COUNT(*) FROM call_records")), qint64(1));
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(calls) FROM call_rollup")), qint64(1));
    }

    // A record's order status, carrier and cancel reason draw on the store's vocabularies
    // (commerce/commerceenums.h): every value the store knows is accepted, and the cancel reasons
    // are the cancellation reasons, then the abandonment reasons not already among them.
    void usesTheStoresVocabularies()
    {
        for (const QString &status : commerce::orderStatuses()) {
            CallRecord r = call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T10:00:00Z"));
            r.orderStatus = status;
            QVERIFY2(validateCallRecord(r).isEmpty(), qPrintable(status));
        }
        for (const QString &carrier : commerce::carriers()) {
            CallRecord r = call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T10:00:00Z"));
            r.carrier = carrier;
            QVERIFY2(validateCallRecord(r).isEmpty(), qPrintable(carrier));
        }
        QStringList expected = commerce::cancellationReasons();
        for (const QString &reason : commerce::abandonmentReasons()) {
            if (!expected.contains(reason))
                expected << reason;
        }
        QCOMPARE(cancelReasons(), expected);
        QCOMPARE(QSet<QString>(cancelReasons().cbegin(), cancelReasons().cend()).size(), cancelReasons().size());
    }

    void duplicateIdLeavesTheOriginal()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        CallRecord r = call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T10:00:00Z"));
        r.id = QStringLiteral("dup");
        insertOrFail(store, r);
        r.outcome = QStringLiteral("escalated");
        const auto again = store.insert(r);
        QVERIFY(!again);
        QVERIFY2(again.error().startsWith(QStringLiteral("id:")), qPrintable(again.error()));
        QCOMPARE(store.byId(QStringLiteral("dup"))->outcome, QStringLiteral("resolved"));
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(calls) FROM call_rollup")), qint64(1));
    }

    void liveCallCountsOnlyOnceFinished()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        CallRecord r;
        r.agent = QStringLiteral("Order Tracker");
        r.useCase = QStringLiteral("wismo");
        r.direction = QStringLiteral("inbound");
        r.startedAt = at("2026-11-20T10:00:00Z");
        r.answeredAt = r.startedAt;
        const QString id = insertOrFail(store, r);
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(calls) FROM call_rollup")), qint64(0));
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(in_progress) FROM call_rollup")), qint64(1));

        r.id = id;
        r.endedAt = r.startedAt.addSecs(80);
        r.outcome = QStringLiteral("resolved");
        QVERIFY(store.update(r));
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(calls) FROM call_rollup")), qint64(1));
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(in_progress) FROM call_rollup")), qint64(0));
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(o_resolved) FROM call_rollup")), qint64(1));
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(talk_ms) FROM call_rollup")), qint64(80000));
        QCOMPARE(store.byId(id)->durationMs, qint64(80000));
    }

    void updateAndRemoveOfMissingIds()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        CallRecord r = call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T10:00:00Z"));
        r.id = QStringLiteral("nope");
        const auto updated = store.update(r);
        QVERIFY(!updated);
        QVERIFY2(updated.error().contains(QStringLiteral("nope")), qPrintable(updated.error()));
        QVERIFY(!store.remove(QStringLiteral("nope")));
        const QString id = insertOrFail(store, r);
        QVERIFY(store.remove(id));
        QVERIFY(!store.byId(id));
        QCOMPARE(t.scalar(QStringLiteral("SELECT COUNT(*) FROM call_turn_latencies")), qint64(0));
        QCOMPARE(t.scalar(QStringLiteral("SELECT COALESCE(SUM(calls), 0) FROM call_rollup")), qint64(0));
    }

    void derivesFieldsFromSuccessfulToolCalls()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        CallRecord r = call(QStringLiteral("cod_confirmation"), QStringLiteral("cancelled"), at("2026-11-20T10:00:00Z"));
        r.toolCalls = json::array({
            { { "name", "cancel_order" }, { "arguments", { { "order_id", "O1" }, { "reason", "wrong_item" } } },
              { "result", { { "error", "order already shipped" } } } },
            { { "name", "cancel_order" }, { "arguments", { { "order_id", "O1" }, { "reason", "found_cheaper" } } },
              { "result", { { "success", true } } } },
            { { "name", "initiate_return" }, { "arguments", json::object() }, { "result", { { "success", false } } } },
        });
        const QString id = insertOrFail(store, r);
        const auto back = store.byId(id);
        QCOMPARE(back->cancelReason, QStringLiteral("found_cheaper")); // the failed call does not count
        QVERIFY(!back->returnInitiated);
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(rs_found_cheaper) FROM call_rollup")), qint64(1));
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(rs_wrong_item) FROM call_rollup")), qint64(0));

        CallRecord ret = call(QStringLiteral("returns"), QStringLiteral("resolved"), at("2026-11-20T11:00:00Z"), 150);
        ret.toolCalls = json::array({ { { "name", "initiate_return" }, { "result", { { "return_id", "R1" } } } },
                                      { { "name", "schedule_pickup" }, { "result", { { "ok", true } } } } });
        const auto backReturn = store.byId(insertOrFail(store, ret));
        QVERIFY(backReturn->returnInitiated);
        QVERIFY(backReturn->pickupScheduled);
    }

    void snapshotsTheOrderWhenLeftEmpty()
    {
        TestDb t;
        t.addCustomer(QStringLiteral("C1"));
        t.addOrder(QStringLiteral("O7"), QStringLiteral("shipped"), QStringLiteral("prepaid"), at("2026-11-18T10:00:00Z"),
                   {}, QStringLiteral("delhivery"));
        CallRecordStore store(*t.db);
        CallRecord r = call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T10:00:00Z"));
        r.orderId = QStringLiteral("O7");
        const auto back = store.byId(insertOrFail(store, r));
        QCOMPARE(back->orderStatus, QStringLiteral("shipped"));
        QCOMPARE(back->carrier, QStringLiteral("delhivery"));
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(st_shipped) + SUM(car_delhivery) FROM call_rollup")), qint64(2));
    }

    void firstAttemptIsTheEarliestCallAboutACart()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        auto cartCall = [&](const char *start, const char *cart) {
            CallRecord r = call(QStringLiteral("cart_recovery"), QStringLiteral("no_answer"), at(start), 0, false);
            r.cartId = QLatin1String(cart);
            return insertOrFail(store, r);
        };
        const QString later = cartCall("2026-11-20T12:00:00Z", "K1");
        const QString earlier = cartCall("2026-11-20T09:00:00Z", "K1"); // arrives second, happened first
        const QString other = cartCall("2026-11-20T10:00:00Z", "K2");
        QVERIFY(!store.byId(later)->firstAttempt);
        QVERIFY(store.byId(earlier)->firstAttempt);
        QVERIFY(store.byId(other)->firstAttempt);
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(first_attempts) FROM call_rollup")), qint64(2));
        QVERIFY(store.remove(earlier));
        QVERIFY(store.byId(later)->firstAttempt);
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(first_attempts) FROM call_rollup")), qint64(2));
    }

    // Random inserts, updates and removals across a DST change: the incrementally kept rollup must
    // equal one rebuilt from scratch.
    void incrementalRollupMatchesRebuild()
    {
        TestDb t(QStringLiteral("America/New_York"));
        CallRecordStore store(*t.db);
        QRandomGenerator rng(7);
        const QDateTime base = at("2026-10-30T00:00:00Z"); // DST ends 2026-11-01 in New York
        QStringList ids;
        for (int i = 0; i < 300; ++i) {
            const QString useCase = useCases().at(int(rng.bounded(qint64(useCases().size()))));
            const bool answered = rng.bounded(5) != 0;
            QString outcome = answered ? outcomes().at(int(rng.bounded(qint64(outcomes().size())))) : QStringLiteral("no_answer");
            if (answered && outcome == QLatin1String("no_answer"))
                outcome = QStringLiteral("callback");
            CallRecord r = call(useCase, outcome, base.addSecs(qint64(rng.bounded(4 * 86400))), int(rng.bounded(400)), answered,
                                handledByValues().at(int(rng.bounded(3))));
            r.cartId = rng.bounded(2) ? QStringLiteral("K%1").arg(rng.bounded(40)) : QString();
            r.orderId = rng.bounded(2) ? QStringLiteral("O%1").arg(rng.bounded(40)) : QString();
            if (answered && (outcome == QLatin1String("recovered") || outcome == QLatin1String("confirmed"))) {
                r.revenueMinor = rng.bounded(100000);
                r.currency = rng.bounded(2) ? QStringLiteral("INR") : QStringLiteral("USD");
            }
            if (answered && rng.bounded(3) == 0)
                r.csat = 1 + int(rng.bounded(5));
            if (rng.bounded(4) == 0)
                r.cancelReason = cancelReasons().at(int(rng.bounded(qint64(cancelReasons().size()))));
            for (int k = int(rng.bounded(6)); k > 0; --k)
                r.turnLatenciesMs.push_back(int(rng.bounded(6000)));
            ids << insertOrFail(store, r);
            if (i % 7 == 3) { // finish as something else, at another time
                CallRecord u = *store.byId(ids.at(int(rng.bounded(qint64(ids.size())))));
                u.startedAt = u.startedAt.addSecs(-3600 * 20);
                u.answeredAt = u.answeredAt.isValid() ? u.startedAt : QDateTime();
                u.endedAt = u.startedAt.addSecs(50);
                u.cartId = QStringLiteral("K1");
                QVERIFY(store.update(u));
            }
            if (i % 11 == 5)
                QVERIFY(store.remove(ids.takeAt(int(rng.bounded(qint64(ids.size()))))));
        }
        const QStringList incremental = rollupSnapshot(*t.db);
        QVERIFY(incremental.size() > 20);
        store.rebuildDerived();
        const QStringList rebuilt = rollupSnapshot(*t.db);
        QCOMPARE(incremental, rebuilt);
    }

    void insertManyIsAllOrNothing()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        std::vector<CallRecord> batch;
        for (int i = 0; i < 5; ++i)
            batch.push_back(call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T10:00:00Z").addSecs(i * 60)));
        batch[3].id = QStringLiteral("same");
        batch[4].id = QStringLiteral("same");
        const auto failed = store.insertMany(batch);
        QVERIFY(!failed);
        QVERIFY2(failed.error().startsWith(QStringLiteral("record 4: id:")), qPrintable(failed.error()));
        QCOMPARE(t.scalar(QStringLiteral("SELECT COUNT(*) FROM call_records")), qint64(0));

        batch[4].id.clear();
        const auto ok = store.insertMany(batch);
        QVERIFY2(ok, qPrintable(ok.error()));
        QCOMPARE(ok.value(), 5);
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(calls) FROM call_rollup")), qint64(5));
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(o_resolved) FROM call_rollup")), qint64(5));
    }

    void writersOnTwoThreads()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        auto writeMany = [&](int offset) {
            for (int i = 0; i < 40; ++i)
                store.insert(call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T10:00:00Z").addSecs(offset + i)));
        };
        QThread *other = QThread::create(writeMany, 1000);
        other->start();
        writeMany(0);
        QVERIFY(other->wait(60000));
        delete other;
        QCOMPARE(t.scalar(QStringLiteral("SELECT COUNT(*) FROM call_records")), qint64(80));
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(calls) FROM call_rollup")), qint64(80));
    }

    void manyWritersLoseNoRecordWhileTheDatabaseIsHeld()
    {
        // The soak's lost records: many call workers end calls at once while another writer holds
        // the database longer than SQLite's 5 s busy timeout. Every record must still arrive.
        TestDb t;
        CallRecordStore store(*t.db);
        QAtomicInt heldOpen;
        QString holderError; // QVERIFY belongs on the test's thread: the holder only reports
        QThread *holder = QThread::create([&] {
            QSqlDatabase c = t.db->connection();
            QSqlQuery q(c);
            const bool pg = t.db->isPostgres();
            const QStringList hold = pg ? QStringList { QStringLiteral("BEGIN"), QStringLiteral("LOCK TABLE call_records IN SHARE ROW EXCLUSIVE MODE") }
                                        : QStringList { QStringLiteral("BEGIN IMMEDIATE") };
            for (const QString &sql : hold + QStringList { QStringLiteral("INSERT INTO store_settings (key, value) VALUES ('held', '1')") }) {
                if (!q.exec(sql)) {
                    holderError = sql + QStringLiteral(": ") + q.lastError().text();
                    heldOpen.storeRelease(1);
                    return;
                }
            }
            heldOpen.storeRelease(1);
            QThread::msleep(6500);
            if (!q.exec(QStringLiteral("COMMIT")))
                holderError = QStringLiteral("COMMIT: ") + q.lastError().text();
        });
        holder->start();
        while (!heldOpen.loadAcquire() && !holder->isFinished())
            QThread::msleep(10);
        constexpr int kWriters = 8, kEach = 25;
        QStringList failures;
        QMutex failuresMutex;
        std::vector<QThread *> writers;
        for (int w = 0; w < kWriters; ++w) {
            writers.push_back(QThread::create([&, w] {
                for (int i = 0; i < kEach; ++i) {
                    CallRecord r = call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T10:00:00Z").addSecs(w * 1000 + i));
                    r.id = QStringLiteral("w%1-%2").arg(w).arg(i);
                    const auto id = store.insert(r);
                    if (!id) {
                        QMutexLocker lock(&failuresMutex);
                        failures << r.id + QStringLiteral(": ") + id.error();
                    }
                }
            }));
            writers.back()->start();
        }
        for (QThread *w : writers) {
            QVERIFY(w->wait(240000));
            delete w;
        }
        QVERIFY(holder->wait(60000));
        delete holder;
        QVERIFY2(holderError.isEmpty(), qPrintable(holderError));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 3).join(QStringLiteral("; "))));
        QCOMPARE(t.scalar(QStringLiteral("SELECT COUNT(*) FROM call_records")), qint64(kWriters * kEach));
        for (int w = 0; w < kWriters; ++w) {
            for (int i = 0; i < kEach; ++i)
                QCOMPARE(t.scalar(QStringLiteral("SELECT COUNT(*) FROM call_records WHERE id = 'w%1-%2'").arg(w).arg(i)), qint64(1));
        }
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(calls) FROM call_rollup")), qint64(kWriters * kEach));
    }

    void listsNewestFirstWithFilters()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        for (int i = 0; i < 6; ++i)
            insertOrFail(store, call(i % 2 ? QStringLiteral("wismo") : QStringLiteral("returns"), QStringLiteral("resolved"),
                                     at("2026-11-20T10:00:00Z").addSecs(i * 3600)));
        CallFilter f;
        f.useCase = QStringLiteral("wismo");
        const auto page = store.list(f, 2, 0);
        QCOMPARE(page.size(), size_t(2));
        QCOMPARE(page[0].startedAt, at("2026-11-20T15:00:00Z"));
        QCOMPARE(page[1].startedAt, at("2026-11-20T13:00:00Z"));
        QCOMPARE(store.list(f, 2, 2).size(), size_t(1));
        f.from = at("2026-11-20T12:00:00Z");
        QCOMPARE(store.count(f), qint64(2));
    }

    void storeTimezoneChangeRebuildsTheRollup()
    {
        TestDb t(QStringLiteral("UTC"));
        CallRecordStore store(*t.db);
        // 20:00 UTC is the 20th in UTC and already the 21st in Kolkata (+05:30).
        insertOrFail(store, call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T20:00:00Z")));
        QCOMPARE(t.scalar(QStringLiteral("SELECT day FROM call_rollup")), QDate(2026, 11, 20).toJulianDay());
        t.setSetting(QStringLiteral("timezone"), QStringLiteral("Asia/Kolkata"));
        insertOrFail(store, call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-22T10:00:00Z")));
        QCOMPARE(rollup::timeZoneId(t.db->connection()), QStringLiteral("Asia/Kolkata"));
        QCOMPARE(t.scalar(QStringLiteral("SELECT MIN(day) FROM call_rollup WHERE calls > 0")), QDate(2026, 11, 21).toJulianDay());
    }

    void rollupTableMatchesTheMeasureList()
    {
        TestDb t;
        QStringList columns;
        const bool pg = t.db->isPostgres();
        QSqlQuery q = execOrThrow(t.db->connection(), pg ? QStringLiteral("SELECT ordinal_position, column_name FROM information_schema.columns "
                                                                          "WHERE table_name = 'call_rollup' ORDER BY ordinal_position")
                                                         : QStringLiteral("PRAGMA table_info(call_rollup)"));
        while (q.next())
            columns << q.value(1).toString();
        QCOMPARE(columns.mid(4), rollupColumns());
    }
};

QTEST_GUILESS_MAIN(TestCallRecordStore)
#include "tst_callrecordstore.moc"
