#include "callfixtures.h"

#include "analytics/dailyseries.h"
#include "analytics/demohistory.h"
#include "analytics/kpis.h"

#include <QCryptographicHash>
#include <QSqlRecord>

using namespace fixtures;

namespace {

const QDateTime kNow = at("2026-11-26T10:00:00+05:30");

// A small store: a few customers, one of them Hindi-speaking.
void addCustomers(TestDb &t)
{
    for (int i = 1; i <= 12; ++i) {
        execOrThrow(t.db->connection(), QStringLiteral("INSERT INTO customers (id, name, preferred_language) VALUES (?, ?, ?)"),
                    QStringLiteral("CUST-%1").arg(i, 2, 10, QLatin1Char('0')), QStringLiteral("Customer %1").arg(i),
                    i == 3 ? QStringLiteral("hi-IN") : QStringLiteral(""));
    }
}

QByteArray digest(TestDb &t, const QString &sql)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QSqlQuery q = execOrThrow(t.db->connection(), sql);
    while (q.next()) {
        for (int i = 0; i < q.record().count(); ++i)
            hash.addData(QByteArray(q.value(i).toString().toUtf8() + '|'));
        hash.addData("\n");
    }
    return hash.result().toHex();
}

KpiReport lastDays(TestDb &t, int days)
{
    const QDate today = kNow.toTimeZone(QTimeZone("Asia/Kolkata")).date();
    return computeKpis(*t.db, KpiQuery { ReportingPeriod { today.addDays(-(days - 1)), today, QTimeZone("Asia/Kolkata") }, {}, {}, {} });
}

} // namespace

class TestDemoHistory : public QObject
{
    Q_OBJECT

    TestDb m_store;           // generated once, read by the plausibility tests
    DemoHistoryStats m_stats;

private slots:
    void initTestCase()
    {
        addCustomers(m_store);
        const auto stats = generateDemoCallHistory(*m_store.db, kNow, 42);
        QVERIFY2(stats, qPrintable(stats.error()));
        m_stats = stats.value();
    }

