#include "sqlstore.h"

#include "commerceenums.h"
#include "sqltransaction.h"
#include "storereader.h"
#include "storesettings.h"
#include "storewriter.h"

#include "storage/database.h"
#include "storage/sqldialect.h"
#include "storage/sqlutil.h"
#include "util/phone.h"

namespace ringside {

using namespace commerce;

namespace {
// A national number shorter than this is a fragment, not a phone: never match on it.
constexpr int kMinNationalDigits = 7;

template <typename T>
std::optional<T> first(std::vector<T> &&rows)
{
    if (rows.empty())
        return std::nullopt;
    return std::move(rows.front());
}

void requireOneOf(const char *what, const QString &value, const QStringList &allowed)
{
    if (!allowed.contains(value))
        throw StorageError(QStringLiteral("%1: %2").arg(QLatin1String(what), notOneOf(value, allowed)));
}

void requireTime(const char *what, const QDateTime &at)
{
    if (!at.isValid())
        throw StorageError(QStringLiteral("%1: a valid time is required").arg(QLatin1String(what)));
}

// Throws when an UPDATE touched nothing: the record the caller named does not exist.
void requireFound(const QSqlQuery &q, const char *kind, const QString &id)
{
    if (q.numRowsAffected() < 1)
        throw StorageError(QStringLiteral("%1 '%2' not found").arg(QLatin1String(kind), id));
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}
} // namespace

QString SqlStore::setting(const QString &key, const QString &fallback)
{
    if (key == kFreeShippingKey)
        return setting(freeShippingKey(setting(QStringLiteral("currency"))), fallback);
    QSqlQuery q = runQuery(m_database.connection(), QStringLiteral("SELECT value FROM store_settings WHERE key = ?"),
                           { key });
    if (q.next())
        return q.value(0).toString();
    const QString builtIn = defaultSetting(key);
    return builtIn.isNull() ? fallback : builtIn;
}

std::optional<Customer> SqlStore::customerById(const QString &id)
{
    return first(StoreReader(m_database.connection()).customers(QStringLiteral("id = ?"), { id }));
}

QStringList SqlStore::customerIdsByPhone(const QString &phone)
{
    const QSqlDatabase db = m_database.connection();
    QStringList ids;
    QStringList exact = { toE164(phone) };
    const QString digits = phoneDigits(phone);
    if (digits.startsWith(QLatin1Char('+')))
        exact << digits;
    exact.removeAll(QString());
    if (!exact.isEmpty()) {
        QSqlQuery q = runQuery(db, QStringLiteral("SELECT id FROM customers WHERE phone IN (%1) ORDER BY id")
                                           .arg(placeholders(exact.size())),
                               QVariantList(exact.cbegin(), exact.cend()));
        while (q.next())
            ids << q.value(0).toString();
    }
    if (!ids.isEmpty())
        return ids;
    const QString national = nationalNumber(phone);
    if (national.size() < kMinNationalDigits)
        return {};
    QSqlQuery q = runQuery(db, QStringLiteral("SELECT id FROM customers WHERE phone_national = ? ORDER BY id"),
                           { national });
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

std::optional<Customer> SqlStore::customerByPhone(const QString &phone)
{
    const QStringList ids = customerIdsByPhone(phone);
    return ids.isEmpty() ? std::nullopt : customerById(ids.first());
}

std::optional<Order> SqlStore::orderById(const QString &id)
{
    return first(StoreReader(m_database.connection()).orders(QStringLiteral("id = ?"), { id }));
}

std::vector<Order> SqlStore::ordersByPhone(const QString &phone)
{
    const QStringList ids = customerIdsByPhone(phone);
    if (ids.isEmpty())
        return {};
    return StoreReader(m_database.connection())
            .orders(QStringLiteral("customer_id IN (%1)").arg(placeholders(ids.size())),
                    QVariantList(ids.cbegin(), ids.cend()));
}

std::vector<Order> SqlStore::ordersByTracking(const QString &trackingNumber)
{
    const QString given = trackingNumber.trimmed();
    if (given.isEmpty())
        return {};
    // Callers read numbers out in groups and in any case; carriers print them upper-case, unspaced.
    QString compact = given.toUpper();
    compact.remove(QLatin1Char(' '));
    return StoreReader(m_database.connection())
            .orders(QStringLiteral("tracking_number IN (?, ?)"), { given, compact });
}

void SqlStore::setCodConfirmation(const QString &orderId, const QString &state, bool confirmed,
                                  const QString &modification, const QDateTime &at)
{
    requireOneOf("cod_confirmation", state, codConfirmations());
    requireTime("setCodConfirmation", at);
    const QSqlDatabase db = m_database.connection();
    SqlTransaction tx(db);
    requireFound(execOrThrow(db, QStringLiteral("UPDATE orders SET cod_confirmation = ?, updated_at = ? WHERE id = ?"),
                             state, at.toMSecsSinceEpoch(), orderId), "order", orderId);
    execOrThrow(db, QStringLiteral("INSERT INTO cod_events (order_id, at, confirmed, modification) VALUES (?, ?, ?, ?)"),
                orderId, at.toMSecsSinceEpoch(), confirmed ? 1 : 0, notNull(modification));
    tx.commit();
}

void SqlStore::cancelOrder(const QString &orderId, const QString &reason, const QString &details, const QDateTime &at)
{
    requireOneOf("reason", reason, cancellationReasons());
    requireTime("cancelOrder", at);
    const QSqlDatabase db = m_database.connection();
    SqlTransaction tx(db);
    requireFound(execOrThrow(db, QStringLiteral("UPDATE orders SET status = 'cancelled', updated_at = ? WHERE id = ?"),
                             at.toMSecsSinceEpoch(), orderId), "order", orderId);
    execOrThrow(db, QStringLiteral("INSERT INTO cancellations (order_id, reason, details, at) VALUES (?, ?, ?, ?)"),
                orderId, reason, notNull(details), at.toMSecsSinceEpoch());
    tx.commit();
}

void SqlStore::rescheduleDelivery(const QString &orderId, const QDate &date, const QString &slot, const QDateTime &at)
{
    if (!date.isValid())
        throw StorageError(QStringLiteral("new_date: a valid date is required"));
    if (!slot.isEmpty())
        requireOneOf("time_slot", slot, timeSlots());
    requireTime("rescheduleDelivery", at);
    const QSqlDatabase db = m_database.connection();
    SqlTransaction tx(db);
    requireFound(execOrThrow(db, QStringLiteral("UPDATE orders SET delivery_date = ?, delivery_slot = ?, updated_at = ? "
                                                "WHERE id = ?"),
                             dateOrNull(date), nullIfEmpty(slot), at.toMSecsSinceEpoch(), orderId),
                 "order", orderId);
    execOrThrow(db, QStringLiteral("INSERT INTO delivery_reschedules (order_id, new_date, time_slot, at) "
                                   "VALUES (?, ?, ?, ?)"),
                orderId, dateOrNull(date), nullIfEmpty(slot), at.toMSecsSinceEpoch());
    tx.commit();
}

void SqlStore::updateDeliveryAddress(const QString &orderId, const QString &address, const QDateTime &at)
{
    if (address.trimmed().isEmpty())
        throw StorageError(QStringLiteral("address: must not be empty"));
    requireTime("updateDeliveryAddress", at);
    requireFound(execOrThrow(m_database.connection(),
                             QStringLiteral("UPDATE orders SET delivery_address = ?, updated_at = ? WHERE id = ?"),
                             address.trimmed(), at.toMSecsSinceEpoch(), orderId),
                 "order", orderId);
}

void SqlStore::setPaymentMethod(const QString &orderId, const QString &method, const QDateTime &at)
{
    requireOneOf("payment_method", method, paymentMethods());
    requireTime("setPaymentMethod", at);
    // A COD confirmation state only means something for COD: cleared when leaving it, pending when joining.
    requireFound(execOrThrow(m_database.connection(),
                             QStringLiteral("UPDATE orders SET payment_method = ?, updated_at = ?, cod_confirmation = "
                                            "CASE WHEN ? <> 'cod' THEN '' WHEN cod_confirmation = '' THEN 'pending' "
                                            "ELSE cod_confirmation END WHERE id = ?"),
                             method, at.toMSecsSinceEpoch(), method, orderId),
                 "order", orderId);
}

QString SqlStore::createReturn(const ReturnRequest &request)
{
    const QString status = request.status.isEmpty() ? QStringLiteral("requested") : request.status;
    const QString refund = request.refundMethod.isEmpty() ? QStringLiteral("original_payment") : request.refundMethod;
    requireOneOf("status", status, returnStatuses());
    requireOneOf("refund_method", refund, refundMethods());
    if (!request.timeSlot.isEmpty())
        requireOneOf("time_slot", request.timeSlot, timeSlots());
    requireTime("createReturn created_at", request.createdAt);
    if (request.items.empty())
        throw StorageError(QStringLiteral("items: a return needs at least one item"));
    for (const ReturnItem &item : request.items) {
        requireOneOf("reason", item.reason, returnReasons());
        if (item.quantity < 1)
            throw StorageError(QStringLiteral("quantity: %1 is not a positive number").arg(item.quantity));
    }
    const QSqlDatabase db = m_database.connection();
    if (!runQuery(db, QStringLiteral("SELECT 1 FROM orders WHERE id = ?"), { request.orderId }).next())
        throw StorageError(QStringLiteral("order '%1' not found").arg(request.orderId));
    SqlTransaction tx(db);
    // One statement picks the next number and inserts it, so two callers cannot take the same id.
    // It must be the transaction's first: after a read, SQLite cannot wait for the write lock.
    // On PostgreSQL two transactions would both see the same MAX: they take turns here instead.
    if (const QString lock = sqldialect::lockForTransaction(db, QStringLiteral("returns.id")); !lock.isEmpty())
        execOrThrow(db, lock);
    QSqlQuery q = execOrThrow(db, QStringLiteral(
            "INSERT INTO returns (id, order_id, status, created_at, refund_method, pickup_date, time_slot, "
            "pickup_address, updated_at) "
            "SELECT 'RET-' || %1, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), "
            "CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT) FROM returns WHERE %2 RETURNING id")
                    .arg(sqldialect::zeroPadded(db, QStringLiteral("(COALESCE(MAX(CAST(substr(id, 5) AS BIGINT)), 0) + 1)"), 4),
                         sqldialect::digitsAfterPrefix(db, QStringLiteral("id"), QStringLiteral("RET-"))),
            request.orderId, status, request.createdAt.toMSecsSinceEpoch(), refund, dateOrNull(request.pickupDate),
            nullIfEmpty(request.timeSlot), nullIfEmpty(request.pickupAddress), request.createdAt.toMSecsSinceEpoch());
    if (!q.next())
        throw StorageError(QStringLiteral("createReturn: no id came back from the insert"));
    const QString id = q.value(0).toString();
    q.finish();
    int line = 0;
    for (const ReturnItem &item : request.items) {
        execOrThrow(db, QStringLiteral("INSERT INTO return_items (return_id, line, sku, quantity, reason) "
                                       "VALUES (?, ?, ?, ?, ?)"),
                    id, ++line, item.sku, item.quantity, item.reason);
    }
    tx.commit();
    return id;
}

std::optional<ReturnRequest> SqlStore::returnById(const QString &id)
{
    return first(StoreReader(m_database.connection()).returns(QStringLiteral("id = ?"), { id }));
}

std::vector<ReturnRequest> SqlStore::returnsForOrder(const QString &orderId)
{
    return StoreReader(m_database.connection()).returns(QStringLiteral("order_id = ?"), { orderId });
}

void SqlStore::schedulePickup(const QString &returnId, const QDate &date, const QString &slot, const QString &address,
                              const QDateTime &at)
{
    if (!date.isValid())
        throw StorageError(QStringLiteral("pickup_date: a valid date is required"));
    if (!slot.isEmpty())
        requireOneOf("time_slot", slot, timeSlots());
    requireTime("schedulePickup", at);
    // A requested return moves on to pickup_scheduled; an empty address keeps the one on file.
    requireFound(execOrThrow(m_database.connection(), QStringLiteral(
                                     "UPDATE returns SET pickup_date = ?, time_slot = ?, "
                                     "pickup_address = COALESCE(?, pickup_address), updated_at = ?, "
                                     "status = CASE WHEN status = 'requested' THEN 'pickup_scheduled' ELSE status END "
                                     "WHERE id = ?"),
                             dateOrNull(date), nullIfEmpty(slot), nullIfEmpty(address.trimmed()),
                             at.toMSecsSinceEpoch(), returnId),
                 "return", returnId);
}

std::optional<Cart> SqlStore::cartById(const QString &id)
{
    return first(StoreReader(m_database.connection()).carts(QStringLiteral("id = ?"), { id }));
}

std::optional<Cart> SqlStore::abandonedCartForCustomer(const QString &customerId)
{
    return first(StoreReader(m_database.connection())
                         .carts(QStringLiteral("customer_id = ? AND status = 'abandoned'"), { customerId },
                                QStringLiteral("abandoned_at DESC, id DESC LIMIT 1")));
}

std::vector<Offer> SqlStore::offers()
{
    return StoreReader(m_database.connection()).offers();
}

std::optional<Offer> SqlStore::offerByCode(const QString &code)
{
    return first(StoreReader(m_database.connection()).offers(QStringLiteral("upper(code) = upper(?)"), { code }));
}

void SqlStore::setCartDiscount(const QString &cartId, const QString &code, const QDateTime &at)
{
    requireTime("setCartDiscount", at);
    requireFound(execOrThrow(m_database.connection(),
                             QStringLiteral("UPDATE carts SET discount_code = ?, updated_at = ? WHERE id = ?"),
                             nullIfEmpty(code), at.toMSecsSinceEpoch(), cartId),
                 "cart", cartId);
}

void SqlStore::recordAbandonmentReason(const QString &cartId, const QString &reason, const QString &notes,
                                       const QDateTime &at)
{
    requireOneOf("reason", reason, abandonmentReasons());
    requireTime("recordAbandonmentReason", at);
    const QSqlDatabase db = m_database.connection();
    if (!runQuery(db, QStringLiteral("SELECT 1 FROM carts WHERE id = ?"), { cartId }).next())
        throw StorageError(QStringLiteral("cart '%1' not found").arg(cartId));
    execOrThrow(db, QStringLiteral("INSERT INTO abandonment_reasons (cart_id, reason, notes, at) VALUES (?, ?, ?, ?)"),
                cartId, reason, notNull(notes), at.toMSecsSinceEpoch());
}

void SqlStore::incrementRecoveryAttempts(const QString &cartId, const QDateTime &at)
{
    requireTime("incrementRecoveryAttempts", at);
    requireFound(execOrThrow(m_database.connection(),
                             QStringLiteral("UPDATE carts SET recovery_attempts = recovery_attempts + 1, updated_at = ? "
                                            "WHERE id = ?"),
                             at.toMSecsSinceEpoch(), cartId),
                 "cart", cartId);
}

qint64 SqlStore::queueSms(const SmsMessage &m)
{
    if (m.toPhone.isEmpty())
        throw StorageError(QStringLiteral("to_phone: must not be empty"));
    if (m.body.isEmpty())
        throw StorageError(QStringLiteral("body: must not be empty"));
    requireTime("queueSms created_at", m.createdAt);
    return insertReturningId(m_database.connection(),
                             QStringLiteral("INSERT INTO sms_outbox (to_phone, body, link, kind, created_at, expires_at) "
                                            "VALUES (?, ?, ?, ?, ?, ?)"),
                             m.toPhone, m.body, nullIfEmpty(m.link),
                             m.kind.isEmpty() ? QStringLiteral("checkout_link") : m.kind,
                             m.createdAt.toMSecsSinceEpoch(), msOrNull(m.expiresAt));
}

std::vector<SmsMessage> SqlStore::smsOutbox(int limit)
{
    std::vector<SmsMessage> out;
    QSqlQuery q = runQuery(m_database.connection(),
                           QStringLiteral("SELECT id, to_phone, body, link, kind, created_at, expires_at FROM sms_outbox "
                                          "ORDER BY id DESC LIMIT ?"),
                           { qMax(0, limit) });
    while (q.next()) {
        SmsMessage m;
        m.id = q.value(0).toLongLong();
        m.toPhone = q.value(1).toString();
        m.body = q.value(2).toString();
        m.link = q.value(3).toString();
        m.kind = q.value(4).toString();
        m.createdAt = utcFromEpochMs(q.value(5));
        m.expiresAt = utcFromEpochMs(q.value(6));
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace ringside
