#include "callfixtures.h"

#include "analytics/dailyseries.h"

using namespace fixtures;

namespace {

// Three Kolkata days; the middle one has no calls.
// 18th: WISMO resolved (40 s) + escalated (90 s); COD confirmed (30 s) + no answer.
// 20th: carts recovered (INR 1,000.00, 200 s) and not interested (shipping_cost, 45 s);
//       WISMO resolved (700 s) with turn latencies 200, 600, 6000 ms.
void addDays(CallRecordStore &store)
{
    const QDateTime d18 = at("2026-11-18T06:00:00Z"), d20 = at("2026-11-20T06:00:00Z");
    insertOrFail(store, call(QStringLiteral("wismo"), QStringLiteral("resolved"), d18, 40));
    insertOrFail(store, call(QStringLiteral("wismo"), QStringLiteral("escalated"), d18.addSecs(60), 90, true, QStringLiteral("ai_then_human")));
    CallRecord confirmed = call(QStringLiteral("cod_confirmation"), QStringLiteral("confirmed"), d18, 30);
    insertOrFail(store, confirmed);
    insertOrFail(store, call(QStringLiteral("cod_confirmation"), QStringLiteral("no_answer"), d18.addSecs(60), 0, false));
    CallRecord recovered = call(QStringLiteral("cart_recovery"), QStringLiteral("recovered"), d20, 200);
    recovered.cartId = QStringLiteral("K1");
    recovered.revenueMinor = 100000;
    recovered.currency = QStringLiteral("INR");
    insertOrFail(store, recovered);
    CallRecord declined = call(QStringLiteral("cart_recovery"), QStringLiteral("not_interested"), d20.addSecs(60), 45);
    declined.cartId = QStringLiteral("K2");
    declined.cancelReason = QStringLiteral("shipping_cost");
    insertOrFail(store, declined);
    CallRecord slow = call(QStringLiteral("wismo"), QStringLiteral("resolved"), d20.addSecs(120), 700);
    slow.turnLatenciesMs = { 200, 600, 6000 };
    insertOrFail(store, slow);
}

KpiQuery threeDays(const QTimeZone &zone = QTimeZone("Asia/Kolkata"))
{
    return KpiQuery { ReportingPeriod { QDate(2026, 11, 18), QDate(2026, 11, 20), zone }, {}, {}, {} };
}

} // namespace

