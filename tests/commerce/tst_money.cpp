#include "commerce/money.h"

#include <QTest>

using namespace ringside;
using namespace ringside::commerce;

class TestMoney : public QObject
{
    Q_OBJECT
private slots:
    void decimalToMinor_data()
    {
        QTest::addColumn<QString>("jsonNumber");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<qint64>("minor");   // -1 = an error is expected
        QTest::addColumn<QString>("problem");
        QTest::addRow("integer rupees") << "1499" << "INR" << qint64(149900) << "";
        QTest::addRow("two decimals") << "1499.00" << "INR" << qint64(149900) << "";
        QTest::addRow("paise") << "2898.50" << "INR" << qint64(289850) << "";
        QTest::addRow("binary-unfriendly cents") << "89.99" << "USD" << qint64(8999) << "";
        QTest::addRow("0.29 is not 28") << "0.29" << "USD" << qint64(29) << "";
        QTest::addRow("0.1") << "0.1" << "USD" << qint64(10) << "";
        QTest::addRow("exponent") << "1.5e2" << "USD" << qint64(15000) << "";
        QTest::addRow("negative") << "-12.34" << "USD" << qint64(-1234) << "";
        QTest::addRow("zero-decimal currency") << "1500" << "JPY" << qint64(1500) << "";
        QTest::addRow("three-decimal currency") << "1.234" << "KWD" << qint64(1234) << "";
        QTest::addRow("three decimals") << "1499.005" << "INR" << qint64(-1) << "more than 2 decimal places";
        QTest::addRow("yen with decimals") << "10.5" << "JPY" << qint64(-1) << "more than 0 decimal places";
        QTest::addRow("tiny") << "5e-05" << "USD" << qint64(-1) << "decimal places";
        QTest::addRow("huge") << "1e20" << "USD" << qint64(-1) << "too large";
        QTest::addRow("string") << "\"1499\"" << "INR" << qint64(-1) << "must be a number";
        QTest::addRow("bool") << "true" << "INR" << qint64(-1) << "must be a number";
    }
    void decimalToMinor()
    {
        QFETCH(QString, jsonNumber);
        QFETCH(QString, currency);
        QFETCH(qint64, minor);
        QFETCH(QString, problem);
        QString error;
        const auto got = commerce::decimalToMinor(json::parse(jsonNumber.toStdString()), currency, &error);
        if (minor == -1) {
            QVERIFY2(!got, qPrintable(QString::number(got.value_or(0))));
            QVERIFY2(error.contains(problem), qPrintable(error));
        } else {
            QVERIFY2(got, qPrintable(error));
            QCOMPARE(*got, minor);
        }
    }
    void minorToDecimalText()
    {
        QCOMPARE(commerce::minorToDecimalText(149900, QStringLiteral("INR")), QStringLiteral("1499.00"));
        QCOMPARE(commerce::minorToDecimalText(8999, QStringLiteral("USD")), QStringLiteral("89.99"));
        QCOMPARE(commerce::minorToDecimalText(5, QStringLiteral("USD")), QStringLiteral("0.05"));
        QCOMPARE(commerce::minorToDecimalText(-1234, QStringLiteral("USD")), QStringLiteral("-12.34"));
        QCOMPARE(commerce::minorToDecimalText(1500, QStringLiteral("JPY")), QStringLiteral("1500"));
        QCOMPARE(commerce::minorToDecimalText(1234, QStringLiteral("KWD")), QStringLiteral("1.234"));
    }
    void currencyCodes()
    {
        QVERIFY(isCurrencyCode(QStringLiteral("INR")));
        QVERIFY(!isCurrencyCode(QStringLiteral("inr")));
        QVERIFY(!isCurrencyCode(QStringLiteral("RUPEES")));
        QVERIFY(!isCurrencyCode(QString()));
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
