#include "callfixtures.h"
#include "expositionchecker.h"

#include "analytics/prometheusexporter.h"

using namespace fixtures;

class TestPrometheus : public QObject
{
    Q_OBJECT
private slots:
    void emptyDatabaseFollowsTheFormat()
    {
        TestDb t;
        const exposition::Parsed p = exposition::parse(renderMetrics(*t.db));
        QVERIFY2(p.errors.isEmpty(), qPrintable(p.errors.join(QLatin1Char('\n'))));
        QCOMPARE(p.value(QStringLiteral("ringside_wismo_calls_total")), 0.0);
        QCOMPARE(p.types.value(QStringLiteral("ringside_turn_latency_seconds")), QStringLiteral("histogram"));
    }

    void valuesMatchTheCalls()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        const QDateTime t0 = at("2026-11-20T06:00:00Z");
        CallRecord w1 = call(QStringLiteral("wismo"), QStringLiteral("resolved"), t0, 45);
        w1.orderStatus = QStringLiteral("shipped");
        w1.carrier = QStringLiteral("bluedart");
        w1.turnLatenciesMs = { 240, 900, 6000 };
        insertOrFail(store, w1);
        insertOrFail(store, call(QStringLiteral("wismo"), QStringLiteral("escalated"), t0.addDays(-40), 400, true,
                                 QStringLiteral("ai_then_human")));
        CallRecord c1 = call(QStringLiteral("cod_confirmation"), QStringLiteral("cancelled"), t0, 30);
        c1.cancelReason = QStringLiteral("found_cheaper");
        insertOrFail(store, c1);
        // One COD order confirmed, one where the caller asked for a change (not a confirmation).
        insertOrFail(store, call(QStringLiteral("cod_confirmation"), QStringLiteral("confirmed"), t0.addSecs(60), 40));
        insertOrFail(store, call(QStringLiteral("cod_confirmation"), QStringLiteral("modified"), t0.addSecs(120), 50));
        CallRecord k1 = call(QStringLiteral("cart_recovery"), QStringLiteral("recovered"), t0, 90);
        k1.cartId = QStringLiteral("K1");
        k1.revenueMinor = 123456;
        k1.currency = QStringLiteral("INR");
        insertOrFail(store, k1);
        CallRecord k2 = call(QStringLiteral("cart_recovery"), QStringLiteral("not_interested"), t0, 20);
        k2.cancelReason = QStringLiteral("shipping_cost");
        insertOrFail(store, k2);

        // The cart is bought the next day: one conversion, worth the order's total.
        t.addCustomer(QStringLiteral("C1"));
        t.addCartOrder(QStringLiteral("OK1"), QStringLiteral("K1"), t0.addDays(1), 123456, QStringLiteral("INR"));

