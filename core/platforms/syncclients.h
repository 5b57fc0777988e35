#pragma once
// The client and page source that sync a connected shop, made in one place for the CLI and the
// console. Owns what it makes; the HttpExchange is the caller's (it belongs to the calling thread).

#include "platforms/credentials.h"
#include "platforms/syncsource.h"

#include <memory>

namespace ringside::platforms {

class HttpExchange;
class ShopifyClient;
class WooClient;

struct SyncClients
{
    SyncClients();
    ~SyncClients();
    SyncClients(SyncClients &&) noexcept;

    std::unique_ptr<ShopifyClient> shopify;  // set for a Shopify shop
    std::unique_ptr<WooClient> woo;          // set for a WooCommerce shop
    std::unique_ptr<SyncSource> source;
};

// `pageSize` 0 keeps each platform's default (Shopify 20 orders, WooCommerce 100 records).
SyncClients makeSyncClients(const Connection &connection, const PlatformCredentials &credentials, HttpExchange &http, int pageSize = 0);

} // namespace ringside::platforms
