#include "campaigns/shopcartcheck.h"

#include "platforms/checkoutcheck.h"
#include "platforms/httpexchange.h"
#include "platforms/platform.h"

#include <memory>

namespace ringside::campaigns {

CartStatusCheck shopCartCheck(Database &db, platforms::PlatformCredentials credentials)
{
    // Made on the first call, on the thread that asks (the dialer's): its network manager lives there.
    auto http = std::make_shared<std::unique_ptr<platforms::HttpExchange>>();
    return [&db, credentials = std::move(credentials), http](const QString &cartId) -> CartCheck {
        if (!platforms::loadConnection(db))
            return {};
        if (!*http)
            *http = std::make_unique<platforms::HttpExchange>();
        const platforms::CheckoutCheck check = platforms::checkoutStillAbandoned(db, cartId, credentials, **http);
        switch (check.state) {
        case platforms::CheckoutState::StillAbandoned:
            return { CartState::Abandoned, {} };
        case platforms::CheckoutState::Completed:
            return { CartState::Completed, QStringLiteral("the shop says checkout of cart %1 was completed").arg(cartId) };
        case platforms::CheckoutState::Gone:
            return { CartState::Gone, QStringLiteral("the shop cancelled or deleted the checkout of cart %1").arg(cartId) };
        case platforms::CheckoutState::Unknown:
            break;
        }
        return { CartState::Unknown, check.error.message };
    };
}

void StoreChangeNudge::ordersChanged(const QStringList &orderIds)
{
    if (!orderIds.isEmpty())
        m_nudge();
}

void StoreChangeNudge::cartsChanged(const QStringList &cartIds)
{
    if (!cartIds.isEmpty())
        m_nudge();
}

} // namespace ringside::campaigns
