#pragma once
// The changes a tool's writes queued for a connected shop (Shopify, WooCommerce). The local store
// already shows them; the shop will once the outbox worker has made the call. A tool whose write
// was queued says it is being done, never that it is done, and its result carries
// "write_back": [{"action_id", "action", "platform", "status": "queued"}] so the call record can
// show what became of it.

#include "commerce/platformwrites.h"
#include "handlersupport.h"

namespace ringside {

struct QueuedWrites
{
    std::vector<PlatformWrite> writes;

    bool any() const { return !writes.empty(); }
    // The detail of the first write of `action` (e.g. the single-use discount code), else empty.
    QString detailOf(const char *action) const;
    json toJson() const;
    // Adds "write_back" to a result when something was queued.
    void addTo(json &result) const;
};

QueuedWrites takeQueuedWrites(HandlerEnv &env);
// The connected shop's own recovery link for a cart; empty for the embedded store.
QString shopCheckoutUrl(HandlerEnv &env, const QString &cartId);

} // namespace ringside
