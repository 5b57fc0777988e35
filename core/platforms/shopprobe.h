#pragma once
// `store connect` and Test connection: one cheap authenticated request that proves the credentials
// and tells the shop's name, currency and time zone (Shopify: shop { name currencyCode ianaTimezone };
// WooCommerce: settings/general for the currency, plus the WordPress index for name and zone).

#include "platforms/credentials.h"
#include "platforms/platformerror.h"

namespace ringside::platforms {

class HttpExchange;

struct ShopInfo
{
    QString name;
    QString currency;
    QString timezone;
    PlatformError error;
};

ShopInfo probeShop(const Connection &connection, const PlatformCredentials &credentials, HttpExchange &http, int timeoutMs = 15000);

// NAME, NAME.myshopify.com or https://NAME.myshopify.com/… → NAME.myshopify.com; empty when it is
// not a shop domain (*error says why).
QString normaliseShopDomain(const QString &given, QString *error);
// A WooCommerce site's base URL (https://example.com or https://example.com/shop), without a trailing '/'.
QString normaliseSiteUrl(const QString &given, QString *error);

} // namespace ringside::platforms
