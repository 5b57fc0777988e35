#include "platforms/syncclients.h"

#include "platforms/shopifyclient.h"
#include "platforms/shopifysyncsource.h"
#include "platforms/wooclient.h"
#include "platforms/woosyncsource.h"

namespace ringside::platforms {

SyncClients::SyncClients() = default;
SyncClients::~SyncClients() = default;
SyncClients::SyncClients(SyncClients &&) noexcept = default;

SyncClients makeSyncClients(const Connection &connection, const PlatformCredentials &credentials, HttpExchange &http, int pageSize)
{
    SyncClients c;
    if (connection.platform == Platform::Shopify) {
        c.shopify = std::make_unique<ShopifyClient>(connection, credentials, http);
        auto source = std::make_unique<ShopifySyncSource>(*c.shopify);
        if (pageSize > 0)
            source->setOrdersPerPage(pageSize);
        c.source = std::move(source);
    } else {
        c.woo = std::make_unique<WooClient>(connection, credentials, http);
        auto source = std::make_unique<WooSyncSource>(*c.woo);
        if (pageSize > 0)
            source->setPerPage(pageSize);
        c.source = std::move(source);
    }
    return c;
}

} // namespace ringside::platforms
