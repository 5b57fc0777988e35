#include "commerce/commerceenums.h"
#include "commerce/demoshowcase.h"
#include "commerce/demostore.h"
#include "commerce/fixtureexporter.h"
#include "commerce/fixtureimporter.h"
#include "commerce/sqlstore.h"
#include "storetestutil.h"

#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

using namespace ringside;
using namespace ringside::commerce;
using namespace ringside::testing;

namespace {
const QDateTime kNow = utc("2026-11-26T10:00:00+05:30");

QSet<QString> statusesOf(const std::vector<Order> &orders)
{
    QSet<QString> out;
    for (const Order &o : orders)
        out.insert(o.status);
    return out;
}

const Customer &customerOf(const StoreData &d, const QString &id)
{
    for (const Customer &c : d.customers) {
        if (c.id == id)
            return c;
    }
    qFatal("no customer %s", qPrintable(id));
}

QDate localDate(const QDateTime &t, const QString &zone)
{
    return t.toTimeZone(QTimeZone(zone.toUtf8())).date();
}
} // namespace

class TestDemoStore : public QObject
{
    Q_OBJECT
private slots:
    void sameSeedAndNowGiveTheSameBytes()
    {
        QCOMPARE(fixtureText(generateDemoStore(7, kNow)), fixtureText(generateDemoStore(7, kNow)));
        QTemporaryDir dir;
        auto a = openDatabase(dir, "a.db");
        auto b = openDatabase(dir, "b.db");
        QVERIFY(FixtureImporter(*a).importData(generateDemoStore(7, kNow)).ok);
        QVERIFY(FixtureImporter(*b).importData(generateDemoStore(7, kNow)).ok);
        QCOMPARE(exportFixture(*a), exportFixture(*b));
    }

    void seedAndNowChangeTheStore()
    {
        QVERIFY(fixtureText(generateDemoStore(7, kNow)) != fixtureText(generateDemoStore(8, kNow)));
        // Times follow now: the same seed a day later is the same store shifted by a day (by local
        // days, so an hour more or less where a US daylight-saving change falls in between).
        const StoreData today = generateDemoStore(7, kNow);
        const StoreData tomorrow = generateDemoStore(7, kNow.addDays(1));
        QCOMPARE(today.orders.size(), tomorrow.orders.size());
        int exact = 0;
        for (std::size_t i = 0; i < today.orders.size(); ++i) {
            QCOMPARE(tomorrow.orders[i].id, today.orders[i].id);
            const qint64 drift = today.orders[i].createdAt.addDays(1).secsTo(tomorrow.orders[i].createdAt);
            QVERIFY2(qAbs(drift) <= 3600, qPrintable(today.orders[i].id));
            exact += drift == 0;
        }
        QVERIFY(exact > int(today.orders.size()) * 3 / 4);
    }

    void passesTheFullFixtureValidation()
    {
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        const ImportReport report = FixtureImporter(*db).importText(fixtureText(generateDemoStore(7, kNow)));
        QVERIFY2(report.ok, qPrintable(report.errors.mid(0, 10).join(QLatin1Char('\n'))));
        QVERIFY2(report.warnings.isEmpty(), qPrintable(report.warnings.mid(0, 10).join(QLatin1Char('\n'))));
        QVERIFY(report.orders >= 500);
    }

