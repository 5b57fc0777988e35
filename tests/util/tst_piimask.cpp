// Personal data as logs and the monitor feed show it: enough to tell calls apart, not enough to
// call or visit anyone.
#include "util/piimask.h"

#include <QTest>

using namespace ringside;

namespace {
const QString kDots4 = QStringLiteral("\u2022\u2022\u2022\u2022");
const QString kDots3 = QStringLiteral("\u2022\u2022\u2022");
const QString kDots2 = QStringLiteral("\u2022\u2022");
} // namespace

class TestPiiMask : public QObject
{
    Q_OBJECT
private slots:
    void phones_data()
    {
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("shown");
        QTest::addRow("india") << QStringLiteral("+919812345678") << QStringLiteral("+91 ") + kDots4 + QLatin1Char(' ') + kDots2 + QStringLiteral("5678");
        QTest::addRow("north america") << QStringLiteral("+14155550134") << QStringLiteral("+1 ") + kDots4 + QLatin1Char(' ') + kDots2 + QStringLiteral("0134");
        QTest::addRow("elsewhere keeps two country digits") << QStringLiteral("+447911123456") << QStringLiteral("+44 ") + kDots4 + QLatin1Char(' ') + kDots2 + QStringLiteral("3456");
        QTest::addRow("national") << QStringLiteral("09812345678") << kDots4 + QLatin1Char(' ') + kDots2 + QStringLiteral("5678");
        QTest::addRow("short code") << QStringLiteral("1234") << kDots2 + QStringLiteral("34");
        QTest::addRow("no digits") << QStringLiteral("anonymous") << kDots3;
        QTest::addRow("empty") << QString() << QString();
    }
    void phones()
    {
        QFETCH(QString, phone);
        QFETCH(QString, shown);
        QCOMPARE(maskPhone(phone), shown);
        QVERIFY(!maskPhone(phone).contains(QStringLiteral("98123")));
        QCOMPARE(maskPhone(maskPhone(phone)), maskPhone(phone)); // masking twice changes nothing
    }

    void addressesKeepOnlyTheirLastPart()
    {
        QCOMPARE(maskAddress(QStringLiteral("12 MG Road, Indiranagar, Bengaluru 560038")), kDots3 + QStringLiteral(", Bengaluru 560038"));
        QCOMPARE(maskAddress(QStringLiteral("12 MG Road")), kDots3);
        QCOMPARE(maskAddress(QStringLiteral("  ")), QStringLiteral("  "));
    }

    void emailsKeepTheirFirstLetterAndDomain()
    {
        QCOMPARE(maskEmail(QStringLiteral("asha@example.com")), QStringLiteral("a") + kDots3 + QStringLiteral("@example.com"));
        QCOMPARE(maskEmail(QStringLiteral("@example.com")), kDots3);
        QCOMPARE(maskEmail(QStringLiteral("not an email")), kDots3);
    }

    void personalFieldsAreMaskedAtAnyDepth()
    {
        const json toolResult = json::parse(R"({"order_id":"ORD-482913","status":"shipped",
            "customer":{"name":"Asha","phone":"+919812345678","email":"asha@example.com",
                        "shipping_address":"12 MG Road, Indiranagar, Bengaluru 560038"},
            "contacts":[{"mobile":"+919800000001"}],"from":"+919800000002","alt_phone":12345,"to":null})");
        const json masked = maskPersonalFields(toolResult);
        QVERIFY(masked.at("order_id") == toolResult.at("order_id"));
        QVERIFY(masked.at("status") == toolResult.at("status"));
        QVERIFY(masked.at("customer").at("name") == toolResult.at("customer").at("name"));
        const std::string text = masked.dump();
        for (const char *secret : { "9812345678", "asha@", "12 MG Road", "9800000001", "9800000002", "12345" })
            QVERIFY2(text.find(secret) == std::string::npos, secret);
        QVERIFY(text.find("Bengaluru 560038") != std::string::npos);
        QVERIFY(masked.at("to").is_null());
        QVERIFY(isPersonalField("customer_phone"));
        QVERIFY(isPersonalField("Email"));
        QVERIFY(!isPersonalField("order_id"));
    }
};

QTEST_APPLESS_MAIN(TestPiiMask)
#include "tst_piimask.moc"
