// Variables from the demo store for each kind of call, overrides, and the errors that name the
// option to fix.
#include "enginefixture.h"

#include "engine/variableresolver.h"

using namespace ringside;
using namespace ringside::test;

class TestVariableResolver : public QObject
{
    Q_OBJECT

private:
    EngineFixture f;

    Result<ResolvedCall> resolve(const QString &agent, const CallSubject &subject)
    {
        return VariableResolver(*f.store, f.now).resolve(f.agent(agent).agent, subject);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(f.ok(), qPrintable(f.error)); }

    void inboundWithoutIdsHasStoreVariables()
    {
        const auto r = resolve(QStringLiteral("order-tracker"), {});
        QVERIFY(r.ok());
        QCOMPARE(r->variables.value(QStringLiteral("storeName")), QStringLiteral("Kiran Stores"));
        QVERIFY(!r->variables.value(QStringLiteral("processingTime")).isEmpty());
        QVERIFY(!r->variables.contains(QStringLiteral("customerName")));
        QVERIFY(r->customerId.isEmpty());
    }

    void orderBringsItsCustomerAndPhrases()
    {
        CallSubject s;
        s.orderId = QStringLiteral("ord-482913");
        const auto r = resolve(QStringLiteral("delivery-notifier"), s);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error()));
        const auto &v = r->variables;
        QCOMPARE(r->orderId, QStringLiteral("ORD-482913"));
        QCOMPARE(r->customerId, QStringLiteral("C-0001"));
        QCOMPARE(v.value(QStringLiteral("customerName")), QStringLiteral("Priya"));
        QCOMPARE(v.value(QStringLiteral("orderId")), QStringLiteral("ORD-482913"));
        QCOMPARE(v.value(QStringLiteral("orderIdSpoken")), QStringLiteral("O R D 4 8 2 9 1 3"));
        QCOMPARE(v.value(QStringLiteral("productName")), QStringLiteral("Running Shoes"));
        const QString update = v.value(QStringLiteral("deliveryUpdate"));
        QVERIFY2(update.startsWith(QStringLiteral("It shipped yesterday via Blue Dart")), qPrintable(update));
        QVERIFY(!update.endsWith(QLatin1Char('.')));
        QVERIFY(v.value(QStringLiteral("orderTotal")).contains(QStringLiteral("rupees")));
        QVERIFY(!v.value(QStringLiteral("deliveryAddress")).isEmpty());
        QCOMPARE(v.value(QStringLiteral("timezone")), QStringLiteral("Asia/Kolkata"));
    }

    void hindiAgentSpeaksHindi()
    {
        CallSubject s;
        s.orderId = QStringLiteral("ORD-482950");
        const auto r = resolve(QStringLiteral("cod-confirmation"), s);
        QVERIFY(r.ok());
        QVERIFY2(r->variables.value(QStringLiteral("orderTotal")).contains(QStringLiteral("rupaye")),
                 qPrintable(r->variables.value(QStringLiteral("orderTotal"))));
        QCOMPARE(r->variables.value(QStringLiteral("customerName")), QStringLiteral("Ramesh"));
        QVERIFY(r->variables.value(QStringLiteral("productName")).contains(QStringLiteral(" aur ")));
    }

    void customerAloneFindsTheOrderTheCallIsAbout()
    {
        CallSubject s;
        s.customerId = QStringLiteral("C-0006");
        const auto r = resolve(QStringLiteral("cod-confirmation"), s);
        QVERIFY(r.ok());
        QCOMPARE(r->orderId, QStringLiteral("ORD-482950")); // the COD order awaiting confirmation
    }

    void cartVariables()
    {
        CallSubject s;
        s.cartId = QStringLiteral("CART-0002");
        const auto r = resolve(QStringLiteral("cart-recovery"), s);
        QVERIFY(r.ok());
        const auto &v = r->variables;
        QCOMPARE(r->customerId, QStringLiteral("C-0008"));
        QCOMPARE(v.value(QStringLiteral("customerName")), QStringLiteral("Rohan"));
        QVERIFY2(v.value(QStringLiteral("cartTotal")).startsWith(QStringLiteral("898 rupees")), qPrintable(v.value(QStringLiteral("cartTotal"))));
        QVERIFY(v.value(QStringLiteral("freeShippingThreshold")).startsWith(QStringLiteral("999 rupees")));
        QCOMPARE(v.value(QStringLiteral("amountToFreeShipping")), QStringLiteral("101 rupees"));
        QCOMPARE(v.value(QStringLiteral("suggestedItem")), QStringLiteral("something worth 101 rupees or more"));
        QVERIFY(v.value(QStringLiteral("productName")).contains(QStringLiteral(" and ")));
    }

    void customerAloneFindsTheAbandonedCart()
    {
        CallSubject s;
        s.customerId = QStringLiteral("C-0007");
        const auto r = resolve(QStringLiteral("cart-recovery"), s);
        QVERIFY(r.ok());
        QCOMPARE(r->cartId, QStringLiteral("CART-0001"));
    }

    void overridesWin()
    {
        CallSubject s;
        s.orderId = QStringLiteral("ORD-482913");
        s.overrides.insert(QStringLiteral("customerName"), QStringLiteral("Pri"));
        s.overrides.insert(QStringLiteral("storeName"), QStringLiteral("Test Shop"));
        const auto r = resolve(QStringLiteral("delivery-notifier"), s);
        QVERIFY(r.ok());
        QCOMPARE(r->variables.value(QStringLiteral("customerName")), QStringLiteral("Pri"));
        QCOMPARE(r->variables.value(QStringLiteral("storeName")), QStringLiteral("Test Shop"));
    }

    void idsInVarsAreIds()
    {
        CallSubject s;
        s.overrides.insert(QStringLiteral("orderId"), QStringLiteral("ORD-482940"));
        const auto r = resolve(QStringLiteral("delivery-notifier"), s);
        QVERIFY(r.ok());
        QCOMPARE(r->customerId, QStringLiteral("C-0004"));
        QVERIFY(r->variables.value(QStringLiteral("deliveryUpdate")).contains(QStringLiteral("delayed")));
    }

    void callerPhoneIdentifiesAnInboundCaller()
    {
        CallSubject s;
        s.callerPhone = QStringLiteral("+91 98123 45678");
        auto r = resolve(QStringLiteral("order-tracker"), s);
        QVERIFY(r.ok());
        QCOMPARE(r->customerId, QStringLiteral("C-0001"));
        QCOMPARE(r->variables.value(QStringLiteral("callerPhone")), s.callerPhone);
        s.callerPhone = QStringLiteral("+1 202 555 0000");
        r = resolve(QStringLiteral("order-tracker"), s);
        QVERIFY(r.ok());
        QVERIFY(r->customerId.isEmpty());
        QCOMPARE(r->notices.size(), 1);
    }

    void errorsNameTheOption_data()
    {
        QTest::addColumn<QString>("agent");
        QTest::addColumn<QString>("customer");
        QTest::addColumn<QString>("order");
        QTest::addColumn<QString>("cart");
        QTest::addColumn<QString>("message");
        QTest::addRow("unknown order") << "order-tracker" << "" << "ORD-999999" << "" << "--order: no order \"ORD-999999\"";
        QTest::addRow("unknown cart") << "cart-recovery" << "" << "" << "CART-9" << "--cart: no cart \"CART-9\"";
        QTest::addRow("unknown customer") << "order-tracker" << "C-9999" << "" << "" << "--customer: no customer \"C-9999\"";
        QTest::addRow("someone else's order") << "delivery-notifier" << "C-0002" << "ORD-482913" << "" << "belongs to customer C-0001";
        QTest::addRow("cart agent without a cart") << "cart-recovery" << "" << "" << "" << "give --cart ID";
        QTest::addRow("order agent without an order") << "cod-confirmation" << "" << "" << "" << "give --order ID";
        QTest::addRow("customer with no cart") << "cart-recovery" << "C-0001" << "" << "" << "give --cart ID";
    }

    void errorsNameTheOption()
    {
        QFETCH(QString, agent);
        QFETCH(QString, customer);
        QFETCH(QString, order);
        QFETCH(QString, cart);
        QFETCH(QString, message);
        CallSubject s;
        s.customerId = customer;
        s.orderId = order;
        s.cartId = cart;
        const auto r = resolve(agent, s);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(message), qPrintable(r.error()));
    }

    void varsAloneCanSatisfyAnOutboundGreeting()
    {
        CallSubject s;
        for (const char *k : { "customerName", "productName", "orderTotal", "deliveryDate" })
            s.overrides.insert(QLatin1String(k), QStringLiteral("x"));
        QVERIFY(resolve(QStringLiteral("cod-confirmation"), s).ok());
    }
};

QTEST_GUILESS_MAIN(TestVariableResolver)
#include "tst_variableresolver.moc"
