#include "storereader.h"

#include "storage/sqlutil.h"

#include <algorithm>

namespace ringside::commerce {

QSqlQuery runQuery(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        throw StorageError(QStringLiteral("prepare failed: %1 (%2)").arg(q.lastError().text(), sql.left(200)));
    for (const QVariant &b : binds)
        q.addBindValue(bindable(b));
    if (!q.exec())
        throw StorageError(QStringLiteral("query failed: %1 (%2)").arg(q.lastError().text(), sql.left(200)));
    return q;
}

namespace {
QString whereClause(const QString &where)
{
    return where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where;
}

QDate dateFrom(const QVariant &v)
{
    return v.isNull() ? QDate() : QDate::fromString(v.toString(), Qt::ISODate);
}

std::vector<LineItem> lineItems(const QSqlDatabase &db, const QString &table, const QString &key, const QString &id)
{
    std::vector<LineItem> out;
    QSqlQuery q = runQuery(db, QStringLiteral("SELECT sku, name, quantity, price_minor, category FROM %1 "
                                              "WHERE %2 = ? ORDER BY line").arg(table, key), { id });
    while (q.next())
        out.push_back({ q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toLongLong(),
                        q.value(4).toString() });
    return out;
}
} // namespace

QMap<QString, QString> StoreReader::settings()
{
    QMap<QString, QString> out;
    QSqlQuery q = runQuery(m_db, QStringLiteral("SELECT key, value FROM store_settings"));
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

std::vector<Customer> StoreReader::customers(const QString &where, const QVariantList &binds)
{
    std::vector<Customer> out;
    QSqlQuery q = runQuery(m_db, QStringLiteral("SELECT id, name, phone, email, state, country, timezone, "
                                                "preferred_language, type FROM customers")
                                   + whereClause(where) + QStringLiteral(" ORDER BY id"), binds);
    while (q.next()) {
        Customer c;
        c.id = q.value(0).toString();
        c.name = q.value(1).toString();
        c.phone = q.value(2).toString();
        c.email = q.value(3).toString();
        c.state = q.value(4).toString();
        c.country = q.value(5).toString();
        c.timezone = q.value(6).toString();
        c.preferredLanguage = q.value(7).toString();
        c.type = q.value(8).toString();
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<Order> StoreReader::orders(const QString &where, const QVariantList &binds)
{
    std::vector<Order> out;
    QSqlQuery q = runQuery(m_db, QStringLiteral(
            "SELECT id, customer_id, status, payment_method, cod_confirmation, total_minor, currency, created_at, "
            "delivery_address, carrier, tracking_number, shipped_at, estimated_delivery, delivered_at, delay_reason, "
            "delivery_date, delivery_slot FROM orders")
            + whereClause(where) + QStringLiteral(" ORDER BY created_at DESC, id DESC"), binds);
    while (q.next()) {
        Order o;
        o.id = q.value(0).toString();
        o.customerId = q.value(1).toString();
        o.status = q.value(2).toString();
        o.paymentMethod = q.value(3).toString();
        o.codConfirmation = q.value(4).toString();
        o.totalMinor = q.value(5).toLongLong();
        o.currency = q.value(6).toString();
        o.createdAt = utcFromEpochMs(q.value(7));
        o.deliveryAddress = q.value(8).toString();
        o.carrier = q.value(9).toString();
        o.trackingNumber = q.value(10).toString();
        o.shippedAt = utcFromEpochMs(q.value(11));
        o.estimatedDelivery = utcFromEpochMs(q.value(12));
        o.deliveredAt = utcFromEpochMs(q.value(13));
        o.delayReason = q.value(14).toString();
        o.deliveryDate = dateFrom(q.value(15));
        o.deliverySlot = q.value(16).toString();
        out.push_back(std::move(o));
    }
    for (Order &o : out) {
        o.items = lineItems(m_db, QStringLiteral("order_items"), QStringLiteral("order_id"), o.id);
        QSqlQuery e = runQuery(m_db, QStringLiteral("SELECT at, status, location FROM tracking_events "
                                                    "WHERE order_id = ? ORDER BY seq"), { o.id });
        while (e.next())
            o.trackingEvents.push_back({ utcFromEpochMs(e.value(0)), e.value(1).toString(), e.value(2).toString() });
    }
    return out;
}

std::vector<Cart> StoreReader::carts(const QString &where, const QVariantList &binds, const QString &orderBy)
{
    std::vector<Cart> out;
    QSqlQuery q = runQuery(m_db, QStringLiteral("SELECT id, customer_id, status, abandoned_at, total_minor, currency, "
                                                "discount_code, recovery_attempts FROM carts")
                                   + whereClause(where) + QStringLiteral(" ORDER BY ") + orderBy, binds);
    while (q.next()) {
        Cart c;
        c.id = q.value(0).toString();
        c.customerId = q.value(1).toString();
        c.status = q.value(2).toString();
        c.abandonedAt = utcFromEpochMs(q.value(3));
        c.totalMinor = q.value(4).toLongLong();
        c.currency = q.value(5).toString();
        c.discountCode = q.value(6).toString();
        c.recoveryAttempts = q.value(7).toInt();
        out.push_back(std::move(c));
    }
    for (Cart &c : out)
        c.items = lineItems(m_db, QStringLiteral("cart_items"), QStringLiteral("cart_id"), c.id);
    return out;
}

std::vector<Offer> StoreReader::offers(const QString &where, const QVariantList &binds)
{
    std::vector<Offer> out;
    QSqlQuery q = runQuery(m_db, QStringLiteral("SELECT code, description, percent_off, amount_off_minor, currency, "
                                                "min_cart_total_minor, category, expires_at FROM offers")
                                   + whereClause(where) + QStringLiteral(" ORDER BY code"), binds);
    while (q.next()) {
        Offer o;
        o.code = q.value(0).toString();
        o.description = q.value(1).toString();
        o.percentOff = q.value(2).toDouble();
        o.amountOffMinor = q.value(3).toLongLong();
        o.currency = q.value(4).toString();
        o.minCartTotalMinor = q.value(5).toLongLong();
        o.category = q.value(6).toString();
        o.expiresAt = utcFromEpochMs(q.value(7));
        out.push_back(std::move(o));
    }
    return out;
}

std::vector<ReturnRequest> StoreReader::returns(const QString &where, const QVariantList &binds)
{
    std::vector<ReturnRequest> out;
    QSqlQuery q = runQuery(m_db, QStringLiteral("SELECT id, order_id, status, created_at, refund_method, pickup_date, "
                                                "time_slot, pickup_address FROM returns")
                                   + whereClause(where) + QStringLiteral(" ORDER BY created_at DESC, id DESC"), binds);
    while (q.next()) {
        ReturnRequest r;
        r.id = q.value(0).toString();
        r.orderId = q.value(1).toString();
        r.status = q.value(2).toString();
        r.createdAt = utcFromEpochMs(q.value(3));
        r.refundMethod = q.value(4).toString();
        r.pickupDate = dateFrom(q.value(5));
        r.timeSlot = q.value(6).toString();
        r.pickupAddress = q.value(7).toString();
        out.push_back(std::move(r));
    }
    for (ReturnRequest &r : out) {
        QSqlQuery i = runQuery(m_db, QStringLiteral("SELECT sku, quantity, reason FROM return_items "
                                                    "WHERE return_id = ? ORDER BY line"), { r.id });
        while (i.next())
            r.items.push_back({ i.value(0).toString(), i.value(1).toInt(), i.value(2).toString() });
    }
    return out;
}

StoreData StoreReader::readAll()
{
    StoreData data;
    data.settings = settings();
    data.customers = customers();
    data.orders = orders();
    data.carts = carts();
    data.offers = offers();
    data.returns = returns();
    const auto byId = [](const auto &a, const auto &b) { return a.id < b.id; };
    std::sort(data.orders.begin(), data.orders.end(), byId);
    std::sort(data.returns.begin(), data.returns.end(), byId);
    return data;
}

} // namespace ringside::commerce
