#pragma once
// Which shop platform a store is connected to, and the one connection it has (docs/platforms.md).
// The connection row holds no secret: tokens and webhook secrets come from PlatformCredentials.

#include <QDateTime>
#include <QString>

#include <optional>

namespace ringside {
class Database;
}

namespace ringside::platforms {

enum class Platform { Shopify, WooCommerce };

QString platformKey(Platform platform);             // "shopify", "woocommerce"
QString platformTitle(Platform platform);           // "Shopify", "WooCommerce"
std::optional<Platform> platformFromKey(const QString &key);

inline constexpr const char *kDefaultShopifyApiVersion = "2026-01";

struct Connection
{
    Platform platform = Platform::Shopify;
    QString shop;           // NAME.myshopify.com, or the WooCommerce site's https URL
    QString apiVersion;     // Shopify only
    QString shopName;
    QString currency;
    QString timezone;
    QDateTime connectedAt;
    QDateTime lastCheckedAt;
};

// The stored connection, if any. Throws StorageError.
std::optional<Connection> loadConnection(Database &db);
// Replaces the connection and writes the shop's name, currency, time zone, domain and order number
// format into the store settings the agents read. Throws StorageError.
void saveConnection(Database &db, const Connection &connection);
// Forgets the connection and its sync cursors; the mirrored records stay (they are the store's now).
void removeConnection(Database &db);

} // namespace ringside::platforms
