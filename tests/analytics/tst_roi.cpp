#include "analytics/roi.h"
#include "analytics/reporttext.h"

#include <QTest>

using namespace ringside;
using namespace ringside::analytics;

namespace {

RollupTotals usage(qint64 aiAnswered, qint64 aiTalkMs, qint64 deflected)
{
    RollupTotals t;
    t.v[col::AiAnswered] = aiAnswered;
    t.v[col::AiTalkMs] = aiTalkMs;
    t.v[col::Deflected] = deflected;
    return t;
}

// 160 connected AI calls talking 220 minutes in all; 78 deflected in WISMO + returns (45 more in
// COD); 12 carts recovered for INR 12,000.00 and USD 99.00; RTO down 5 points on 400 COD orders.
KpiReport fixture()
{
    KpiReport r;
    r.query.period = ReportingPeriod { QDate(2026, 11, 1), QDate(2026, 11, 30), QTimeZone("Asia/Kolkata") };
    r.totalsByUseCase[QStringLiteral("wismo")] = usage(100, 100 * 90000, 70);
    r.totalsByUseCase[QStringLiteral("cod_confirmation")] = usage(50, 50 * 60000, 45);
    r.totalsByUseCase[QStringLiteral("returns")] = usage(10, 10 * 120000, 8);
    r.cartRecovery.cartsRecovered = 12;
    r.cartRecovery.revenueRecoveredMinor = { { QStringLiteral("INR"), 1200000 }, { QStringLiteral("USD"), 9900 } };
    r.cod.rto.current.codOrders = 400;
    r.cod.rto.current.rate = 0.10;
    r.cod.rto.previous.rate = 0.15;
    r.cod.rto.reductionPoints = 0.05;
    r.cod.rto.reductionRelative = 0.05 / 0.15;
    return r;
}

bool near(double a, double b) { return qAbs(a - b) < 1e-9; }

} // namespace

class TestRoi : public QObject
{
    Q_OBJECT
private slots:
    void defaultsMeasureMinutesAndFixTheSeedsRtoStep()
    {
        const auto result = computeRoi(fixture(), *defaultRoiAssumptions(QStringLiteral("INR")));
        QVERIFY2(result, qPrintable(result.error()));
        const RoiResult &r = result.value();
        // 160 calls, 13,200,000 ms = 220 minutes → 1.375 min per call; 220 × 4 = 880.
        QCOMPARE(r.aiCalls, qint64(160));
        QVERIFY(r.minutesMeasured);
        QVERIFY(near(r.totalMinutes, 220.0));
        QVERIFY(near(r.minutesPerCall, 1.375));
        QVERIFY(near(r.voiceAgentCost, 880.0));
        // Deflected in wismo + returns: 70 + 8 = 78 × 45 = 3,510.
        QCOMPARE(r.callsDeflected, qint64(78));
        QVERIFY(near(r.agentCostSaved, 3510.0));
        // INR revenue counted in full; USD kept apart.
        QVERIFY(near(r.cartRevenueRecovered, 12000.0));
        QCOMPARE(r.revenueNotCounted, (MoneyByCurrency { { QStringLiteral("USD"), 9900 } }));
        QVERIFY(r.notes.join(QLatin1Char(' ')).contains(QStringLiteral("USD 99.00")));
        // 0.05 (a fraction, not 5) × 400 orders = 20 avoided × 180 = 3,600.
        QVERIFY(near(r.rtoOrdersAvoided, 20.0));
        QVERIFY(near(r.rtoSavings, 3600.0));
        // Benefit 3,510 + 12,000 + 3,600 = 19,110; ROI (19,110 − 880) / 880.
        QVERIFY(near(r.totalCost, 880.0));
        QVERIFY(near(r.totalBenefit, 19110.0));
        QVERIFY(r.roi);
        QVERIFY(near(*r.roi, (19110.0 - 880.0) / 880.0));
    }

    void changedAssumptions()
    {
        RoiAssumptions a = *defaultRoiAssumptions(QStringLiteral("INR"));
        a.minutesPerCall = 2.0;
        a.costPerMinute = 5.0;
        a.costPerHumanCall = 50.0;
        a.rtoCostPerOrder = 200.0;
        a.revenueShare = 0.25;
        a.deflectedUseCases << QStringLiteral("cod_confirmation");
        const RoiResult r = computeRoi(fixture(), a).value();
        // 160 × 2 = 320 min × 5 = 1,600; (70 + 8 + 45) × 50 = 6,150; 12,000 × 0.25 = 3,000; 20 × 200 = 4,000.
        QVERIFY(!r.minutesMeasured);
        QVERIFY(near(r.totalMinutes, 320.0));
        QVERIFY(near(r.voiceAgentCost, 1600.0));
        QCOMPARE(r.callsDeflected, qint64(123));
        QVERIFY(near(r.agentCostSaved, 6150.0));
        QVERIFY(near(r.cartRevenueRecovered, 3000.0));
        QVERIFY(near(r.rtoSavings, 4000.0));
        QVERIFY(near(r.totalBenefit, 13150.0));
        QVERIFY(near(*r.roi, (13150.0 - 1600.0) / 1600.0));
    }