    void coversWhatTheDemoPromises_data()
    {
        QTest::addColumn<quint64>("seed");
        for (quint64 seed : { 1ULL, 7ULL, 42ULL, 2026ULL, 0xFFFFFFFFULL })
            QTest::addRow("seed %llu", seed) << seed;
    }
    void coversWhatTheDemoPromises()
    {
        QFETCH(quint64, seed);
        const StoreData d = generateDemoStore(seed, kNow);
        QVERIFY(d.orders.size() >= 500);
        QCOMPARE(statusesOf(d.orders), QSet<QString>(orderStatuses().cbegin(), orderStatuses().cend()));

        static const QHash<QString, QRegularExpression> formats = {
            { QStringLiteral("bluedart"), QRegularExpression(QStringLiteral("^BD[1-9]\\d{8}IN$")) },
            { QStringLiteral("delhivery"), QRegularExpression(QStringLiteral("^[1-9]\\d{12}$")) },
            { QStringLiteral("ecom_express"), QRegularExpression(QStringLiteral("^EE[1-9]\\d{9}$")) },
            { QStringLiteral("fedex"), QRegularExpression(QStringLiteral("^[1-9]\\d{11}$")) },
            { QStringLiteral("ups"), QRegularExpression(QStringLiteral("^1Z[0-9A-Z]{6}\\d{10}$")) },
            { QStringLiteral("dhl"), QRegularExpression(QStringLiteral("^[1-9]\\d{9}$")) },
        };
        QSet<QString> carriersSeen, trackingNumbers;
        int pendingIndianCod = 0, recentDelivered = 0, olderDelivered = 0, longOverdue = 0, revisedDelay = 0;
        for (const Order &o : d.orders) {
            const Customer &c = customerOf(d, o.customerId);
            const bool indian = c.country == QLatin1String("IN");
            const QString what = o.id + QLatin1Char(' ') + o.status;
            QVERIFY2(o.createdAt <= kNow, qPrintable(what));
            QVERIFY2(!o.items.empty(), qPrintable(what));
            qint64 sum = 0;
            for (const LineItem &i : o.items)
                sum += i.priceMinor * i.quantity;
            QCOMPARE(o.totalMinor, sum);
            QCOMPARE(o.currency, indian ? QStringLiteral("INR") : QStringLiteral("USD"));
            QVERIFY2(o.codConfirmation.isEmpty() == (o.paymentMethod != QLatin1String("cod")), qPrintable(what));
            if (o.paymentMethod == QLatin1String("cod") && o.codConfirmation == QLatin1String("pending") && indian)
                ++pendingIndianCod;

            const bool shipped = o.shippedAt.isValid();
            const bool shouldShip = QStringList({ QStringLiteral("shipped"), QStringLiteral("out_for_delivery"),
                                                  QStringLiteral("delivered"), QStringLiteral("delayed"),
                                                  QStringLiteral("returned") }).contains(o.status);
            QCOMPARE(shipped, shouldShip);
            if (shipped) {
                QVERIFY2(o.createdAt < o.shippedAt && o.shippedAt <= kNow, qPrintable(what));
                QVERIFY2(formats.value(o.carrier).match(o.trackingNumber).hasMatch(),
                         qPrintable(what + QLatin1Char(' ') + o.carrier + QLatin1Char(' ') + o.trackingNumber));
                QVERIFY2(indian == QStringList({ QStringLiteral("bluedart"), QStringLiteral("delhivery"),
                                                 QStringLiteral("ecom_express") }).contains(o.carrier), qPrintable(what));
                QVERIFY2(!trackingNumbers.contains(o.trackingNumber), qPrintable(o.trackingNumber));
                trackingNumbers.insert(o.trackingNumber);
                carriersSeen.insert(o.carrier);
                QVERIFY2(!o.trackingEvents.empty(), qPrintable(what));
                QCOMPARE(o.trackingEvents.front().status, QStringLiteral("picked_up"));
                for (std::size_t i = 0; i < o.trackingEvents.size(); ++i) {
                    QVERIFY2(o.trackingEvents[i].at <= kNow, qPrintable(what));
                    QVERIFY2(i == 0 || o.trackingEvents[i - 1].at <= o.trackingEvents[i].at, qPrintable(what));
                }
            } else {
                QVERIFY2(o.carrier.isEmpty() && o.trackingNumber.isEmpty() && o.trackingEvents.empty(), qPrintable(what));
            }
            const QString last = o.trackingEvents.empty() ? QString() : o.trackingEvents.back().status;
            if (o.status == QLatin1String("processing")) {
                QVERIFY2(o.createdAt >= kNow.addSecs(-36 * 3600), qPrintable(what));
                QVERIFY2(o.estimatedDelivery > kNow, qPrintable(what));
            } else if (o.status == QLatin1String("shipped")) {
                QVERIFY2(o.estimatedDelivery > kNow, qPrintable(what));
            } else if (o.status == QLatin1String("out_for_delivery")) {
                QCOMPARE(last, QStringLiteral("out_for_delivery"));
            } else if (o.status == QLatin1String("delivered")) {
                QCOMPARE(last, QStringLiteral("delivered"));
                QVERIFY2(o.deliveredAt > o.shippedAt && o.deliveredAt <= kNow, qPrintable(what));
                (o.deliveredAt >= kNow.addDays(-7) ? recentDelivered : olderDelivered)++;
            } else if (o.status == QLatin1String("delayed")) {
                QVERIFY2(!o.delayReason.isEmpty(), qPrintable(what));
                QVERIFY2(!o.deliveredAt.isValid(), qPrintable(what));
                if (o.estimatedDelivery < kNow.addDays(-7))
                    ++longOverdue;
                else if (o.estimatedDelivery > kNow)
                    ++revisedDelay;
            }
        }
        QCOMPARE(carriersSeen, QSet<QString>(carriers().cbegin(), carriers().cend()));
        QVERIFY(pendingIndianCod >= 5);
        QVERIFY(recentDelivered >= 10);
        QVERIFY(olderDelivered >= 10);
        QVERIFY(longOverdue >= 2);
        QVERIFY(revisedDelay >= 2);

        QSet<QString> phones;
        int indian = 0, us = 0, hindi = 0;
        for (const Customer &c : d.customers) {
            QVERIFY2(!phones.contains(c.phone), qPrintable(c.phone));
            phones.insert(c.phone);
            if (c.country == QLatin1String("IN")) {
                ++indian;
                QVERIFY2(QRegularExpression(QStringLiteral("^\\+91[6-9]\\d{9}$")).match(c.phone).hasMatch(), qPrintable(c.phone));
                QCOMPARE(c.timezone, QStringLiteral("Asia/Kolkata"));
                hindi += c.preferredLanguage == QLatin1String("hi-IN");
            } else {
                ++us;
                QCOMPARE(c.country, QStringLiteral("US"));
                QVERIFY2(QRegularExpression(QStringLiteral("^\\+1\\d{3}55501\\d{2}$")).match(c.phone).hasMatch(), qPrintable(c.phone));
                QVERIFY(QStringList({ QStringLiteral("America/New_York"), QStringLiteral("America/Chicago"),
                                      QStringLiteral("America/Los_Angeles") }).contains(c.timezone));
            }
        }
        QVERIFY(indian >= 100 && us >= 40 && hindi >= 10);

        QSet<QString> cartStatuses;
        qint64 smallest = std::numeric_limits<qint64>::max(), largest = 0;
        for (const Cart &c : d.carts) {
            cartStatuses.insert(c.status);
            if (c.status == QLatin1String("abandoned")) {
                QVERIFY2(c.abandonedAt <= kNow && c.abandonedAt >= kNow.addDays(-7), qPrintable(c.id));
                if (c.currency == QLatin1String("INR")) {
                    smallest = qMin(smallest, c.totalMinor);
                    largest = qMax(largest, c.totalMinor);
                }
            }
            QCOMPARE(c.abandonedAt.isValid(), c.status != QLatin1String("active"));
        }
        QVERIFY(cartStatuses.size() >= 4);
        QVERIFY(smallest < 99900 && largest > 2000000); // under free shipping … a laptop

        bool percent = false, amount = false, minimum = false, category = false, expired = false, neverExpires = false;
        for (const Offer &o : d.offers) {
            percent |= o.percentOff > 0;
            amount |= o.amountOffMinor > 0;
            minimum |= o.minCartTotalMinor > 0;
            category |= !o.category.isEmpty();
            expired |= o.expiresAt.isValid() && o.expiresAt < kNow;
            neverExpires |= !o.expiresAt.isValid();
        }
        QVERIFY(percent && amount && minimum && category && expired && neverExpires);

        QSet<QString> returnStatuses;
        for (const ReturnRequest &r : d.returns) {
            returnStatuses.insert(r.status);
            QVERIFY2(r.createdAt <= kNow, qPrintable(r.id));
            const auto order = std::find_if(d.orders.begin(), d.orders.end(), [&](const Order &o) { return o.id == r.orderId; });
            QVERIFY2(order != d.orders.end(), qPrintable(r.id));
            QVERIFY2(order->deliveredAt.isValid() && order->deliveredAt < r.createdAt, qPrintable(r.id));
            if (r.status == QLatin1String("pickup_scheduled"))
                QVERIFY2(r.pickupDate > localDate(kNow, customerOf(d, order->customerId).timezone), qPrintable(r.id));
        }
        QVERIFY2(returnStatuses.size() >= 4, qPrintable(QStringList(returnStatuses.cbegin(), returnStatuses.cend()).join(QLatin1Char(','))));
    }

