#pragma once
// The store a connected shop's calls use: reads come from the local mirror (the embedded SQL store
// kept up to date by sync and webhooks), and every write changes the mirror AND queues the same
// change for the platform in one transaction (platform_outbox), so the caller's thread never waits
// on the network and a crash can neither lose the change nor send it twice. The outbox worker
// (OutboxWorker) makes the platform calls.
//
// Also finds orders by the number a customer says ("#1001", "1001", WooCommerce's number) and, as
// PlatformWrites, tells tools what was queued and a cart's platform recovery URL.

#include "commerce/platformwrites.h"
#include "commerce/sqlstore.h"
#include "platforms/platform.h"
#include "util/jsonqt.h"

#include <functional>

#include <QHash>
#include <QMutex>
#include <QThread>

namespace ringside::platforms {

class PlatformStore final : public CommerceBackend, public PlatformWrites
{
public:
    PlatformStore(Database &db, Connection connection);

    QString setting(const QString &key, const QString &fallback = {}) override { return m_local.setting(key, fallback); }
    std::optional<Customer> customerById(const QString &id) override { return m_local.customerById(id); }
    std::optional<Customer> customerByPhone(const QString &phone) override { return m_local.customerByPhone(phone); }
    std::optional<Order> orderById(const QString &id) override;
    std::vector<Order> ordersByPhone(const QString &phone) override { return m_local.ordersByPhone(phone); }
    std::vector<Order> ordersByTracking(const QString &n) override { return m_local.ordersByTracking(n); }

    void setCodConfirmation(const QString &orderId, const QString &state, bool confirmed, const QString &modification,
                            const QDateTime &at) override;
    void cancelOrder(const QString &orderId, const QString &reason, const QString &details, const QDateTime &at) override;
    void rescheduleDelivery(const QString &orderId, const QDate &date, const QString &slot, const QDateTime &at) override;
    void updateDeliveryAddress(const QString &orderId, const QString &address, const QDateTime &at) override;
    void setPaymentMethod(const QString &orderId, const QString &method, const QDateTime &at) override;

    QString createReturn(const ReturnRequest &request) override;
    std::optional<ReturnRequest> returnById(const QString &id) override { return m_local.returnById(id); }
    std::vector<ReturnRequest> returnsForOrder(const QString &orderId) override { return m_local.returnsForOrder(orderId); }
    void schedulePickup(const QString &returnId, const QDate &date, const QString &slot, const QString &address,
                        const QDateTime &at) override;

    std::optional<Cart> cartById(const QString &id) override { return m_local.cartById(id); }
    std::optional<Cart> abandonedCartForCustomer(const QString &customerId) override { return m_local.abandonedCartForCustomer(customerId); }
    std::vector<Offer> offers() override { return m_local.offers(); }
    std::optional<Offer> offerByCode(const QString &code) override { return m_local.offerByCode(code); }
    // Creates a single-use code on the platform for this customer (the offer's code + a random
    // suffix), and gives the cart that code.
    void setCartDiscount(const QString &cartId, const QString &code, const QDateTime &at) override;
    void recordAbandonmentReason(const QString &cartId, const QString &reason, const QString &notes, const QDateTime &at) override
    {
        m_local.recordAbandonmentReason(cartId, reason, notes, at);
    }
    void incrementRecoveryAttempts(const QString &cartId, const QDateTime &at) override { m_local.incrementRecoveryAttempts(cartId, at); }

    std::vector<PlatformWrite> takePlatformWrites() override;
    QString checkoutUrl(const QString &cartId) override;

    qint64 queueSms(const SmsMessage &message) override { return m_local.queueSms(message); }
    std::vector<SmsMessage> smsOutbox(int limit = 50) override { return m_local.smsOutbox(limit); }

    const Connection &connection() const { return m_connection; }

private:
    struct Record { QString platformId; QString gid; QString number; json details; QString url; };
    std::optional<Record> record(const char *kind, const QString &localId);
    // Runs `local` and queues the platform action in one transaction.
    void write(const QString &action, const QString &subject, const char *kind, json payload, const QDateTime &at,
               const std::function<void()> &local, const QString &detail = {});

    Database &m_db;
    SqlStore m_local;
    Connection m_connection;
    // Per calling thread (a store serves several call threads): what its last writes queued.
    QMutex m_writesMutex;
    QHash<Qt::HANDLE, std::vector<PlatformWrite>> m_writes;
    void noteWrite(const PlatformWrite &w);
};

} // namespace ringside::platforms
