#include "fixtureexporter.h"

#include "money.h"
#include "storereader.h"
#include "storesettings.h"

#include "storage/database.h"

#include <QHash>
#include <QTimeZone>

#include <cmath>

namespace ringside::commerce {

namespace {
using ojson = nlohmann::ordered_json;

// nlohmann prints 1499.00 as 1499.0; amounts are carried to the writer as this one-key marker
// object instead, and printed as the exact decimal text.
const char *const kMoneyMarker = "$money";

ojson money(qint64 minor, const QString &currency)
{
    return ojson::object({ { kMoneyMarker, minorToDecimalText(minor, currency).toStdString() } });
}

ojson textOrNull(const QString &s)
{
    return s.isEmpty() ? ojson(nullptr) : ojson(s.toStdString());
}

ojson dateOrJsonNull(const QDate &d)
{
    return d.isValid() ? ojson(d.toString(Qt::ISODate).toStdString()) : ojson(nullptr);
}

// An instant as local time in `zone` with its offset, milliseconds only when there are some.
ojson instant(const QDateTime &utc, const QTimeZone &zone)
{
    if (!utc.isValid())
        return nullptr;
    const QDateTime local = utc.toTimeZone(zone);
    const QDateTime fixed = local.toOffsetFromUtc(local.offsetFromUtc());
    return fixed.toString(fixed.time().msec() ? Qt::ISODateWithMs : Qt::ISODate).toStdString();
}

ojson number(double d)
{
    // Whole percentages print as integers ("10"), fractions as written ("12.5").
    if (std::trunc(d) == d && std::fabs(d) < 1e15)
        return ojson(qint64(d));
    return ojson(d);
}

ojson lineItems(const std::vector<LineItem> &items, const QString &currency)
{
    ojson out = ojson::array();
    for (const LineItem &i : items) {
        out.push_back({ { "sku", i.sku.toStdString() },
                        { "name", i.name.toStdString() },
                        { "quantity", i.quantity },
                        { "price", money(i.priceMinor, currency) },
                        { "category", i.category.toStdString() } });
    }
    return out;
}

ojson settingsJson(const QMap<QString, QString> &settings)
{
    ojson out = ojson::object();
    for (const QString &key : settingKeys()) {
        if (key == kFreeShippingKey) {
            ojson thresholds = ojson::object();
            for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
                if (it.key().startsWith(kFreeShippingKey + QLatin1Char('.'))) {
                    const QString currency = it.key().mid(kFreeShippingKey.size() + 1);
                    thresholds[currency.toStdString()] = money(it.value().toLongLong(), currency);
                }
            }
            if (!thresholds.empty())
                out[key.toStdString()] = thresholds;
        } else if (settings.contains(key)) {
            if (key == QLatin1String("returnWindowDays"))
                out[key.toStdString()] = settings.value(key).toInt();
            else
                out[key.toStdString()] = settings.value(key).toStdString();
        }
    }
    return out;
}

void write(const ojson &v, int indent, std::string &out)
{
    const std::string pad(std::size_t(indent + 2), ' ');
    const std::string closePad(std::size_t(indent), ' ');
    if (v.is_object() && v.size() == 1 && v.contains(kMoneyMarker)) {
        out += v[kMoneyMarker].get<std::string>();
    } else if (v.is_object()) {
        if (v.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool firstItem = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (!firstItem)
                out += ",\n";
            firstItem = false;
            out += pad + ojson(it.key()).dump() + ": ";
            write(it.value(), indent + 2, out);
        }
        out += "\n" + closePad + "}";
    } else if (v.is_array()) {
        if (v.empty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i)
                out += ",\n";
            out += pad;
            write(v[i], indent + 2, out);
        }
        out += "\n" + closePad + "]";
    } else {
        out += v.dump(-1, ' ', false, ojson::error_handler_t::replace);
    }
}
} // namespace

