#include "callfixtures.h"

#include "analytics/kpis.h"
#include "analytics/reporttext.h"

#include <QThread>

using namespace fixtures;

namespace {

const QTimeZone kKolkata("Asia/Kolkata");

KpiQuery day(const QDate &d, const QTimeZone &zone = kKolkata)
{
    return KpiQuery { ReportingPeriod { d, d, zone }, {}, {}, {} };
}

void expectRate(const Rate &actual, std::optional<double> expected, const char *what)
{
    QVERIFY2(actual.has_value() == expected.has_value(), what);
    if (expected)
        QVERIFY2(qAbs(*actual - *expected) < 1e-9, qPrintable(QStringLiteral("%1: %2 != %3").arg(QLatin1String(what)).arg(*actual).arg(*expected)));
}

// The hand-computed day of 2026-11-20 (Asia/Kolkata); expectations are in the test below.
void addMixedDay(CallRecordStore &store)
{
    const QDateTime t0 = at("2026-11-20T05:00:00Z"); // 10:30 IST
    auto add = [&](CallRecord r, auto &&tweak) { tweak(r); insertOrFail(store, r); };
    auto none = [](CallRecord &) {};
    const QString wismo = QStringLiteral("wismo"), cod = QStringLiteral("cod_confirmation"),
                  cart = QStringLiteral("cart_recovery"), ret = QStringLiteral("returns");

    add(call(wismo, QStringLiteral("resolved"), t0, 60), [](CallRecord &r) {
        r.orderStatus = QStringLiteral("shipped"); r.carrier = QStringLiteral("bluedart"); r.csat = 5; r.nps = 10; });
    add(call(wismo, QStringLiteral("resolved"), t0.addSecs(600), 120), [](CallRecord &r) {
        r.orderStatus = QStringLiteral("shipped"); r.csat = 4; r.nps = 9; });
    add(call(wismo, QStringLiteral("escalated"), t0.addSecs(1200), 180, true, QStringLiteral("ai_then_human")), [](CallRecord &r) {
        r.orderStatus = QStringLiteral("delayed"); r.carrier = QStringLiteral("delhivery"); r.nps = 3; });
    add(call(wismo, QStringLiteral("failed"), t0.addSecs(1800), 0, false), none);
    add(call(wismo, QStringLiteral("callback"), t0.addSecs(2400), 30), none);

    add(call(cod, QStringLiteral("confirmed"), t0, 45), [](CallRecord &r) {
        r.orderId = QStringLiteral("O1"); r.revenueMinor = 150000; r.currency = QStringLiteral("INR"); r.csat = 3; });
    add(call(cod, QStringLiteral("modified"), t0.addSecs(60), 70), [](CallRecord &r) {
        r.orderId = QStringLiteral("O2"); r.revenueMinor = 80000; r.currency = QStringLiteral("INR"); });
    add(call(cod, QStringLiteral("cancelled"), t0.addSecs(120), 50), [](CallRecord &r) {
        r.orderId = QStringLiteral("O3"); r.cancelReason = QStringLiteral("changed_mind"); });
    add(call(cod, QStringLiteral("no_answer"), t0.addSecs(180), 0, false), [](CallRecord &r) { r.orderId = QStringLiteral("O4"); });
    add(call(cod, QStringLiteral("no_answer"), t0.addSecs(7200), 0, false), [](CallRecord &r) { r.orderId = QStringLiteral("O4"); });

    add(call(cart, QStringLiteral("recovered"), t0, 100), [](CallRecord &r) {
        r.cartId = QStringLiteral("K1"); r.revenueMinor = 250000; r.currency = QStringLiteral("INR"); });
    add(call(cart, QStringLiteral("recovered"), t0.addSecs(60), 100), [](CallRecord &r) {
        r.cartId = QStringLiteral("K2"); r.revenueMinor = 5000; r.currency = QStringLiteral("USD"); });
    add(call(cart, QStringLiteral("not_interested"), t0.addSecs(120), 40), [](CallRecord &r) {
        r.cartId = QStringLiteral("K3"); r.cancelReason = QStringLiteral("price_too_high"); });
    add(call(cart, QStringLiteral("no_answer"), t0.addSecs(180), 0, false), [](CallRecord &r) { r.cartId = QStringLiteral("K4"); });

    add(call(ret, QStringLiteral("resolved"), t0, 150), [](CallRecord &r) {
        r.returnInitiated = true; r.pickupScheduled = true; r.nps = 7; });
    add(call(ret, QStringLiteral("resolved"), t0.addSecs(60), 90), [](CallRecord &r) { r.returnInitiated = true; });
    add(call(ret, QStringLiteral("escalated"), t0.addSecs(120), 200, true, QStringLiteral("ai_then_human")), none);

    // Still live: counted only as in progress.
    CallRecord live = call(wismo, QStringLiteral("resolved"), t0.addSecs(3000));
    live.outcome = kInProgress;
    live.endedAt = QDateTime();
    insertOrFail(store, live);
    // 00:30 IST on the 21st (still the 20th in UTC): outside the Kolkata day.
    insertOrFail(store, call(wismo, QStringLiteral("resolved"), at("2026-11-20T19:00:00Z"), 60));
}

// What the mixed day's cart calls led to: K1 was bought an hour after its call; K2's call ended
// "recovered" (a link sent) but the order came 8 days later; K3 said "not interested" and bought
// it three days later; K4's order was cancelled.
void addCartOrders(TestDb &t)
{
    const QDateTime t0 = at("2026-11-20T05:00:00Z");
    t.addCustomer(QStringLiteral("C1"));
    t.addCartOrder(QStringLiteral("OK1"), QStringLiteral("K1"), t0.addSecs(3600), 250000, QStringLiteral("INR"));
    t.addCartOrder(QStringLiteral("OK2"), QStringLiteral("K2"), t0.addDays(8), 5000, QStringLiteral("USD"));
    t.addCartOrder(QStringLiteral("OK3"), QStringLiteral("K3"), t0.addDays(3), 5000, QStringLiteral("USD"));
    t.addCartOrder(QStringLiteral("OK4"), QStringLiteral("K4"), t0.addDays(1), 9900, QStringLiteral("INR"), QStringLiteral("cancelled"));
}

} // namespace

