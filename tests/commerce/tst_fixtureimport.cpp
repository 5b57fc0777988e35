#include "commerce/fixtureexporter.h"
#include "commerce/fixtureimporter.h"
#include "commerce/sqlstore.h"
#include "storetestutil.h"

#include <QSqlQuery>

using namespace ringside;
using namespace ringside::commerce;
using namespace ringside::testing;

namespace {
// Row counts of every store table: together with an export, proof that nothing was written.
QString tableCounts(Database &db)
{
    QStringList out;
    for (const char *table : { "store_settings", "customers", "orders", "order_items", "tracking_events", "carts",
                               "cart_items", "offers", "returns", "return_items" }) {
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
        q.next();
        out << QStringLiteral("%1=%2").arg(QLatin1String(table)).arg(q.value(0).toInt());
    }
    return out.join(QLatin1Char(' '));
}

// Applies "set POINTER JSON", "remove POINTER", "append POINTER JSON" to the store fixture,
// or returns the text after "raw " as the whole file.
QByteArray mutated(const QString &mutation)
{
    if (mutation.startsWith(QLatin1String("raw ")))
        return mutation.mid(4).toUtf8();
    json doc = json::parse(readData("store.json").toStdString());
    const QString verb = mutation.section(QLatin1Char(' '), 0, 0);
    const json::json_pointer pointer(mutation.section(QLatin1Char(' '), 1, 1).toStdString());
    const QString value = mutation.section(QLatin1Char(' '), 2);
    if (verb == QLatin1String("set"))
        doc[pointer] = json::parse(value.toStdString());
    else if (verb == QLatin1String("remove"))
        doc[pointer.parent_pointer()].erase(pointer.back());
    else if (verb == QLatin1String("append"))
        doc[pointer].push_back(json::parse(value.toStdString()));
    else if (verb == QLatin1String("copy")) // copy POINTER FROM-POINTER: append a copy of another element
        doc[pointer].push_back(doc[json::json_pointer(value.toStdString())]);
    return QByteArray::fromStdString(doc.dump(2));
}
} // namespace