    // The showcase promises of docs/demo-store.md, read back through the store as a tool would.
    void showcaseKeepsItsPromises()
    {
        QTemporaryDir dir;
        auto db = openDatabase(dir);
        QVERIFY(FixtureImporter(*db).importData(generateDemoStore(99, kNow)).ok);
        SqlStore store(*db);
        using namespace showcase;

        QCOMPARE(store.setting(QStringLiteral("storeName")), QStringLiteral("Kiran Stores"));
        QCOMPARE(store.setting(QStringLiteral("freeShippingThreshold")), QStringLiteral("99900"));

        const auto shipped = store.ordersByPhone(QStringLiteral("98123 45678"));
        QCOMPARE(shipped.size(), std::size_t(1));
        QCOMPARE(shipped[0].id, kShippedOrder);
        QCOMPARE(shipped[0].status, QStringLiteral("shipped"));
        QCOMPARE(shipped[0].carrier, QStringLiteral("bluedart"));
        QVERIFY(shipped[0].estimatedDelivery > kNow);
        QCOMPARE(localDate(shipped[0].shippedAt, QStringLiteral("Asia/Kolkata")), kNow.toTimeZone(QTimeZone("Asia/Kolkata")).date().addDays(-1));

        const auto three = store.ordersByPhone(kThreeOrderPhone);
        QCOMPARE(three.size(), std::size_t(3));
        QCOMPARE(three[0].id, kOutForDeliveryOrder); // newest first
        QCOMPARE(three[0].status, QStringLiteral("out_for_delivery"));
        QVERIFY(three[0].estimatedDelivery > kNow);

        const auto recent = store.orderById(kDeliveredRecentOrder);
        QCOMPARE(recent->status, QStringLiteral("delivered"));
        QCOMPARE(recent->deliveredAt, kNow.addDays(-2));
        const auto old = store.orderById(kDeliveredOldOrder);
        QCOMPARE(old->status, QStringLiteral("delivered"));
        QCOMPARE(old->deliveredAt, kNow.addDays(-20));
        QCOMPARE(store.setting(QStringLiteral("returnWindowDays")), QStringLiteral("7"));

        const auto processing = store.orderById(kProcessingOrder);
        QCOMPARE(processing->status, QStringLiteral("processing"));
        QVERIFY(processing->carrier.isEmpty());

        const auto delayed = store.orderById(kDelayedOrder);
        QCOMPARE(delayed->status, QStringLiteral("delayed"));
        QVERIFY(!delayed->delayReason.isEmpty());
        QVERIFY(delayed->estimatedDelivery > kNow);
        const auto overdue = store.orderById(kLongDelayedOrder);
        QCOMPARE(overdue->status, QStringLiteral("delayed"));
        QVERIFY(overdue->estimatedDelivery < kNow.addDays(-7));

        const auto hindi = store.customerByPhone(QStringLiteral("09935012345"));
        QCOMPARE(hindi->id, kHindiCodCustomer);
        QCOMPARE(hindi->preferredLanguage, QStringLiteral("hi-IN"));
        QVERIFY(hindi->phone.startsWith(QLatin1String("+91")));
        const auto cod = store.orderById(kPendingCodOrder);
        QCOMPARE(cod->customerId, kHindiCodCustomer);
        QCOMPARE(cod->paymentMethod, QStringLiteral("cod"));
        QCOMPARE(cod->codConfirmation, QStringLiteral("pending"));

        const auto emily = store.customerByPhone(QStringLiteral("(312) 555-0147"));
        QCOMPARE(emily->id, kUsCustomer);
        QCOMPARE(emily->country, QStringLiteral("US"));
        const auto us = store.orderById(kUsShippedOrder);
        QCOMPARE(us->status, QStringLiteral("shipped"));
        QCOMPARE(us->currency, QStringLiteral("USD"));
        QCOMPARE(us->carrier, QStringLiteral("fedex"));

        const auto big = store.abandonedCartForCustomer(kHighValueCartCustomer);
        QCOMPARE(big->id, kHighValueCart);
        QVERIFY(big->totalMinor >= 5000000);
        QCOMPARE(big->abandonedAt, kNow.addSecs(-2 * 3600));
        const auto near = store.abandonedCartForCustomer(kNearThresholdCartCustomer);
        QCOMPARE(near->id, kNearThresholdCart);
        QVERIFY(near->totalMinor < 99900 && near->totalMinor >= 80000);

        const auto pickup = store.returnById(kPickupReturn);
        QCOMPARE(pickup->orderId, kReturnOrder);
        QCOMPARE(pickup->status, QStringLiteral("pickup_scheduled"));
        QCOMPARE(pickup->pickupDate, kNow.toTimeZone(QTimeZone("Asia/Kolkata")).date().addDays(1));
        QCOMPARE(pickup->timeSlot, QStringLiteral("morning"));

        QVERIFY(store.offerByCode(QStringLiteral("DIWALI20"))->expiresAt < kNow);
        QCOMPARE(store.offerByCode(QStringLiteral("FLAT500"))->minCartTotalMinor, qint64(500000));
        QCOMPARE(store.offerByCode(QStringLiteral("SHOES15"))->category, QStringLiteral("footwear"));
    }
};

QTEST_GUILESS_MAIN(TestDemoStore)
#include "tst_demostore.moc"
