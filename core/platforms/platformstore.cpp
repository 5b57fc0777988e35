#include "platforms/platformstore.h"

#include "platforms/mirrorrecord.h"
#include "platforms/outbox.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QRandomGenerator>
#include <QUuid>

namespace ringside::platforms {

namespace {

// Without 0/O and 1/I, so a code read out over the phone is not misheard.
QString codeSuffix()
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString s;
    for (int i = 0; i < 5; ++i)
        s.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet - 1))]));
    return s;
}

} // namespace

PlatformStore::PlatformStore(Database &db, Connection connection)
    : m_db(db), m_local(db), m_connection(std::move(connection))
{
}

std::optional<PlatformStore::Record> PlatformStore::record(const char *kind, const QString &localId)
{
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT platform_id, gid, number, details, url FROM platform_records "
                                                                "WHERE kind = ? AND local_id = ?"),
                              QString::fromLatin1(kind), localId);
    if (!q.next())
        return std::nullopt;
    json details = json::parse(q.value(3).toString().toStdString(), nullptr, false);
    return Record{ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                   details.is_object() ? details : json::object(), q.value(4).toString() };
}

std::optional<Order> PlatformStore::orderById(const QString &id)
{
    if (auto order = m_local.orderById(id))
        return order;
    // What a customer says: "#1001", "1001", "order 1001".
    QString key = numberKey(id);
    for (const char *word : { "ORDERNUMBER", "ORDERNO", "ORDER", "NUMBER", "NO" }) {
        if (key.startsWith(QLatin1String(word)) && key.size() > int(qstrlen(word))) {
            key = key.mid(int(qstrlen(word)));
            break;
        }
    }
    if (key.isEmpty())
        return std::nullopt;
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT local_id FROM platform_records WHERE kind = 'order' "
                                                                "AND number_key = ? ORDER BY platform_updated_at DESC LIMIT 1"),
                              key);
    if (!q.next())
        return std::nullopt;
    return m_local.orderById(q.value(0).toString());
}

QString PlatformStore::checkoutUrl(const QString &cartId)
{
    const auto r = record("checkout", cartId);
    return r ? r->url : QString();
}

void PlatformStore::write(const QString &action, const QString &subject, const char *kind, json payload, const QDateTime &at,
                          const std::function<void()> &local, const QString &detail)
{
    const auto rec = record(kind, subject);
    if (rec) {
        payload["gid"] = rec->gid;
        payload["number"] = rec->number;
        payload["details"] = rec->details;
    }
    qint64 id = 0;
    const bool ok = m_db.transaction([&](QSqlDatabase sql) {
        local();
        if (!rec)
            return true; // a record the shop does not know (made before connecting): local only
        OutboxAction a;
        a.key = QStringLiteral("rs-%1-%2").arg(action, QUuid::createUuid().toString(QUuid::WithoutBraces));
        a.platform = m_connection.platform;
        a.action = action;
        a.subject = subject;
        a.platformId = rec->platformId;
        a.payload = std::move(payload);
        id = enqueueAction(sql, a, at.isValid() ? at.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch());
        return true;
    });
    if (!ok)
        throw StorageError(QStringLiteral("%1: the change could not be stored").arg(action));
    if (id > 0)
        noteWrite(PlatformWrite{ id, action, platformKey(m_connection.platform), detail });
}

void PlatformStore::noteWrite(const PlatformWrite &w)
{
    QMutexLocker lock(&m_writesMutex);
    m_writes[QThread::currentThreadId()].push_back(w);
}

std::vector<PlatformWrite> PlatformStore::takePlatformWrites()
{
    QMutexLocker lock(&m_writesMutex);
    return m_writes.take(QThread::currentThreadId());
}

void PlatformStore::setCodConfirmation(const QString &orderId, const QString &state, bool confirmed, const QString &modification,
                                       const QDateTime &at)
{
    json payload;
    if (state == QLatin1String("confirmed"))
        payload = { { "tags", json::array({ "ringside-cod-confirmed" }) },
                    { "note", QStringLiteral("Cash on delivery confirmed by the customer on a Ringside call.") } };
    else if (state == QLatin1String("declined"))
        payload = { { "tags", json::array({ "ringside-cod-declined" }) },
                    { "note", QStringLiteral("The customer declined the cash-on-delivery order on a Ringside call.") } };
    else
        payload = { { "tags", json::array({ "ringside-change-requested" }) },
                    { "note", QStringLiteral("The customer asked for a change on a Ringside call: %1").arg(modification) } };
    write(QStringLiteral("tag_order"), orderId, "order", payload, at,
          [&] { m_local.setCodConfirmation(orderId, state, confirmed, modification, at); });
}

void PlatformStore::cancelOrder(const QString &orderId, const QString &reason, const QString &details, const QDateTime &at)
{
    const auto order = m_local.orderById(orderId);
    const bool paid = order && order->paymentMethod != QLatin1String("cod") && order->status != QLatin1String("pending_payment");
    json payload = { { "reason", reason },
                     { "details", details },
                     { "refund", paid },
                     { "amount_minor", order ? order->totalMinor : 0 },
                     { "currency", order ? order->currency : QString() } };
    write(QStringLiteral("cancel_order"), orderId, "order", payload, at,
          [&] { m_local.cancelOrder(orderId, reason, details, at); });
}