class TestFixtureImport : public QObject
{
    Q_OBJECT
private slots:
    void importsTheStoreFixture()
    {
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        const ImportReport report = importData(*db, "store.json");
        QVERIFY2(report.ok, qPrintable(report.errors.join(QLatin1Char('\n'))));
        QVERIFY2(report.warnings.isEmpty(), qPrintable(report.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(report.customers, 4);
        QCOMPARE(report.orders, 6);
        QCOMPARE(report.carts, 3);
        QCOMPARE(report.offers, 4);
        QCOMPARE(report.returns, 2);
        QCOMPARE(report.summary(), QStringLiteral("imported 4 customers, 6 orders, 3 carts, 4 offers, 2 returns, 10 settings"));
        SqlStore store(*db);
        QCOMPARE(store.orderById(QStringLiteral("ORD-123450"))->totalMinor, qint64(289850));
        QCOMPARE(store.orderById(QStringLiteral("ORD-123470"))->createdAt, utc("2026-11-26T03:00:00.250Z"));
        QCOMPARE(store.customerById(QStringLiteral("C-1002"))->phone, QStringLiteral("+919876543210"));
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT phone_national FROM customers WHERE id = 'C-2001'")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("3125550142"));
    }

    void nationalPhonesBecomeE164ForTheCustomersCountry()
    {
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        const QByteArray text = R"({"customers": [
            {"id": "C-1", "name": "A", "phone": "098123 45678", "country": "IN"},
            {"id": "C-2", "name": "B", "phone": "(415) 555-0134", "country": "US"}]})";
        const ImportReport report = FixtureImporter(*db).importText(text);
        QVERIFY2(report.ok, qPrintable(report.errors.join(QLatin1Char('\n'))));
        SqlStore store(*db);
        QCOMPARE(store.customerById(QStringLiteral("C-1"))->phone, QStringLiteral("+919812345678"));
        QCOMPARE(store.customerById(QStringLiteral("C-2"))->phone, QStringLiteral("+14155550134"));
        QCOMPARE(store.customerById(QStringLiteral("C-2"))->timezone, QStringLiteral("UTC")); // the default
    }

    void brokenFileIsRejectedWhole_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QString>("expected"); // must appear in one error, path first
        QTest::addRow("bad order status") << "set /orders/1/status \"shiped\""
                                          << "orders[1].status: 'shiped' is not one of processing, shipped, out_for_delivery";
        QTest::addRow("bad carrier") << "set /orders/0/carrier \"royal_mail\""
                                     << "orders[0].carrier: 'royal_mail' is not one of bluedart, delhivery";
        QTest::addRow("bad payment method") << "set /orders/0/payment_method \"bitcoin\"" << "orders[0].payment_method: 'bitcoin'";
        QTest::addRow("bad cod state") << "set /orders/1/cod_confirmation \"maybe\"" << "orders[1].cod_confirmation: 'maybe'";
        QTest::addRow("cod state on card order") << "set /orders/0/cod_confirmation \"pending\""
                                                 << "orders[0].cod_confirmation: applies only to payment_method 'cod'";
        QTest::addRow("bad customer type") << "set /customers/0/type \"vip\"" << "customers[0].type: 'vip' is not one of consumer, business";
        QTest::addRow("bad cart status") << "set /carts/0/status \"lost\"" << "carts[0].status: 'lost'";
        QTest::addRow("bad return status") << "set /returns/0/status \"sent_back\"" << "returns[0].status: 'sent_back'";
        QTest::addRow("bad return reason") << "set /returns/0/items/0/reason \"too_big\"" << "returns[0].items[0].reason: 'too_big'";
        QTest::addRow("bad refund method") << "set /returns/0/refund_method \"cash\"" << "returns[0].refund_method: 'cash'";
        QTest::addRow("bad time slot") << "set /returns/0/time_slot \"night\"" << "returns[0].time_slot: 'night'";
        QTest::addRow("bad delivery slot") << "set /orders/3/delivery_slot \"noon\"" << "orders[3].delivery_slot: 'noon'";
        QTest::addRow("bad phone") << "set /customers/1/phone \"12345\"" << "customers[1].phone: '12345' is not a phone number";
        QTest::addRow("bad timezone") << "set /customers/0/timezone \"Mars/Olympus\"" << "customers[0].timezone: 'Mars/Olympus'";
        QTest::addRow("bad language") << "set /customers/1/preferred_language \"Hindi\"" << "customers[1].preferred_language: 'Hindi'";
        QTest::addRow("bad email") << "set /customers/0/email \"priya.example.com\"" << "customers[0].email:";
        QTest::addRow("bad country") << "set /customers/0/country \"India\"" << "customers[0].country: 'India'";
        QTest::addRow("time without T") << "set /orders/1/created_at \"2026-11-20 10:15\"" << "orders[1].created_at: '2026-11-20 10:15' is not an ISO-8601";
        QTest::addRow("time without offset") << "set /orders/1/created_at \"2026-11-20T10:15:00\"" << "orders[1].created_at:";
        QTest::addRow("bad event time") << "set /orders/1/tracking_events/0/at \"yesterday\"" << "orders[1].tracking_events[0].at:";
        QTest::addRow("bad date") << "set /returns/0/pickup_date \"27-11-2026\"" << "returns[0].pickup_date: '27-11-2026' is not a date";
        QTest::addRow("duplicate customer") << "copy /customers /customers/0" << "customers[4].id: 'C-1001' is used twice (first at customers[0].id)";
        QTest::addRow("duplicate order") << "copy /orders /orders/2" << "orders[6].id: 'ORD-123470' is used twice";
        QTest::addRow("duplicate offer code") << "copy /offers /offers/1" << "offers[4].code: 'SAVE10' is used twice";
        QTest::addRow("unknown customer") << "set /orders/0/customer_id \"C-9999\"" << "orders[0].customer_id: 'C-9999' matches no customer in this file or in the store";
        QTest::addRow("unknown cart customer") << "set /carts/2/customer_id \"C-9999\"" << "carts[2].customer_id: 'C-9999'";
        QTest::addRow("unknown order") << "set /returns/0/order_id \"ORD-999999\"" << "returns[0].order_id: 'ORD-999999' matches no order";
        QTest::addRow("return of an item not ordered") << "set /returns/0/items/0/sku \"NOPE\""
                                                       << "returns[0].items[0].sku: 'NOPE' is not an item of order ORD-123450";
        QTest::addRow("negative quantity") << "set /orders/0/items/0/quantity -1" << "orders[0].items[0].quantity: -1 is outside 1";
        QTest::addRow("fractional quantity") << "set /orders/0/items/0/quantity 1.5" << "orders[0].items[0].quantity: must be a whole number";
        QTest::addRow("negative total") << "set /orders/0/total -5" << "orders[0].total: -5 must not be negative";
        QTest::addRow("negative price") << "set /carts/0/items/0/price -1299.00" << "carts[0].items[0].price:";
        QTest::addRow("three decimals") << "set /orders/0/total 1499.005" << "orders[0].total: 1499.005 has more than 2 decimal places";
        QTest::addRow("total as text") << "set /orders/0/total \"1499\"" << "orders[0].total: must be a number";
        QTest::addRow("name as number") << "set /customers/0/name 42" << "customers[0].name: must be a string, not number";
        QTest::addRow("missing status") << "remove /orders/0/status" << "orders[0].status: is required";
        QTest::addRow("missing created_at") << "remove /returns/1/created_at" << "returns[1].created_at: is required";
        QTest::addRow("bad currency") << "set /orders/0/currency \"rupees\"" << "orders[0].currency: 'rupees' is not an ISO 4217";
        QTest::addRow("no items") << "set /orders/0/items []" << "orders[0].items: an order needs at least one item";
        QTest::addRow("abandoned without time") << "remove /carts/0/abandoned_at" << "carts[0].abandoned_at: is required when status is 'abandoned'";
        QTest::addRow("percent and amount") << "set /offers/0/percent_off 5" << "offers[0].amount_off: an offer gives percent_off or amount_off, not both";
        QTest::addRow("amount without currency") << "remove /offers/0/currency" << "offers[0].currency: is required when amount_off";
        QTest::addRow("percent over 100") << "set /offers/1/percent_off 150" << "offers[1].percent_off: 150 is outside 0 to 100";
        QTest::addRow("section not an array") << "set /orders {}" << "orders: must be an array, not object";
        QTest::addRow("record not an object") << "set /customers/1 \"C-1002\"" << "customers[1]: must be an object, not string";
        QTest::addRow("settings timezone") << "set /settings/timezone \"Asia/Bombay2\"" << "settings.timezone: 'Asia/Bombay2'";
        QTest::addRow("settings threshold") << "set /settings/freeShippingThreshold/INR \"999\"" << "settings.freeShippingThreshold.INR: must be a number";
        QTest::addRow("settings window") << "set /settings/returnWindowDays -1" << "settings.returnWindowDays: -1 is outside 0 to 365";
        QTest::addRow("id with spaces") << "set /customers/3/id \"C 2002\"" << "customers[3].id: 'C 2002' is not an id";
        QTest::addRow("broken JSON") << "raw {\n  \"customers\": [\n    {\"id\": \"C-1\",}\n  ]\n}" << "JSON: line 3, column 18: syntax error";
        QTest::addRow("top level array") << "raw []" << "(top level): must be an object";
        QTest::addRow("empty file") << "raw " << "JSON: line 1, column 1";
        // Found by fuzz_fixture (10-minute run): nlohmann throws out_of_range, not parse_error, here.
        QTest::addRow("number too large") << "raw {\"settings\": {\"returnWindowDays\": 22222e222222222}}" << "JSON: [json.exception.out_of_range.406] number overflow";
    }
    void brokenFileIsRejectedWhole()
    {
        QFETCH(QString, mutation);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        QVERIFY(importData(*db, "baseline.json").ok);
        const QByteArray before = exportFixture(*db);
        const QString countsBefore = tableCounts(*db);

        const ImportReport report = FixtureImporter(*db).importText(mutated(mutation));
        QVERIFY(!report.ok);
        const QString all = report.errors.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(expected), qPrintable(QStringLiteral("expected '%1' in:\n%2").arg(expected, all)));
        QCOMPARE(report.orders, 0);
        QCOMPARE(tableCounts(*db), countsBefore);
        QCOMPARE(exportFixture(*db), before);
    }

    void idAlreadyStoredIsAnErrorUnlessReplacing()
    {
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        QVERIFY(importData(*db, "store.json").ok);
        const QByteArray before = exportFixture(*db);
        const ImportReport again = importData(*db, "store.json");
        QVERIFY(!again.ok);
        QVERIFY2(again.errors.contains(QStringLiteral("customers[0].id: 'C-1001' already exists in the store (import with "
                                                      "--replace to overwrite it)")),
                 qPrintable(again.errors.join(QLatin1Char('\n'))));
        QVERIFY(again.errors.join(QLatin1Char('\n')).contains(QStringLiteral("returns[1].id: 'RET-5002' already exists")));
        QCOMPARE(exportFixture(*db), before);

        // With replace, records are overwritten in place and their items follow the file.
        json doc = json::parse(readData("store.json").toStdString());
        doc["orders"][1]["status"] = "delivered";
        doc["orders"][1]["delivered_at"] = "2026-11-24T16:00:00+05:30";
        doc["orders"][0]["items"].erase(1);
        doc["orders"] = json::array({ doc["orders"][0], doc["orders"][1] });
        ImportOptions replace;
        replace.replace = true;
        const ImportReport replaced = FixtureImporter(*db).importText(QByteArray::fromStdString(doc.dump()), replace);
        QVERIFY2(replaced.ok, qPrintable(replaced.errors.join(QLatin1Char('\n'))));
        SqlStore store(*db);
        const auto shoe = store.orderById(QStringLiteral("ORD-123456"));
        QCOMPARE(shoe->status, QStringLiteral("delivered"));
        QCOMPARE(shoe->deliveredAt, utc("2026-11-24T10:30:00Z"));
        QCOMPARE(store.orderById(QStringLiteral("ORD-123450"))->items.size(), std::size_t(1));
        // Records the file leaves out stay as they were; the return still points at its order.
        QVERIFY(store.orderById(QStringLiteral("ORD-200002")));
        QCOMPARE(store.returnById(QStringLiteral("RET-5001"))->orderId, QStringLiteral("ORD-123450"));
    }

    void referencesMayPointIntoTheStore()
    {
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        QVERIFY(importData(*db, "baseline.json").ok);
        const QByteArray text = R"({"orders": [{"id": "ORD-000002", "customer_id": "C-0001", "status": "processing",
            "total": 10, "currency": "INR", "created_at": "2026-11-25T12:00:00+05:30",
            "items": [{"sku": "PEN", "name": "Pen", "quantity": 1, "price": 10}]}],
            "returns": [{"id": "RET-0001", "order_id": "ORD-000001", "status": "requested",
            "created_at": "2026-11-26T09:00:00+05:30", "items": [{"sku": "BAG-TOTE", "quantity": 1, "reason": "damaged"}]}]})";
        const ImportReport report = FixtureImporter(*db).importText(text);
        QVERIFY2(report.ok, qPrintable(report.errors.join(QLatin1Char('\n'))));
        QCOMPARE(SqlStore(*db).returnById(QStringLiteral("RET-0001"))->items[0].sku, QStringLiteral("BAG-TOTE"));
    }

    void unknownKeysAreWarnedAboutAndIgnored()
    {
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        json doc = json::parse(readData("store.json").toStdString());
        doc["orders"][3]["colour"] = "red";
        doc["customers"][0]["items"][0] = 1; // a key that belongs elsewhere is still unknown here
        doc["extras"] = true;
        doc["settings"]["theme"] = "dark";
        doc["returns"][0]["items"][0]["condition"] = "new";
        const ImportReport report = FixtureImporter(*db).importText(QByteArray::fromStdString(doc.dump()));
        QVERIFY2(report.ok, qPrintable(report.errors.join(QLatin1Char('\n'))));
        QCOMPARE(report.warnings, QStringList({ QStringLiteral("settings.theme: unknown key, ignored"),
                                                QStringLiteral("customers[0].items: unknown key, ignored"),
                                                QStringLiteral("orders[3].colour: unknown key, ignored"),
                                                QStringLiteral("returns[0].items[0].condition: unknown key, ignored"),
                                                QStringLiteral("extras: unknown key, ignored") }));
        QCOMPARE(report.orders, 6);
    }

    void manyErrorsAreCapped()
    {
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        json doc = json::object({ { "customers", json::array() } });
        for (int i = 0; i < 150; ++i)
            doc["customers"].push_back({ { "id", "C-" + std::to_string(i) }, { "name", 1 } });
        const ImportReport report = FixtureImporter(*db).importText(QByteArray::fromStdString(doc.dump()));
        QVERIFY(!report.ok);
        QCOMPARE(report.errors.size(), 101);
        QCOMPARE(report.errors.last(), QStringLiteral("… and 50 more errors"));
    }
};

QTEST_GUILESS_MAIN(TestFixtureImport)
#include "tst_fixtureimport.moc"
