#pragma once

#include "commercetypes.h"

#include <QString>

#include <optional>
#include <vector>

namespace ringside {

// What the tool handlers may ask of a store. The embedded SQL store implements it; Shopify and
// WooCommerce clients will too. Lookups return std::nullopt / empty when nothing matches;
// infrastructure failures throw StorageError (core/storage/sqlutil.h), which the tool registry
// turns into a structured error. Business rules (return windows, cancellable states, best offer)
// belong to the handlers, not here: a backend records what it is told.
//
// IDs passed in are canonical (e.g. "ORD-482913"); handlers canonicalise what callers say.
class CommerceBackend
{
public:
    virtual ~CommerceBackend() = default;

    // Store-wide values used in prompts and messages: storeName, freeShippingThreshold (minor units),
    // currency, processingTime, orderIdFormat, supportHours, returnWindowDays, …
    virtual QString setting(const QString &key, const QString &fallback = {}) = 0;

    virtual std::optional<Customer> customerById(const QString &id) = 0;
    // Matches E.164 exactly or, failing that, the national number (last ten digits).
    virtual std::optional<Customer> customerByPhone(const QString &phone) = 0;

    virtual std::optional<Order> orderById(const QString &id) = 0;
    // Every order whose customer matches the phone, newest first.
    virtual std::vector<Order> ordersByPhone(const QString &phone) = 0;
    virtual std::vector<Order> ordersByTracking(const QString &trackingNumber) = 0;

    virtual void setCodConfirmation(const QString &orderId, const QString &state, bool confirmed,
                                    const QString &modification, const QDateTime &at) = 0;
    virtual void cancelOrder(const QString &orderId, const QString &reason, const QString &details,
                             const QDateTime &at) = 0;
    virtual void rescheduleDelivery(const QString &orderId, const QDate &date, const QString &slot,
                                    const QDateTime &at) = 0;
    virtual void updateDeliveryAddress(const QString &orderId, const QString &address, const QDateTime &at) = 0;
    virtual void setPaymentMethod(const QString &orderId, const QString &method, const QDateTime &at) = 0;

    // Returns: a new id is assigned by the backend and returned.
    virtual QString createReturn(const ReturnRequest &request) = 0;
    virtual std::optional<ReturnRequest> returnById(const QString &id) = 0;
    virtual std::vector<ReturnRequest> returnsForOrder(const QString &orderId) = 0;
    virtual void schedulePickup(const QString &returnId, const QDate &date, const QString &slot,
                                const QString &address, const QDateTime &at) = 0;

    virtual std::optional<Cart> cartById(const QString &id) = 0;
    // The customer's most recently abandoned cart, if any.
    virtual std::optional<Cart> abandonedCartForCustomer(const QString &customerId) = 0;
    virtual std::vector<Offer> offers() = 0;
    virtual std::optional<Offer> offerByCode(const QString &code) = 0;
    virtual void setCartDiscount(const QString &cartId, const QString &code, const QDateTime &at) = 0;
    virtual void recordAbandonmentReason(const QString &cartId, const QString &reason, const QString &notes,
                                         const QDateTime &at) = 0;
    virtual void incrementRecoveryAttempts(const QString &cartId, const QDateTime &at) = 0;

    // Queues a text message; returns its outbox id.
    virtual qint64 queueSms(const SmsMessage &message) = 0;
    virtual std::vector<SmsMessage> smsOutbox(int limit = 50) = 0;
};

} // namespace ringside