        const QString text = renderMetrics(*t.db);
        const exposition::Parsed p = exposition::parse(text);
        QVERIFY2(p.errors.isEmpty(), qPrintable(p.errors.join(QLatin1Char('\n')) + QLatin1Char('\n') + text));
        QCOMPARE(p.value(QStringLiteral("ringside_cart_recovery_conversions_total")), 1.0);
        QCOMPARE(p.value(QStringLiteral("ringside_wismo_calls_total")), 2.0);
        QCOMPARE(p.value(QStringLiteral("ringside_wismo_calls_resolved_total")), 1.0);
        QCOMPARE(p.value(QStringLiteral("ringside_wismo_calls_escalated_total")), 1.0);
        QCOMPARE(p.value(QStringLiteral("ringside_wismo_status_total"), { { QStringLiteral("status"), QStringLiteral("shipped") } }), 1.0);
        QCOMPARE(p.value(QStringLiteral("ringside_wismo_carrier_total"), { { QStringLiteral("carrier"), QStringLiteral("bluedart") } }), 1.0);
        QCOMPARE(p.value(QStringLiteral("ringside_cod_cancelled_total")), 1.0);
        QCOMPARE(p.value(QStringLiteral("ringside_cod_calls_total")), 3.0);
        QCOMPARE(p.value(QStringLiteral("ringside_cod_confirmed_total")), 1.0);
        QCOMPARE(p.value(QStringLiteral("ringside_cod_modified_total")), 1.0);
        QCOMPARE(p.value(QStringLiteral("ringside_cod_cancellation_reason_total"), { { QStringLiteral("reason"), QStringLiteral("found_cheaper") } }), 1.0);
        QCOMPARE(p.value(QStringLiteral("ringside_cart_recovery_calls_total")), 2.0);
        QCOMPARE(p.value(QStringLiteral("ringside_cart_recovery_outcome_total"), { { QStringLiteral("outcome"), QStringLiteral("recovered") } }), 1.0);
        QCOMPARE(p.value(QStringLiteral("ringside_cart_recovery_revenue_total"), { { QStringLiteral("currency"), QStringLiteral("INR") } }), 1234.56);
        QCOMPARE(p.value(QStringLiteral("ringside_cart_abandonment_reason_total"), { { QStringLiteral("reason"), QStringLiteral("shipping_cost") } }), 1.0);
        // Latencies 240, 900, 6000 ms: ≤0.25 s → 1, ≤1 s → 2, +Inf → 3; sum 7.14 s.
        const QMap<QString, QString> wismo { { QStringLiteral("use_case"), QStringLiteral("wismo") } };
        auto bucket = [&](const char *le) {
            QMap<QString, QString> labels = wismo;
            labels.insert(QStringLiteral("le"), QLatin1String(le));
            return p.value(QStringLiteral("ringside_turn_latency_seconds_bucket"), labels);
        };
        QCOMPARE(bucket("0.25"), 1.0);
        QCOMPARE(bucket("0.75"), 1.0);
        QCOMPARE(bucket("1"), 2.0);
        QCOMPARE(bucket("+Inf"), 3.0);
        QVERIFY(qAbs(p.value(QStringLiteral("ringside_turn_latency_seconds_sum"), wismo) - 7.14) < 1e-9);
        // Durations 45 s and 400 s: ≤60 → 1, ≤300 → 1, ≤600 → 2.
        QMap<QString, QString> le60 = wismo, le600 = wismo;
        le60.insert(QStringLiteral("le"), QStringLiteral("60"));
        le600.insert(QStringLiteral("le"), QStringLiteral("600"));
        QCOMPARE(p.value(QStringLiteral("ringside_call_duration_seconds_bucket"), le60), 1.0);
        QCOMPARE(p.value(QStringLiteral("ringside_call_duration_seconds_bucket"), le600), 2.0);
        QCOMPARE(p.value(QStringLiteral("ringside_call_duration_seconds_count"), wismo), 2.0);
    }

    void agentNamesAreEscaped()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        CallRecord r = call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T06:00:00Z"));
        r.agent = QStringLiteral("Priya \"the\" agent\\v2\nnight");
        insertOrFail(store, r);
        const QString text = renderMetrics(*t.db);
        QVERIFY(text.contains(QStringLiteral("agent=\"Priya \\\"the\\\" agent\\\\v2\\nnight\"")));
        const exposition::Parsed p = exposition::parse(text);
        QVERIFY2(p.errors.isEmpty(), qPrintable(p.errors.join(QLatin1Char('\n'))));
        QCOMPARE(p.value(QStringLiteral("ringside_agent_calls_total"), { { QStringLiteral("agent"), r.agent },
                                                                          { QStringLiteral("use_case"), QStringLiteral("wismo") } }), 1.0);
    }

    void valueFormatting()
    {
        QCOMPARE(MetricsText::formatValue(3.0), QStringLiteral("3"));
        QCOMPARE(MetricsText::formatValue(0.25), QStringLiteral("0.25"));
        QCOMPARE(MetricsText::formatValue(1234.56), QStringLiteral("1234.56"));
        QCOMPARE(MetricsText::escapeHelp(QStringLiteral("a\\b\nc")), QStringLiteral("a\\\\b\\nc"));
    }

    // The checker itself must catch broken text, or the tests above prove nothing.
    void checkerRejectsBrokenText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("no final newline") << QStringLiteral("# TYPE a_total counter\na_total 1");
        QTest::addRow("bad escape") << QStringLiteral("# TYPE a_total counter\na_total{x=\"\\t\"} 1\n");
        QTest::addRow("unquoted label") << QStringLiteral("# TYPE a_total counter\na_total{x=1} 1\n");
        QTest::addRow("second TYPE") << QStringLiteral("# TYPE a_total counter\n# TYPE a_total counter\na_total 1\n");
        QTest::addRow("split family") << QStringLiteral("# TYPE a_total counter\n# TYPE b gauge\na_total{x=\"1\"} 1\nb 2\na_total{x=\"2\"} 1\n");
        QTest::addRow("counter without _total") << QStringLiteral("# TYPE a counter\na 1\n");
        QTest::addRow("no +Inf bucket") << QStringLiteral("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n");
        QTest::addRow("not cumulative") << QStringLiteral("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n");
        QTest::addRow("count differs") << QStringLiteral("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 1\n");
        QTest::addRow("duplicate sample") << QStringLiteral("# TYPE g gauge\ng 1\ng 2\n");
        QTest::addRow("bad value") << QStringLiteral("# TYPE g gauge\ng one\n");
    }
    void checkerRejectsBrokenText()
    {
        QFETCH(QString, text);
        QVERIFY(!exposition::parse(text).errors.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPrometheus)
#include "tst_prometheus.moc"
