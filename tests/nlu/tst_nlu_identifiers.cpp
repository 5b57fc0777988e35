#include "nlutestsupport.h"

using namespace ringside;
using namespace ringside::nlu;

Q_DECLARE_METATYPE(ringside::nlu::Found)

class TestNluIdentifiers : public QObject
{
    Q_OBJECT
private:
    std::optional<Analyser> nlu;

private slots:
    void initTestCase() { QVERIFY(test::loadBuiltin(&nlu)); }

    void orderId_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<Found>("status");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("digits");
        const QString id = QStringLiteral("ORD-482913");
        const QString d = QStringLiteral("482913");
        QTest::addRow("spelled prefix, digit words") << QStringLiteral("O R D four eight two nine one three") << Found::Complete << id << d;
        QTest::addRow("dotted prefix") << QStringLiteral("O.R.D. 482913") << Found::Complete << id << d;
        QTest::addRow("oh are d") << QStringLiteral("oh r d 4 8 2 9 1 3") << Found::Complete << id << d;
        QTest::addRow("lower-case prefix") << QStringLiteral("ord 482913") << Found::Complete << id << d;
        QTest::addRow("written") << QStringLiteral("ORD-482913") << Found::Complete << id << d;
        QTest::addRow("glued") << QStringLiteral("ORD482913") << Found::Complete << id << d;
        QTest::addRow("order number words") << QStringLiteral("order number four eight two nine one three") << Found::Complete << id << d;
        QTest::addRow("order number is") << QStringLiteral("my order number is 482913") << Found::Complete << id << d;
        QTest::addRow("mera order hai") << QStringLiteral("mera order 482913 hai") << Found::Complete << id << d;
        QTest::addRow("hindi digits") << QStringLiteral("mera order char aath do nau ek teen hai") << Found::Complete << id << d;
        QTest::addRow("devanagari") << QStringLiteral("मेरा ऑर्डर ४८२९१३ है") << Found::Complete << id << d;
        QTest::addRow("devanagari words") << QStringLiteral("ऑर्डर नंबर चार आठ दो नौ एक तीन") << Found::Complete << id << d;
        QTest::addRow("pairs of digits") << QStringLiteral("ORD forty eight twenty nine thirteen") << Found::Complete << id << d;
        QTest::addRow("double") << QStringLiteral("ORD four double eight two one three") << Found::Complete
                                << QStringLiteral("ORD-488213") << QStringLiteral("488213");
        QTest::addRow("bare six digits") << QStringLiteral("it's 482913") << Found::Complete << id << d;
        QTest::addRow("bare spaced") << QStringLiteral("482 913") << Found::Complete << id << d;
        QTest::addRow("correction") << QStringLiteral("not 482913, it's 482914") << Found::Complete
                                    << QStringLiteral("ORD-482914") << QStringLiteral("482914");
        QTest::addRow("partial after prefix") << QStringLiteral("O R D four eight two") << Found::Partial << QString() << QStringLiteral("482");
        QTest::addRow("partial after lead") << QStringLiteral("order number 48") << Found::Partial << QString() << QStringLiteral("48");
        QTest::addRow("prefix only") << QStringLiteral("it starts with ORD") << Found::Partial << QString() << QString();
        QTest::addRow("partial bare three digits") << QStringLiteral("four eight two") << Found::Partial << QString() << QStringLiteral("482");
        QTest::addRow("too long after prefix") << QStringLiteral("ORD 48291355") << Found::Invalid << QString() << QStringLiteral("48291355");
        QTest::addRow("bare two digits is nothing") << QStringLiteral("I want 2 of them") << Found::None << QString() << QString();
        QTest::addRow("phone is not an order") << QStringLiteral("9845012345") << Found::None << QString() << QString();
        QTest::addRow("order without digits") << QStringLiteral("where is my order") << Found::None << QString() << QString();
        QTest::addRow("date is not an order") << QStringLiteral("28/12/2026") << Found::None << QString() << QString();
        QTest::addRow("negated only") << QStringLiteral("not 482913") << Found::None << QString() << QString();
        QTest::addRow("order then unrelated words") << QStringLiteral("order kab aayega 5 baje") << Found::None << QString() << QString();
    }
    void orderId()
    {
        QFETCH(QString, input);
        QFETCH(Found, status);
        QFETCH(QString, id);
        QFETCH(QString, digits);
        const OrderIdMatch m = nlu->orderId(input);
        QCOMPARE(foundName(m.status), foundName(status));
        QCOMPARE(m.id, id);
        QCOMPARE(m.digits, digits);
        if (status == Found::Invalid)
            QVERIFY2(m.problem.contains(QStringLiteral("6")), qPrintable(m.problem));
    }

    void heardQuotesTheCaller()
    {
        const OrderIdMatch m = nlu->orderId(QStringLiteral("Haan, O R D four eight two nine one three."));
        QCOMPARE(m.heard, QStringLiteral("O R D four eight two nine one three"));
        QVERIFY(m.prefixHeard);
    }

    void otherPatterns_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("id");
        QTest::addRow("seven bare digits") << QStringLiteral("1234567") << QStringLiteral("It's 1234567") << QStringLiteral("1234567");
        QTest::addRow("abc spelled") << QStringLiteral("ABC12345") << QStringLiteral("A B C 1 2 3 4 5") << QStringLiteral("ABC12345");
        QTest::addRow("template x") << QStringLiteral("ORD-XXXXXX") << QStringLiteral("ord 482913") << QStringLiteral("ORD-482913");
        QTest::addRow("shopify hash") << QStringLiteral("#1001") << QStringLiteral("order number one zero zero one") << QStringLiteral("#1001");
        QTest::addRow("underscore separator") << QStringLiteral("SO_12345") << QStringLiteral("s o one two three four five") << QStringLiteral("SO_12345");
    }
    void otherPatterns()
    {
        QFETCH(QString, format);
        QFETCH(QString, input);
        QFETCH(QString, id);
        const Result<OrderIdPattern> p = OrderIdPattern::fromExample(format);
        QVERIFY2(p, qPrintable(p.error()));
        const OrderIdMatch m = nlu->orderId(input, p.value());
        QCOMPARE(foundName(m.status), QStringLiteral("complete"));
        QCOMPARE(m.id, id);
    }

    void badPatternsExplain_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addRow("empty") << QString();
        QTest::addRow("letters only") << QStringLiteral("ORDER");
        QTest::addRow("too few digits") << QStringLiteral("ORD-12");
        QTest::addRow("x without separator") << QStringLiteral("ORDXXXXXX");
        QTest::addRow("space separator") << QStringLiteral("ORD 123456");
        QTest::addRow("digits inside") << QStringLiteral("OR1D-123456");
    }
    void badPatternsExplain()
    {
        QFETCH(QString, format);
        const Result<OrderIdPattern> p = OrderIdPattern::fromExample(format);
        QVERIFY(!p);
        QVERIFY2(p.error().contains(QStringLiteral("order ID format")), qPrintable(p.error()));
        QVERIFY2(p.error().contains(format), qPrintable(p.error()));
    }

    // The separator said aloud, English digits written in Devanagari, and डी (which the spelling
    // map folds into the verb "diya") inside a spelled prefix.
    void spokenSeparatorsAndDevanagariEnglishDigits()
    {
        const Result<OrderIdPattern> ret = OrderIdPattern::fromExample(QStringLiteral("RET-0001"));
        QVERIFY(ret);
        OrderIdMatch m = nlu->orderId(QStringLiteral("the return id is RET dash zero zero zero one"), ret.value());
        QCOMPARE(m.id, QStringLiteral("RET-0001"));
        QVERIFY(m.prefixHeard);
        m = nlu->orderId(QStringLiteral("आर ई टी ज़ीरो ज़ीरो ज़ीरो वन"), ret.value());
        QCOMPARE(m.id, QStringLiteral("RET-0001"));
        QVERIFY(m.prefixHeard);
        m = nlu->orderId(QStringLiteral("ओ आर डी फोर एट टू नाइन वन थ्री"), OrderIdPattern());
        QCOMPARE(m.id, QStringLiteral("ORD-482913"));
        QVERIFY(m.prefixHeard);
        // "वन" and "एट" are also words; alone they are no number.
        QCOMPARE(foundName(nlu->orderId(QStringLiteral("वन"), OrderIdPattern()).status), QStringLiteral("none"));
    }

    void bareDigitsCanBeRefused()
    {
        OrderIdPattern p;
        p.acceptBareDigits = false;
        QCOMPARE(foundName(nlu->orderId(QStringLiteral("482913"), p).status), QStringLiteral("none"));
        QCOMPARE(nlu->orderId(QStringLiteral("ORD 482913"), p).id, QStringLiteral("ORD-482913"));
    }

    void phone_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("country");
        QTest::addColumn<Found>("status");
        QTest::addColumn<QString>("e164");
        QTest::addColumn<QString>("digits");
        const QString in = QStringLiteral("IN");
        QTest::addRow("digit words") << QStringLiteral("nine eight four five zero one two three four five") << in << Found::Complete
                                     << QStringLiteral("+919845012345") << QStringLiteral("9845012345");
        QTest::addRow("double") << QStringLiteral("nine eight four five double five one two three four") << in << Found::Complete
                                << QStringLiteral("+919845551234") << QStringLiteral("9845551234");
        QTest::addRow("plus nine one") << QStringLiteral("plus nine one nine eight one two three four five six seven eight") << in
                                       << Found::Complete << QStringLiteral("+919812345678") << QStringLiteral("+919812345678");
        QTest::addRow("written spaced") << QStringLiteral("my number is +91 98123 45678") << in << Found::Complete
                                        << QStringLiteral("+919812345678") << QStringLiteral("+919812345678");
        QTest::addRow("trunk zero") << QStringLiteral("098123-45678") << in << Found::Complete << QStringLiteral("+919812345678")
                                    << QStringLiteral("09812345678");
        QTest::addRow("pairs") << QStringLiteral("ninety eight forty five zero one twenty three forty five") << in << Found::Complete
                               << QStringLiteral("+919845012345") << QStringLiteral("9845012345");
        QTest::addRow("hindi words") << QStringLiteral("nau aath char paanch shunya ek do teen char paanch") << in << Found::Complete
                                     << QStringLiteral("+919845012345") << QStringLiteral("9845012345");
        QTest::addRow("devanagari digits") << QStringLiteral("मेरा नंबर ९८४५०१२३४५ है") << in << Found::Complete
                                           << QStringLiteral("+919845012345") << QStringLiteral("9845012345");
        QTest::addRow("devanagari words") << QStringLiteral("नौ आठ चार पाँच शून्य एक दो तीन चार पाँच") << in << Found::Complete
                                          << QStringLiteral("+919845012345") << QStringLiteral("9845012345");
        QTest::addRow("with pauses") << QStringLiteral("nine eight four five, uh, zero one two, three four five") << in
                                     << Found::Complete << QStringLiteral("+919845012345") << QStringLiteral("9845012345");
        QTest::addRow("two halves with a pause") << QStringLiteral("my number is 98765, 43210") << in << Found::Complete
                                                 << QStringLiteral("+919876543210") << QStringLiteral("9876543210");
        QTest::addRow("two halves in words") << QStringLiteral("nine eight seven six five, four three two one zero") << in
                                             << Found::Complete << QStringLiteral("+919876543210") << QStringLiteral("9876543210");
        QTest::addRow("two halves in hindi words") << QStringLiteral("nau aath saat chhe paanch, chaar teen do ek shunya") << in
                                                   << Found::Complete << QStringLiteral("+919876543210") << QStringLiteral("9876543210");
        QTest::addRow("us number") << QStringLiteral("four one five five five five zero one three four") << QStringLiteral("US")
                                   << Found::Complete << QStringLiteral("+14155550134") << QStringLiteral("4155550134");
        QTest::addRow("correction") << QStringLiteral("not 9845012345, 9845012346") << in << Found::Complete
                                    << QStringLiteral("+919845012346") << QStringLiteral("9845012346");
        QTest::addRow("partial") << QStringLiteral("nine eight four five") << in << Found::Partial << QString() << QStringLiteral("9845");
        QTest::addRow("partial plus") << QStringLiteral("plus nine one") << in << Found::Partial << QString() << QStringLiteral("+91");
        QTest::addRow("eleven digits not a number") << QStringLiteral("12345678901") << in << Found::Invalid << QString()
                                                    << QStringLiteral("12345678901");
        QTest::addRow("two digits is nothing") << QStringLiteral("give me 2") << in << Found::None << QString() << QString();
        QTest::addRow("no digits") << QStringLiteral("I don't remember") << in << Found::None << QString() << QString();
    }
    void phone()
    {
        QFETCH(QString, input);
        QFETCH(QString, country);
        QFETCH(Found, status);
        QFETCH(QString, e164);
        QFETCH(QString, digits);
        const PhoneMatch m = nlu->phone(input, country);
        QCOMPARE(foundName(m.status), foundName(status));
        QCOMPARE(m.e164, e164);
        QCOMPARE(m.digits, digits);
        if (status == Found::Invalid)
            QVERIFY2(m.problem.contains(QStringLiteral("IN")), qPrintable(m.problem));
    }
};

QTEST_GUILESS_MAIN(TestNluIdentifiers)
#include "tst_nlu_identifiers.moc"
