#include "demobuilder.h"

#include "democatalog.h"

#include <algorithm>
#include <cstring>

namespace ringside::commerce::demo {

namespace {
template <typename T>
const T &pickFrom(DemoRandom &r, const T *items, std::size_t count)
{
    return items[r.below(int(count))];
}

QString latin(const char *s)
{
    return QString::fromLatin1(s);
}

const char *const kIndianCarriers[] = { "bluedart", "delhivery", "ecom_express" };
const char *const kUsCarriers[] = { "fedex", "ups", "dhl" };
} // namespace

DemoBuilder::DemoBuilder(quint64 seed, const QDateTime &now)
    : m_random(seed)
{
    // Whole minutes keep generated times readable and independent of when in the minute `now` fell.
    const QDateTime utc = now.toUTC();
    m_now = QDateTime(utc.date(), QTime(utc.time().hour(), utc.time().minute()), Qt::UTC);
}

QDateTime DemoBuilder::localDay(const Customer &c, int dayOffset, int hour, int minute) const
{
    const QTimeZone zone = m_zones.value(c.id, QTimeZone(QTimeZone::utc()));
    const QDate today = m_now.toTimeZone(zone).date();
    return QDateTime(today.addDays(dayOffset), QTime(hour, minute), zone).toUTC();
}

QString DemoBuilder::uniquePhone(const QString &country, const QString &areaCode)
{
    for (;;) {
        const QString phone = country == QLatin1String("IN")
                ? QString(QStringLiteral("+91") + QChar(u'6' + m_random.below(4)) + m_random.digits(9))
                : QString(QStringLiteral("+1") + areaCode + QStringLiteral("55501") + m_random.digits(2));
        if (!m_phones.contains(phone)) {
            m_phones.insert(phone);
            return phone;
        }
    }
}

Customer DemoBuilder::addCustomer(Customer c, Place place)
{
    m_phones.insert(c.phone);
    m_zones.insert(c.id, QTimeZone(c.timezone.toUtf8()));
    m_places.insert(c.id, std::move(place));
    m_data.customers.push_back(c);
    return c;
}

Customer DemoBuilder::addIndianCustomer(const QString &id, const QString &name, const QString &city,
                                        const QString &phone, const QString &language)
{
    const IndianCity *where = &pickFrom(m_random, kIndianCities, kIndianCityCount);
    for (std::size_t i = 0; i < kIndianCityCount && !city.isEmpty(); ++i) {
        if (city == latin(kIndianCities[i].city))
            where = &kIndianCities[i];
    }
    Customer c;
    c.id = id;
    c.name = !name.isEmpty() ? name
                             : latin(pickFrom(m_random, kIndianFirstNames, kIndianFirstNameCount)) + QLatin1Char(' ')
                    + latin(pickFrom(m_random, kIndianLastNames, kIndianLastNameCount));
    c.phone = phone.isEmpty() ? uniquePhone(QStringLiteral("IN"), {}) : phone;
    c.email = c.name.toLower().replace(QLatin1Char(' '), QLatin1Char('.')) + QString::number(m_random.between(1, 99))
            + QStringLiteral("@example.com");
    c.state = latin(where->state);
    c.country = QStringLiteral("IN");
    c.timezone = QStringLiteral("Asia/Kolkata");
    if (!language.isNull())
        c.preferredLanguage = language;
    else if (where->hindiBelt)
        c.preferredLanguage = m_random.chance(50) ? QStringLiteral("hi-IN") : QString();
    else
        c.preferredLanguage = m_random.chance(15) ? QStringLiteral("en-IN") : QString();
    const QString pin = latin(where->pinPrefix) + m_random.digits(3);
    return addCustomer(c, { latin(where->city), c.state, {}, pin, latin(where->hub), c.country });
}

Customer DemoBuilder::addUsCustomer(const QString &id, const QString &name, const QString &city, const QString &phone)
{
    const UsCity *where = &pickFrom(m_random, kUsCities, kUsCityCount);
    for (std::size_t i = 0; i < kUsCityCount && !city.isEmpty(); ++i) {
        if (city == latin(kUsCities[i].city))
            where = &kUsCities[i];
    }
    Customer c;
    c.id = id;
    c.name = !name.isEmpty() ? name
                             : latin(pickFrom(m_random, kUsFirstNames, kUsFirstNameCount)) + QLatin1Char(' ')
                    + latin(pickFrom(m_random, kUsLastNames, kUsLastNameCount));
    c.phone = phone.isEmpty() ? uniquePhone(QStringLiteral("US"), latin(where->areaCode)) : phone;
    c.email = c.name.toLower().replace(QLatin1Char(' '), QLatin1Char('.')) + QString::number(m_random.between(1, 99))
            + QStringLiteral("@example.com");
    c.state = latin(where->state);
    c.country = QStringLiteral("US");
    c.timezone = latin(where->timezone);
    const int language = m_random.below(100);
    c.preferredLanguage = language < 70 ? QStringLiteral("en-US") : language < 80 ? QStringLiteral("es-US") : QString();
    return addCustomer(c, { latin(where->city), c.state, latin(where->code), latin(where->zip), {}, c.country });
}

Customer DemoBuilder::addBusiness(const QString &id, bool indian)
{
    const QString name = indian ? latin(pickFrom(m_random, kIndianBusinesses, kIndianBusinessCount))
                                : latin(pickFrom(m_random, kUsBusinesses, kUsBusinessCount));
    Customer c = indian ? addIndianCustomer(id, name, {}, {}, QString(QLatin1String(""))) : addUsCustomer(id, name);
    // Business customers order for an office: a role address, not a person's.
    Customer &stored = m_data.customers.back();
    stored.type = QStringLiteral("business");
    QString slug = name.toLower();
    slug.remove(QLatin1Char('.'));
    slug.replace(QLatin1Char(' '), QLatin1Char('-'));
    stored.email = QStringLiteral("orders@") + slug + QStringLiteral(".example");
    return stored;
}

LineItem DemoBuilder::product(const Customer &c, const char *sku, int quantity) const
{
    for (std::size_t i = 0; i < kProductCount; ++i) {
        const Product &p = kProducts[i];
        if (std::strcmp(p.sku, sku) == 0) {
            const qint64 price = c.country == QLatin1String("IN") ? qint64(p.priceInr) * 100 : qint64(p.priceUsdCents);
            return { latin(p.sku), latin(p.name), quantity, price, latin(p.category) };
        }
    }
    qFatal("demo catalogue has no product %s", sku);
}

std::vector<LineItem> DemoBuilder::randomItems(const Customer &c, int count)
{
    std::vector<LineItem> items;
    while (int(items.size()) < count) {
        const Product &p = pickFrom(m_random, kProducts, kProductCount);
        const bool taken = std::any_of(items.begin(), items.end(),
                                       [&](const LineItem &i) { return i.sku == latin(p.sku); });
        if (!taken)
            items.push_back(product(c, p.sku, p.priceInr < 1000 && m_random.chance(25) ? 2 : 1));
    }
    return items;
}

QString DemoBuilder::address(const Customer &c)
{
    const Place &p = m_places[c.id];
    if (p.country == QLatin1String("IN")) {
        return QStringLiteral("%1 %2, %3 %4").arg(m_random.between(1, 220))
                .arg(latin(pickFrom(m_random, kIndianStreets, kIndianStreetCount)), p.city, p.postal);
    }
    return QStringLiteral("%1 %2, %3, %4 %5").arg(m_random.between(10, 9800))
            .arg(latin(pickFrom(m_random, kUsStreets, kUsStreetCount)), p.city, p.stateCode, p.postal);
}

QString DemoBuilder::nextCarrier(const Customer &c)
{
    // Round-robin rather than random, so every carrier is present in even a small store.
    if (c.country == QLatin1String("IN"))
        return latin(kIndianCarriers[m_indianCarrierTurn++ % 3]);
    return latin(kUsCarriers[m_usCarrierTurn++ % 3]);
}

QString DemoBuilder::trackingNumber(const QString &carrier)
{
    for (;;) {
        QString n;
        if (carrier == QLatin1String("bluedart"))
            n = QStringLiteral("BD") + m_random.digits(9, true) + QStringLiteral("IN");
        else if (carrier == QLatin1String("delhivery"))
            n = m_random.digits(13, true);
        else if (carrier == QLatin1String("ecom_express"))
            n = QStringLiteral("EE") + m_random.digits(10, true);
        else if (carrier == QLatin1String("fedex"))
            n = m_random.digits(12, true);
        else if (carrier == QLatin1String("ups")) {
            static const char alnum[] = "0123456789ABCDEFGHJKLMNPRSTUVWXY";
            n = QStringLiteral("1Z");
            for (int i = 0; i < 6; ++i)
                n += QLatin1Char(alnum[m_random.below(int(sizeof(alnum) - 1))]);
            n += (m_random.chance(50) ? QStringLiteral("03") : QStringLiteral("01")) + m_random.digits(8);
        } else {
            n = m_random.digits(10, true); // dhl
        }
        if (!m_trackingNumbers.contains(n)) {
            m_trackingNumbers.insert(n);
            return n;
        }
    }
}

std::vector<TrackingEvent> DemoBuilder::eventsFor(const Order &o, const Place &place)
{
    std::vector<TrackingEvent> events;
    if (!o.shippedAt.isValid())
        return events;
    const bool indian = place.country == QLatin1String("IN");
    const QString origin = indian ? latin(pickFrom(m_random, kIndianWarehouses, kIndianWarehouseCount))
                                  : latin(pickFrom(m_random, kUsHubs, kUsHubCount));
    const QString via = indian ? latin(pickFrom(m_random, kIndianCities, kIndianCityCount).hub)
                               : latin(pickFrom(m_random, kUsHubs, kUsHubCount));
    const QString hub = indian ? place.hub : QStringLiteral("%1, %2").arg(place.city, place.stateCode);
    const auto plus = [](const QDateTime &t, int minutes) { return t.addSecs(60 * qint64(minutes)); };
    // Delivery vans leave in the local morning, 07:30 to 09:30.
    const QTimeZone zone = m_zones.value(o.customerId, QTimeZone(QTimeZone::utc()));
    const auto morningOf = [&](const QDateTime &t) {
        return QDateTime(t.toTimeZone(zone).date(), QTime(7, 30), zone).addSecs(60 * qint64(m_random.between(0, 120))).toUTC();
    };

    events.push_back({ o.shippedAt, QStringLiteral("picked_up"), origin });
    events.push_back({ plus(o.shippedAt, m_random.between(240, 600)), QStringLiteral("in_transit"), via });
    const QString &s = o.status;
    if (s == QLatin1String("delivered") || s == QLatin1String("returned")) {
        QDateTime ofd = morningOf(o.deliveredAt);
        if (ofd > plus(o.deliveredAt, -30))
            ofd = plus(o.deliveredAt, -m_random.between(45, 90));
        events.push_back({ plus(ofd, -m_random.between(480, 900)), QStringLiteral("arrived_at_hub"), hub });
        events.push_back({ ofd, QStringLiteral("out_for_delivery"), place.city });
        events.push_back({ o.deliveredAt, QStringLiteral("delivered"), place.city });
        if (s == QLatin1String("returned"))
            events.push_back({ plus(o.deliveredAt, m_random.between(3, 8) * 1440), QStringLiteral("returned"), origin });
    } else if (s == QLatin1String("out_for_delivery")) {
        QDateTime ofd = morningOf(m_now);
        if (ofd > plus(m_now, -15))
            ofd = plus(m_now, -m_random.between(15, 60));
        events.push_back({ plus(ofd, -m_random.between(480, 900)), QStringLiteral("arrived_at_hub"), hub });
        events.push_back({ ofd, QStringLiteral("out_for_delivery"), place.city });
    } else if (s == QLatin1String("delayed")) {
        const QDateTime arrived = plus(o.shippedAt, m_random.between(1440, 2880));
        events.push_back({ arrived, QStringLiteral("arrived_at_hub"), hub });
        events.push_back({ plus(arrived, m_random.between(360, 1440)), QStringLiteral("delayed"), hub });
    } else {
        events.push_back({ plus(o.shippedAt, m_random.between(1200, 2400)), QStringLiteral("arrived_at_hub"), hub });
    }
    // Nothing has happened after `now`; later stops of a parcel still on its way are dropped.
    events.erase(std::remove_if(events.begin(), events.end(), [&](const TrackingEvent &e) { return e.at > m_now; }),
                 events.end());
    std::stable_sort(events.begin(), events.end(), [](const TrackingEvent &a, const TrackingEvent &b) { return a.at < b.at; });
    return events;
}

Order DemoBuilder::addOrder(const QString &id, const Customer &c, OrderPlan plan)
{
    const bool indian = c.country == QLatin1String("IN");
    Order o;
    o.id = id;
    o.customerId = c.id;
    o.status = plan.status;
    o.createdAt = plan.created;
    o.currency = indian ? QStringLiteral("INR") : QStringLiteral("USD");
    o.items = plan.items.empty() ? randomItems(c, m_random.between(1, 3)) : std::move(plan.items);
    for (const LineItem &i : o.items)
        o.totalMinor += i.priceMinor * i.quantity;
    o.paymentMethod = plan.payment;
    if (o.paymentMethod.isEmpty()) {
        const int r = m_random.below(100);
        // COD is common in India; among orders still being processed it is most of them.
        const int cod = o.status == QLatin1String("processing") ? 60 : 45;
        o.paymentMethod = indian ? (r < cod ? QStringLiteral("cod") : r < cod + 30 ? QStringLiteral("upi") : r < cod + 42
                                                    ? QStringLiteral("card") : r < cod + 48 ? QStringLiteral("netbanking")
                                                                                       : QStringLiteral("wallet"))
                                 : (r < 80 ? QStringLiteral("card") : r < 95 ? QStringLiteral("wallet")
                                                                             : QStringLiteral("prepaid"));
    }
    // An order waiting for its payment cannot be cash on delivery.
    if (o.status == QLatin1String("pending_payment") && o.paymentMethod == QLatin1String("cod"))
        o.paymentMethod = QStringLiteral("upi");
    if (o.paymentMethod == QLatin1String("cod")) {
        o.codConfirmation = plan.cod;
        if (o.codConfirmation.isEmpty()) {
            if (o.status == QLatin1String("processing"))
                o.codConfirmation = m_random.chance(70) ? QStringLiteral("pending") : QStringLiteral("confirmed");
            else if (o.status == QLatin1String("on_hold"))
                o.codConfirmation = QStringLiteral("unconfirmed");
            else if (o.status == QLatin1String("cancelled"))
                o.codConfirmation = m_random.chance(50) ? QStringLiteral("declined") : QStringLiteral("confirmed");
            else
                o.codConfirmation = QStringLiteral("confirmed");
        }
    }
    o.deliveryAddress = address(c);
    if (plan.shipped.isValid()) {
        o.carrier = plan.carrier.isEmpty() ? nextCarrier(c) : plan.carrier;
        o.trackingNumber = trackingNumber(o.carrier);
    }
    o.shippedAt = plan.shipped;
    o.estimatedDelivery = plan.estimated;
    o.deliveredAt = plan.delivered;
    o.delayReason = plan.delayReason;
    o.trackingEvents = eventsFor(o, m_places[c.id]);
    m_data.orders.push_back(o);
    return o;
}

Cart DemoBuilder::addCart(const QString &id, const Customer &c, const QString &status, const QDateTime &abandonedAt,
                          std::vector<LineItem> items)
{
    Cart cart;
    cart.id = id;
    cart.customerId = c.id;
    cart.status = status;
    cart.abandonedAt = abandonedAt;
    cart.currency = c.country == QLatin1String("IN") ? QStringLiteral("INR") : QStringLiteral("USD");
    cart.items = std::move(items);
    for (const LineItem &i : cart.items)
        cart.totalMinor += i.priceMinor * i.quantity;
    if (status == QLatin1String("abandoned"))
        cart.recoveryAttempts = m_random.below(3);
    else if (status == QLatin1String("recovered"))
        cart.recoveryAttempts = 1;
    m_data.carts.push_back(cart);
    return cart;
}

ReturnRequest DemoBuilder::addReturn(const QString &id, const Order &order, const QString &status,
                                     const QDateTime &created, const QString &reason)
{
    ReturnRequest r;
    r.id = id;
    r.orderId = order.id;
    r.status = status;
    r.createdAt = created;
    r.items = { { order.items.front().sku, 1, reason } };
    // Cash cannot go back the way it came: COD refunds go to a bank account or store credit.
    if (order.paymentMethod == QLatin1String("cod"))
        r.refundMethod = m_random.chance(60) ? QStringLiteral("bank_transfer") : QStringLiteral("store_credit");
    else
        r.refundMethod = m_random.chance(80) ? QStringLiteral("original_payment") : QStringLiteral("store_credit");
    static const char *const slotNames[] = { "morning", "afternoon", "evening" };
    const QTimeZone zone = m_zones.value(order.customerId, QTimeZone(QTimeZone::utc()));
    if (status == QLatin1String("pickup_scheduled")) { // still ahead
        r.pickupDate = m_now.toTimeZone(zone).date().addDays(m_random.between(1, 2));
        r.timeSlot = latin(m_random.pick(slotNames));
    } else if (status != QLatin1String("requested") && status != QLatin1String("cancelled")) { // already collected
        r.pickupDate = created.toTimeZone(zone).date().addDays(1);
        r.timeSlot = latin(m_random.pick(slotNames));
    }
    m_data.returns.push_back(r);
    return r;
}

} // namespace ringside::commerce::demo
