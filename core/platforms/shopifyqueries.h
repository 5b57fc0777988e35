#pragma once
// The GraphQL documents Ringside sends to Shopify's Admin API. They ask only for fields the mirror
// and the write-back use: a query's cost is `first` × what each node asks for, and the bucket is
// shared with the shop's other apps. Checked against the pinned API version (2026-01).

#include <QString>

namespace ringside::platforms::shopifygql {

extern const QString kShop;             // shop { name currencyCode ianaTimezone myshopifyDomain }
extern const QString kOrdersPage;       // orders(first, after, query, sortKey: UPDATED_AT)
extern const QString kCustomersPage;    // customers(first, after, query, sortKey: UPDATED_AT)
extern const QString kCheckoutsPage;    // abandonedCheckouts(first, after, query)
extern const QString kOrderState;       // order(id) { cancelledAt tags note … } — in-doubt checks
extern const QString kOrderForReturn;   // order(id) { fulfillments { fulfillmentLineItems … } returns … }
extern const QString kCheckoutState;    // abandonedCheckouts(first: 1, query: "id:N") { completedAt }
extern const QString kDiscountByCode;   // codeDiscountNodeByCode(code)
extern const QString kDraftOrderByTag;  // draftOrders(first: 1, query: "tag:…") { invoiceUrl }

extern const QString kOrderCancel;
extern const QString kOrderUpdate;      // shippingAddress / note
extern const QString kTagsAdd;
extern const QString kDiscountCreate;   // discountCodeBasicCreate
extern const QString kDraftOrderCreate;
extern const QString kReturnRequest;

// Orders per page: about 48 points each with the fields asked for, so 20 stay under the 1,000
// points a single query may cost.
inline constexpr int kOrdersPerPage = 20;
inline constexpr int kCustomersPerPage = 100;
inline constexpr int kCheckoutsPerPage = 20;

} // namespace ringside::platforms::shopifygql
