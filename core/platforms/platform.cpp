#include "platforms/platform.h"

#include "commerce/storewriter.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QUrl>

namespace ringside::platforms {

QString platformKey(Platform platform)
{
    return platform == Platform::Shopify ? QStringLiteral("shopify") : QStringLiteral("woocommerce");
}

QString platformTitle(Platform platform)
{
    return platform == Platform::Shopify ? QStringLiteral("Shopify") : QStringLiteral("WooCommerce");
}

std::optional<Platform> platformFromKey(const QString &key)
{
    if (key.compare(QLatin1String("shopify"), Qt::CaseInsensitive) == 0)
        return Platform::Shopify;
    if (key.compare(QLatin1String("woocommerce"), Qt::CaseInsensitive) == 0 || key.compare(QLatin1String("woo"), Qt::CaseInsensitive) == 0)
        return Platform::WooCommerce;
    return std::nullopt;
}

std::optional<Connection> loadConnection(Database &db)
{
    QSqlQuery q = execOrThrow(db.connection(), QStringLiteral(
            "SELECT platform, shop, api_version, shop_name, currency, timezone, connected_at, last_checked_at "
            "FROM platform_connection WHERE id = 1"));
    if (!q.next())
        return std::nullopt;
    const auto platform = platformFromKey(q.value(0).toString());
    if (!platform)
        return std::nullopt;
    Connection c;
    c.platform = *platform;
    c.shop = q.value(1).toString();
    c.apiVersion = q.value(2).toString();
    c.shopName = q.value(3).toString();
    c.currency = q.value(4).toString();
    c.timezone = q.value(5).toString();
    c.connectedAt = QDateTime::fromMSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC);
    if (!q.value(7).isNull())
        c.lastCheckedAt = QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
    return c;
}

void saveConnection(Database &db, const Connection &c)
{
    const bool ok = db.transaction([&](QSqlDatabase sql) {
        execOrThrow(sql, QStringLiteral(
                "INSERT INTO platform_connection (id, platform, shop, api_version, shop_name, currency, timezone, "
                "connected_at, last_checked_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "platform = excluded.platform, shop = excluded.shop, api_version = excluded.api_version, "
                "shop_name = excluded.shop_name, currency = excluded.currency, timezone = excluded.timezone, "
                "connected_at = excluded.connected_at, last_checked_at = excluded.last_checked_at"),
                platformKey(c.platform), c.shop, commerce::notNull(c.apiVersion), commerce::notNull(c.shopName),
                commerce::notNull(c.currency), commerce::notNull(c.timezone), c.connectedAt.toMSecsSinceEpoch(),
                commerce::msOrNull(c.lastCheckedAt));
        commerce::StoreWriter settings(sql, commerce::StoreWriter::Mode::Replace, c.connectedAt.toMSecsSinceEpoch());
        settings.writeSetting(QStringLiteral("platform"), platformKey(c.platform));
        if (!c.shopName.isEmpty())
            settings.writeSetting(QStringLiteral("storeName"), c.shopName);
        if (!c.currency.isEmpty())
            settings.writeSetting(QStringLiteral("currency"), c.currency);
        if (!c.timezone.isEmpty())
            settings.writeSetting(QStringLiteral("timezone"), c.timezone);
        const QString host = c.platform == Platform::Shopify ? c.shop : QUrl(c.shop).host();
        if (!host.isEmpty())
            settings.writeSetting(QStringLiteral("storeDomain"), host);
        settings.writeSetting(QStringLiteral("orderIdFormat"),
                              c.platform == Platform::Shopify
                                      ? QStringLiteral("the order number from the confirmation email, like #1001 (saying 1001 is enough)")
                                      : QStringLiteral("the order number from the confirmation email, like 1001"));
        return true;
    });
    if (!ok)
        throw StorageError(QStringLiteral("cannot save the platform connection"));
}

void removeConnection(Database &db)
{
    db.transaction([](QSqlDatabase sql) {
        execOrThrow(sql, QStringLiteral("DELETE FROM platform_connection"));
        execOrThrow(sql, QStringLiteral("DELETE FROM platform_sync_state"));
        execOrThrow(sql, QStringLiteral("DELETE FROM store_settings WHERE key IN ('platform', 'orderIdFormat')"));
        return true;
    });
}

} // namespace ringside::platforms
