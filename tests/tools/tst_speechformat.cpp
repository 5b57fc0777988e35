#include "tools/speechformat.h"

#include <QTest>

using namespace ringside;

namespace {
const QString en = QStringLiteral("en-US");
const QString hi = QStringLiteral("hi-IN");
const QDate today(2026, 11, 26); // a Thursday
} // namespace

class TestSpeechFormat : public QObject
{
    Q_OBJECT
private slots:
    void spelling_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("spoken");
        QTest::addRow("order id") << QStringLiteral("ORD-482913") << QStringLiteral("O R D 4 8 2 9 1 3");
        QTest::addRow("lower case and spaces") << QStringLiteral("ret 0001") << QStringLiteral("R E T 0 0 0 1");
        QTest::addRow("digits only") << QStringLiteral("1234567") << QStringLiteral("1 2 3 4 5 6 7");
        QTest::addRow("underscores and slashes") << QStringLiteral("A_B/9") << QStringLiteral("A B 9");
        QTest::addRow("empty") << QString() << QString();
    }
    void spelling()
    {
        QFETCH(QString, id);
        QFETCH(QString, spoken);
        QCOMPARE(spellId(id), spoken);
    }

    // IDs inside a sentence are spelled, measures and ordinary words are not.
    void idsInText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("spoken");
        QTest::addRow("order in a sentence") << QStringLiteral("about your order ORD-482913.") << QStringLiteral("about your order O R D 4 8 2 9 1 3.");
        QTest::addRow("in brackets") << QStringLiteral("return (RET-0001) is booked") << QStringLiteral("return (R E T 0 0 0 1) is booked");
        QTest::addRow("discount code") << QStringLiteral("use SAVE10 today") << QStringLiteral("use S A V E 1 0 today");
        QTest::addRow("tracking number") << QStringLiteral("BD123456789IN") << QStringLiteral("B D 1 2 3 4 5 6 7 8 9 I N");
        QTest::addRow("measure") << QStringLiteral("the 14-inch Laptop (i5, 16GB)") << QStringLiteral("the 14-inch Laptop (i5, 16GB)");
        QTest::addRow("already spelled") << QStringLiteral("O R D 4 8 2 9 1 3") << QStringLiteral("O R D 4 8 2 9 1 3");
        QTest::addRow("money and dates") << QStringLiteral("1,499 rupees by 2026-12-28") << QStringLiteral("1,499 rupees by 2026-12-28");
        QTest::addRow("address") << QStringLiteral("12 MG Road, Pune 411001") << QStringLiteral("12 MG Road, Pune 411001");
    }
    void idsInText()
    {
        QFETCH(QString, text);
        QFETCH(QString, spoken);
        QCOMPARE(spellIdsIn(text), spoken);
    }

    void dates_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("date_words");
        QTest::addColumn<QString>("day_words");
        QTest::addRow("today") << today << en << QStringLiteral("Thursday, November 26") << QStringLiteral("today");
        QTest::addRow("tomorrow") << today.addDays(1) << en << QStringLiteral("Friday, November 27")
                                  << QStringLiteral("tomorrow, Friday, November 27");
        QTest::addRow("yesterday") << today.addDays(-1) << en << QStringLiteral("Wednesday, November 25") << QStringLiteral("yesterday");
        QTest::addRow("next week") << today.addDays(7) << en << QStringLiteral("Thursday, December 3")
                                   << QStringLiteral("Thursday, December 3");
        QTest::addRow("next year gets the year") << QDate(2027, 1, 4) << en << QStringLiteral("Monday, January 4, 2027")
                                                 << QStringLiteral("Monday, January 4, 2027");
        QTest::addRow("hindi today") << today << hi << QStringLiteral("Guruvaar, 26 Navambar") << QStringLiteral("aaj");
        QTest::addRow("hindi tomorrow") << today.addDays(1) << hi << QStringLiteral("Shukravaar, 27 Navambar")
                                        << QStringLiteral("kal, Shukravaar, 27 Navambar");
        QTest::addRow("hindi yesterday is also kal") << today.addDays(-1) << hi << QStringLiteral("Budhvaar, 25 Navambar")
                                                     << QStringLiteral("kal");
        QTest::addRow("hindi other year") << QDate(2027, 2, 1) << hi << QStringLiteral("Somvaar, 1 Farvari 2027")
                                          << QStringLiteral("Somvaar, 1 Farvari 2027");
    }
    void dates()
    {
        QFETCH(QDate, date);
        QFETCH(QString, language);
        QFETCH(QString, date_words);
        QFETCH(QString, day_words);
        QCOMPARE(spokenDate(date, today, language), date_words);
        QCOMPARE(spokenDay(date, today, language), day_words);
    }

    void times_data()
    {
        QTest::addColumn<QTime>("time");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("spoken");
        QTest::addRow("afternoon") << QTime(15, 4) << en << QStringLiteral("3:04 PM");
        QTest::addRow("on the hour") << QTime(9, 0) << en << QStringLiteral("9 AM");
        QTest::addRow("midnight") << QTime(0, 30) << en << QStringLiteral("12:30 AM");
        QTest::addRow("noon") << QTime(12, 0) << en << QStringLiteral("12 PM");
        QTest::addRow("hindi afternoon") << QTime(15, 4) << hi << QStringLiteral("dopahar 3:04 baje");
        QTest::addRow("hindi morning") << QTime(9, 0) << hi << QStringLiteral("subah 9 baje");
        QTest::addRow("hindi evening") << QTime(18, 30) << hi << QStringLiteral("shaam 6:30 baje");
        QTest::addRow("hindi night") << QTime(22, 0) << hi << QStringLiteral("raat 10 baje");
    }
    void times()
    {
        QFETCH(QTime, time);
        QFETCH(QString, language);
        QFETCH(QString, spoken);
        QCOMPARE(spokenTime(time, language), spoken);
    }

    void money_data()
    {
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("spoken");
        QTest::addColumn<double>("decimal");
        QTest::addRow("rupees") << qint64(149900) << QStringLiteral("INR") << en << QStringLiteral("1,499 rupees") << 1499.0;
        QTest::addRow("rupees and paise") << qint64(389750) << QStringLiteral("INR") << en
                                          << QStringLiteral("3,897 rupees and 50 paise") << 3897.5;
        QTest::addRow("one rupee") << qint64(100) << QStringLiteral("INR") << en << QStringLiteral("1 rupee") << 1.0;
        QTest::addRow("lakh as thousands") << qint64(12345600) << QStringLiteral("INR") << en << QStringLiteral("123,456 rupees")
                                           << 123456.0;
        QTest::addRow("dollars and cents") << qint64(1250) << QStringLiteral("USD") << en
                                           << QStringLiteral("12 dollars and 50 cents") << 12.5;
        QTest::addRow("one cent") << qint64(1) << QStringLiteral("USD") << en << QStringLiteral("0 dollars and 1 cent") << 0.01;
        QTest::addRow("hindi rupaye") << qint64(149900) << QStringLiteral("INR") << hi << QStringLiteral("1,499 rupaye") << 1499.0;
        QTest::addRow("hindi paise") << qint64(149950) << QStringLiteral("INR") << hi << QStringLiteral("1,499 rupaye 50 paise")
                                     << 1499.5;
        QTest::addRow("yen has no minor unit") << qint64(1500) << QStringLiteral("JPY") << en << QStringLiteral("1,500 JPY")
                                               << 1500.0;
        QTest::addRow("unknown currency") << qint64(1234) << QStringLiteral("AED") << en << QStringLiteral("12.34 AED") << 12.34;
    }
    void money()
    {
        QFETCH(qint64, minor);
        QFETCH(QString, currency);
        QFETCH(QString, language);
        QFETCH(QString, spoken);
        QFETCH(double, decimal);
        QCOMPARE(spokenMoney({ minor, currency }, language), spoken);
        QCOMPARE(decimalAmount({ minor, currency }), decimal);
    }

    void lists()
    {
        QCOMPARE(naturalList({ QStringLiteral("a Cotton T-shirt") }, en), QStringLiteral("a Cotton T-shirt"));
        QCOMPARE(naturalList({ QStringLiteral("X"), QStringLiteral("Y") }, en), QStringLiteral("X and Y"));
        QCOMPARE(naturalList({ QStringLiteral("X"), QStringLiteral("Y"), QStringLiteral("Z") }, en), QStringLiteral("X, Y, and Z"));
        QCOMPARE(naturalList({ QStringLiteral("X"), QStringLiteral("Y"), QStringLiteral("Z") }, hi), QStringLiteral("X, Y aur Z"));
        QCOMPARE(naturalList({}, en), QString());
    }

    void items()
    {
        QCOMPARE(itemPhrase(QStringLiteral("Cotton T-shirt"), 1, en), QStringLiteral("a Cotton T-shirt"));
        QCOMPARE(itemPhrase(QStringLiteral("Apple Watch Strap"), 1, en), QStringLiteral("an Apple Watch Strap"));
        QCOMPARE(itemPhrase(QStringLiteral("Water Bottle"), 2, en), QStringLiteral("2 Water Bottles"));
        QCOMPARE(itemPhrase(QStringLiteral("Running Shoes"), 1, en), QStringLiteral("Running Shoes"));
        QCOMPARE(itemPhrase(QStringLiteral("Wine Glass"), 1, en), QStringLiteral("a Wine Glass"));
        QCOMPARE(itemPhrase(QStringLiteral("Ceramic Mugs (set of 2)"), 1, en), QStringLiteral("Ceramic Mugs (set of 2)"));
        QCOMPARE(itemPhrase(QStringLiteral("Wool Socks"), 5, en), QStringLiteral("5 Wool Socks"));
        QCOMPARE(itemPhrase(QStringLiteral("Lunch Box"), 2, en), QStringLiteral("2 Lunch Boxes"));
        QCOMPARE(itemPhrase(QStringLiteral("Silk Kurta"), 1, hi), QStringLiteral("Silk Kurta"));
        QCOMPARE(itemPhrase(QStringLiteral("Silk Kurta"), 2, hi), QStringLiteral("2 Silk Kurta"));
    }

    void carriers()
    {
        QCOMPARE(carrierDisplayName(QStringLiteral("bluedart")), QStringLiteral("Blue Dart"));
        QCOMPARE(carrierDisplayName(QStringLiteral("ecom_express")), QStringLiteral("Ecom Express"));
        QCOMPARE(carrierDisplayName(QStringLiteral("fedex")), QStringLiteral("FedEx"));
        QCOMPARE(carrierDisplayName(QStringLiteral("india_post")), QStringLiteral("india post"));
        QCOMPARE(statusWords(QStringLiteral("out_for_delivery")), QStringLiteral("out for delivery"));
    }

    void timeSlots()
    {
        QCOMPARE(spokenSlot(QStringLiteral("morning"), en), QStringLiteral("in the morning"));
        QCOMPARE(spokenSlot(QStringLiteral("evening"), hi), QStringLiteral("shaam"));
        QCOMPARE(spokenSlot(QString(), en), QString());
    }

    void zones()
    {
        QCOMPARE(zoneOrUtc(QStringLiteral("Asia/Kolkata")).id(), QByteArray("Asia/Kolkata"));
        QCOMPARE(zoneOrUtc(QStringLiteral("Mars/Olympus")), QTimeZone::utc());
        QCOMPARE(zoneOrUtc(QString()), QTimeZone::utc());
    }

    void languages()
    {
        QVERIFY(isHindi(QStringLiteral("hi-IN")));
        QVERIFY(isHindi(QStringLiteral("hi")));
        QVERIFY(!isHindi(QStringLiteral("en-IN")));
    }
};

QTEST_GUILESS_MAIN(TestSpeechFormat)
#include "tst_speechformat.moc"
