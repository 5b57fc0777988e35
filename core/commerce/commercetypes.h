#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <vector>

namespace ringside {

// Plain data for the store. Instants are QDateTime in UTC (invalid = none); money is minor units
// (paise, cents) plus an ISO 4217 code, so no amount is ever a binary fraction.

struct Money {
    qint64 minor = 0;
    QString currency;
};

struct Customer {
    QString id;
    QString name;
    QString phone;             // E.164
    QString email;
    QString state;
    QString country;           // ISO 3166 alpha-2
    QString timezone = QStringLiteral("UTC"); // IANA
    QString preferredLanguage; // BCP 47; empty = infer
    QString type = QStringLiteral("consumer"); // consumer | business
};

struct LineItem {
    QString sku;
    QString name;
    int quantity = 1;
    qint64 priceMinor = 0;     // unit price
    QString category;
};

struct TrackingEvent {
    QDateTime at;
    QString status;
    QString location;
};

struct Order {
    QString id;
    QString customerId;
    QString status;            // processing shipped out_for_delivery delivered delayed cancelled returned on_hold pending_payment
    QString paymentMethod;     // cod card upi netbanking wallet prepaid
    QString codConfirmation;   // "" pending confirmed declined unconfirmed
    qint64 totalMinor = 0;
    QString currency;
    QDateTime createdAt;
    QString deliveryAddress;
    std::vector<LineItem> items;
    QString carrier;           // bluedart delhivery ecom_express fedex ups dhl, or empty
    QString trackingNumber;
    QDateTime shippedAt;
    QDateTime estimatedDelivery;
    QDateTime deliveredAt;
    QString delayReason;
    QDate deliveryDate;        // set by a reschedule
    QString deliverySlot;      // morning afternoon evening, or empty
    std::vector<TrackingEvent> trackingEvents;

    Money total() const { return { totalMinor, currency }; }
};

struct Cart {
    QString id;
    QString customerId;
    QString status;            // active abandoned recovered completed expired
    QDateTime abandonedAt;
    qint64 totalMinor = 0;
    QString currency;
    QString discountCode;
    int recoveryAttempts = 0;
    std::vector<LineItem> items;

    Money total() const { return { totalMinor, currency }; }
};

struct Offer {
    QString code;
    QString description;
    double percentOff = 0;     // 0–100
    qint64 amountOffMinor = 0;
    QString currency;          // applies to amount_off and min_cart_total; empty = any
    qint64 minCartTotalMinor = 0;
    QString category;          // empty = whole cart
    QDateTime expiresAt;       // invalid = never
};

struct ReturnItem {
    QString sku;
    int quantity = 1;
    QString reason;            // damaged wrong_item not_as_described size_issue quality_issue changed_mind
};

struct ReturnRequest {
    QString id;
    QString orderId;
    QString status;            // requested pickup_scheduled picked_up received refunded rejected cancelled
    QDateTime createdAt;
    QString refundMethod;      // original_payment store_credit bank_transfer
    QDate pickupDate;
    QString timeSlot;
    QString pickupAddress;
    std::vector<ReturnItem> items;
};

struct SmsMessage {
    qint64 id = 0;
    QString toPhone;
    QString body;
    QString link;
    QString kind;
    QDateTime createdAt;
    QDateTime expiresAt;
};

} // namespace ringside