class TestKpis : public QObject
{
    Q_OBJECT
private slots:
    void mixedDayMatchesHandComputedFigures()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addMixedDay(store);
        addCartOrders(t);
        const KpiReport r = computeKpis(*t.db, day(QDate(2026, 11, 20)));

        // WISMO: 5 calls; AI alone on w1 w2 w4 w5 = 4; resolved 2 → 2/4; escalated 1 → 1/5;
        // talk over connected w1 w2 w3 w5 = (60 + 120 + 180 + 30) / 4 = 97.5 s.
        QCOMPARE(r.wismo.callsTotal, qint64(5));
        QCOMPARE(r.wismo.callsHandledByAi, qint64(4));
        QCOMPARE(r.wismo.resolved, qint64(2));
        QCOMPARE(r.wismo.escalated, qint64(1));
        expectRate(r.wismo.resolutionRate, 0.5, "wismo resolution");
        expectRate(r.wismo.escalationRate, 0.2, "wismo escalation");
        expectRate(r.wismo.avgHandleTimeSeconds, 97.5, "wismo aht");
        QCOMPARE(r.wismo.orderStatus, (Breakdown { { QStringLiteral("shipped"), 2 }, { QStringLiteral("delayed"), 1 } }));
        QCOMPARE(r.wismo.carrier, (Breakdown { { QStringLiteral("bluedart"), 1 }, { QStringLiteral("delhivery"), 1 } }));

        // COD: 5 attempts on 4 orders; 3 connected; confirmed 1 → 1/3 (O2 asked for a change: its
        // order is pending again, counted as modified, not confirmed); cancelled 1/3.
        QCOMPARE(r.cod.callsAttempted, qint64(5));
        QCOMPARE(r.cod.ordersCalled, qint64(4));
        QCOMPARE(r.cod.callsConnected, qint64(3));
        QCOMPARE(r.cod.confirmed, qint64(1));
        QCOMPARE(r.cod.modified, qint64(1));
        QCOMPARE(r.cod.cancelled, qint64(1));
        QCOMPARE(r.cod.notConnected, qint64(2));
        expectRate(r.cod.confirmationRate, 1.0 / 3.0, "cod confirmation");
        expectRate(r.cod.cancellationRate, 1.0 / 3.0, "cod cancellation");
        QCOMPARE(r.cod.cancellationReasons, (Breakdown { { QStringLiteral("changed_mind"), 1 } }));
        QCOMPARE(r.cod.revenueProtectedMinor, (MoneyByCurrency { { QStringLiteral("INR"), 230000 } }));

