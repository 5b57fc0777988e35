#pragma once
// A platform record translated into the store's own terms (commerce/commercetypes.h) plus what
// the mirror keeps beside it: the platform's id, its updated_at (for staleness), the order number
// a customer says, the recovery URL of a checkout. Produced by the Shopify and WooCommerce mappers
// from sync pages and webhook payloads alike; written by MirrorWriter.

#include "commerce/commercetypes.h"
#include "util/jsonqt.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace ringside::platforms {

struct MirrorCustomer
{
    Customer customer;          // customer.id is the local id the mapper proposes
    QString platformId;         // empty for a guest (no platform customer)
    QString gid;
    QDateTime updatedAt;
};

struct MirrorOrder
{
    Order order;                // order.id is the proposed local id (from the order number)
    MirrorCustomer customer;
    QString platformId;
    QString gid;
    QString number;             // "#1001" / "1001"
    QDateTime updatedAt;
    QStringList tags;
    QString paymentUrl;         // WooCommerce: the pay-for-order page
    QString checkoutPlatformId; // the checkout the order was placed from, when the platform says
    json details = json::object(); // what write-back needs later (email, customer gid)
};

struct MirrorCart
{
    Cart cart;
    MirrorCustomer customer;
    QString platformId;
    QString gid;
    QString recoveryUrl;        // the platform's own link back to the checkout
    QDateTime updatedAt;
    QDateTime completedAt;
};

// The local order id for a platform order number: "#1001" → "1001"; spaces become '-', anything
// but letters, digits, '-' and '_' is dropped. Empty when nothing is left.
QString localIdFromNumber(const QString &number);
// What an order number is looked up by: upper-case letters and digits only ("#1001" → "1001").
QString numberKey(const QString &number);

// Defensive reading of platform JSON (many fields are null in practice): the value at `key`, or a
// null value; its text (strings as they are, integers exactly, other numbers as written), or empty.
const json &jsonField(const json &obj, const char *key);
QString jsonText(const json &obj, const char *key);

// Platform ids as text, exactly: JSON integers (64-bit, never a double) or strings. Empty for
// anything else (a float would already have lost digits).
QString idText(const json &value);

// "1499.50" in minor units of `currency`, exactly; nullopt for anything that is not a plain decimal.
std::optional<qint64> amountToMinor(const QString &text, const QString &currency);

// The store's carrier key for a carrier name a platform shows ("Blue Dart", "FedEx"…), or empty.
QString carrierKey(const QString &company);

// A BCP 47 tag from a platform locale ("hi" → "hi-IN", "en" → "en-IN" in India, "en-US" elsewhere).
QString languageTag(const QString &locale, const QString &country);

// The IANA zone a customer probably lives in: Asia/Kolkata for India, else the shop's.
QString zoneFor(const QString &country, const QString &shopZone);

} // namespace ringside::platforms
