#pragma once
// Shopify records → the store's terms. Two shapes carry the same facts: Admin GraphQL nodes
// (camelCase, GIDs, MoneyBags; what sync reads) and REST JSON (snake_case, 64-bit numeric ids, money
// as strings; what webhooks deliver). Both are parsed defensively: Shopify leaves many fields null.
// Status mapping (docs/platforms.md has the table):
//   cancelled                                  → cancelled
//   fulfilled/partial, latest shipment DELIVERED → delivered; OUT_FOR_DELIVERY → out_for_delivery;
//     ATTEMPTED_DELIVERY / FAILURE / NOT_DELIVERED → delayed; otherwise → shipped
//   on hold                                    → on_hold
//   payment pending and not cash on delivery   → pending_payment
//   otherwise                                  → processing

#include "platforms/mirrorrecord.h"
#include "util/result.h"

namespace ringside::platforms {

struct ShopifyOrderFacts
{
    bool cancelled = false;
    bool cod = false;
    QString financial;       // upper case: PENDING, PAID, REFUNDED, …
    QString fulfillment;     // upper case: FULFILLED, PARTIALLY_FULFILLED, UNFULFILLED, ON_HOLD, …
    QString shipment;        // the latest fulfillment's status, upper case: IN_TRANSIT, DELIVERED, …
};
QString shopifyStatus(const ShopifyOrderFacts &facts);
// "Cash on Delivery (COD)", "cod", "Cash on delivery" → true (case-insensitive).
bool isCashOnDelivery(const QStringList &gatewayNames);

// `shopZone` is the shop's IANA zone, used for customers outside India.
Result<MirrorOrder> shopifyOrderFromGraphql(const json &node, const QString &shopZone);
Result<MirrorOrder> shopifyOrderFromRest(const json &payload, const QString &shopZone);
Result<MirrorCustomer> shopifyCustomerFromGraphql(const json &node, const QString &shopZone);
Result<MirrorCustomer> shopifyCustomerFromRest(const json &payload, const QString &shopZone);
Result<MirrorCart> shopifyCheckoutFromGraphql(const json &node, const QString &shopZone);
Result<MirrorCart> shopifyCheckoutFromRest(const json &payload, const QString &shopZone);

} // namespace ringside::platforms
