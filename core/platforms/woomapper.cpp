#include "platforms/woomapper.h"

#include "util/clock.h"
#include "util/phone.h"

namespace ringside::platforms {

namespace {

// Short names for the shared readers, as the mappers use them on every line.
const json &field(const json &obj, const char *key) { return jsonField(obj, key); }
QString text(const json &obj, const char *key) { return jsonText(obj, key); }

// WooCommerce's *_gmt fields carry no offset: they are UTC.
QDateTime gmt(const json &obj, const char *key)
{
    QString t = text(obj, key);
    if (t.isEmpty())
        return QDateTime();
    if (!t.endsWith(QLatin1Char('Z')) && !t.contains(QLatin1Char('+')))
        t += QLatin1Char('Z');
    return parseIso(t).toUTC();
}

QString address(const json &a)
{
    QStringList parts;
    for (const char *k : { "address_1", "address_2", "city" })
        if (!text(a, k).trimmed().isEmpty())
            parts << text(a, k).trimmed();
    const QString region = QString(text(a, "state") + QLatin1Char(' ') + text(a, "postcode")).trimmed();
    if (!region.isEmpty())
        parts << region;
    if (!text(a, "country").isEmpty())
        parts << text(a, "country");
    return parts.join(QStringLiteral(", "));
}

QString metaValue(const json &meta, const char *key, const char *inner)
{
    for (const json &m : meta) {
        if (text(m, "key") != QLatin1String(key))
            continue;
        const json &v = field(m, "value");
        if (v.is_string())
            return qs(v.get<std::string>());
        if (v.is_array() && !v.empty())
            return text(v.back(), inner);
    }
    return QString();
}

} // namespace

QString wooStatus(const QString &status, bool everCompleted)
{
    if (status == QLatin1String("pending") || status == QLatin1String("failed"))
        return QStringLiteral("pending_payment");
    if (status == QLatin1String("on-hold"))
        return QStringLiteral("on_hold");
    if (status == QLatin1String("completed"))
        return QStringLiteral("delivered");
    if (status == QLatin1String("cancelled") || status == QLatin1String("trash"))
        return QStringLiteral("cancelled");
    if (status == QLatin1String("refunded"))
        return everCompleted ? QStringLiteral("returned") : QStringLiteral("cancelled");
    return QStringLiteral("processing");
}

Result<MirrorCustomer> wooCustomerFromRest(const json &p, const QString &shopZone)
{
    MirrorCustomer m;
    m.platformId = idText(field(p, "id"));
    if (m.platformId.isEmpty() || m.platformId == QLatin1String("0"))
        return Result<MirrorCustomer>::failure(QStringLiteral("customer without an id"));
    const json &billing = field(p, "billing");
    const QString country = text(billing, "country").toUpper();
    Customer &c = m.customer;
    c.id = QStringLiteral("WC-") + m.platformId;
    c.name = QString(text(p, "first_name") + QLatin1Char(' ') + text(p, "last_name")).trimmed();
    if (c.name.isEmpty())
        c.name = QString(text(billing, "first_name") + QLatin1Char(' ') + text(billing, "last_name")).trimmed();
    if (c.name.isEmpty())
        c.name = text(p, "username").isEmpty() ? QStringLiteral("WooCommerce customer") : text(p, "username");
    c.phone = toE164(text(billing, "phone"), country.isEmpty() ? QStringLiteral("IN") : country);
    c.email = text(p, "email").contains(QLatin1Char('@')) ? text(p, "email") : QString();
    c.state = text(billing, "state");
    c.country = country;
    c.timezone = zoneFor(country, shopZone);
    m.updatedAt = gmt(p, "date_modified_gmt");
    return m;
}

Result<WooOrderRecords> wooOrderFromRest(const json &p, const QString &shopZone)
{
    using R = Result<WooOrderRecords>;
    WooOrderRecords out;
    MirrorOrder &m = out.order;
    m.platformId = idText(field(p, "id"));
    if (m.platformId.isEmpty())
        return R::failure(QStringLiteral("id: missing or not an integer"));
    const QString status = text(p, "status");
    if (status == QLatin1String("checkout-draft") || status == QLatin1String("auto-draft"))
        return R::failure(QStringLiteral("order %1 is a draft").arg(m.platformId));
    m.number = text(p, "number").isEmpty() ? m.platformId : text(p, "number");
    m.updatedAt = gmt(p, "date_modified_gmt");
    m.paymentUrl = text(p, "payment_url");
    Order &o = m.order;
    o.id = localIdFromNumber(m.number);
    if (o.id.isEmpty())
        o.id = QStringLiteral("WO-") + m.platformId;
    o.currency = text(p, "currency");
    const auto total = amountToMinor(text(p, "total"), o.currency);
    if (!total)
        return R::failure(QStringLiteral("total: '%1' is not an amount in %2").arg(text(p, "total"), o.currency));
    o.totalMinor = *total;
    o.createdAt = gmt(p, "date_created_gmt");
    if (!o.createdAt.isValid())
        return R::failure(QStringLiteral("date_created_gmt: missing or not a time"));
    const json &shipping = field(p, "shipping");
    const json &billing = field(p, "billing");
    o.deliveryAddress = address(text(shipping, "address_1").isEmpty() ? billing : shipping);
    int line = 0;
    for (const json &item : field(p, "line_items")) {
        LineItem li;
        ++line;
        li.sku = text(item, "sku").trimmed().isEmpty() ? QString(QStringLiteral("PRODUCT-") + text(item, "product_id")) : text(item, "sku").trimmed();
        if (li.sku == QLatin1String("PRODUCT-"))
            li.sku = QStringLiteral("LINE-%1").arg(line);
        li.name = text(item, "name");
        li.quantity = qMax(1, field(item, "quantity").is_number_integer() ? field(item, "quantity").get<int>() : 1);
        li.priceMinor = amountToMinor(text(item, "subtotal").isEmpty() ? text(item, "total") : text(item, "subtotal"), o.currency).value_or(0) / li.quantity;
        o.items.push_back(li);
    }
    const bool cod = text(p, "payment_method").compare(QLatin1String("cod"), Qt::CaseInsensitive) == 0;
    o.paymentMethod = cod ? QStringLiteral("cod") : QStringLiteral("prepaid");
    o.codConfirmation = cod ? QStringLiteral("pending") : QString();
    o.status = wooStatus(status, gmt(p, "date_completed_gmt").isValid());
    if (o.status == QLatin1String("delivered"))
        o.deliveredAt = gmt(p, "date_completed_gmt");
    // Tracking from the Shipment Tracking extension, when the shop uses it.
    const json &meta = field(p, "meta_data");
    o.trackingNumber = metaValue(meta, "_wc_shipment_tracking_items", "tracking_number");
    o.carrier = carrierKey(metaValue(meta, "_wc_shipment_tracking_items", "tracking_provider"));
    if (!o.trackingNumber.isEmpty() && o.status == QLatin1String("processing"))
        o.status = QStringLiteral("shipped");

    const QString customerId = idText(field(p, "customer_id"));
    const QString country = (text(shipping, "country").isEmpty() ? text(billing, "country") : text(shipping, "country")).toUpper();
    Customer &c = m.customer.customer;
    if (!customerId.isEmpty() && customerId != QLatin1String("0")) {
        m.customer.platformId = customerId;
        c.id = QStringLiteral("WC-") + customerId;
    } else {
        c.id = QStringLiteral("WG-") + m.platformId;
    }
    c.name = QString(text(billing, "first_name") + QLatin1Char(' ') + text(billing, "last_name")).trimmed();
    if (c.name.isEmpty())
        c.name = QStringLiteral("Guest");
    c.phone = toE164(text(billing, "phone").isEmpty() ? text(shipping, "phone") : text(billing, "phone"),
                     country.isEmpty() ? QStringLiteral("IN") : country);
    c.email = text(billing, "email").contains(QLatin1Char('@')) ? text(billing, "email") : QString();
    c.state = text(shipping, "state").isEmpty() ? text(billing, "state") : text(shipping, "state");
    c.country = country;
    c.timezone = zoneFor(country, shopZone);
    // An order's copy of the customer is not newer than the customer record: leave that to
    // customers sync and customer.updated unless this is a guest.
    m.customer.updatedAt = QDateTime();
    o.customerId = c.id;
    m.details = { { "email", c.email } };

    const bool unpaid = status == QLatin1String("pending") || status == QLatin1String("failed");
    if (unpaid && !cod) {
        MirrorCart cart;
        cart.platformId = m.platformId;
        cart.customer = m.customer;
        cart.recoveryUrl = m.paymentUrl;
        cart.updatedAt = m.updatedAt;
        cart.cart.id = QStringLiteral("CART-W") + m.platformId;
        cart.cart.customerId = c.id;
        cart.cart.status = QStringLiteral("abandoned");
        cart.cart.abandonedAt = m.updatedAt.isValid() ? m.updatedAt : o.createdAt;
        cart.cart.totalMinor = o.totalMinor;
        cart.cart.currency = o.currency;
        cart.cart.items = o.items;
        out.cart = std::move(cart);
    } else if (status == QLatin1String("processing") || status == QLatin1String("completed") || status == QLatin1String("on-hold")) {
        m.checkoutPlatformId = m.platformId; // paid: its stand-in checkout (if any) is completed
    }
    return out;
}

} // namespace ringside::platforms
