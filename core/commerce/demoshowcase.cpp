#include "demoshowcase.h"

#include "demobuilder.h"
#include "storesettings.h"

#include <QTimeZone>

namespace ringside::commerce::showcase {

using demo::DemoBuilder;
using demo::OrderPlan;

namespace {
const QString kStoreZone = QStringLiteral("Asia/Kolkata");

// The end of the day `days` from today, in the store's zone: when offers expire.
QDateTime storeDayEnd(const DemoBuilder &b, int days)
{
    const QTimeZone zone(kStoreZone.toUtf8());
    return QDateTime(b.now().toTimeZone(zone).date().addDays(days), QTime(23, 59, 59), zone).toUTC();
}

void addSettings(DemoBuilder &b)
{
    QMap<QString, QString> &s = b.data().settings;
    s = defaultSettings();
    s.insert(QStringLiteral("storeName"), QStringLiteral("Kiran Stores"));
    s.insert(QStringLiteral("currency"), QStringLiteral("INR"));
    s.insert(QStringLiteral("timezone"), kStoreZone);
    s.insert(freeShippingKey(QStringLiteral("INR")), QStringLiteral("99900"));
    s.insert(freeShippingKey(QStringLiteral("USD")), QStringLiteral("5000"));
    s.insert(QStringLiteral("storeDomain"), QStringLiteral("shop.kiranstores.example"));
}

void addOffers(DemoBuilder &b)
{
    const QString inr = QStringLiteral("INR");
    auto &offers = b.data().offers;
    offers.push_back({ QStringLiteral("SAVE10"), QStringLiteral("10% off your order"), 10, 0, {}, 0, {},
                       storeDayEnd(b, 30) });
    offers.push_back({ QStringLiteral("FLAT500"), QStringLiteral("Rs 500 off orders of Rs 5,000 or more"), 0, 50000, inr,
                       500000, {}, storeDayEnd(b, 14) });
    offers.push_back({ QStringLiteral("SHOES15"), QStringLiteral("15% off footwear"), 15, 0, {}, 0,
                       QStringLiteral("footwear"), storeDayEnd(b, 21) });
    offers.push_back({ QStringLiteral("KURTA25"), QStringLiteral("25% off kurtas on orders of Rs 1,999 or more"), 25, 0,
                       inr, 199900, QStringLiteral("kurta"), storeDayEnd(b, 7) });
    offers.push_back({ QStringLiteral("WELCOME5"), QStringLiteral("$5 off orders of $40 or more"), 0, 500,
                       QStringLiteral("USD"), 4000, {}, QDateTime() });
    offers.push_back({ QStringLiteral("DIWALI20"), QStringLiteral("20% off for Diwali (ended)"), 20, 0, {}, 0, {},
                       storeDayEnd(b, -10) });
}
} // namespace

bool isShowcaseCustomer(const QString &customerId)
{
    // Every customer addShowcase() adds below.
    static const QStringList ids = { kShippedCustomer, kThreeOrderCustomer, QStringLiteral("C-0003"), QStringLiteral("C-0004"),
                                     QStringLiteral("C-0005"), kHindiCodCustomer, kUsCustomer, kHighValueCartCustomer,
                                     kNearThresholdCartCustomer, QStringLiteral("C-0009") };
    return ids.contains(customerId);
}

void addShowcase(DemoBuilder &b)
{
    addSettings(b);
    addOffers(b);

    // One shipped order, as in the seed's example call.
    const Customer priya = b.addIndianCustomer(kShippedCustomer, QStringLiteral("Priya Sharma"), QStringLiteral("Pune"),
                                               kShippedPhone, QString(QLatin1String("")));
    b.addOrder(kShippedOrder, priya,
               { QStringLiteral("shipped"), b.daysAgo(2, 180), b.daysAgo(1, 120), b.localDay(priya, 2, 18), {},
                 QStringLiteral("bluedart"), QStringLiteral("upi"), {}, {},
                 { b.product(priya, "SHOE-RUN-42") } });

    // Three orders on one phone: the caller must say which one.
    const Customer arjun = b.addIndianCustomer(kThreeOrderCustomer, QStringLiteral("Arjun Mehta"),
                                               QStringLiteral("Bengaluru"), kThreeOrderPhone, QStringLiteral("en-IN"));
    b.addOrder(kDeliveredRecentOrder, arjun,
               { QStringLiteral("delivered"), b.daysAgo(6), b.daysAgo(5, 60), b.localDay(arjun, -2, 18),
                 b.daysAgo(2), QStringLiteral("delhivery"), QStringLiteral("card"), {}, {},
                 { b.product(arjun, "SNEAKER-WHT-9") } });
    b.addOrder(kDeliveredOldOrder, arjun,
               { QStringLiteral("delivered"), b.daysAgo(25), b.daysAgo(24), b.localDay(arjun, -20, 18),
                 b.daysAgo(20), QStringLiteral("ecom_express"), QStringLiteral("upi"), {}, {},
                 { b.product(arjun, "EARBUDS-TWS") } });
    const QDateTime eveningToday = b.localDay(arjun, 0, 21);
    b.addOrder(kOutForDeliveryOrder, arjun,
               { QStringLiteral("out_for_delivery"), b.daysAgo(3), b.daysAgo(2),
                 eveningToday > b.now().addSecs(3600) ? eveningToday : b.now().addSecs(2 * 3600), {},
                 QStringLiteral("bluedart"), QStringLiteral("cod"), QStringLiteral("confirmed"), {},
                 { b.product(arjun, "MIXER-750W") } });

    const Customer sneha = b.addIndianCustomer(QStringLiteral("C-0003"), QStringLiteral("Sneha Iyer"),
                                               QStringLiteral("Chennai"), QStringLiteral("+919845012345"),
                                               QString(QLatin1String("")));
    b.addOrder(kProcessingOrder, sneha,
               { QStringLiteral("processing"), b.minutesAgo(180), {}, b.localDay(sneha, 4, 18), {}, {},
                 QStringLiteral("card"), {}, {}, { b.product(sneha, "SAREE-SILK") } });

    const Customer vikram = b.addIndianCustomer(QStringLiteral("C-0004"), QStringLiteral("Vikram Singh"),
                                                QStringLiteral("New Delhi"), QStringLiteral("+919811098765"),
                                                QStringLiteral("en-IN"));
    b.addOrder(kDelayedOrder, vikram,
               { QStringLiteral("delayed"), b.daysAgo(7), b.daysAgo(6), b.localDay(vikram, 2, 18), {},
                 QStringLiteral("delhivery"), QStringLiteral("card"), {},
                 QStringLiteral("Dense fog at the Delhi hub held outbound trucks"),
                 { b.product(vikram, "PHONE-5G-128") } });

    const Customer kavita = b.addIndianCustomer(QStringLiteral("C-0005"), QStringLiteral("Kavita Reddy"),
                                                QStringLiteral("Hyderabad"), QStringLiteral("+919900123456"),
                                                QString(QLatin1String("")));
    b.addOrder(kLongDelayedOrder, kavita,
               { QStringLiteral("delayed"), b.daysAgo(16), b.daysAgo(15), b.localDay(kavita, -9, 18), {},
                 QStringLiteral("ecom_express"), QStringLiteral("upi"), {},
                 QStringLiteral("Held at the sorting hub because of high festive volume"),
                 { b.product(kavita, "WATCH-SMART") } });

    // Hindi-speaking customer with a COD order to confirm.
    const Customer ramesh = b.addIndianCustomer(kHindiCodCustomer, QStringLiteral("Ramesh Yadav"),
                                                QStringLiteral("Lucknow"), kHindiCodPhone, QStringLiteral("hi-IN"));
    b.addOrder(kPendingCodOrder, ramesh,
               { QStringLiteral("processing"), b.minutesAgo(60), {}, b.localDay(ramesh, 3, 18), {}, {},
                 QStringLiteral("cod"), QStringLiteral("pending"), {},
                 { b.product(ramesh, "KURTA-LNN-L"), b.product(ramesh, "KAJAL-BLK") } });

    const Customer emily = b.addUsCustomer(kUsCustomer, QStringLiteral("Emily Johnson"), QStringLiteral("Chicago"),
                                           kUsPhone);
    b.addOrder(kUsShippedOrder, emily,
               { QStringLiteral("shipped"), b.daysAgo(3), b.daysAgo(2), b.localDay(emily, 2, 20), {},
                 QStringLiteral("fedex"), QStringLiteral("card"), {}, {},
                 { b.product(emily, "EARBUDS-TWS"), b.product(emily, "BACKPACK-25L") } });

    // Carts for the recovery agent: a price objection and a near miss on free shipping.
    const Customer ananya = b.addIndianCustomer(kHighValueCartCustomer, QStringLiteral("Ananya Gupta"),
                                                QStringLiteral("Mumbai"), QStringLiteral("+919820012345"),
                                                QString(QLatin1String("")));
    b.addCart(kHighValueCart, ananya, QStringLiteral("abandoned"), b.minutesAgo(120),
              { b.product(ananya, "LAPTOP-14-I5") });
    b.data().carts.back().recoveryAttempts = 0;
    const Customer rohan = b.addIndianCustomer(kNearThresholdCartCustomer, QStringLiteral("Rohan Das"),
                                               QStringLiteral("Kolkata"), QStringLiteral("+919830012345"),
                                               QString(QLatin1String("")));
    b.addCart(kNearThresholdCart, rohan, QStringLiteral("abandoned"), b.minutesAgo(300),
              { b.product(rohan, "TSHIRT-CTN-M"), b.product(rohan, "MUG-CER-2") });
    b.data().carts.back().recoveryAttempts = 0;

    // A return waiting for its pickup tomorrow morning.
    const Customer meera = b.addIndianCustomer(QStringLiteral("C-0009"), QStringLiteral("Meera Nair"),
                                               QStringLiteral("Kochi"), QStringLiteral("+919847012345"),
                                               QString(QLatin1String("")));
    const Order kurta = b.addOrder(kReturnOrder, meera,
                                   { QStringLiteral("delivered"), b.daysAgo(8), b.daysAgo(7), b.localDay(meera, -4, 18),
                                     b.daysAgo(4), QStringLiteral("delhivery"), QStringLiteral("card"), {}, {},
                                     { b.product(meera, "KURTA-CTN-M") } });
    b.addReturn(kPickupReturn, kurta, QStringLiteral("pickup_scheduled"), b.daysAgo(1), QStringLiteral("size_issue"));
    ReturnRequest &pickup = b.data().returns.back();
    pickup.refundMethod = QStringLiteral("original_payment");
    pickup.pickupDate = b.localDay(meera, 1, 9).toTimeZone(QTimeZone("Asia/Kolkata")).date();
    pickup.timeSlot = QStringLiteral("morning");
}

} // namespace ringside::commerce::showcase
