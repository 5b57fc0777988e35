#include "platforms/shopifyqueries.h"

namespace ringside::platforms::shopifygql {

const QString kShop = QStringLiteral("query RingsideShop { shop { name currencyCode ianaTimezone myshopifyDomain } }");

const QString kOrdersPage = QStringLiteral(
        "query RingsideOrders($first: Int!, $after: String, $query: String) {"
        " orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {"
        " pageInfo { hasNextPage endCursor }"
        " nodes { id legacyResourceId name createdAt updatedAt cancelledAt tags phone email"
        " displayFinancialStatus displayFulfillmentStatus paymentGatewayNames"
        " totalPriceSet { shopMoney { amount currencyCode } }"
        " customer { id legacyResourceId firstName lastName email phone locale updatedAt"
        " defaultAddress { province countryCodeV2 phone } }"
        " shippingAddress { name address1 address2 city province provinceCode zip country countryCodeV2 phone }"
        " lineItems(first: 10) { nodes { id title quantity sku originalUnitPriceSet { shopMoney { amount currencyCode } } } }"
        " fulfillments(first: 3) { createdAt deliveredAt estimatedDeliveryAt displayStatus"
        " trackingInfo(first: 2) { company number url } } } } }");

const QString kCustomersPage = QStringLiteral(
        "query RingsideCustomers($first: Int!, $after: String, $query: String) {"
        " customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {"
        " pageInfo { hasNextPage endCursor }"
        " nodes { id legacyResourceId firstName lastName email phone locale updatedAt"
        " defaultAddress { province countryCodeV2 phone } } } }");

const QString kCheckoutsPage = QStringLiteral(
        "query RingsideCheckouts($first: Int!, $after: String, $query: String) {"
        " abandonedCheckouts(first: $first, after: $after, query: $query) {"
        " pageInfo { hasNextPage endCursor }"
        " nodes { id abandonedCheckoutUrl createdAt updatedAt completedAt"
        " customer { id legacyResourceId firstName lastName email phone locale updatedAt"
        " defaultAddress { province countryCodeV2 phone } }"
        " shippingAddress { province countryCodeV2 phone }"
        " totalPriceSet { shopMoney { amount currencyCode } }"
        " lineItems(first: 10) { nodes { id title quantity sku originalUnitPriceSet { shopMoney { amount currencyCode } } } } } } }");

const QString kOrderState = QStringLiteral(
        "query RingsideOrderState($id: ID!) { order(id: $id) { id cancelledAt tags note"
        " shippingAddress { address1 city zip } } }");

const QString kOrderForReturn = QStringLiteral(
        "query RingsideOrderForReturn($id: ID!) { order(id: $id) { id"
        " fulfillments(first: 5) { fulfillmentLineItems(first: 20) { nodes { id quantity lineItem { sku } } } }"
        " returns(first: 10) { nodes { id name status } } } }");

const QString kCheckoutState = QStringLiteral(
        "query RingsideCheckoutState($query: String!) { abandonedCheckouts(first: 1, query: $query) {"
        " nodes { id completedAt updatedAt } } }");

const QString kDiscountByCode = QStringLiteral(
        "query RingsideDiscountByCode($code: String!) { codeDiscountNodeByCode(code: $code) { id } }");

const QString kDraftOrderByTag = QStringLiteral(
        "query RingsideDraftByTag($query: String!) { draftOrders(first: 1, query: $query) { nodes { id invoiceUrl } } }");

const QString kOrderCancel = QStringLiteral(
        "mutation RingsideOrderCancel($orderId: ID!, $reason: OrderCancelReason!, $refundMethod: OrderCancelRefundMethodInput!,"
        " $restock: Boolean!, $notifyCustomer: Boolean, $staffNote: String) {"
        " orderCancel(orderId: $orderId, reason: $reason, refundMethod: $refundMethod, restock: $restock,"
        " notifyCustomer: $notifyCustomer, staffNote: $staffNote) {"
        " job { id } orderCancelUserErrors { field message code } } }");

const QString kOrderUpdate = QStringLiteral(
        "mutation RingsideOrderUpdate($input: OrderInput!) { orderUpdate(input: $input) {"
        " order { id } userErrors { field message } } }");

const QString kTagsAdd = QStringLiteral(
        "mutation RingsideTagsAdd($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, tags: $tags) {"
        " node { id } userErrors { field message } } }");

const QString kDiscountCreate = QStringLiteral(
        "mutation RingsideDiscountCreate($basicCodeDiscount: DiscountCodeBasicInput!) {"
        " discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {"
        " codeDiscountNode { id } userErrors { field message code } } }");

const QString kDraftOrderCreate = QStringLiteral(
        "mutation RingsideDraftOrderCreate($input: DraftOrderInput!) { draftOrderCreate(input: $input) {"
        " draftOrder { id invoiceUrl } userErrors { field message } } }");

const QString kReturnRequest = QStringLiteral(
        "mutation RingsideReturnRequest($input: ReturnRequestInput!) { returnRequest(input: $input) {"
        " return { id name status } userErrors { field message code } } }");

} // namespace ringside::platforms::shopifygql