    void usdAssumptionsCountUsdRevenueOnly()
    {
        const RoiResult r = computeRoi(fixture(), *defaultRoiAssumptions(QStringLiteral("USD"))).value();
        // The seed's examples: 0.15 / min, 5 / call, 15 / RTO.
        QVERIFY(near(r.voiceAgentCost, 220.0 * 0.15));
        QVERIFY(near(r.agentCostSaved, 78.0 * 5.0));
        QVERIFY(near(r.cartRevenueRecovered, 99.0));
        QCOMPARE(r.revenueNotCounted, (MoneyByCurrency { { QStringLiteral("INR"), 1200000 } }));
        QVERIFY(near(r.rtoSavings, 20.0 * 15.0));
    }

    void noCostMeansNoRoi()
    {
        KpiReport k = fixture();
        k.totalsByUseCase.clear();
        const RoiResult r = computeRoi(k, *defaultRoiAssumptions(QStringLiteral("INR"))).value();
        QCOMPARE(r.aiCalls, qint64(0));
        QVERIFY(near(r.minutesPerCall, 0.0));
        QVERIFY(near(r.totalCost, 0.0));
        QVERIFY(!r.roi);
        QVERIFY(r.notes.join(QLatin1Char(' ')).contains(QStringLiteral("ROI is undefined")));
        QVERIFY(roiText(r, k.query.period).contains(QStringLiteral("  ROI").leftJustified(36) + QStringLiteral("—\n")));
    }

    void undefinedOrNegativeRtoReduction()
    {
        KpiReport k = fixture();
        k.cod.rto.reductionPoints.reset();
        k.cod.rto.previous.rate.reset();
        RoiResult r = computeRoi(k, *defaultRoiAssumptions(QStringLiteral("INR"))).value();
        QVERIFY(near(r.rtoSavings, 0.0));
        QVERIFY(r.notes.join(QLatin1Char(' ')).contains(QStringLiteral("previous period")));

        k.cod.rto.reductionPoints = -0.02; // RTO got worse: savings are honestly negative
        k.cod.rto.previous.rate = 0.08;
        r = computeRoi(k, *defaultRoiAssumptions(QStringLiteral("INR"))).value();
        QVERIFY(near(r.rtoOrdersAvoided, -8.0));
        QVERIFY(near(r.rtoSavings, -8.0 * 180.0));
    }

    void invalidAssumptionsNameTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("which");
        QTest::addRow("negative cost") << QStringLiteral("cost_per_minute") << 0;
        QTest::addRow("currency") << QStringLiteral("currency") << 1;
        QTest::addRow("share above 1") << QStringLiteral("revenue_share") << 2;
        QTest::addRow("zero minutes") << QStringLiteral("minutes_per_call") << 3;
        QTest::addRow("unknown use case") << QStringLiteral("deflected_use_cases") << 4;
        QTest::addRow("nan") << QStringLiteral("rto_cost_per_order") << 5;
    }
    void invalidAssumptionsNameTheField()
    {
        QFETCH(QString, field);
        QFETCH(int, which);
        RoiAssumptions a = *defaultRoiAssumptions(QStringLiteral("INR"));
        switch (which) {
        case 0: a.costPerMinute = -1; break;
        case 1: a.currency = QStringLiteral("rupees"); break;
        case 2: a.revenueShare = 1.5; break;
        case 3: a.minutesPerCall = 0.0; break;
        case 4: a.deflectedUseCases << QStringLiteral("upsell"); break;
        case 5: a.rtoCostPerOrder = std::numeric_limits<double>::quiet_NaN(); break;
        }
        const auto r = computeRoi(fixture(), a);
        QVERIFY(!r);
        QVERIFY2(r.error().startsWith(field + QLatin1Char(':')), qPrintable(r.error()));
    }

    void noDefaultsForOtherCurrencies()
    {
        QVERIFY(!defaultRoiAssumptions(QStringLiteral("EUR")));
        QCOMPARE(defaultRoiAssumptions(QStringLiteral("USD"))->costPerMinute, 0.15);
    }

    void jsonBreakdown()
    {
        const json j = toJson(computeRoi(fixture(), *defaultRoiAssumptions(QStringLiteral("INR"))).value());
        QCOMPARE(j["currency"].get<std::string>(), std::string("INR"));
        QVERIFY(near(j["costs"]["voice_agent_cost"].get<double>(), 880.0));
        QVERIFY(near(j["revenue_impact"]["rto_orders_avoided"].get<double>(), 20.0));
        QCOMPARE(j["revenue_impact"]["revenue_not_counted_minor"]["USD"].get<qint64>(), qint64(9900));
        QVERIFY(j["assumptions"]["minutes_per_call_measured"].get<bool>());
        QVERIFY(near(j["roi"].get<double>(), (19110.0 - 880.0) / 880.0));
    }
};

QTEST_GUILESS_MAIN(TestRoi)
#include "tst_roi.moc"