void PlatformStore::rescheduleDelivery(const QString &orderId, const QDate &date, const QString &slot, const QDateTime &at)
{
    json payload = { { "tags", json::array({ "ringside-rescheduled" }) },
                     { "note", QStringLiteral("The customer asked for delivery on %1%2 (Ringside call). Carriers are not "
                                              "updated automatically: arrange it with the courier.")
                                       .arg(date.toString(Qt::ISODate), slot.isEmpty() ? QString() : QString(QStringLiteral(", ") + slot)) } };
    write(QStringLiteral("tag_order"), orderId, "order", payload, at, [&] { m_local.rescheduleDelivery(orderId, date, slot, at); });
}

void PlatformStore::updateDeliveryAddress(const QString &orderId, const QString &address, const QDateTime &at)
{
    write(QStringLiteral("update_address"), orderId, "order", json{ { "address", address.trimmed() } }, at,
          [&] { m_local.updateDeliveryAddress(orderId, address, at); });
}

void PlatformStore::setPaymentMethod(const QString &orderId, const QString &method, const QDateTime &at)
{
    const auto order = m_local.orderById(orderId);
    const bool toPrepaid = order && order->paymentMethod == QLatin1String("cod") && method != QLatin1String("cod");
    if (!toPrepaid) {
        m_local.setPaymentMethod(orderId, method, at);
        return;
    }
    const auto customer = m_local.customerById(order->customerId);
    json payload = { { "method", method },
                     { "phone", customer ? customer->phone : QString() },
                     { "store_name", m_local.setting(QStringLiteral("storeName"), QString()) },
                     { "amount_minor", order->totalMinor },
                     { "currency", order->currency } };
    json items = json::array();
    for (const LineItem &li : order->items)
        items.push_back({ { "title", li.name }, { "quantity", li.quantity }, { "price_minor", li.priceMinor }, { "sku", li.sku } });
    payload["items"] = items;
    write(QStringLiteral("payment_link"), orderId, "order", payload, at, [&] { m_local.setPaymentMethod(orderId, method, at); });
}

QString PlatformStore::createReturn(const ReturnRequest &request)
{
    QString id;
    json items = json::array();
    for (const ReturnItem &i : request.items)
        items.push_back({ { "sku", i.sku }, { "quantity", i.quantity }, { "reason", i.reason } });
    json payload = { { "items", items }, { "refund_method", request.refundMethod } };
    // The return's id is made by the local store inside the transaction; the action names the order.
    write(QStringLiteral("create_return"), request.orderId, "order", payload, request.createdAt,
          [&] { id = m_local.createReturn(request); });
    return id;
}

void PlatformStore::schedulePickup(const QString &returnId, const QDate &date, const QString &slot, const QString &address,
                                   const QDateTime &at)
{
    const auto ret = m_local.returnById(returnId);
    const QString orderId = ret ? ret->orderId : QString();
    json payload = { { "tags", json::array({ "ringside-pickup-requested" }) },
                     { "note", QStringLiteral("Return %1: the customer asked for pickup on %2%3%4 (Ringside call). Book it with the courier.")
                                       .arg(returnId, date.toString(Qt::ISODate), slot.isEmpty() ? QString() : QString(QStringLiteral(", ") + slot),
                                            address.trimmed().isEmpty() ? QString() : QString(QStringLiteral(", at ") + address.trimmed())) } };
    write(QStringLiteral("tag_order"), orderId, "order", payload, at,
          [&] { m_local.schedulePickup(returnId, date, slot, address, at); });
}

void PlatformStore::setCartDiscount(const QString &cartId, const QString &code, const QDateTime &at)
{
    const auto cart = m_local.cartById(cartId);
    const auto offer = m_local.offerByCode(code);
    if (!cart || !offer || code.isEmpty() || !record("checkout", cartId)) {
        m_local.setCartDiscount(cartId, code, at);
        return;
    }
    // The cart already holds a code made from this offer: nothing new to create.
    if (cart->discountCode.startsWith(offer->code + QLatin1Char('-'), Qt::CaseInsensitive)) {
        noteWrite(PlatformWrite{ 0, QStringLiteral("create_discount"), platformKey(m_connection.platform), cart->discountCode });
        return;
    }
    const QString unique = offer->code.toUpper() + QLatin1Char('-') + codeSuffix();
    const auto customer = m_local.customerById(cart->customerId);
    QString customerGid;
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT gid, platform_id FROM platform_records WHERE kind = 'customer' AND local_id = ?"),
                              cart->customerId);
    if (q.next())
        customerGid = q.value(0).toString().isEmpty() ? QString(QStringLiteral("gid://shopify/Customer/") + q.value(1).toString()) : q.value(0).toString();
    const QDateTime now = at.isValid() ? at : QDateTime::currentDateTimeUtc();
    QDateTime ends = now.addDays(7);
    if (offer->expiresAt.isValid() && offer->expiresAt < ends)
        ends = offer->expiresAt;
    json payload = { { "code", unique },
                     { "offer", offer->code },
                     { "title", QStringLiteral("Ringside: %1 for cart %2").arg(offer->code, cartId) },
                     { "percent_off", offer->percentOff },
                     { "amount_off_minor", offer->amountOffMinor },
                     { "currency", offer->currency.isEmpty() ? cart->currency : offer->currency },
                     { "min_cart_total_minor", offer->minCartTotalMinor },
                     { "starts_at", now.toUTC().toString(Qt::ISODate) },
                     { "ends_at", ends.toUTC().toString(Qt::ISODate) },
                     { "customer_gid", customerGid },
                     { "email", customer ? customer->email : QString() } };
    write(QStringLiteral("create_discount"), cartId, "checkout", payload, at, [&] { m_local.setCartDiscount(cartId, unique, at); }, unique);
}

} // namespace ringside::platforms
