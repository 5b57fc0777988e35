// The registry's contract: validation before dispatch, one handler per catalogue tool, and no
// exception ever escaping call().
#include "toolharness.h"

#include "tools/toolcatalogue.h"
#include "tools/toolerror.h"

#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>
#include <cmath>

using namespace ringside;
using namespace ringside::test;

class TestToolRegistry : public QObject
{
    Q_OBJECT
private slots:
    void everyCatalogueToolHasAHandler()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        for (const QString &name : toolNames())
            QVERIFY2(h.registry().contains(name), qPrintable(name));
        QVERIFY(!h.registry().contains(QStringLiteral("provide_product_details")));
        QVERIFY(!h.registry().contains(QString()));
    }

    void unknownTool()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        const json r = h.call(QStringLiteral("provide_product_details"), QStringLiteral("{}"));
        QCOMPARE(toolErrorCode(r), QStringLiteral("unknown_tool"));
        const QString message = stringAt(r.at("error"), "message");
        QVERIFY2(message.contains(QStringLiteral("provide_product_details")) && message.contains(QStringLiteral("get_order_status")),
                 qPrintable(message));
    }

    void argumentErrorsHaveTheFullShape()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        const json r = h.call(QStringLiteral("cancel_order"), QStringLiteral(R"({"order_id":"ORD-500001","reason":"bored"})"));
        QVERIFY(isToolError(r));
        QCOMPARE(r.size(), size_t(1));
        const json &e = r.at("error");
        QCOMPARE(stringAt(e, "code"), QStringLiteral("invalid_value"));
        QCOMPARE(stringAt(e, "field"), QStringLiteral("reason"));
        QVERIFY(!stringAt(e, "message").isEmpty());
        // Nothing ran: the order is untouched.
        QCOMPARE(h.store().orderById(QStringLiteral("ORD-500001"))->status, QStringLiteral("processing"));

        ToolContext context;
        context.now = fixtureNow();
        QCOMPARE(toolErrorCode(h.registry().call(QStringLiteral("end_call"), json::array(), context)),
                 QStringLiteral("invalid_arguments"));
    }

    void storeFailureOnReadIsInternal()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        QSqlQuery q(h.database().connection());
        QVERIFY(q.exec(QStringLiteral("DROP TABLE offers")));
        const json r = h.call(QStringLiteral("check_available_offers"), QStringLiteral(R"({"cart_id":"CART-3001"})"));
        QCOMPARE(toolErrorCode(r), QStringLiteral("internal"));
        QVERIFY2(stringAt(r.at("error"), "message").contains(QStringLiteral("check_available_offers")), r.dump().c_str());
    }

    void storeFailureOnWriteIsInternal()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        QSqlQuery q(h.database().connection());
        QVERIFY(q.exec(QStringLiteral("DROP TABLE abandonment_reasons")));
        const json r = h.call(QStringLiteral("record_cart_abandonment_reason"),
                              QStringLiteral(R"({"cart_id":"CART-3001","reason":"other"})"));
        QCOMPARE(toolErrorCode(r), QStringLiteral("internal"));
    }

    void wallClockWhenNoNow()
    {
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        ToolContext context; // no now
        const json r = h.registry().call(QStringLiteral("get_abandoned_cart"), json{ { "customer_id", "CUST-1003" } }, context);
        const double expected = double(parseIso(QStringLiteral("2026-11-26T07:30:00+05:30")).msecsTo(QDateTime::currentDateTimeUtc()))
                / 3'600'000.0;
        QVERIFY(std::abs(r.at("abandoned_hours_ago").get<double>() - expected) < 0.2);
    }

    void callsFromManyThreads()
    {
        // Brains of concurrent calls share one registry; each thread gets its own connection.
        ToolHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        std::atomic<int> found{ 0 };
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < 4; ++i) {
            threads.emplace_back(QThread::create([&] {
                ToolContext context;
                context.now = fixtureNow();
                for (int n = 0; n < 10; ++n) {
                    const json r = h.registry().call(QStringLiteral("get_order_status"), json{ { "order_id", "ORD-482913" } }, context);
                    if (r.value("found", false))
                        ++found;
                }
            }));
            threads.back()->start();
        }
        for (auto &t : threads)
            QVERIFY(t->wait(30000));
        QCOMPARE(found.load(), 40);
    }
};

QTEST_GUILESS_MAIN(TestToolRegistry)
#include "tst_toolregistry.moc"
