#pragma once
// The two places the campaigns meet a connected Shopify or WooCommerce shop (docs/campaigns.md):
//  - shopCartCheck(): right before a cart-recovery call, the shop itself is asked whether the
//    checkout is still abandoned (platforms::checkoutStillAbandoned); the dialer's CartStatusCheck.
//  - StoreChangeNudge: a platforms::StoreChangeListener that wakes the dialer's scan when a sync
//    page or a webhook changed orders or carts, instead of waiting for the next periodic scan.

#include "campaigns/dialer.h"
#include "platforms/credentials.h"
#include "platforms/storechangelistener.h"

#include <functional>

namespace ringside::campaigns {

// Called on the dialer's thread (it blocks for one request; its HTTP client is made there, on first
// use). No shop connected: Unknown with no detail, and the store's own cart state decides.
CartStatusCheck shopCartCheck(Database &db, platforms::PlatformCredentials credentials);

class StoreChangeNudge final : public platforms::StoreChangeListener
{
public:
    // `nudge` is called on the writing thread (sync or webhook worker): it must only hand on.
    explicit StoreChangeNudge(std::function<void()> nudge) : m_nudge(std::move(nudge)) {}
    void ordersChanged(const QStringList &orderIds) override;
    void cartsChanged(const QStringList &cartIds) override;

private:
    std::function<void()> m_nudge;
};

} // namespace ringside::campaigns
