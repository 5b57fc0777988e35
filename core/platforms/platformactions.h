#pragma once
// Carries out one outbox action on the shop, and — when a previous attempt was interrupted and may
// have happened — first asks the shop whether it already did (the order is cancelled, the note is
// there, the discount code exists, a draft order carries the action's tag), so nothing is done twice.
// Carriers are not integrated: rescheduling and pickups become an order note and tag for the shop.

#include "platforms/outbox.h"
#include "platforms/platformerror.h"
#include "util/jsonqt.h"

namespace ringside {
class Database;
}

namespace ringside::platforms {

class ShopifyClient;
class WooClient;

struct ActionOutcome
{
    PlatformError error;
    json result = json::object();  // stored on the outbox row (invoice URL, discount id, "already": true…)
};

class PlatformActions
{
public:
    // Exactly one of the clients is used, the one of the action's platform. `db` is used to queue
    // the SMS carrying a payment link.
    PlatformActions(Database &db, ShopifyClient *shopify, WooClient *woo) : m_db(db), m_shopify(shopify), m_woo(woo) {}

    ActionOutcome run(const OutboxAction &action, bool inDoubt, const QDateTime &now);

private:
    ActionOutcome shopify(const OutboxAction &a, bool inDoubt, const QDateTime &now);
    ActionOutcome woo(const OutboxAction &a, bool inDoubt, const QDateTime &now);
    void queuePaymentSms(const OutboxAction &a, const QString &url, const QDateTime &now);

    Database &m_db;
    ShopifyClient *m_shopify;
    WooClient *m_woo;
};

// A tag short enough for Shopify (40 characters) that names one action: "rs-" + 12 hex digits.
QString actionTag(const QString &idempotencyKey);
// "12.50" for minor units of a currency.
QString decimalText(qint64 minor, const QString &currency);

} // namespace ringside::platforms
