#pragma once
// What a store connected to a shop platform (core/platforms) offers the tools beside
// CommerceBackend: the changes a write queued for the shop (the local record shows them, the shop
// does not yet, so a tool says "being done", not "done"), and a cart's own recovery link on the
// shop. The embedded store does not implement it; tools ask with dynamic_cast.

#include <QString>

#include <vector>

namespace ringside {

struct PlatformWrite {
    qint64 actionId = 0;       // the outbox row (0: an earlier row already covers it)
    QString action;            // cancel_order, tag_order, create_discount, …
    QString platform;          // shopify | woocommerce
    QString detail;            // e.g. the single-use discount code created for this customer
};

class PlatformWrites
{
public:
    virtual ~PlatformWrites() = default;
    // The platform changes the writes made on this thread since the last call queued, taken once.
    virtual std::vector<PlatformWrite> takePlatformWrites() = 0;
    // The shop's own link back to this checkout; empty when it has none.
    virtual QString checkoutUrl(const QString &cartId) = 0;
};

} // namespace ringside