QByteArray fixtureText(const StoreData &data)
{
    QHash<QString, QTimeZone> zones; // customer id → zone
    for (const Customer &c : data.customers)
        zones.insert(c.id, QTimeZone(c.timezone.toUtf8()));
    const QTimeZone storeZone(data.settings.value(QStringLiteral("timezone"), QStringLiteral("UTC")).toUtf8());
    const auto zoneOf = [&](const QString &customerId) {
        const QTimeZone z = zones.value(customerId);
        return z.isValid() ? z : QTimeZone(QTimeZone::utc());
    };
    QHash<QString, QString> orderCustomer;
    for (const Order &o : data.orders)
        orderCustomer.insert(o.id, o.customerId);

    ojson root = ojson::object();
    root["settings"] = settingsJson(data.settings);

    ojson customers = ojson::array();
    for (const Customer &c : data.customers) {
        customers.push_back({ { "id", c.id.toStdString() },
                              { "name", c.name.toStdString() },
                              { "phone", c.phone.toStdString() },
                              { "email", c.email.toStdString() },
                              { "state", c.state.toStdString() },
                              { "country", c.country.toStdString() },
                              { "timezone", c.timezone.toStdString() },
                              { "preferred_language", c.preferredLanguage.toStdString() },
                              { "type", c.type.toStdString() } });
    }
    root["customers"] = customers;

    ojson orders = ojson::array();
    for (const Order &o : data.orders) {
        const QTimeZone zone = zoneOf(o.customerId);
        ojson j = { { "id", o.id.toStdString() },
                    { "customer_id", o.customerId.toStdString() },
                    { "status", o.status.toStdString() },
                    { "payment_method", o.paymentMethod.toStdString() },
                    { "cod_confirmation", o.codConfirmation.toStdString() },
                    { "total", money(o.totalMinor, o.currency) },
                    { "currency", o.currency.toStdString() },
                    { "created_at", instant(o.createdAt, zone) },
                    { "delivery_address", o.deliveryAddress.toStdString() },
                    { "items", lineItems(o.items, o.currency) },
                    { "carrier", o.carrier.toStdString() },
                    { "tracking_number", o.trackingNumber.toStdString() },
                    { "shipped_at", instant(o.shippedAt, zone) },
                    { "estimated_delivery", instant(o.estimatedDelivery, zone) },
                    { "delivered_at", instant(o.deliveredAt, zone) },
                    { "delay_reason", textOrNull(o.delayReason) } };
        if (o.deliveryDate.isValid())
            j["delivery_date"] = dateOrJsonNull(o.deliveryDate);
        if (!o.deliverySlot.isEmpty())
            j["delivery_slot"] = o.deliverySlot.toStdString();
        ojson events = ojson::array();
        for (const TrackingEvent &e : o.trackingEvents) {
            events.push_back({ { "at", instant(e.at, zone) },
                               { "status", e.status.toStdString() },
                               { "location", e.location.toStdString() } });
        }
        j["tracking_events"] = events;
        orders.push_back(std::move(j));
    }
    root["orders"] = orders;

    ojson carts = ojson::array();
    for (const Cart &c : data.carts) {
        ojson j = { { "id", c.id.toStdString() },
                    { "customer_id", c.customerId.toStdString() },
                    { "status", c.status.toStdString() },
                    { "abandoned_at", instant(c.abandonedAt, zoneOf(c.customerId)) },
                    { "total", money(c.totalMinor, c.currency) },
                    { "currency", c.currency.toStdString() } };
        if (!c.discountCode.isEmpty())
            j["discount_code"] = c.discountCode.toStdString();
        if (c.recoveryAttempts > 0)
            j["recovery_attempts"] = c.recoveryAttempts;
        j["items"] = lineItems(c.items, c.currency);
        carts.push_back(std::move(j));
    }
    root["carts"] = carts;

    ojson offers = ojson::array();
    for (const Offer &o : data.offers) {
        ojson j = { { "code", o.code.toStdString() },
                    { "description", o.description.toStdString() },
                    { "percent_off", number(o.percentOff) },
                    { "amount_off", money(o.amountOffMinor, o.currency) } };
        if (!o.currency.isEmpty())
            j["currency"] = o.currency.toStdString();
        j["min_cart_total"] = money(o.minCartTotalMinor, o.currency);
        j["category"] = o.category.toStdString();
        j["expires_at"] = instant(o.expiresAt, storeZone.isValid() ? storeZone : QTimeZone(QTimeZone::utc()));
        offers.push_back(std::move(j));
    }
    root["offers"] = offers;

    ojson returns = ojson::array();
    for (const ReturnRequest &r : data.returns) {
        ojson items = ojson::array();
        for (const ReturnItem &i : r.items)
            items.push_back({ { "sku", i.sku.toStdString() }, { "quantity", i.quantity }, { "reason", i.reason.toStdString() } });
        ojson j = { { "id", r.id.toStdString() },
                    { "order_id", r.orderId.toStdString() },
                    { "status", r.status.toStdString() },
                    { "created_at", instant(r.createdAt, zoneOf(orderCustomer.value(r.orderId))) },
                    { "items", items },
                    { "refund_method", r.refundMethod.toStdString() },
                    { "pickup_date", dateOrJsonNull(r.pickupDate) },
                    { "time_slot", textOrNull(r.timeSlot) } };
        if (!r.pickupAddress.isEmpty())
            j["pickup_address"] = r.pickupAddress.toStdString();
        returns.push_back(std::move(j));
    }
    root["returns"] = returns;

    std::string out;
    write(root, 0, out);
    out += '\n';
    return QByteArray::fromStdString(out);
}

QByteArray exportFixture(Database &database)
{
    StoreData data = StoreReader(database.connection()).readAll();
    const QMap<QString, QString> defaults = defaultSettings();
    for (auto it = defaults.cbegin(); it != defaults.cend(); ++it) {
        if (!data.settings.contains(it.key()))
            data.settings.insert(it.key(), it.value());
    }
    return fixtureText(data);
}

} // namespace ringside::commerce