        // Cart: 4 carts, 4 calls, 3 connected. Recovered = an order from the cart within 7 days:
        // K1 and K3 (not K2's late order, not K4's cancelled one) → 2/4 and 2/3; the orders'
        // totals, INR and USD kept apart. Two calls ended "recovered" (K1, K2).
        QCOMPARE(r.cartRecovery.abandonedCartsTargeted, qint64(4));
        QCOMPARE(r.cartRecovery.recoveryCallsMade, qint64(4));
        QCOMPARE(r.cartRecovery.callsConnected, qint64(3));
        QCOMPARE(r.cartRecovery.cartsRecovered, qint64(2));
        QCOMPARE(r.cartRecovery.callsEndedRecovered, qint64(2));
        expectRate(r.cartRecovery.recoveryRate, 0.5, "recovery rate");
        expectRate(r.cartRecovery.connectedRecoveryRate, 2.0 / 3.0, "connected recovery rate");
        QCOMPARE(r.cartRecovery.revenueRecoveredMinor,
                 (MoneyByCurrency { { QStringLiteral("INR"), 250000 }, { QStringLiteral("USD"), 5000 } }));
        QCOMPARE(r.cartRecovery.abandonmentReasons, (Breakdown { { QStringLiteral("price_too_high"), 1 } }));

        // Returns: 3 calls, 2 initiated, 1 pickup; processing (150 + 90) / 2 = 120 s.
        QCOMPARE(r.returns.calls, qint64(3));
        QCOMPARE(r.returns.returnRequestsHandled, qint64(2));
        QCOMPARE(r.returns.automatedPickupScheduled, qint64(1));
        expectRate(r.returns.returnProcessingTimeSeconds, 120.0, "return processing");

        // CSAT 5, 4, 3 → 4.0; NPS 10, 9 promoters, 3 detractor, 7 passive → 100 × (2 − 1) / 4 = 25.
        QCOMPARE(r.satisfaction.csatResponses, qint64(3));
        expectRate(r.satisfaction.csat, 4.0, "csat");
        QCOMPARE(r.satisfaction.npsResponses, qint64(4));
        expectRate(r.satisfaction.nps, 25.0, "nps");

