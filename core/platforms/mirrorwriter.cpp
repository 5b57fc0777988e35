#include "platforms/mirrorwriter.h"

#include "commerce/storereader.h"
#include "commerce/storewriter.h"
#include "storage/sqlutil.h"

namespace ringside::platforms {

using commerce::StoreReader;
using commerce::StoreWriter;

MirrorWriter::MirrorWriter(QSqlDatabase db, qint64 nowMs) : m_db(std::move(db)), m_nowMs(nowMs) {}

std::optional<MirrorWriter::Known> MirrorWriter::known(const char *kind, const QString &platformId)
{
    QSqlQuery q = execOrThrow(m_db, QStringLiteral("SELECT local_id, platform_updated_at FROM platform_records "
                                                   "WHERE kind = ? AND platform_id = ?"),
                              QString::fromLatin1(kind), platformId);
    if (!q.next())
        return std::nullopt;
    return Known{ q.value(0).toString(), q.value(1).toLongLong() };
}

// The proposed id, unless another record (of the platform or the embedded store) already uses it.
QString MirrorWriter::freeLocalId(const char *kind, const char *table, const QString &proposed, const QString &platformId)
{
    QSqlQuery q = execOrThrow(m_db, QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(QLatin1String(table)), proposed);
    if (!q.next())
        return proposed;
    q.finish();
    QSqlQuery mine = execOrThrow(m_db, QStringLiteral("SELECT 1 FROM platform_records WHERE kind = ? AND local_id = ? "
                                                      "AND platform_id = ?"),
                                 QString::fromLatin1(kind), proposed, platformId);
    return mine.next() ? proposed : proposed + QLatin1Char('-') + platformId;
}

void MirrorWriter::remember(const char *kind, const QString &platformId, const QString &localId, const QString &gid,
                            const QString &number, const QDateTime &updatedAt, const QString &url,
                            const QDateTime &completedAt, const QStringList &tags, const json &details)
{
    execOrThrow(m_db, QStringLiteral(
            "INSERT INTO platform_records (kind, platform_id, local_id, gid, number, number_key, platform_updated_at, url, "
            "completed_at, tags, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kind, platform_id) DO UPDATE SET "
            "local_id = excluded.local_id, gid = excluded.gid, number = excluded.number, number_key = excluded.number_key, "
            "platform_updated_at = excluded.platform_updated_at, url = excluded.url, completed_at = excluded.completed_at, "
            "tags = excluded.tags, details = excluded.details"),
            QString::fromLatin1(kind), platformId, localId, commerce::notNull(gid), commerce::notNull(number),
            commerce::notNull(numberKey(number)), updatedAt.isValid() ? updatedAt.toMSecsSinceEpoch() : m_nowMs,
            commerce::notNull(url), commerce::msOrNull(completedAt), commerce::notNull(tags.join(QLatin1Char(','))),
            QString::fromStdString(details.dump()));
}

bool MirrorWriter::pendingWrite(const QString &subject, const QString &action)
{
    QSqlQuery q = execOrThrow(m_db, QStringLiteral("SELECT 1 FROM platform_outbox WHERE subject = ? AND action = ? "
                                                   "AND status IN ('queued', 'sending') LIMIT 1"),
                              subject, action);
    return q.next();
}

QString MirrorWriter::customerLocalId(const MirrorCustomer &c)
{
    if (c.platformId.isEmpty())
        return c.customer.id; // a guest: keyed by the order or checkout it came with
    if (const auto k = known("customer", c.platformId))
        return k->localId;
    return freeLocalId("customer", "customers", c.customer.id, c.platformId);
}

MirrorOutcome MirrorWriter::writeCustomer(const MirrorCustomer &c)
{
    const auto k = c.platformId.isEmpty() ? std::nullopt : known("customer", c.platformId);
    if (k && c.updatedAt.isValid()) {
        if (c.updatedAt.toMSecsSinceEpoch() < k->updatedAtMs)
            return MirrorOutcome::Stale;
        if (c.updatedAt.toMSecsSinceEpoch() == k->updatedAtMs)
            return MirrorOutcome::Unchanged;
    }
    Customer customer = c.customer;
    customer.id = customerLocalId(c);
    // A phone or language Ringside learnt is kept when the platform has none.
    const auto existing = StoreReader(m_db).customers(QStringLiteral("id = ?"), { customer.id });
    if (!existing.empty()) {
        if (customer.phone.isEmpty())
            customer.phone = existing.front().phone;
        if (customer.preferredLanguage.isEmpty())
            customer.preferredLanguage = existing.front().preferredLanguage;
    }
    StoreWriter(m_db, StoreWriter::Mode::Replace, m_nowMs).writeCustomer(customer);
    if (!c.platformId.isEmpty())
        remember("customer", c.platformId, customer.id, c.gid, QString(), c.updatedAt, QString(), QDateTime(), {}, json::object());
    return MirrorOutcome::Written;
}

MirrorOutcome MirrorWriter::writeOrder(const MirrorOrder &m)
{
    const auto k = known("order", m.platformId);
    if (k && m.updatedAt.isValid()) {
        if (m.updatedAt.toMSecsSinceEpoch() < k->updatedAtMs)
            return MirrorOutcome::Stale;
        if (m.updatedAt.toMSecsSinceEpoch() == k->updatedAtMs)
            return MirrorOutcome::Unchanged;
    }
    Order order = m.order;
    order.id = k ? k->localId : freeLocalId("order", "orders", m.order.id, m.platformId);
    // The customer first: the order refers to it. A stale customer copy is simply not rewritten.
    MirrorCustomer customer = m.customer;
    writeCustomer(customer);
    order.customerId = customerLocalId(customer);

    const auto existing = StoreReader(m_db).orders(QStringLiteral("id = ?"), { order.id });
    if (!existing.empty()) {
        const Order &old = existing.front();
        // Ringside's own COD conversation state is richer than the platform's.
        if (order.paymentMethod == QLatin1String("cod") && old.paymentMethod == QLatin1String("cod")
            && order.codConfirmation == QLatin1String("pending") && !old.codConfirmation.isEmpty())
            order.codConfirmation = old.codConfirmation;
        order.deliveryDate = old.deliveryDate;
        order.deliverySlot = old.deliverySlot;
        if (order.trackingEvents.empty())
            order.trackingEvents = old.trackingEvents;
        if (order.estimatedDelivery.isNull())
            order.estimatedDelivery = old.estimatedDelivery;
        // A change queued for the shop and not yet made there must not be undone by this copy.
        if (old.status == QLatin1String("cancelled") && order.status != QLatin1String("cancelled")
            && pendingWrite(order.id, QStringLiteral("cancel_order")))
            order.status = old.status;
        if (pendingWrite(order.id, QStringLiteral("update_address")))
            order.deliveryAddress = old.deliveryAddress;
        if (pendingWrite(order.id, QStringLiteral("payment_link")))
            order.paymentMethod = old.paymentMethod, order.codConfirmation = old.codConfirmation;
    }
    StoreWriter(m_db, StoreWriter::Mode::Replace, m_nowMs).writeOrder(order);
    remember("order", m.platformId, order.id, m.gid, m.number, m.updatedAt, m.paymentUrl, QDateTime(), m.tags, m.details);
    m_orders.insert(order.id);

    // An order placed from a checkout Ringside tried to recover marks that cart.
    if (!m.checkoutPlatformId.isEmpty()) {
        if (const auto cart = known("checkout", m.checkoutPlatformId)) {
            execOrThrow(m_db, QStringLiteral("UPDATE carts SET status = CASE WHEN recovery_attempts > 0 OR discount_code IS NOT NULL "
                                             "THEN 'recovered' ELSE 'completed' END, updated_at = ? "
                                             "WHERE id = ? AND status IN ('abandoned', 'active')"),
                        m_nowMs, cart->localId);
            execOrThrow(m_db, QStringLiteral("UPDATE platform_records SET completed_at = COALESCE(completed_at, ?) "
                                             "WHERE kind = 'checkout' AND platform_id = ?"),
                        order.createdAt.toMSecsSinceEpoch(), m.checkoutPlatformId);
            // Analytics and campaigns count a cart recovered by the order placed from it
            // (orders.cart_id), so the link is kept on the order as well.
            execOrThrow(m_db, QStringLiteral("UPDATE orders SET cart_id = ? WHERE id = ? AND cart_id IS NULL"), cart->localId, order.id);
            m_carts.insert(cart->localId);
        }
    }
    return MirrorOutcome::Written;
}

MirrorOutcome MirrorWriter::writeCart(const MirrorCart &m)
{
    const auto k = known("checkout", m.platformId);
    if (k && m.updatedAt.isValid()) {
        if (m.updatedAt.toMSecsSinceEpoch() < k->updatedAtMs)
            return MirrorOutcome::Stale;
        if (m.updatedAt.toMSecsSinceEpoch() == k->updatedAtMs)
            return MirrorOutcome::Unchanged;
    }
    Cart cart = m.cart;
    cart.id = k ? k->localId : freeLocalId("checkout", "carts", m.cart.id, m.platformId);
    MirrorCustomer customer = m.customer;
    writeCustomer(customer);
    cart.customerId = customerLocalId(customer);
    const auto existing = StoreReader(m_db).carts(QStringLiteral("id = ?"), { cart.id });
    if (!existing.empty()) {
        const Cart &old = existing.front();
        cart.recoveryAttempts = old.recoveryAttempts;
        cart.discountCode = old.discountCode;
        // Completed after Ringside reached out: that is a recovery.
        if (cart.status == QLatin1String("completed") && (old.recoveryAttempts > 0 || !old.discountCode.isEmpty()
                                                          || old.status == QLatin1String("recovered")))
            cart.status = QStringLiteral("recovered");
    }
    StoreWriter(m_db, StoreWriter::Mode::Replace, m_nowMs).writeCart(cart);
    remember("checkout", m.platformId, cart.id, m.gid, QString(), m.updatedAt, m.recoveryUrl, m.completedAt, {}, json::object());
    m_carts.insert(cart.id);
    return MirrorOutcome::Written;
}

MirrorOutcome MirrorWriter::markOrderDeleted(const QString &platformId, const QDateTime &at)
{
    const auto k = known("order", platformId);
    if (!k)
        return MirrorOutcome::Unchanged;
    execOrThrow(m_db, QStringLiteral("UPDATE orders SET status = 'cancelled', updated_at = ? WHERE id = ?"), m_nowMs, k->localId);
    execOrThrow(m_db, QStringLiteral("UPDATE platform_records SET platform_updated_at = ? WHERE kind = 'order' AND platform_id = ?"),
                at.isValid() ? at.toMSecsSinceEpoch() : m_nowMs, platformId);
    m_orders.insert(k->localId);
    return MirrorOutcome::Written;
}

} // namespace ringside::platforms
