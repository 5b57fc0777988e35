#pragma once
// WooCommerce REST v3 records → the store's terms (sync pages and webhook payloads share the shape).
// Status mapping (docs/platforms.md has the table): pending, failed → pending_payment;
// processing → processing; on-hold → on_hold; completed → delivered; cancelled, trash → cancelled;
// refunded → returned when it had been completed, else cancelled. WooCommerce has no abandoned
// checkout of its own: an unpaid (pending or failed), not cash-on-delivery order stands in for one,
// with its pay-for-order page as the recovery link.

#include "platforms/mirrorrecord.h"
#include "util/result.h"

#include <optional>

namespace ringside::platforms {

struct WooOrderRecords
{
    MirrorOrder order;
    std::optional<MirrorCart> cart;   // the stand-in abandoned checkout, for unpaid orders
};

QString wooStatus(const QString &status, bool everCompleted);
Result<WooOrderRecords> wooOrderFromRest(const json &payload, const QString &shopZone);
Result<MirrorCustomer> wooCustomerFromRest(const json &payload, const QString &shopZone);

} // namespace ringside::platforms
