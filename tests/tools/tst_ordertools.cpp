// get_order_status and get_tracking_details against the fixture store (now = Thu 26 Nov 2026, 10:00 IST).
#include "toolcase.h"

using namespace ringside;
using namespace ringside::test;

class TestOrderTools : public QObject
{
    Q_OBJECT
private slots:
    void orderIdFormats_data()
    {
        QTest::addColumn<QString>("spoken");
        for (const char *s : { "ORD-482913", "ord 482913", "ORD482913", "482913", "o r d-482913", "  ORD-482913 ",
                               "order number 482913", "Ord-482913", "O R D 4 8 2 9 1 3", "#482913" })
            QTest::addRow("%s", s) << QString::fromUtf8(s);
    }
    void orderIdFormats()
    {
        QFETCH(QString, spoken);
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        const json args = { { "order_id", spoken } };
        const json r = h.call(QStringLiteral("get_order_status"), qs(args.dump()));
        QCOMPARE(r.value("found", false), true);
        QCOMPARE(stringAt(r, "order_id_raw"), QStringLiteral("ORD-482913"));
        QCOMPARE(stringAt(r, "order_id"), QStringLiteral("O R D 4 8 2 9 1 3"));
    }

    void phoneFormats_data()
    {
        QTest::addColumn<QString>("phone");
        for (const char *s : { "+91 98111 11111", "098111-11111", "9811111111", "91 9811111111", "+919811111111",
                               "(981) 111-1111" })
            QTest::addRow("%s", s) << QString::fromUtf8(s);
    }
    void phoneFormats()
    {
        QFETCH(QString, phone);
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        const json r = h.call(QStringLiteral("get_order_status"), qs(json({ { "phone_number", phone } }).dump()));
        QCOMPARE(r.value("found", false), true);
        QVERIFY2(!r.contains("multiple"), r.dump().c_str());
        QCOMPARE(stringAt(r, "order_id_raw"), QStringLiteral("ORD-500007"));
    }

    void orderStatus_data() { addToolCases(QStringLiteral("order_status.json")); }
    void orderStatus() { runToolCase(); }

    void tracking_data() { addToolCases(QStringLiteral("tracking.json")); }
    void tracking() { runToolCase(); }
};

QTEST_GUILESS_MAIN(TestOrderTools)
#include "tst_ordertools.moc"
