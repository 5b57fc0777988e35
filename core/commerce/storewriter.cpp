#include "storewriter.h"

#include "storage/sqlutil.h"
#include "util/phone.h"

namespace ringside::commerce {

QVariant msOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

QVariant dateOrNull(const QDate &d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant();
}

QString notNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

StoreWriter::StoreWriter(QSqlDatabase db, Mode mode, qint64 updatedAtMs)
    : m_db(std::move(db))
    , m_mode(mode)
    , m_updatedAtMs(updatedAtMs)
{
}

QString StoreWriter::insertSql(const QString &table, const QString &key, const QStringList &columns) const
{
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks << QStringLiteral("?");
    QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(table, columns.join(QStringLiteral(", ")),
                                                                         marks.join(QStringLiteral(", ")));
    if (m_mode == Mode::Replace) {
        // Update in place rather than delete and re-insert: rows elsewhere (returns, cancellations,
        // call records) refer to this id and must keep doing so.
        QStringList sets;
        for (const QString &c : columns) {
            if (c != key)
                sets << QStringLiteral("%1 = excluded.%1").arg(c);
        }
        sql += QStringLiteral(" ON CONFLICT(%1) DO UPDATE SET %2").arg(key, sets.join(QStringLiteral(", ")));
    }
    return sql;
}

void StoreWriter::writeSetting(const QString &key, const QString &value)
{
    execOrThrow(m_db, QStringLiteral("INSERT INTO store_settings (key, value) VALUES (?, ?) "
                                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                key, notNull(value));
}

void StoreWriter::writeCustomer(const Customer &c)
{
    static const QStringList cols = QString::fromLatin1("id name phone phone_national email state country timezone "
                                                        "preferred_language type").split(QLatin1Char(' '));
    execOrThrow(m_db, insertSql(QStringLiteral("customers"), QStringLiteral("id"), cols), c.id, notNull(c.name),
                notNull(c.phone), notNull(c.phone.isEmpty() ? QString() : nationalNumber(c.phone)),
                notNull(c.email), notNull(c.state), notNull(c.country), notNull(c.timezone),
                notNull(c.preferredLanguage), notNull(c.type));
}

void StoreWriter::writeOrder(const Order &o)
{
    static const QStringList cols = QString::fromLatin1(
            "id customer_id status payment_method cod_confirmation total_minor currency created_at delivery_address "
            "carrier tracking_number shipped_at estimated_delivery delivered_at delay_reason delivery_date "
            "delivery_slot updated_at").split(QLatin1Char(' '));
    execOrThrow(m_db, insertSql(QStringLiteral("orders"), QStringLiteral("id"), cols), o.id, o.customerId, o.status,
                notNull(o.paymentMethod), notNull(o.codConfirmation), o.totalMinor, o.currency,
                o.createdAt.toMSecsSinceEpoch(), notNull(o.deliveryAddress), notNull(o.carrier),
                notNull(o.trackingNumber), msOrNull(o.shippedAt), msOrNull(o.estimatedDelivery),
                msOrNull(o.deliveredAt), nullIfEmpty(o.delayReason), dateOrNull(o.deliveryDate),
                nullIfEmpty(o.deliverySlot), m_updatedAtMs);
    if (m_mode == Mode::Replace) {
        execOrThrow(m_db, QStringLiteral("DELETE FROM order_items WHERE order_id = ?"), o.id);
        execOrThrow(m_db, QStringLiteral("DELETE FROM tracking_events WHERE order_id = ?"), o.id);
    }
    int line = 0;
    for (const LineItem &item : o.items) {
        execOrThrow(m_db, QStringLiteral("INSERT INTO order_items (order_id, line, sku, name, quantity, price_minor, "
                                         "category) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    o.id, ++line, item.sku, notNull(item.name), item.quantity, item.priceMinor, notNull(item.category));
    }
    int seq = 0;
    for (const TrackingEvent &e : o.trackingEvents) {
        execOrThrow(m_db, QStringLiteral("INSERT INTO tracking_events (order_id, seq, at, status, location) "
                                         "VALUES (?, ?, ?, ?, ?)"),
                    o.id, ++seq, e.at.toMSecsSinceEpoch(), e.status, notNull(e.location));
    }
}

void StoreWriter::writeCart(const Cart &c)
{
    static const QStringList cols = QString::fromLatin1("id customer_id status abandoned_at total_minor currency "
                                                        "discount_code recovery_attempts updated_at")
                                            .split(QLatin1Char(' '));
    execOrThrow(m_db, insertSql(QStringLiteral("carts"), QStringLiteral("id"), cols), c.id, c.customerId, c.status,
                msOrNull(c.abandonedAt), c.totalMinor, c.currency, nullIfEmpty(c.discountCode), c.recoveryAttempts,
                m_updatedAtMs);
    if (m_mode == Mode::Replace)
        execOrThrow(m_db, QStringLiteral("DELETE FROM cart_items WHERE cart_id = ?"), c.id);
    int line = 0;
    for (const LineItem &item : c.items) {
        execOrThrow(m_db, QStringLiteral("INSERT INTO cart_items (cart_id, line, sku, name, quantity, price_minor, "
                                         "category) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    c.id, ++line, item.sku, notNull(item.name), item.quantity, item.priceMinor, notNull(item.category));
    }
}

void StoreWriter::writeOffer(const Offer &o)
{
    static const QStringList cols = QString::fromLatin1("code description percent_off amount_off_minor currency "
                                                        "min_cart_total_minor category expires_at")
                                            .split(QLatin1Char(' '));
    execOrThrow(m_db, insertSql(QStringLiteral("offers"), QStringLiteral("code"), cols), o.code,
                notNull(o.description), o.percentOff, o.amountOffMinor, notNull(o.currency), o.minCartTotalMinor,
                notNull(o.category), msOrNull(o.expiresAt));
}

void StoreWriter::writeReturn(const ReturnRequest &r)
{
    static const QStringList cols = QString::fromLatin1("id order_id status created_at refund_method pickup_date "
                                                        "time_slot pickup_address updated_at").split(QLatin1Char(' '));
    execOrThrow(m_db, insertSql(QStringLiteral("returns"), QStringLiteral("id"), cols), r.id, r.orderId, r.status,
                r.createdAt.toMSecsSinceEpoch(), r.refundMethod, dateOrNull(r.pickupDate), nullIfEmpty(r.timeSlot),
                nullIfEmpty(r.pickupAddress), m_updatedAtMs);
    if (m_mode == Mode::Replace)
        execOrThrow(m_db, QStringLiteral("DELETE FROM return_items WHERE return_id = ?"), r.id);
    int line = 0;
    for (const ReturnItem &item : r.items) {
        execOrThrow(m_db, QStringLiteral("INSERT INTO return_items (return_id, line, sku, quantity, reason) "
                                         "VALUES (?, ?, ?, ?, ?)"),
                    r.id, ++line, item.sku, item.quantity, item.reason);
    }
}

void StoreWriter::writeAll(const StoreData &data)
{
    for (auto it = data.settings.cbegin(); it != data.settings.cend(); ++it)
        writeSetting(it.key(), it.value());
    for (const Customer &c : data.customers)
        writeCustomer(c);
    for (const Order &o : data.orders)
        writeOrder(o);
    for (const Cart &c : data.carts)
        writeCart(c);
    for (const Offer &o : data.offers)
        writeOffer(o);
    for (const ReturnRequest &r : data.returns)
        writeReturn(r);
}

} // namespace ringside::commerce