    void spansTheRequestedDaysEndingNow()
    {
        QCOMPARE(m_stats.lastDay, QDate(2026, 11, 26));
        QCOMPARE(m_stats.firstDay, QDate(2026, 8, 29));
        QCOMPARE(m_store.scalar(QStringLiteral("SELECT COUNT(*) FROM call_records")), qint64(m_stats.calls));
        QVERIFY(m_stats.calls > 6000 && m_stats.calls < 20000);
        QVERIFY(m_store.scalar(QStringLiteral("SELECT MAX(ended_at) FROM call_records")) <= kNow.toMSecsSinceEpoch());
        const qint64 first = m_store.scalar(QStringLiteral("SELECT MIN(started_at) FROM call_records"));
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(first, QTimeZone("Asia/Kolkata")).date(), m_stats.firstDay);
        // Every day of the window has calls.
        QCOMPARE(lastDays(m_store, 90).overview.byUseCase.at(QStringLiteral("wismo")).calls > 0, true);
        const DailySeries s = computeDailySeries(*m_store.db, KpiQuery { ReportingPeriod { m_stats.firstDay, m_stats.lastDay,
                                                                                            QTimeZone("Asia/Kolkata") }, {}, {}, {} });
        for (size_t i = 0; i < s.days.size(); ++i)
            QVERIFY2(s.calls.at(QStringLiteral("wismo"))[i] > 0, qPrintable(s.days[i].toString(Qt::ISODate)));
    }

    void outcomeMixesAreLikeTheSeedsFigures()
    {
        const KpiReport k = lastDays(m_store, 90);
        const double aiResolvedShare = double(k.wismo.resolved) / double(k.wismo.callsTotal);
        QVERIFY2(aiResolvedShare > 0.65 && aiResolvedShare < 0.82, qPrintable(QString::number(aiResolvedShare)));
        QVERIFY(*k.wismo.escalationRate > 0.10 && *k.wismo.escalationRate < 0.25);
        QVERIFY2(*k.cod.confirmationRate >= 0.85 && *k.cod.confirmationRate <= 0.95, qPrintable(QString::number(*k.cod.confirmationRate)));
        QVERIFY(k.cod.notConnected > 0);
        QVERIFY2(*k.cartRecovery.recoveryRate >= 0.15 && *k.cartRecovery.recoveryRate <= 0.25,
                 qPrintable(QString::number(*k.cartRecovery.recoveryRate)));
        QVERIFY(k.cartRecovery.revenueRecoveredMinor.count(QStringLiteral("INR")));
        QVERIFY(!k.cartRecovery.abandonmentReasons.empty());
        QVERIFY(!k.cod.cancellationReasons.empty());
        QVERIFY(k.returns.returnRequestsHandled > 0 && k.returns.automatedPickupScheduled < k.returns.returnRequestsHandled);
        QVERIFY(*k.satisfaction.csat > 3.5 && *k.satisfaction.csat < 4.8);
        QVERIFY(k.satisfaction.npsResponses > 0);
        QVERIFY(*k.overview.avgTurnLatencyMs > 500 && *k.overview.avgTurnLatencyMs < 1500);
        QVERIFY(*k.wismo.avgHandleTimeSeconds > 60 && *k.wismo.avgHandleTimeSeconds < 180);
    }

    // The COD agent cut RTO: the last 90 days against the 90 before go-live, and the last month
    // against the one before it (coverage ramps up over the first month).
    void rtoFallsAfterGoLive()
    {
        const RtoKpis quarter = lastDays(m_store, 90).cod.rto;
        QVERIFY(quarter.previous.codOrders > 1000);
        QVERIFY2(*quarter.reductionPoints > 0.05, qPrintable(QString::number(*quarter.reductionPoints)));
        QVERIFY(*quarter.previous.rate > 0.18 && *quarter.previous.rate < 0.35);
        const KpiQuery month { ReportingPeriod { QDate(2026, 10, 1), QDate(2026, 10, 30), QTimeZone("Asia/Kolkata") }, {}, {}, {} };
        QVERIFY(*computeKpis(*m_store.db, month).cod.rto.reductionPoints > 0);
    }

    void weeklyRhythmAndGrowth()
    {
        const DailySeries s = computeDailySeries(*m_store.db, KpiQuery { ReportingPeriod { m_stats.firstDay, m_stats.lastDay.addDays(-1),
                                                                                            QTimeZone("Asia/Kolkata") }, {}, {}, {} });
        qint64 mondays = 0, sundays = 0, firstMonth = 0, lastMonth = 0;
        for (size_t i = 0; i < s.days.size(); ++i) {
            qint64 day = 0;
            for (const auto &[useCase, values] : s.calls)
                day += values[i];
            if (s.days[i].dayOfWeek() == 1)
                mondays += day;
            if (s.days[i].dayOfWeek() == 7)
                sundays += day;
            (i < 30 ? firstMonth : lastMonth) += (i < 30 || i >= s.days.size() - 30) ? day : 0;
        }
        QVERIFY2(mondays > sundays * 13 / 10, qPrintable(QStringLiteral("%1 vs %2").arg(mondays).arg(sundays)));
        QVERIFY2(lastMonth > firstMonth, qPrintable(QStringLiteral("%1 vs %2").arg(lastMonth).arg(firstMonth)));
    }

    void linksToTheStoresCustomersAndOrders()
    {
        QCOMPARE(m_store.scalar(QStringLiteral("SELECT COUNT(*) FROM call_records WHERE customer_id NOT IN (SELECT id FROM customers)")),
                 qint64(0));
        QCOMPARE(m_store.scalar(QStringLiteral("SELECT COUNT(*) FROM call_records WHERE use_case = 'cod_confirmation' "
                                               "AND order_id NOT IN (SELECT id FROM orders)")), qint64(0));
        QCOMPARE(m_store.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE id LIKE 'DEMO-COD-%'")), qint64(m_stats.orders));
        // The Hindi-speaking customer is called in Hindi.
        QCOMPARE(m_store.scalar(QStringLiteral("SELECT COUNT(*) FROM call_records WHERE customer_id = 'CUST-03' AND language <> 'hi-IN'")),
                 qint64(0));
        // Cancelled COD orders carry the reason the call recorded.
        QVERIFY(m_store.scalar(QStringLiteral("SELECT COUNT(*) FROM cancellations c JOIN call_records r ON r.order_id = c.order_id "
                                              "AND r.outcome = 'cancelled' AND r.cancel_reason = c.reason")) > 0);
    }

    void sameSeedSameHistoryAndRerunReplacesIt()
    {
        TestDb a, b;
        addCustomers(a);
        addCustomers(b);
        const CallRecord real = call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T06:00:00Z"));
        insertOrFail(*std::make_unique<CallRecordStore>(*a.db), real);
        QVERIFY(generateDemoCallHistory(*a.db, kNow, 7, 20));
        QVERIFY(generateDemoCallHistory(*a.db, kNow, 7, 20)); // again: replaced, not doubled
        QVERIFY(generateDemoCallHistory(*b.db, kNow, 7, 20));
        const QString calls = QStringLiteral("SELECT * FROM call_records WHERE id LIKE 'demo-%' ORDER BY id");
        const QString orders = QStringLiteral("SELECT * FROM orders ORDER BY id");
        QCOMPARE(digest(a, calls), digest(b, calls));
        QCOMPARE(digest(a, orders), digest(b, orders));
        QCOMPARE(a.scalar(QStringLiteral("SELECT COUNT(*) FROM call_records WHERE id NOT LIKE 'demo-%'")), qint64(1));
        QCOMPARE(a.scalar(QStringLiteral("SELECT SUM(calls) FROM call_rollup")), a.scalar(QStringLiteral("SELECT COUNT(*) FROM call_records")));

        TestDb c;
        addCustomers(c);
        QVERIFY(generateDemoCallHistory(*c.db, kNow, 8, 20));
        QVERIFY(digest(c, calls) != digest(b, calls));
    }

    void withoutCustomersThereAreNoOrders()
    {
        TestDb t;
        const auto stats = generateDemoCallHistory(*t.db, kNow, 1, 10);
        QVERIFY2(stats, qPrintable(stats.error()));
        QCOMPARE(stats->orders, 0);
        QVERIFY(stats->calls > 0);
        QCOMPARE(t.scalar(QStringLiteral("SELECT COUNT(*) FROM call_records WHERE customer_id NOT LIKE 'demo-cust-%'")), qint64(0));
        QVERIFY(!lastDays(t, 10).cod.rto.current.rate);
    }

    void rejectsABadDayCount()
    {
        TestDb t;
        const auto r = generateDemoCallHistory(*t.db, kNow, 1, 0);
        QVERIFY(!r);
        QVERIFY(r.error().startsWith(QStringLiteral("days:")));
    }
};

QTEST_GUILESS_MAIN(TestDemoHistory)
#include "tst_demohistory.moc"
