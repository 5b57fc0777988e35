// What `ringside-engine call` checks before a provider is asked to ring anyone, through the core
// API (telephony/callplacement.h): the request built for an order or a cart in the store, the
// environment filling in what the options leave out, and each problem naming its option.
#include "commerce/demostore.h"
#include "commerce/fixtureimporter.h"
#include "storage/database.h"
#include "telephony/callplacement.h"
#include "util/clock.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace ringside;
using namespace ringside::telephony;

namespace {

const char *const kVariables[] = { "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER", "TWILIO_API_BASE",
                                   "EXOTEL_ACCOUNT_SID", "EXOTEL_API_KEY", "EXOTEL_API_TOKEN", "EXOTEL_API_BASE",
                                   "EXOTEL_CALLER_ID", "EXOTEL_STREAM_CREDENTIALS", "RINGSIDE_PUBLIC_URL", "RINGSIDE_STREAM_SECRET" };

QString firstId(Database &db, const char *sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QLatin1String(sql)) || !q.next())
        return {};
    return q.value(0).toString();
}

} // namespace

class TestCallPlacement : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    CallPlacementRequest request() const
    {
        CallPlacementRequest r;
        r.to = QStringLiteral("+919812345678");
        r.agent = QStringLiteral("order-tracker");
        r.from = QStringLiteral("+14155550100");
        r.url = QStringLiteral("https://voice.example.com");
        return r;
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_db = Database::open(m_dir.filePath(QStringLiteral("store.db")), &error);
        QVERIFY2(m_db, qPrintable(error));
        commerce::ImportOptions options;
        options.now = parseIso(QStringLiteral("2026-11-26T10:00:00+05:30"));
        QVERIFY(commerce::FixtureImporter(*m_db).importData(commerce::generateDemoStore(1, options.now), options).ok);
    }

    void init()
    {
        for (const char *name : kVariables)
            qunsetenv(name);
        qputenv("TWILIO_ACCOUNT_SID", "ACtest");
        qputenv("TWILIO_AUTH_TOKEN", "s3cret");
    }

    void twilioRequestForAnOrder()
    {
        CallPlacementRequest r = request();
        r.agent = QStringLiteral("Order Tracker"); // by name: the call carries the slug
        r.orderId = QStringLiteral("ORD-482913");
        const auto prepared = prepareOutboundCall(*m_db, r);
        QVERIFY2(prepared.ok(), qPrintable(prepared.error()));
        QCOMPARE(prepared->call.agent, QStringLiteral("order-tracker"));
        QCOMPARE(prepared->call.to, QStringLiteral("+919812345678"));
        const QString customer = firstId(*m_db, "SELECT customer_id FROM orders WHERE id = 'ORD-482913'");
        QVERIFY(!customer.isEmpty());
        QCOMPARE(prepared->call.customerId, customer);
        QCOMPARE(prepared->request.url.path(), QStringLiteral("/2010-04-01/Accounts/ACtest/Calls.json"));
        const QUrlQuery form(QString::fromUtf8(prepared->request.body));
        QCOMPARE(form.queryItemValue(QStringLiteral("To"), QUrl::FullyDecoded), QStringLiteral("+919812345678"));
        QCOMPARE(form.queryItemValue(QStringLiteral("From"), QUrl::FullyDecoded), QStringLiteral("+14155550100"));
        QVERIFY(form.queryItemValue(QStringLiteral("Url"), QUrl::FullyDecoded).startsWith(QStringLiteral("https://voice.example.com/twilio/voice")));
    }

    void cartNamesItsCustomer()
    {
        const QString cart = firstId(*m_db, "SELECT id FROM carts ORDER BY id LIMIT 1");
        QVERIFY(!cart.isEmpty());
        CallPlacementRequest r = request();
        r.cartId = cart;
        const auto prepared = prepareOutboundCall(*m_db, r);
        QVERIFY2(prepared.ok(), qPrintable(prepared.error()));
        QCOMPARE(prepared->call.customerId, firstId(*m_db, qPrintable(QStringLiteral("SELECT customer_id FROM carts WHERE id = '%1'").arg(cart))));
    }

    void environmentFillsWhatTheOptionsLeaveOut()
    {
        qputenv("TWILIO_FROM_NUMBER", "+14155550199");
        qputenv("RINGSIDE_PUBLIC_URL", "https://env.example.com");
        CallPlacementRequest r = request();
        r.from.reset();
        r.url.reset();
        const auto prepared = prepareOutboundCall(*m_db, r);
        QVERIFY2(prepared.ok(), qPrintable(prepared.error()));
        QCOMPARE(prepared->call.from, QStringLiteral("+14155550199"));
        QCOMPARE(prepared->call.publicUrl, QUrl(QStringLiteral("https://env.example.com")));
        // An option given wins over the environment.
        r.from = QStringLiteral("+14155550100");
        QCOMPARE(prepareOutboundCall(*m_db, r)->call.from, QStringLiteral("+14155550100"));
    }

    void problemsNameTheOption_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::addRow("not a number") << "to" << "call me" << "--to: \"call me\" is not a phone number";
        QTest::addRow("no number") << "to" << "" << "--to: \"\" is not a phone number";
        QTest::addRow("no agent") << "agent" << "" << "--agent NAME is required";
        QTest::addRow("unknown agent") << "agent" << "no-such-agent" << "--agent: ";
        QTest::addRow("order and cart") << "cart" << "CART-1" << "--order and --cart: give one, not both";
        QTest::addRow("unknown order") << "order" << "ORD-000000" << "--order: no order \"ORD-000000\" in ";
        QTest::addRow("no twilio caller id") << "from" << "" << "--from: missing (or set TWILIO_FROM_NUMBER)";
        QTest::addRow("no exotel caller id") << "provider" << "exotel" << "--from: missing (or set EXOTEL_CALLER_ID)";
        QTest::addRow("no url") << "url" << "" << "--url: missing";
        QTest::addRow("no credentials") << "credentials" << "" << "TWILIO_ACCOUNT_SID";
    }

    void problemsNameTheOption()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        CallPlacementRequest r = request();
        r.orderId = QStringLiteral("ORD-482913");
        if (field == QLatin1String("to"))
            r.to = value;
        else if (field == QLatin1String("agent"))
            r.agent = value;
        else if (field == QLatin1String("cart"))
            r.cartId = value;
        else if (field == QLatin1String("order"))
            r.orderId = value;
        else if (field == QLatin1String("from"))
            r.from.reset();
        else if (field == QLatin1String("provider")) {
            r.provider = MediaProtocol::Exotel;
            r.from.reset();
        } else if (field == QLatin1String("url"))
            r.url.reset();
        else if (field == QLatin1String("credentials"))
            qunsetenv("TWILIO_ACCOUNT_SID");
        const auto prepared = prepareOutboundCall(*m_db, r);
        QVERIFY(!prepared.ok());
        QVERIFY2(prepared.error().startsWith(expected) || (field == QLatin1String("credentials") && prepared.error().contains(expected)),
                 qPrintable(prepared.error()));
    }

    void providerNamesAreOneRule()
    {
        QVERIFY(protocolFromName(QStringLiteral("twilio")) == MediaProtocol::Twilio);
        QVERIFY(protocolFromName(QStringLiteral("exotel")) == MediaProtocol::Exotel);
        QVERIFY(!protocolFromName(QStringLiteral("Twilio")));
        QVERIFY(!protocolFromName(QString()));
        for (const MediaProtocol p : { MediaProtocol::Twilio, MediaProtocol::Exotel })
            QVERIFY(protocolFromName(protocolName(p)) == p);
    }
};

QTEST_GUILESS_MAIN(TestCallPlacement)
#include "tst_callplacement.moc"