        // Overview: 5 + 5 + 4 + 3 = 17 finished; connected 4 + 3 + 3 + 3 = 13; one live call.
        QCOMPARE(r.overview.calls, qint64(17));
        QCOMPARE(r.overview.connected, qint64(13));
        QCOMPARE(r.overview.inProgress, qint64(1));
        QCOMPARE(r.overview.escalated, qint64(2));
        // Connected and finished by the AI alone: w1 w2 w5, c1 c2 c3, k1 k2 k3, r1 r2 = 11 of 13.
        QCOMPARE(r.overview.handledByAi, qint64(11));
        expectRate(r.overview.containmentRate, 11.0 / 13.0, "containment");
    }

    void jsonCarriesFractionsAndNulls()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addMixedDay(store);
        addCartOrders(t);
        const json j = toJson(computeKpis(*t.db, day(QDate(2026, 11, 20))));
        QCOMPARE(j["wismo"]["resolution_rate"].get<double>(), 0.5);
        QCOMPARE(j["cart_recovery"]["revenue_recovered_minor"]["USD"].get<qint64>(), qint64(5000));
        QCOMPARE(j["cod"]["cancellation_reasons"]["changed_mind"].get<int>(), 1);
        QVERIFY(j["cod"]["rto"]["reduction_points"].is_null()); // no COD orders at all
        QCOMPARE(j["cart_recovery"]["calls_ended_recovered"].get<int>(), 2);
        QCOMPARE(j["cod"]["unconfirmed"].get<int>(), 0);
        QCOMPARE(j["period"]["timezone"].get<std::string>(), std::string("Asia/Kolkata"));
        QVERIFY(j["filters"]["use_case"].is_null());
    }

    void dayBoundariesFollowTheTimezone()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addMixedDay(store);
        // In UTC the 20th also holds the 19:00Z call (00:30 IST on the 21st): 6 WISMO calls.
        const KpiReport utc = computeKpis(*t.db, day(QDate(2026, 11, 20), QTimeZone::utc()));
        QCOMPARE(utc.wismo.callsTotal, qint64(6));
        const KpiReport nextIst = computeKpis(*t.db, day(QDate(2026, 11, 21)));
        QCOMPARE(nextIst.wismo.callsTotal, qint64(1));
        QCOMPARE(nextIst.overview.calls, qint64(1));
    }

    // A zone with other offsets (Dhaka, +06:00) is answered from call_records directly. Every
    // fixture call falls on the same calendar day in Dhaka as in Kolkata, so the figures agree.
    void otherTimezonePathAgreesWithTheRollup()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addMixedDay(store);
        const KpiQuery dhaka = day(QDate(2026, 11, 20), QTimeZone("Asia/Dhaka"));
        // This connection's own TEMP table (schema "temp" on SQLite, "pg_temp" on PostgreSQL).
        QVERIFY(rollupTablesFor(*t.db, dhaka.period).first.startsWith(t.db->isPostgres() ? QStringLiteral("pg_temp.") : QStringLiteral("temp.")));
        json persistent = toJson(computeKpis(*t.db, day(QDate(2026, 11, 20))));
        json direct = toJson(computeKpis(*t.db, dhaka));
        QCOMPARE(direct["period"]["timezone"].get<std::string>(), std::string("Asia/Dhaka"));
        persistent.erase("period");
        direct.erase("period");
        QCOMPARE(qs(direct.dump()), qs(persistent.dump()));
    }

    // An alias, or another zone with the same offsets, reads the store's rollup.
    void zonesWithTheSameDaysShareTheRollup()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addMixedDay(store);
        QCOMPARE(rollupTablesFor(*t.db, day(QDate(2026, 11, 20), QTimeZone("Asia/Calcutta")).period).first, QStringLiteral("call_rollup"));
        const qint64 from = at("2026-01-01T00:00:00Z").toMSecsSinceEpoch(), to = at("2027-01-01T00:00:00Z").toMSecsSinceEpoch();
        QVERIFY(rollup::sameLocalDays(QTimeZone("Asia/Kolkata"), QTimeZone("Asia/Colombo"), from, to));
        QVERIFY(rollup::sameLocalDays(QTimeZone("America/New_York"), QTimeZone("America/Toronto"), from, to));
        QVERIFY(!rollup::sameLocalDays(QTimeZone("Asia/Kolkata"), QTimeZone("Asia/Dhaka"), from, to));
        QVERIFY(!rollup::sameLocalDays(QTimeZone("America/New_York"), QTimeZone("America/Chicago"), from, to));
        // Same winter offset, different DST rules: not the same days all year.
        QVERIFY(!rollup::sameLocalDays(QTimeZone("Europe/London"), QTimeZone("Africa/Abidjan"), from, to));
    }

    // The other-zone aggregation is reused between reports only while nothing changed.
    void otherTimezoneSeesNewCalls()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addMixedDay(store);
        const KpiQuery dhaka = day(QDate(2026, 11, 20), QTimeZone("Asia/Dhaka"));
        QCOMPARE(computeKpis(*t.db, dhaka).wismo.callsTotal, qint64(5));
        insertOrFail(store, call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T08:00:00Z")));
        QCOMPARE(computeKpis(*t.db, dhaka).wismo.callsTotal, qint64(6));
        QThread *writer = QThread::create([&] {
            CallRecordStore other(*t.db);
            other.insert(call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T09:00:00Z")));
        });
        writer->start();
        QVERIFY(writer->wait(30000));
        delete writer;
        QCOMPARE(computeKpis(*t.db, dhaka).wismo.callsTotal, qint64(7));
    }

    void emptyRangeHasNoRatesAndNoCrash()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addMixedDay(store);
        const KpiReport r = computeKpis(*t.db, day(QDate(2026, 10, 1)));
        QCOMPARE(r.overview.calls, qint64(0));
        for (const Rate &rate : { r.wismo.resolutionRate, r.wismo.escalationRate, r.wismo.avgHandleTimeSeconds,
                                  r.cod.confirmationRate, r.cod.rto.current.rate, r.cod.rto.reductionPoints,
                                  r.cartRecovery.recoveryRate, r.returns.returnProcessingTimeSeconds, r.satisfaction.csat,
                                  r.satisfaction.nps, r.overview.containmentRate, r.overview.avgTurnLatencyMs })
            QVERIFY(!rate);
        const QString text = kpiText(r);
        QVERIFY(text.contains(QStringLiteral("Resolution rate (of AI-handled)")));
        QVERIFY(text.contains(QStringLiteral("—")));
        QVERIFY(!text.contains(QStringLiteral("nan")));
    }

    void singleCall()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        CallRecord r = call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T05:00:00Z"), 75);
        r.turnLatenciesMs = { 400, 800 };
        insertOrFail(store, r);
        const KpiReport k = computeKpis(*t.db, day(QDate(2026, 11, 20)));
        QCOMPARE(k.wismo.callsTotal, qint64(1));
        expectRate(k.wismo.resolutionRate, 1.0, "resolution");
        expectRate(k.wismo.escalationRate, 0.0, "escalation");
        expectRate(k.wismo.avgHandleTimeSeconds, 75.0, "aht");
        expectRate(k.overview.avgTurnLatencyMs, 600.0, "latency");
        // Only WISMO has a denominator.
        QVERIFY(!k.cod.confirmationRate);
        QVERIFY(!k.cartRecovery.recoveryRate);
    }

    // Every WISMO call escalated: AI handled none, so the resolution rate is undefined, not 0.
    void resolutionRateUndefinedWhenAiHandledNone()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        insertOrFail(store, call(QStringLiteral("wismo"), QStringLiteral("escalated"), at("2026-11-20T05:00:00Z"), 30, true,
                                 QStringLiteral("ai_then_human")));
        const KpiReport k = computeKpis(*t.db, day(QDate(2026, 11, 20)));
        QVERIFY(!k.wismo.resolutionRate);
        expectRate(k.wismo.escalationRate, 1.0, "escalation");
        // COD attempted but never connected: confirmation rate undefined.
        insertOrFail(store, call(QStringLiteral("cod_confirmation"), QStringLiteral("no_answer"), at("2026-11-20T06:00:00Z"), 0, false));
        const KpiReport k2 = computeKpis(*t.db, day(QDate(2026, 11, 20)));
        QCOMPARE(k2.cod.callsAttempted, qint64(1));
        QVERIFY(!k2.cod.confirmationRate);
    }

    void filtersNarrowTheCalls()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addMixedDay(store);
        CallRecord chat = call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T08:00:00Z"), 20);
        chat.channel = QStringLiteral("chat");
        chat.agent = QStringLiteral("Order Tracker");
        insertOrFail(store, chat);
        KpiQuery q = day(QDate(2026, 11, 20));
        q.useCase = QStringLiteral("cod_confirmation");
        const KpiReport cod = computeKpis(*t.db, q);
        QCOMPARE(cod.overview.calls, qint64(5));
        QCOMPARE(cod.wismo.callsTotal, qint64(0));
        q.useCase.clear();
        q.channel = QStringLiteral("chat");
        QCOMPARE(computeKpis(*t.db, q).overview.calls, qint64(1));
        q.channel.clear();
        q.agent = QStringLiteral("Order Tracker");
        QCOMPARE(computeKpis(*t.db, q).wismo.callsTotal, qint64(1));
    }

    // Previous period 2026-11-01…10: 4 COD orders, all settled, 2 RTO (1 returned after delivery is
    // not RTO) → 0.5. Current 2026-11-11…20: 5 COD orders, 1 still shipped, so 4 settled (a cancelled
    // one counts as settled), 1 RTO (a prepaid one does not count) → 0.25.
    // Reduction 0.25 points, 0.5 relative.
    void rtoAgainstThePreviousPeriod()
    {
        TestDb t;
        t.addCustomer(QStringLiteral("C1"));
        const QString cod = QStringLiteral("cod"), returned = QStringLiteral("returned"), delivered = QStringLiteral("delivered");
        t.addOrder(QStringLiteral("P1"), returned, cod, at("2026-11-02T06:00:00Z"));
        t.addOrder(QStringLiteral("P2"), returned, cod, at("2026-11-05T06:00:00Z"));
        t.addOrder(QStringLiteral("P3"), returned, cod, at("2026-11-06T06:00:00Z"), at("2026-11-08T06:00:00Z"));
        t.addOrder(QStringLiteral("P4"), delivered, cod, at("2026-11-10T06:00:00Z"), at("2026-11-12T06:00:00Z"));
        t.addOrder(QStringLiteral("N1"), returned, cod, at("2026-11-11T06:00:00Z"));
        t.addOrder(QStringLiteral("N2"), delivered, cod, at("2026-11-12T06:00:00Z"), at("2026-11-14T06:00:00Z"));
        t.addOrder(QStringLiteral("N3"), QStringLiteral("cancelled"), cod, at("2026-11-13T06:00:00Z"));
        t.addOrder(QStringLiteral("N4"), QStringLiteral("shipped"), cod, at("2026-11-19T06:00:00Z"));
        t.addOrder(QStringLiteral("N5"), delivered, cod, at("2026-11-20T18:00:00Z"), at("2026-11-21T06:00:00Z")); // 23:30 IST
        t.addOrder(QStringLiteral("X1"), returned, QStringLiteral("prepaid"), at("2026-11-15T06:00:00Z"));
        t.addOrder(QStringLiteral("X2"), returned, cod, at("2026-11-20T19:00:00Z")); // 00:30 IST on the 21st: outside

        const KpiQuery q { ReportingPeriod { QDate(2026, 11, 11), QDate(2026, 11, 20), kKolkata }, {}, {}, {} };
        const RtoKpis rto = computeKpis(*t.db, q).cod.rto;
        QCOMPARE(rto.previous.from, QDate(2026, 11, 1));
        QCOMPARE(rto.previous.to, QDate(2026, 11, 10));
        QCOMPARE(rto.previous.codOrders, qint64(4));
        QCOMPARE(rto.previous.rtoOrders, qint64(2));
        QCOMPARE(rto.previous.settledOrders, qint64(4));
        QCOMPARE(rto.current.codOrders, qint64(5));
        QCOMPARE(rto.current.settledOrders, qint64(4));
        QCOMPARE(rto.current.rtoOrders, qint64(1));
        expectRate(rto.previous.rate, 0.5, "previous rto");
        expectRate(rto.current.rate, 0.25, "current rto");
        expectRate(rto.reductionPoints, 0.25, "points");
        expectRate(rto.reductionRelative, 0.5, "relative");
    }

    void rtoWithAZeroOrEmptyPreviousPeriod()
    {
        TestDb t;
        t.addCustomer(QStringLiteral("C1"));
        t.addOrder(QStringLiteral("N1"), QStringLiteral("returned"), QStringLiteral("cod"), at("2026-11-20T06:00:00Z"));
        t.addOrder(QStringLiteral("N2"), QStringLiteral("delivered"), QStringLiteral("cod"), at("2026-11-20T07:00:00Z"),
                   at("2026-11-21T07:00:00Z"));
        // No COD orders before: the previous rate, and so both reductions, are undefined.
        RtoKpis rto = computeKpis(*t.db, day(QDate(2026, 11, 20))).cod.rto;
        expectRate(rto.current.rate, 0.5, "current");
        QVERIFY(!rto.previous.rate);
        QVERIFY(!rto.reductionPoints);
        QVERIFY(!rto.reductionRelative);
        // Nothing settled yet: an order still in transit gives no rate at all, rather than 0%.
        t.addOrder(QStringLiteral("T1"), QStringLiteral("shipped"), QStringLiteral("cod"), at("2026-11-18T07:00:00Z"));
        const RtoPeriod transit = computeKpis(*t.db, day(QDate(2026, 11, 18))).cod.rto.current;
        QCOMPARE(transit.codOrders, qint64(1));
        QCOMPARE(transit.settledOrders, qint64(0));
        QVERIFY(!transit.rate);
        // A previous rate of exactly 0: points are defined (−0.5, it got worse), relative is not.
        t.addOrder(QStringLiteral("P1"), QStringLiteral("delivered"), QStringLiteral("cod"), at("2026-11-19T07:00:00Z"),
                   at("2026-11-20T07:00:00Z"));
        rto = computeKpis(*t.db, day(QDate(2026, 11, 20))).cod.rto;
        expectRate(rto.previous.rate, 0.0, "previous");
        expectRate(rto.reductionPoints, -0.5, "points");
        QVERIFY(!rto.reductionRelative);
    }

    void textShowsPercentagesAndMoney()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        addMixedDay(store);
        addCartOrders(t);
        const QString text = kpiText(computeKpis(*t.db, day(QDate(2026, 11, 20))));
        QVERIFY2(text.contains(QStringLiteral("50.0%")), qPrintable(text));          // WISMO resolution
        QVERIFY2(text.contains(QStringLiteral("66.7%")), qPrintable(text));          // COD confirmation
        QVERIFY2(text.contains(QStringLiteral("INR 2,500.00 + USD 50.00")), qPrintable(text));    // the orders placed from K1 and K3
        QVERIFY2(text.contains(QStringLiteral("Calls ending \"recovered\" (link sent)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("1m 38s")), qPrintable(text));         // 97.5 s rounds to 98 s
        QVERIFY2(text.contains(QStringLiteral("+25")), qPrintable(text));            // NPS
    }
};

QTEST_GUILESS_MAIN(TestKpis)
#include "tst_kpis.moc"
