#include "platforms/shopifymapper.h"

#include "platforms/shopifyclient.h"
#include "util/clock.h"
#include "util/phone.h"

namespace ringside::platforms {

namespace {

// Short names for the shared readers, as the mappers use them on every line.
const json &field(const json &obj, const char *key) { return jsonField(obj, key); }
QString text(const json &obj, const char *key) { return jsonText(obj, key); }

using R = Result<MirrorOrder>;

QDateTime timeAt(const json &obj, const char *key)
{
    const QString t = text(obj, key);
    return t.isEmpty() ? QDateTime() : parseIso(t).toUTC();
}

// A GraphQL connection's nodes, or a plain list.
const json &nodesOf(const json &v)
{
    if (v.is_object() && v.contains("nodes"))
        return v["nodes"];
    return v;
}

// MoneyBag → shopMoney {amount, currencyCode}
std::optional<Money> bagMoney(const json &bag)
{
    const json &money = field(bag, "shopMoney");
    const QString currency = text(money, "currencyCode");
    const auto minor = amountToMinor(text(money, "amount"), currency);
    if (!minor)
        return std::nullopt;
    return Money{ *minor, currency };
}

QString joined(const QStringList &parts)
{
    QStringList kept;
    for (const QString &p : parts) {
        if (!p.trimmed().isEmpty())
            kept << p.trimmed();
    }
    return kept.join(QStringLiteral(", "));
}

QString gqlAddress(const json &a)
{
    if (!a.is_object())
        return QString();
    return joined({ text(a, "address1"), text(a, "address2"), text(a, "city"),
                    QString(text(a, "province") + QLatin1Char(' ') + text(a, "zip")).trimmed(), text(a, "country") });
}

QString restAddress(const json &a)
{
    if (!a.is_object())
        return QString();
    return joined({ text(a, "address1"), text(a, "address2"), text(a, "city"),
                    QString(text(a, "province") + QLatin1Char(' ') + text(a, "zip")).trimmed(), text(a, "country") });
}

QString personName(const QString &first, const QString &last, const QString &fallback)
{
    const QString n = QString(first + QLatin1Char(' ') + last).trimmed();
    return n.isEmpty() ? (fallback.isEmpty() ? QStringLiteral("Shopify customer") : fallback) : n;
}

Customer customerBase(const QString &id, const QString &name, const QString &phone, const QString &email,
                      const QString &province, const QString &country, const QString &locale, const QString &shopZone)
{
    Customer c;
    c.id = id;
    c.name = name;
    c.phone = phone.isEmpty() ? QString() : toE164(phone, country.isEmpty() ? QStringLiteral("IN") : country);
    c.email = email.contains(QLatin1Char('@')) ? email : QString();
    c.state = province;
    c.country = country.toUpper();
    c.timezone = zoneFor(country, shopZone);
    c.preferredLanguage = languageTag(locale, country);
    return c;
}

QString lineSku(const QString &sku, const QString &fallbackId, int line)
{
    if (!sku.trimmed().isEmpty())
        return sku.trimmed();
    return fallbackId.isEmpty() ? QStringLiteral("LINE-%1").arg(line) : QString(QStringLiteral("ITEM-") + fallbackId);
}

// The facts both shapes share, applied to an order already holding items and money.
void finishOrder(MirrorOrder &m, const ShopifyOrderFacts &facts)
{
    Order &o = m.order;
    o.paymentMethod = facts.cod ? QStringLiteral("cod") : QStringLiteral("prepaid");
    o.codConfirmation = facts.cod ? QStringLiteral("pending") : QString();
    if (facts.cod && m.tags.contains(QStringLiteral("ringside-cod-confirmed"), Qt::CaseInsensitive))
        o.codConfirmation = QStringLiteral("confirmed");
    o.status = shopifyStatus(facts);
    if (o.status == QLatin1String("delayed") && o.delayReason.isEmpty())
        o.delayReason = QStringLiteral("the carrier could not deliver (%1)").arg(facts.shipment.toLower().replace(QLatin1Char('_'), QLatin1Char(' ')));
}

Result<MirrorCustomer> guestFor(const QString &localId, const QString &name, const QString &phone, const QString &email,
                               const json &address, const QString &shopZone)
{
    MirrorCustomer g;
    const QString country = text(address, "countryCodeV2").isEmpty() ? text(address, "country_code") : text(address, "countryCodeV2");
    const QString province = text(address, "province");
    g.customer = customerBase(localId, name, phone, email, province, country, QString(), shopZone);
    return g;
}

} // namespace

bool isCashOnDelivery(const QStringList &gatewayNames)
{
    for (const QString &name : gatewayNames) {
        const QString n = name.toLower();
        if (n.contains(QLatin1String("cash on delivery")) || n == QLatin1String("cod") || n.contains(QLatin1String("(cod)"))
            || n.startsWith(QLatin1String("cod ")))
            return true;
    }
    return false;
}

QString shopifyStatus(const ShopifyOrderFacts &f)
{
    if (f.cancelled)
        return QStringLiteral("cancelled");
    if (f.fulfillment == QLatin1String("FULFILLED") || f.fulfillment == QLatin1String("PARTIALLY_FULFILLED")
        || f.fulfillment == QLatin1String("PARTIAL")) {
        if (f.shipment == QLatin1String("DELIVERED") || f.shipment == QLatin1String("PICKED_UP"))
            return QStringLiteral("delivered");
        if (f.shipment == QLatin1String("OUT_FOR_DELIVERY"))
            return QStringLiteral("out_for_delivery");
        if (f.shipment == QLatin1String("ATTEMPTED_DELIVERY") || f.shipment == QLatin1String("FAILURE")
            || f.shipment == QLatin1String("NOT_DELIVERED"))
            return QStringLiteral("delayed");
        return QStringLiteral("shipped");
    }
    if (f.fulfillment == QLatin1String("ON_HOLD"))
        return QStringLiteral("on_hold");
    if (f.financial == QLatin1String("PENDING") && !f.cod)
        return QStringLiteral("pending_payment");
    return QStringLiteral("processing");
}

Result<MirrorCustomer> shopifyCustomerFromGraphql(const json &node, const QString &shopZone)
{
    MirrorCustomer m;
    m.gid = text(node, "id");
    m.platformId = text(node, "legacyResourceId");
    if (m.platformId.isEmpty())
        m.platformId = gidNumber(m.gid);
    if (m.platformId.isEmpty())
        return Result<MirrorCustomer>::failure(QStringLiteral("customer without an id"));
    const json &address = field(node, "defaultAddress");
    m.customer = customerBase(QStringLiteral("SC-") + m.platformId,
                              personName(text(node, "firstName"), text(node, "lastName"), text(node, "email")),
                              text(node, "phone").isEmpty() ? text(address, "phone") : text(node, "phone"), text(node, "email"),
                              text(address, "province"), text(address, "countryCodeV2"), text(node, "locale"), shopZone);
    m.updatedAt = timeAt(node, "updatedAt");
    return m;
}

Result<MirrorCustomer> shopifyCustomerFromRest(const json &payload, const QString &shopZone)
{
    MirrorCustomer m;
    m.platformId = idText(field(payload, "id"));
    m.gid = text(payload, "admin_graphql_api_id");
    if (m.platformId.isEmpty())
        return Result<MirrorCustomer>::failure(QStringLiteral("customer without an id"));
    const json &address = field(payload, "default_address");
    m.customer = customerBase(QStringLiteral("SC-") + m.platformId,
                              personName(text(payload, "first_name"), text(payload, "last_name"), text(payload, "email")),
                              text(payload, "phone").isEmpty() ? text(address, "phone") : text(payload, "phone"), text(payload, "email"),
                              text(address, "province"), text(address, "country_code"), text(payload, "locale"), shopZone);
    m.updatedAt = timeAt(payload, "updated_at");
    return m;
}

Result<MirrorOrder> shopifyOrderFromGraphql(const json &node, const QString &shopZone)
{
    MirrorOrder m;
    m.gid = text(node, "id");
    m.platformId = text(node, "legacyResourceId");
    if (m.platformId.isEmpty())
        m.platformId = gidNumber(m.gid);
    if (m.platformId.isEmpty())
        return R::failure(QStringLiteral("order without an id"));
    m.number = text(node, "name");
    m.updatedAt = timeAt(node, "updatedAt");
    for (const json &t : field(node, "tags"))
        if (t.is_string())
            m.tags << qs(t.get<std::string>());
    Order &o = m.order;
    o.id = localIdFromNumber(m.number);
    if (o.id.isEmpty())
        o.id = QStringLiteral("SO-") + m.platformId;
    const auto total = bagMoney(field(node, "totalPriceSet"));
    if (!total)
        return R::failure(QStringLiteral("order %1: totalPriceSet is missing or not an amount").arg(m.number));
    o.totalMinor = total->minor;
    o.currency = total->currency;
    o.createdAt = timeAt(node, "createdAt");
    if (!o.createdAt.isValid())
        return R::failure(QStringLiteral("order %1: createdAt is missing").arg(m.number));
    const json &ship = field(node, "shippingAddress");
    o.deliveryAddress = gqlAddress(ship);
    int line = 0;
    for (const json &item : nodesOf(field(node, "lineItems"))) {
        LineItem li;
        li.sku = lineSku(text(item, "sku"), gidNumber(text(item, "id")), ++line);
        li.name = text(item, "title");
        li.quantity = qMax(1, field(item, "quantity").is_number_integer() ? field(item, "quantity").get<int>() : 1);
        if (const auto price = bagMoney(field(item, "originalUnitPriceSet")))
            li.priceMinor = price->minor;
        o.items.push_back(li);
    }
    QStringList gateways;
    for (const json &g : field(node, "paymentGatewayNames"))
        if (g.is_string())
            gateways << qs(g.get<std::string>());
    ShopifyOrderFacts facts;
    facts.cancelled = !text(node, "cancelledAt").isEmpty();
    facts.cod = isCashOnDelivery(gateways);
    facts.financial = text(node, "displayFinancialStatus").toUpper();
    facts.fulfillment = text(node, "displayFulfillmentStatus").toUpper();
    // The newest fulfillment carries the parcel's state.
    QDateTime newest;
    for (const json &f : nodesOf(field(node, "fulfillments"))) {
        const QDateTime created = timeAt(f, "createdAt");
        if (newest.isValid() && created < newest)
            continue;
        newest = created;
        facts.shipment = text(f, "displayStatus").toUpper();
        o.shippedAt = created;
        o.deliveredAt = timeAt(f, "deliveredAt");
        o.estimatedDelivery = timeAt(f, "estimatedDeliveryAt");
        for (const json &t : field(f, "trackingInfo")) {
            o.trackingNumber = text(t, "number");
            o.carrier = carrierKey(text(t, "company"));
            break;
        }
    }
    finishOrder(m, facts);
    const json &customer = field(node, "customer");
    if (customer.is_object()) {
        auto c = shopifyCustomerFromGraphql(customer, shopZone);
        if (!c.ok())
            return R::failure(QStringLiteral("order %1: %2").arg(m.number, c.error()));
        m.customer = std::move(c).value();
        if (m.customer.customer.phone.isEmpty())
            m.customer.customer.phone = toE164(text(node, "phone").isEmpty() ? text(ship, "phone") : text(node, "phone"),
                                               m.customer.customer.country.isEmpty() ? QStringLiteral("IN") : m.customer.customer.country);
    } else {
        m.customer = guestFor(QStringLiteral("SG-") + m.platformId, text(ship, "name").isEmpty() ? QStringLiteral("Guest") : text(ship, "name"),
                              text(node, "phone").isEmpty() ? text(ship, "phone") : text(node, "phone"), text(node, "email"), ship, shopZone)
                             .value();
    }
    o.customerId = m.customer.customer.id;
    m.details = { { "email", text(node, "email") }, { "customer_gid", m.customer.gid } };
    return m;
}

Result<MirrorOrder> shopifyOrderFromRest(const json &p, const QString &shopZone)
{
    MirrorOrder m;
    m.platformId = idText(field(p, "id"));
    m.gid = text(p, "admin_graphql_api_id");
    if (m.platformId.isEmpty())
        return R::failure(QStringLiteral("id: missing or not an integer"));
    if (m.gid.isEmpty())
        m.gid = QStringLiteral("gid://shopify/Order/") + m.platformId;
    m.number = text(p, "name");
    if (m.number.isEmpty() && !idText(field(p, "order_number")).isEmpty())
        m.number = QLatin1Char('#') + idText(field(p, "order_number"));
    m.updatedAt = timeAt(p, "updated_at");
    for (const QString &t : text(p, "tags").split(QLatin1Char(','), Qt::SkipEmptyParts))
        m.tags << t.trimmed();
    Order &o = m.order;
    o.id = localIdFromNumber(m.number);
    if (o.id.isEmpty())
        o.id = QStringLiteral("SO-") + m.platformId;
    o.currency = text(p, "currency");
    const auto total = amountToMinor(text(p, "total_price"), o.currency);
    if (!total)
        return R::failure(QStringLiteral("total_price: '%1' is not an amount in %2").arg(text(p, "total_price"), o.currency));
    o.totalMinor = *total;
    o.createdAt = timeAt(p, "created_at");
    if (!o.createdAt.isValid())
        return R::failure(QStringLiteral("created_at: missing or not a time"));
    const json &ship = field(p, "shipping_address");
    o.deliveryAddress = restAddress(ship);
    int line = 0;
    for (const json &item : field(p, "line_items")) {
        LineItem li;
        li.sku = lineSku(text(item, "sku"), idText(field(item, "id")), ++line);
        li.name = text(item, "title").isEmpty() ? text(item, "name") : text(item, "title");
        li.quantity = qMax(1, field(item, "quantity").is_number_integer() ? field(item, "quantity").get<int>() : 1);
        li.priceMinor = amountToMinor(text(item, "price"), o.currency).value_or(0);
        o.items.push_back(li);
    }
    QStringList gateways;
    for (const json &g : field(p, "payment_gateway_names"))
        if (g.is_string())
            gateways << qs(g.get<std::string>());
    ShopifyOrderFacts facts;
    facts.cancelled = !text(p, "cancelled_at").isEmpty();
    facts.cod = isCashOnDelivery(gateways);
    facts.financial = text(p, "financial_status").toUpper();
    const QString fs = text(p, "fulfillment_status").toLower();
    facts.fulfillment = fs == QLatin1String("fulfilled") ? QStringLiteral("FULFILLED")
            : fs == QLatin1String("partial")             ? QStringLiteral("PARTIALLY_FULFILLED")
                                                         : QStringLiteral("UNFULFILLED");
    QDateTime newest;
    for (const json &f : field(p, "fulfillments")) {
        const QDateTime created = timeAt(f, "created_at");
        if (newest.isValid() && created < newest)
            continue;
        newest = created;
        facts.shipment = text(f, "shipment_status").toUpper();
        o.shippedAt = created;
        o.trackingNumber = text(f, "tracking_number");
        o.carrier = carrierKey(text(f, "tracking_company"));
        if (facts.shipment == QLatin1String("DELIVERED"))
            o.deliveredAt = timeAt(f, "updated_at");
    }
    finishOrder(m, facts);
    m.checkoutPlatformId = idText(field(p, "checkout_id"));
    const json &customer = field(p, "customer");
    if (customer.is_object() && !idText(field(customer, "id")).isEmpty()) {
        auto c = shopifyCustomerFromRest(customer, shopZone);
        if (!c.ok())
            return R::failure(QStringLiteral("customer: %1").arg(c.error()));
        m.customer = std::move(c).value();
        if (m.customer.customer.phone.isEmpty())
            m.customer.customer.phone = toE164(text(p, "phone").isEmpty() ? text(ship, "phone") : text(p, "phone"),
                                               m.customer.customer.country.isEmpty() ? QStringLiteral("IN") : m.customer.customer.country);
    } else {
        m.customer = guestFor(QStringLiteral("SG-") + m.platformId, text(ship, "name").isEmpty() ? QStringLiteral("Guest") : text(ship, "name"),
                              text(p, "phone").isEmpty() ? text(ship, "phone") : text(p, "phone"), text(p, "email"), ship, shopZone)
                             .value();
    }
    o.customerId = m.customer.customer.id;
    m.details = { { "email", text(p, "email") }, { "customer_gid", m.customer.gid } };
    return m;
}

namespace {
Result<MirrorCart> cartCommon(MirrorCart m, const json &customer, bool rest, const json &ship, const QString &phone,
                              const QString &email, const QString &shopZone)
{
    using RC = Result<MirrorCart>;
    if (customer.is_object() && !(rest ? idText(field(customer, "id")) : text(customer, "id")).isEmpty()) {
        auto c = rest ? shopifyCustomerFromRest(customer, shopZone) : shopifyCustomerFromGraphql(customer, shopZone);
        if (!c.ok())
            return RC::failure(c.error());
        m.customer = std::move(c).value();
    } else {
        m.customer = guestFor(QStringLiteral("SG-C") + m.platformId, QStringLiteral("Guest"), phone, email, ship, shopZone).value();
    }
    if (m.customer.customer.phone.isEmpty() && !phone.isEmpty())
        m.customer.customer.phone = toE164(phone, m.customer.customer.country.isEmpty() ? QStringLiteral("IN") : m.customer.customer.country);
    m.cart.customerId = m.customer.customer.id;
    m.cart.id = QStringLiteral("CART-") + m.platformId;
    m.cart.status = m.completedAt.isValid() ? QStringLiteral("completed") : QStringLiteral("abandoned");
    m.cart.abandonedAt = m.completedAt.isValid() ? QDateTime() : m.updatedAt;
    return m;
}
} // namespace

Result<MirrorCart> shopifyCheckoutFromGraphql(const json &node, const QString &shopZone)
{
    MirrorCart m;
    m.gid = text(node, "id");
    m.platformId = gidNumber(m.gid);
    if (m.platformId.isEmpty())
        return Result<MirrorCart>::failure(QStringLiteral("checkout without an id"));
    m.recoveryUrl = text(node, "abandonedCheckoutUrl");
    m.updatedAt = timeAt(node, "updatedAt");
    m.completedAt = timeAt(node, "completedAt");
    const auto total = bagMoney(field(node, "totalPriceSet"));
    if (!total)
        return Result<MirrorCart>::failure(QStringLiteral("checkout %1: totalPriceSet is missing").arg(m.platformId));
    m.cart.totalMinor = total->minor;
    m.cart.currency = total->currency;
    int line = 0;
    for (const json &item : nodesOf(field(node, "lineItems"))) {
        LineItem li;
        li.sku = lineSku(text(item, "sku"), gidNumber(text(item, "id")), ++line);
        li.name = text(item, "title");
        li.quantity = qMax(1, field(item, "quantity").is_number_integer() ? field(item, "quantity").get<int>() : 1);
        if (const auto price = bagMoney(field(item, "originalUnitPriceSet")))
            li.priceMinor = price->minor;
        m.cart.items.push_back(li);
    }
    const json &ship = field(node, "shippingAddress");
    return cartCommon(std::move(m), field(node, "customer"), false, ship, text(ship, "phone"), QString(), shopZone);
}

Result<MirrorCart> shopifyCheckoutFromRest(const json &p, const QString &shopZone)
{
    MirrorCart m;
    m.platformId = idText(field(p, "id"));
    if (m.platformId.isEmpty())
        return Result<MirrorCart>::failure(QStringLiteral("id: missing or not an integer"));
    m.gid = QStringLiteral("gid://shopify/AbandonedCheckout/") + m.platformId;
    m.recoveryUrl = text(p, "abandoned_checkout_url");
    m.updatedAt = timeAt(p, "updated_at");
    m.completedAt = timeAt(p, "completed_at");
    m.cart.currency = text(p, "currency").isEmpty() ? text(p, "presentment_currency") : text(p, "currency");
    const auto total = amountToMinor(text(p, "total_price"), m.cart.currency);
    if (!total)
        return Result<MirrorCart>::failure(QStringLiteral("total_price: '%1' is not an amount").arg(text(p, "total_price")));
    m.cart.totalMinor = *total;
    int line = 0;
    for (const json &item : field(p, "line_items")) {
        LineItem li;
        li.sku = lineSku(text(item, "sku"), idText(field(item, "variant_id")), ++line);
        li.name = text(item, "title");
        li.quantity = qMax(1, field(item, "quantity").is_number_integer() ? field(item, "quantity").get<int>() : 1);
        li.priceMinor = amountToMinor(text(item, "price"), m.cart.currency).value_or(0);
        m.cart.items.push_back(li);
    }
    const json &ship = field(p, "shipping_address");
    return cartCommon(std::move(m), field(p, "customer"), true, ship, text(p, "phone"), text(p, "email"), shopZone);
}

} // namespace ringside::platforms
