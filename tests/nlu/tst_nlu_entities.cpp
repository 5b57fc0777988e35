#include "nlutestsupport.h"

using namespace ringside::nlu;

class TestNluEntities : public QObject
{
    Q_OBJECT
private:
    std::optional<Analyser> nlu;
    const QStringList items = {QStringLiteral("Running Shoes"), QStringLiteral("Cotton T-Shirt"), QStringLiteral("Steel Water Bottle"),
                               QStringLiteral("Sneakers")};

private slots:
    void initTestCase() { QVERIFY(test::loadBuiltin(&nlu)); }

    void quantity_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("value");
        QTest::addColumn<bool>("all");
        QTest::addRow("two of them") << QStringLiteral("two of them") << 2 << false;
        QTest::addRow("3 pieces") << QStringLiteral("3 pieces please") << 3 << false;
        QTest::addRow("just one") << QStringLiteral("just one") << 1 << false;
        QTest::addRow("forty two") << QStringLiteral("forty two units") << 42 << false;
        QTest::addRow("do alone") << QStringLiteral("do") << 2 << false;
        QTest::addRow("do chahiye") << QStringLiteral("mujhe do chahiye") << 2 << false;
        QTest::addRow("do wale") << QStringLiteral("do wale") << 2 << false;
        QTest::addRow("teen") << QStringLiteral("teen chahiye") << 3 << false;
        QTest::addRow("ek") << QStringLiteral("sirf ek") << 1 << false;
        QTest::addRow("devanagari do") << QStringLiteral("दो चाहिए") << 2 << false;
        QTest::addRow("devanagari digit") << QStringLiteral("३ पीस") << 3 << false;
        QTest::addRow("both") << QStringLiteral("both of them") << 2 << true; // two, and all of a pair
        QTest::addRow("dono") << QStringLiteral("dono") << 2 << true;
        QTest::addRow("all of them") << QStringLiteral("all of them") << 0 << true;
        QTest::addRow("sab") << QStringLiteral("sab wapas karna hai") << 0 << true;
        QTest::addRow("correction") << QStringLiteral("two, no wait, three") << 3 << false;
        QTest::addRow("negated first") << QStringLiteral("not two, three") << 3 << false;
    }
    void quantity()
    {
        QFETCH(QString, input);
        QFETCH(int, value);
        QFETCH(bool, all);
        const QuantityMatch m = nlu->quantity(input);
        QCOMPARE(foundName(m.status), QStringLiteral("complete"));
        QCOMPARE(m.value, value);
        QCOMPARE(m.all, all);
    }

    void noQuantity_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addRow("kar do") << QStringLiteral("cancel kar do");
        QTest::addRow("bhej do") << QStringLiteral("kal bhej do");
        QTest::addRow("devanagari bhej do") << QStringLiteral("भेज दो");
        QTest::addRow("do you") << QStringLiteral("do you have it in blue");
        QTest::addRow("i do") << QStringLiteral("yes I do");
        QTest::addRow("days") << QStringLiteral("in 3 days");
        QTest::addRow("date") << QStringLiteral("28th december");
        QTest::addRow("time") << QStringLiteral("5 baje");
        QTest::addRow("order id") << QStringLiteral("ORD 482913");
        QTest::addRow("spoken id") << QStringLiteral("four eight two nine one three");
        QTest::addRow("phone") << QStringLiteral("98123 45678");
        QTest::addRow("words") << QStringLiteral("hello there");
    }
    void noQuantity()
    {
        QFETCH(QString, input);
        const QuantityMatch m = nlu->quantity(input);
        QVERIFY2(m.status == Found::None, qPrintable(QStringLiteral("%1 (%2)").arg(m.value).arg(m.heard)));
    }

    void itemByName_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("index");
        QTest::addColumn<bool>("byPosition");
        QTest::addRow("exact name") << QStringLiteral("the running shoes") << 0 << false;
        QTest::addRow("one word of the name") << QStringLiteral("the shoes") << 0 << false;
        QTest::addRow("plural") << QStringLiteral("the water bottles") << 2 << false;
        QTest::addRow("singular of plural name") << QStringLiteral("the sneaker") << 3 << false;
        QTest::addRow("typo") << QStringLiteral("the runing shoes") << 0 << false;
        QTest::addRow("joined word") << QStringLiteral("the tshirt") << 1 << false;
        QTest::addRow("hinglish") << QStringLiteral("bottle wala wapas karna hai") << 2 << false;
        QTest::addRow("devanagari digit noise") << QStringLiteral("shoes ३") << 0 << false;
        QTest::addRow("second one") << QStringLiteral("the second one") << 1 << true;
        QTest::addRow("doosra wala") << QStringLiteral("doosra wala") << 1 << true;
        QTest::addRow("last one") << QStringLiteral("the last one") << 3 << true;
        QTest::addRow("pehla") << QStringLiteral("pehla wala") << 0 << true;
    }
    void itemByName()
    {
        QFETCH(QString, input);
        QFETCH(int, index);
        QFETCH(bool, byPosition);
        const ItemMatch m = nlu->item(input, items);
        QCOMPARE(m.index, index);
        QCOMPARE(m.byPosition, byPosition);
        QVERIFY(m.score >= 0.5);
    }

    void itemAmbiguityIsReported()
    {
        const QStringList shoes = {QStringLiteral("Running Shoes"), QStringLiteral("Walking Shoes")};
        const ItemMatch m = nlu->item(QStringLiteral("the shoes"), shoes);
        QVERIFY(m.index >= 0);
        QVERIFY(!m.sure);
        QCOMPARE(m.score, m.runnerUpScore);
        const ItemMatch clear = nlu->item(QStringLiteral("the walking shoes"), shoes);
        QCOMPARE(clear.index, 1);
        QVERIFY(clear.sure);
    }

    void noItem()
    {
        QCOMPARE(nlu->item(QStringLiteral("the blue lamp"), items).index, -1);
        QCOMPARE(nlu->item(QStringLiteral("the fifth one"), items).index, -1); // only four items
        QCOMPARE(nlu->item(QStringLiteral("shoes"), QStringList()).index, -1);
    }

    void refund_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("method");
        QTest::addRow("original payment") << QStringLiteral("to the original payment method") << QStringLiteral("original_payment");
        QTest::addRow("same card") << QStringLiteral("back to the same card") << QStringLiteral("original_payment");
        QTest::addRow("credit card") << QStringLiteral("on my credit card") << QStringLiteral("original_payment");
        QTest::addRow("upi mein") << QStringLiteral("UPI mein wapas") << QStringLiteral("original_payment");
        QTest::addRow("store credit") << QStringLiteral("store credit is fine") << QStringLiteral("store_credit");
        QTest::addRow("wallet mein") << QStringLiteral("wallet mein daal do") << QStringLiteral("store_credit");
        QTest::addRow("devanagari wallet") << QStringLiteral("वॉलेट में") << QStringLiteral("store_credit");
        QTest::addRow("bank transfer") << QStringLiteral("bank transfer please") << QStringLiteral("bank_transfer");
        QTest::addRow("account mein") << QStringLiteral("mere account mein bhej do") << QStringLiteral("bank_transfer");
        QTest::addRow("neft") << QStringLiteral("NEFT kar do") << QStringLiteral("bank_transfer");
        QTest::addRow("devanagari khate") << QStringLiteral("मेरे खाते में") << QStringLiteral("bank_transfer");
        QTest::addRow("not wallet, bank") << QStringLiteral("not in wallet, bank account please") << QStringLiteral("bank_transfer");
        QTest::addRow("wallet nahi account") << QStringLiteral("wallet mein nahi, account mein") << QStringLiteral("bank_transfer");
    }
    void refund()
    {
        QFETCH(QString, input);
        QFETCH(QString, method);
        const RefundMethodMatch m = nlu->refundMethod(input);
        QCOMPARE(foundName(m.status), QStringLiteral("complete"));
        QCOMPARE(m.method, method);
    }

    void refundRejected()
    {
        const RefundMethodMatch m = nlu->refundMethod(QStringLiteral("wallet mein nahi"));
        QCOMPARE(foundName(m.status), QStringLiteral("none"));
        QCOMPARE(m.rejected, QStringList{QStringLiteral("store_credit")});
        QCOMPARE(foundName(nlu->refundMethod(QStringLiteral("hello")).status), QStringLiteral("none"));
    }

    void address_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("text");
        QTest::addRow("new address is") << QStringLiteral("The new address is 12, MG Road, Bengaluru 560001")
                                        << QStringLiteral("12, MG Road, Bengaluru 560001");
        QTest::addRow("deliver to") << QStringLiteral("please deliver to Flat 4B, Sea View Apartments")
                                    << QStringLiteral("Flat 4B, Sea View Apartments");
        QTest::addRow("naya pata hai") << QStringLiteral("naya pata hai 221B Baker Street") << QStringLiteral("221B Baker Street");
        QTest::addRow("trailing hai") << QStringLiteral("mera naya address Sector 21, Noida hai") << QStringLiteral("Sector 21, Noida");
        QTest::addRow("devanagari") << QStringLiteral("नया पता है गली नंबर 5, दिल्ली") << QStringLiteral("गली नंबर 5, दिल्ली");
        QTest::addRow("keeps case and punctuation") << QStringLiteral("address is: A-12/3, Lane #7.")
                                                    << QStringLiteral("A-12/3, Lane #7");
        QTest::addRow("trailing please") << QStringLiteral("ship to 5 Park Street please") << QStringLiteral("5 Park Street");
        // Hindi word order: the lead after the address, which then needs a house number.
        QTest::addRow("lead after") << QStringLiteral("haan ji, 12 Park Street, Kolkata pe bhej dena")
                                    << QStringLiteral("12 Park Street, Kolkata");
        QTest::addRow("lead after, nouns before the number") << QStringLiteral("house number 3, sector 21, Noida par bhej do")
                                                             << QStringLiteral("house number 3, sector 21, Noida");
        QTest::addRow("lead after, devanagari") << QStringLiteral("गली नंबर 5, दिल्ली पे भेज दो") << QStringLiteral("गली नंबर 5, दिल्ली");
    }
    void address()
    {
        QFETCH(QString, input);
        QFETCH(QString, text);
        const AddressCapture a = nlu->address(input);
        QCOMPARE(foundName(a.status), QStringLiteral("complete"));
        QCOMPARE(a.text, text);
        QVERIFY(!a.lead.isEmpty());
    }

    void addressLeadWithoutText()
    {
        const AddressCapture a = nlu->address(QStringLiteral("I want to give a new address"));
        QCOMPARE(foundName(a.status), QStringLiteral("partial"));
        QVERIFY(a.text.isEmpty());
        QCOMPARE(foundName(nlu->address(QStringLiteral("where is my order")).status), QStringLiteral("none"));
    }

    // A lead after the words is an address only with a house number and a name after it.
    void addressAfterNeedsANumberAndAName_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addRow("a day") << QStringLiteral("kal pe bhej do");
        QTest::addRow("an order id") << QStringLiteral("mera order 482913 hai, kal pe bhej do");
        QTest::addRow("a number alone") << QStringLiteral("12 pe bhej do");
    }
    void addressAfterNeedsANumberAndAName()
    {
        QFETCH(QString, input);
        QCOMPARE(foundName(nlu->address(input).status), QStringLiteral("none"));
    }
};

QTEST_GUILESS_MAIN(TestNluEntities)
#include "tst_nlu_entities.moc"