class TestDailySeries : public QObject
{
    Q_OBJECT
private slots:
    void everyDayHasAValue()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addDays(store);
        const DailySeries s = computeDailySeries(*t.db, threeDays());
        QCOMPARE(s.days, (std::vector<QDate> { QDate(2026, 11, 18), QDate(2026, 11, 19), QDate(2026, 11, 20) }));
        QCOMPARE(s.calls.at(QStringLiteral("wismo")), (std::vector<qint64> { 2, 0, 1 }));
        QCOMPARE(s.calls.at(QStringLiteral("cod_confirmation")), (std::vector<qint64> { 2, 0, 0 }));
        QCOMPARE(s.calls.at(QStringLiteral("cart_recovery")), (std::vector<qint64> { 0, 0, 2 }));
        QCOMPARE(s.outcomes.at(QStringLiteral("wismo")).at(QStringLiteral("escalated")), (std::vector<qint64> { 1, 0, 0 }));
        QVERIFY(!s.calls.count(QStringLiteral("returns")));
    }

    void aChangeRequestIsNotAConfirmation()
    {
        // The 19th: one caller confirms, one asks for a change (the order is pending again).
        TestDb t;
        CallRecordStore store(*t.db);
        const QDateTime d19 = at("2026-11-19T06:00:00Z");
        insertOrFail(store, call(QStringLiteral("cod_confirmation"), QStringLiteral("confirmed"), d19, 30));
        insertOrFail(store, call(QStringLiteral("cod_confirmation"), QStringLiteral("modified"), d19.addSecs(60), 50));
        const DailySeries s = computeDailySeries(*t.db, threeDays());
        QCOMPARE(s.codConfirmationRate, (std::vector<Rate> { std::nullopt, 0.5, std::nullopt }));
        QCOMPARE(s.outcomes.at(QStringLiteral("cod_confirmation")).at(QStringLiteral("modified")), (std::vector<qint64> { 0, 1, 0 }));
    }

    void ratesAreNullOnDaysWithoutADenominator()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addDays(store);
        // K1 is bought two hours after its call (INR 1,000.00); K2 is never bought.
        t.addCustomer(QStringLiteral("C1"));
        t.addCartOrder(QStringLiteral("OK1"), QStringLiteral("K1"), at("2026-11-20T08:00:00Z"), 100000, QStringLiteral("INR"));
        const DailySeries s = computeDailySeries(*t.db, threeDays());
        // COD on the 18th: 1 confirmed of 1 connected.
        QCOMPARE(s.codConfirmationRate, (std::vector<Rate> { 1.0, std::nullopt, std::nullopt }));
        QCOMPARE(s.cartRecoveryRate, (std::vector<Rate> { std::nullopt, std::nullopt, 0.5 }));
        QCOMPARE(s.abandonmentReasons.at(QStringLiteral("shipping_cost")), (std::vector<qint64> { 0, 0, 1 }));
        QCOMPARE(s.revenueRecoveredMinor.at(QStringLiteral("INR")), (std::vector<qint64> { 0, 0, 100000 }));
        QVERIFY(!s.avgTurnLatencyMs[0]);
        QVERIFY(qAbs(*s.avgTurnLatencyMs[2] - 6800.0 / 3.0) < 1e-9);
    }

    void histogramsAreCumulativeWithInf()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addDays(store);
        const DailySeries s = computeDailySeries(*t.db, threeDays());
        // 200 → ≤250, 600 → ≤750, 6000 → +Inf.
        QCOMPARE(s.turnLatency.cumulative(), (std::vector<qint64> { 1, 1, 2, 2, 2, 2, 2, 2, 3 }));
        QCOMPARE(s.turnLatency.sumMs, qint64(6800));
        QCOMPARE(s.turnLatency.count, qint64(3));
        // Talk times 40, 90, 30, 200, 45, 700 s against 10 30 60 120 180 300 600 +Inf.
        QCOMPARE(s.callDuration.cumulative(), (std::vector<qint64> { 0, 1, 3, 4, 4, 5, 5, 6 }));
        QCOMPARE(s.callDuration.sumMs, qint64((40 + 90 + 30 + 200 + 45 + 700) * 1000));
        const json j = toJson(s);
        QCOMPARE(j["turn_latency_histogram"]["le_ms"].back().get<std::string>(), std::string("+Inf"));
        QCOMPARE(j["days"].size(), size_t(3));
        QVERIFY(j["cod_confirmation_rate"][1].is_null());
    }

    void otherTimezoneAgrees()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addDays(store);
        json a = toJson(computeDailySeries(*t.db, threeDays()));
        json b = toJson(computeDailySeries(*t.db, threeDays(QTimeZone("Asia/Dhaka")))); // not the rollup's zone
        a.erase("period");
        b.erase("period");
        QCOMPARE(qs(b.dump()), qs(a.dump()));
    }

    void useCaseFilter()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addDays(store);
        KpiQuery q = threeDays();
        q.useCase = QStringLiteral("wismo");
        const DailySeries s = computeDailySeries(*t.db, q);
        QCOMPARE(s.calls.size(), size_t(1));
        QVERIFY(s.revenueRecoveredMinor.empty());
        QCOMPARE(s.codConfirmationRate, (std::vector<Rate>(3, std::nullopt)));
    }
};

QTEST_GUILESS_MAIN(TestDailySeries)
#include "tst_dailyseries.moc"
