#pragma once

#include "demorandom.h"
#include "storedata.h"

#include <QHash>
#include <QSet>
#include <QTimeZone>

namespace ringside::commerce::demo {

// Where a demo customer lives: enough to write addresses and courier stops.
struct Place {
    QString city;
    QString state;
    QString stateCode; // US only
    QString postal;
    QString hub;       // courier hub serving the city
    QString country;   // IN | US
};

// What an order went through; DemoBuilder::addOrder turns it into a consistent record.
struct OrderPlan {
    QString status;
    QDateTime created;
    QDateTime shipped;   // invalid = not shipped yet
    QDateTime estimated;
    QDateTime delivered;
    QString carrier;     // empty = the next carrier for the customer's country (if shipped)
    QString payment;     // empty = drawn for the country
    QString cod;         // cod_confirmation when payment is cod
    QString delayReason;
    std::vector<LineItem> items; // empty = 1–3 random products
};

// The shared toolkit of the demo generator and its showcase: customers with places and unique
// phones, orders whose tracking numbers, events and times agree with their status, carts, returns.
// All times are whole minutes relative to `now`; all randomness comes from one seeded DemoRandom.
// The add* functions store the record and return a copy of it.
class DemoBuilder
{
public:
    DemoBuilder(quint64 seed, const QDateTime &now);

    DemoRandom &random() { return m_random; }
    StoreData &data() { return m_data; }
    QDateTime now() const { return m_now; }
    QDateTime minutesAgo(qint64 minutes) const { return m_now.addSecs(-60 * minutes); }
    QDateTime daysAgo(int days, int extraMinutes = 0) const { return minutesAgo(qint64(days) * 1440 + extraMinutes); }
    // Today (in the customer's zone) at hh:mm, as UTC; `dayOffset` days later or earlier.
    QDateTime localDay(const Customer &c, int dayOffset, int hour, int minute = 0) const;

    // A customer; empty arguments are drawn at random. `phone` must be E.164 when given.
    Customer addIndianCustomer(const QString &id, const QString &name = {}, const QString &city = {},
                                const QString &phone = {}, const QString &language = {});
    Customer addUsCustomer(const QString &id, const QString &name = {}, const QString &city = {},
                            const QString &phone = {});
    Customer addBusiness(const QString &id, bool indian);

    LineItem product(const Customer &c, const char *sku, int quantity = 1) const;
    std::vector<LineItem> randomItems(const Customer &c, int count);
    QString address(const Customer &c);
    QString nextCarrier(const Customer &c);
    QString trackingNumber(const QString &carrier);

    Order addOrder(const QString &id, const Customer &c, OrderPlan plan);
    Cart addCart(const QString &id, const Customer &c, const QString &status, const QDateTime &abandonedAt,
                  std::vector<LineItem> items);
    ReturnRequest addReturn(const QString &id, const Order &order, const QString &status, const QDateTime &created,
                             const QString &reason);

private:
    Customer addCustomer(Customer c, Place place);
    QString uniquePhone(const QString &country, const QString &areaCode);
    std::vector<TrackingEvent> eventsFor(const Order &o, const Place &place);

    DemoRandom m_random;
    QDateTime m_now;
    StoreData m_data;
    QHash<QString, Place> m_places;
    QHash<QString, QTimeZone> m_zones;
    QSet<QString> m_phones;
    QSet<QString> m_trackingNumbers;
    int m_indianCarrierTurn = 0;
    int m_usCarrierTurn = 0;
};

} // namespace ringside::commerce::demo
