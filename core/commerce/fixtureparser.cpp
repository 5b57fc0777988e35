#include "fixtureparser.h"

#include "commerceenums.h"
#include "money.h"
#include "storesettings.h"

#include "util/phone.h"

#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>

namespace ringside::commerce {

namespace {
using Need = FixtureFields::Need;
constexpr auto Required = FixtureFields::Required;
constexpr auto Optional = FixtureFields::Optional;
constexpr int kMaxQuantity = 1'000'000;

QString at(const QString &section, std::size_t index)
{
    return QStringLiteral("%1[%2]").arg(section).arg(index);
}

// Calls `fn(element, path)` for each element of the array `section`, reporting non-objects.
template <typename Fn>
void eachObject(const json &array, const QString &section, FixtureDiagnostics &diag, Fn fn)
{
    for (std::size_t i = 0; i < array.size(); ++i) {
        const json &element = array[i];
        if (!element.is_object()) {
            diag.error(at(section, i), QStringLiteral("must be an object, not %1").arg(qs(element.type_name())));
            continue;
        }
        fn(element, at(section, i));
    }
}

// Remembers the first path of each id and reports later uses.
class IdRegistry
{
public:
    explicit IdRegistry(FixtureDiagnostics &diag) : m_diag(diag) {}
    void add(const QString &id, const QString &path)
    {
        if (id.isEmpty())
            return;
        const auto it = m_first.constFind(id);
        if (it != m_first.cend())
            m_diag.error(path, QStringLiteral("'%1' is used twice (first at %2)").arg(id, *it));
        else
            m_first.insert(id, path);
    }

private:
    FixtureDiagnostics &m_diag;
    QHash<QString, QString> m_first;
};

std::vector<LineItem> parseLineItems(const json &array, const QString &path, const QString &currency,
                                     FixtureDiagnostics &diag)
{
    std::vector<LineItem> items;
    eachObject(array, path, diag, [&](const json &obj, const QString &p) {
        FixtureFields f(obj, p, diag);
        LineItem item;
        item.sku = f.id("sku");
        item.name = f.text("name", Required);
        item.quantity = f.integer("quantity", 1, kMaxQuantity, 1, Required);
        item.priceMinor = f.money("price", currency, Required);
        item.category = f.text("category");
        f.finish();
        items.push_back(std::move(item));
    });
    return items;
}

Customer parseCustomer(FixtureFields &f, FixtureDiagnostics &diag)
{
    static const QRegularExpression language(QStringLiteral("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"));
    Customer c;
    c.id = f.id("id");
    c.name = f.text("name", Required);
    c.country = f.text("country");
    if (!c.country.isEmpty() && !(c.country.size() == 2 && c.country == c.country.toUpper() && c.country.at(0).isLetter()
                                  && c.country.at(1).isLetter())) {
        diag.error(f.path("country"), QStringLiteral("'%1' is not an ISO 3166 two-letter code (e.g. IN, US)").arg(c.country));
    }
    const QString phone = f.text("phone");
    if (!phone.isEmpty()) {
        c.phone = toE164(phone, c.country.isEmpty() ? QStringLiteral("IN") : c.country);
        if (c.phone.isEmpty())
            diag.error(f.path("phone"), QStringLiteral("'%1' is not a phone number (give E.164 like +919812345678, or a "
                                                        "national number for the customer's country)").arg(phone));
    }
    c.email = f.text("email");
    if (!c.email.isEmpty()) {
        const qsizetype a = c.email.indexOf(QLatin1Char('@'));
        if (a <= 0 || a == c.email.size() - 1 || c.email.contains(QLatin1Char(' ')) || c.email.count(QLatin1Char('@')) != 1)
            diag.error(f.path("email"), QStringLiteral("'%1' is not an email address").arg(c.email));
    }
    c.state = f.text("state");
    const QString tz = f.text("timezone");
    if (!tz.isEmpty()) {
        if (QTimeZone::isTimeZoneIdAvailable(tz.toUtf8()))
            c.timezone = tz;
        else
            diag.error(f.path("timezone"), QStringLiteral("'%1' is not an IANA time zone (e.g. Asia/Kolkata)").arg(tz));
    }
    c.preferredLanguage = f.text("preferred_language");
    if (!c.preferredLanguage.isEmpty() && !language.match(c.preferredLanguage).hasMatch())
        diag.error(f.path("preferred_language"),
                   QStringLiteral("'%1' is not a BCP 47 language tag (e.g. hi-IN, en-US)").arg(c.preferredLanguage));
    c.type = f.oneOf("type", customerTypes(), Optional, QStringLiteral("consumer"));
    return c;
}

Order parseOrder(FixtureFields &f, FixtureDiagnostics &diag)
{
    Order o;
    o.id = f.id("id");
    o.customerId = f.id("customer_id");
    o.status = f.oneOf("status", orderStatuses(), Required);
    o.paymentMethod = f.oneOf("payment_method", paymentMethods(), Optional, QStringLiteral("prepaid"));
    o.codConfirmation = f.oneOf("cod_confirmation", codConfirmations(), Optional);
    if (!o.codConfirmation.isEmpty() && o.paymentMethod != QLatin1String("cod"))
        diag.error(f.path("cod_confirmation"), QStringLiteral("applies only to payment_method 'cod', not '%1'")
                                                       .arg(o.paymentMethod));
    o.currency = f.currency("currency");
    o.totalMinor = f.money("total", o.currency, Required);
    o.createdAt = f.instant("created_at", Required);
    o.deliveryAddress = f.text("delivery_address");
    o.items = parseLineItems(f.array("items", Required, "an order needs at least one item"), f.path("items"),
                             o.currency, diag);
    o.carrier = f.oneOf("carrier", carriers(), Optional);
    o.trackingNumber = f.text("tracking_number");
    o.shippedAt = f.instant("shipped_at");
    o.estimatedDelivery = f.instant("estimated_delivery");
    o.deliveredAt = f.instant("delivered_at");
    o.delayReason = f.text("delay_reason");
    o.deliveryDate = f.date("delivery_date");
    o.deliverySlot = f.oneOf("delivery_slot", timeSlots(), Optional);
    eachObject(f.array("tracking_events"), f.path("tracking_events"), diag, [&](const json &obj, const QString &p) {
        FixtureFields e(obj, p, diag);
        TrackingEvent event;
        event.at = e.instant("at", Required);
        event.status = e.text("status", Required);
        event.location = e.text("location");
        e.finish();
        o.trackingEvents.push_back(std::move(event));
    });
    return o;
}

Cart parseCart(FixtureFields &f, FixtureDiagnostics &diag)
{
    Cart c;
    c.id = f.id("id");
    c.customerId = f.id("customer_id");
    c.status = f.oneOf("status", cartStatuses(), Required);
    c.abandonedAt = f.instant("abandoned_at");
    if (c.status == QLatin1String("abandoned") && !c.abandonedAt.isValid() && !f.has("abandoned_at"))
        diag.error(f.path("abandoned_at"), QStringLiteral("is required when status is 'abandoned'"));
    c.currency = f.currency("currency");
    c.totalMinor = f.money("total", c.currency, Required);
    c.discountCode = f.text("discount_code");
    c.recoveryAttempts = f.integer("recovery_attempts", 0, 1000, 0);
    c.items = parseLineItems(f.array("items", Required), f.path("items"), c.currency, diag);
    return c;
}

Offer parseOffer(FixtureFields &f, FixtureDiagnostics &diag)
{
    Offer o;
    o.code = f.id("code");
    o.description = f.text("description");
    o.percentOff = f.number("percent_off", 0, 100, 0);
    o.currency = f.currency("currency", Optional);
    o.amountOffMinor = f.money("amount_off", o.currency.isEmpty() ? QStringLiteral("XXX") : o.currency);
    o.minCartTotalMinor = f.money("min_cart_total", o.currency.isEmpty() ? QStringLiteral("XXX") : o.currency);
    if (o.currency.isEmpty() && (o.amountOffMinor > 0 || o.minCartTotalMinor > 0))
        diag.error(f.path("currency"), QStringLiteral("is required when amount_off or min_cart_total is set"));
    if (o.percentOff > 0 && o.amountOffMinor > 0)
        diag.error(f.path("amount_off"), QStringLiteral("an offer gives percent_off or amount_off, not both"));
    o.category = f.text("category");
    o.expiresAt = f.instant("expires_at");
    return o;
}

ReturnRequest parseReturn(FixtureFields &f, FixtureDiagnostics &diag)
{
    ReturnRequest r;
    r.id = f.id("id");
    r.orderId = f.id("order_id");
    r.status = f.oneOf("status", returnStatuses(), Required);
    r.createdAt = f.instant("created_at", Required);
    r.refundMethod = f.oneOf("refund_method", refundMethods(), Optional, QStringLiteral("original_payment"));
    r.pickupDate = f.date("pickup_date");
    r.timeSlot = f.oneOf("time_slot", timeSlots(), Optional);
    r.pickupAddress = f.text("pickup_address");
    const json &items = f.array("items", Required, "a return needs at least one item");
    eachObject(items, f.path("items"), diag, [&](const json &obj, const QString &p) {
        FixtureFields i(obj, p, diag);
        ReturnItem item;
        item.sku = i.id("sku");
        item.quantity = i.integer("quantity", 1, kMaxQuantity, 1, Required);
        item.reason = i.oneOf("reason", returnReasons(), Required);
        i.finish();
        r.items.push_back(std::move(item));
    });
    return r;
}

QMap<QString, QString> parseSettings(FixtureFields &f, FixtureDiagnostics &diag)
{
    QMap<QString, QString> out;
    for (const char *key : { "storeName", "processingTime", "orderIdFormat", "storeDomain", "supportHours" }) {
        if (f.has(key))
            out.insert(QLatin1String(key), f.text(key, Required));
    }
    if (f.has("currency"))
        out.insert(QStringLiteral("currency"), f.currency("currency"));
    if (f.has("timezone")) {
        const QString tz = f.text("timezone");
        if (!QTimeZone::isTimeZoneIdAvailable(tz.toUtf8()))
            diag.error(f.path("timezone"), QStringLiteral("'%1' is not an IANA time zone (e.g. Asia/Kolkata)").arg(tz));
        out.insert(QStringLiteral("timezone"), tz);
    }
    if (f.has("returnWindowDays"))
        out.insert(QStringLiteral("returnWindowDays"), QString::number(f.integer("returnWindowDays", 0, 365, 7)));
    if (f.has("freeShippingThreshold")) {
        const json &thresholds = f.object("freeShippingThreshold");
        FixtureFields t(thresholds, f.path("freeShippingThreshold"), diag);
        for (auto it = thresholds.begin(); it != thresholds.end(); ++it) {
            const QString code = qs(it.key());
            if (!isCurrencyCode(code)) {
                diag.error(t.child(code), QStringLiteral("'%1' is not an ISO 4217 currency code (e.g. INR, USD)").arg(code));
                continue;
            }
            const std::string key = it.key();
            out.insert(freeShippingKey(code), QString::number(t.money(key.c_str(), code, Required)));
        }
    }
    return out;
}

template <typename Record, typename Parse>
std::vector<Record> parseSection(FixtureFields &root, const char *section, FixtureDiagnostics &diag, Parse parse)
{
    std::vector<Record> out;
    eachObject(root.array(section), QLatin1String(section), diag, [&](const json &obj, const QString &path) {
        FixtureFields f(obj, path, diag);
        out.push_back(parse(f, diag));
        f.finish();
    });
    return out;
}
} // namespace

QString lineAndColumn(const QByteArray &text, std::size_t byteOffset)
{
    int line = 1;
    int column = 1;
    const qsizetype end = qMin(qsizetype(byteOffset), text.size());
    for (qsizetype i = 0; i < end; ++i) {
        if (text.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((uchar(text.at(i)) & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(qMax(1, column - 1));
}

StoreData parseFixture(const QByteArray &text, FixtureDiagnostics &diagnostics)
{
    json root;
    try {
        root = json::parse(text.constBegin(), text.constEnd());
    } catch (const json::parse_error &e) {
        // e.what() repeats the offset in bytes; the position in lines and columns is what an editor shows.
        QString why = qs(e.what());
        const qsizetype colon = why.lastIndexOf(QStringLiteral(": "));
        if (colon >= 0)
            why = why.mid(colon + 2);
        diagnostics.error(QStringLiteral("JSON"), QStringLiteral("%1: %2").arg(lineAndColumn(text, e.byte), why));
        return {};
    } catch (const json::exception &e) {
        // A number too large for a double (out_of_range 406) carries no position.
        diagnostics.error(QStringLiteral("JSON"), qs(e.what()));
        return {};
    }
    return parseFixture(root, diagnostics);
}

StoreData parseFixture(const json &root, FixtureDiagnostics &diag)
{
    StoreData data;
    if (!root.is_object()) {
        diag.error(QStringLiteral("(top level)"), QStringLiteral("must be an object with customers, orders, carts, "
                                                                 "offers, returns; not %1").arg(qs(root.type_name())));
        return data;
    }
    FixtureFields f(root, QString(), diag);
    if (f.has("settings")) {
        FixtureFields s(f.object("settings"), QStringLiteral("settings"), diag);
        data.settings = parseSettings(s, diag);
        s.finish();
    }
    data.customers = parseSection<Customer>(f, "customers", diag, parseCustomer);
    data.orders = parseSection<Order>(f, "orders", diag, parseOrder);
    data.carts = parseSection<Cart>(f, "carts", diag, parseCart);
    data.offers = parseSection<Offer>(f, "offers", diag, parseOffer);
    data.returns = parseSection<ReturnRequest>(f, "returns", diag, parseReturn);
    f.finish();

    IdRegistry customers(diag), orders(diag), carts(diag), offers(diag), returns(diag);
    for (std::size_t i = 0; i < data.customers.size(); ++i)
        customers.add(data.customers[i].id, at(QStringLiteral("customers"), i) + QStringLiteral(".id"));
    for (std::size_t i = 0; i < data.orders.size(); ++i)
        orders.add(data.orders[i].id, at(QStringLiteral("orders"), i) + QStringLiteral(".id"));
    for (std::size_t i = 0; i < data.carts.size(); ++i)
        carts.add(data.carts[i].id, at(QStringLiteral("carts"), i) + QStringLiteral(".id"));
    for (std::size_t i = 0; i < data.offers.size(); ++i)
        offers.add(data.offers[i].code.toUpper(), at(QStringLiteral("offers"), i) + QStringLiteral(".code"));
    for (std::size_t i = 0; i < data.returns.size(); ++i)
        returns.add(data.returns[i].id, at(QStringLiteral("returns"), i) + QStringLiteral(".id"));
    return data;
}

} // namespace ringside::commerce
