#include "platforms/credentials.h"

namespace ringside::platforms {

namespace {
QByteArray secretEnv(const char *name)
{
    return qgetenv(name).trimmed();
}

QString withoutTrailingSlash(QString s)
{
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    return s;
}
} // namespace

PlatformCredentials PlatformCredentials::fromEnvironment()
{
    PlatformCredentials c;
    c.shopifyAccessToken = secretEnv("SHOPIFY_ACCESS_TOKEN");
    c.shopifyWebhookSecret = secretEnv("SHOPIFY_WEBHOOK_SECRET");
    c.wooConsumerKey = secretEnv("WOOCOMMERCE_CONSUMER_KEY");
    c.wooConsumerSecret = secretEnv("WOOCOMMERCE_CONSUMER_SECRET");
    c.wooWebhookSecret = secretEnv("WOOCOMMERCE_WEBHOOK_SECRET");
    c.shopifyApiBase = qEnvironmentVariable("SHOPIFY_API_BASE").trimmed();
    c.wooApiBase = qEnvironmentVariable("WOOCOMMERCE_API_BASE").trimmed();
    return c;
}

QString PlatformCredentials::missingApiSecret(Platform platform) const
{
    if (platform == Platform::Shopify)
        return shopifyAccessToken.isEmpty() ? QStringLiteral("SHOPIFY_ACCESS_TOKEN") : QString();
    if (wooConsumerKey.isEmpty())
        return QStringLiteral("WOOCOMMERCE_CONSUMER_KEY");
    if (wooConsumerSecret.isEmpty())
        return QStringLiteral("WOOCOMMERCE_CONSUMER_SECRET");
    return QString();
}

QUrl shopifyGraphqlUrl(const Connection &connection, const PlatformCredentials &credentials)
{
    QString base = credentials.shopifyApiBase.isEmpty() ? QStringLiteral("https://{shop}") : credentials.shopifyApiBase;
    base.replace(QLatin1String("{shop}"), connection.shop);
    const QString version = connection.apiVersion.isEmpty() ? QLatin1String(kDefaultShopifyApiVersion) : connection.apiVersion;
    return QUrl(withoutTrailingSlash(base) + QStringLiteral("/admin/api/%1/graphql.json").arg(version));
}

QUrl wooApiRoot(const Connection &connection, const PlatformCredentials &credentials)
{
    const QString base = credentials.wooApiBase.isEmpty() ? connection.shop : credentials.wooApiBase;
    return QUrl(withoutTrailingSlash(base) + QStringLiteral("/wp-json/wc/v3"));
}

} // namespace ringside::platforms
