#include "util/phone.h"

#include <QTest>

using namespace ringside;

class TestPhone : public QObject
{
    Q_OBJECT
private slots:
    void e164_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("expected");
        QTest::addRow("india spaced") << QStringLiteral("+91 98123 45678") << QStringLiteral("IN") << QStringLiteral("+919812345678");
        QTest::addRow("india trunk zero") << QStringLiteral("098123-45678") << QStringLiteral("IN") << QStringLiteral("+919812345678");
        QTest::addRow("india bare") << QStringLiteral("9812345678") << QStringLiteral("IN") << QStringLiteral("+919812345678");
        QTest::addRow("india cc no plus") << QStringLiteral("919812345678") << QStringLiteral("IN") << QStringLiteral("+919812345678");
        QTest::addRow("us parens") << QStringLiteral("(415) 555-0134") << QStringLiteral("US") << QStringLiteral("+14155550134");
        QTest::addRow("us leading one") << QStringLiteral("1-415-555-0134") << QStringLiteral("US") << QStringLiteral("+14155550134");
        QTest::addRow("00 prefix") << QStringLiteral("0014155550134") << QStringLiteral("IN") << QStringLiteral("+14155550134");
        QTest::addRow("too short") << QStringLiteral("12345") << QStringLiteral("IN") << QString();
        QTest::addRow("letters") << QStringLiteral("call me") << QStringLiteral("IN") << QString();
        QTest::addRow("plus zero") << QStringLiteral("+0123456789") << QStringLiteral("IN") << QString();
    }
    void e164()
    {
        QFETCH(QString, raw);
        QFETCH(QString, country);
        QFETCH(QString, expected);
        QCOMPARE(toE164(raw, country), expected);
    }
    void national()
    {
        QCOMPARE(nationalNumber(QStringLiteral("+91 98123 45678")), QStringLiteral("9812345678"));
        QCOMPARE(nationalNumber(QStringLiteral("098123 45678")), QStringLiteral("9812345678"));
        QCOMPARE(nationalNumber(QStringLiteral("555")), QStringLiteral("555"));
    }
};

QTEST_GUILESS_MAIN(TestPhone)
#include "tst_phone.moc"
