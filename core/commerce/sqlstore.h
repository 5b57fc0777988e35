#pragma once

#include "commercebackend.h"

namespace ringside {

class Database;

// The embedded store: CommerceBackend over the SQL tables of migration 0001.
// Safe to use from any thread: every call takes the calling thread's own connection.
// Writes to a missing order, return or cart, or with a value outside its vocabulary (slot, state,
// reason), throw StorageError naming the problem — handlers are expected to have checked first.
class SqlStore final : public CommerceBackend
{
public:
    explicit SqlStore(Database &database) : m_database(database) {}

    // The stored value, else the built-in default (commerce/storesettings.h), else `fallback`.
    // "freeShippingThreshold" is the threshold in minor units of the store's currency;
    // "freeShippingThreshold.USD" names a currency explicitly.
    QString setting(const QString &key, const QString &fallback = {}) override;

    std::optional<Customer> customerById(const QString &id) override;
    std::optional<Customer> customerByPhone(const QString &phone) override;

    std::optional<Order> orderById(const QString &id) override;
    std::vector<Order> ordersByPhone(const QString &phone) override;
    std::vector<Order> ordersByTracking(const QString &trackingNumber) override;

    void setCodConfirmation(const QString &orderId, const QString &state, bool confirmed,
                            const QString &modification, const QDateTime &at) override;
    void cancelOrder(const QString &orderId, const QString &reason, const QString &details,
                     const QDateTime &at) override;
    void rescheduleDelivery(const QString &orderId, const QDate &date, const QString &slot,
                            const QDateTime &at) override;
    void updateDeliveryAddress(const QString &orderId, const QString &address, const QDateTime &at) override;
    void setPaymentMethod(const QString &orderId, const QString &method, const QDateTime &at) override;

    // Assigns "RET-" + the next number after the highest existing RET id (at least four digits).
    QString createReturn(const ReturnRequest &request) override;
    std::optional<ReturnRequest> returnById(const QString &id) override;
    std::vector<ReturnRequest> returnsForOrder(const QString &orderId) override;
    void schedulePickup(const QString &returnId, const QDate &date, const QString &slot,
                        const QString &address, const QDateTime &at) override;

    std::optional<Cart> cartById(const QString &id) override;
    std::optional<Cart> abandonedCartForCustomer(const QString &customerId) override;
    std::vector<Offer> offers() override;
    std::optional<Offer> offerByCode(const QString &code) override;
    void setCartDiscount(const QString &cartId, const QString &code, const QDateTime &at) override;
    void recordAbandonmentReason(const QString &cartId, const QString &reason, const QString &notes,
                                 const QDateTime &at) override;
    void incrementRecoveryAttempts(const QString &cartId, const QDateTime &at) override;

    qint64 queueSms(const SmsMessage &message) override;
    // Newest first.
    std::vector<SmsMessage> smsOutbox(int limit = 50) override;

private:
    // The ids of customers matching `phone` (exact E.164, else the national number).
    QStringList customerIdsByPhone(const QString &phone);

    Database &m_database;
};

} // namespace ringside
