#include "platforms/shopprobe.h"

#include "platforms/httpexchange.h"
#include "platforms/shopifyclient.h"
#include "platforms/shopifyqueries.h"
#include "platforms/wooclient.h"

#include <QRegularExpression>

namespace ringside::platforms {

ShopInfo probeShop(const Connection &connection, const PlatformCredentials &credentials, HttpExchange &http, int timeoutMs)
{
    ShopInfo info;
    const QString missing = credentials.missingApiSecret(connection.platform);
    if (!missing.isEmpty()) {
        info.error = PlatformError::make(PlatformError::Kind::Credentials, QStringLiteral("%1 is not set").arg(missing));
        return info;
    }
    if (connection.platform == Platform::Shopify) {
        ShopifyClient client(connection, credentials, http);
        client.setTimeoutMs(timeoutMs);
        const GraphqlAnswer a = client.run(shopifygql::kShop, json::object(), 1);
        if (!a.error.ok()) {
            info.error = a.error;
            return info;
        }
        const json shop = a.data.is_object() ? a.data.value("shop", json()) : json();
        info.name = stringAt(shop, "name");
        info.currency = stringAt(shop, "currencyCode");
        info.timezone = stringAt(shop, "ianaTimezone");
        if (info.currency.isEmpty())
            info.error = PlatformError::make(PlatformError::Kind::Malformed, QStringLiteral("Shopify's answer has no shop.currencyCode"));
        return info;
    }
    WooClient client(connection, credentials, http);
    client.setTimeoutMs(timeoutMs);
    const WooAnswer general = client.get(QStringLiteral("/settings/general"));
    if (!general.error.ok()) {
        info.error = general.error;
        return info;
    }
    for (const json &s : general.body) {
        if (stringAt(s, "id") == QLatin1String("woocommerce_currency"))
            info.currency = stringAt(s, "value");
    }
    if (info.currency.isEmpty()) {
        info.error = PlatformError::make(PlatformError::Kind::Malformed, QStringLiteral("settings/general has no woocommerce_currency"));
        return info;
    }
    // The WordPress index is public: the site's title and time zone.
    HttpRequest index;
    const QUrl root = wooApiRoot(connection, credentials);
    index.url = QUrl(root.toString().chopped(QStringLiteral("/wc/v3").size()));
    index.timeoutMs = timeoutMs;
    const HttpAnswer answer = http.send(index);
    const json doc = json::parse(answer.body.constBegin(), answer.body.constEnd(), nullptr, false);
    info.name = stringAt(doc, "name");
    info.timezone = stringAt(doc, "timezone_string");
    if (info.name.isEmpty())
        info.name = root.host();
    return info;
}

QString normaliseShopDomain(const QString &given, QString *error)
{
    QString s = given.trimmed().toLower();
    if (s.startsWith(QLatin1String("https://")))
        s = s.mid(8);
    else if (s.startsWith(QLatin1String("http://")))
        s = s.mid(7);
    s = s.section(QLatin1Char('/'), 0, 0);
    if (!s.contains(QLatin1Char('.')))
        s += QStringLiteral(".myshopify.com");
    static const QRegularExpression shape(QStringLiteral("^[a-z0-9][a-z0-9-]*\\.myshopify\\.com$"));
    if (!shape.match(s).hasMatch()) {
        *error = QStringLiteral("'%1' is not a Shopify shop domain: give NAME.myshopify.com (the admin URL's shop name, "
                                "not a custom domain)").arg(given);
        return QString();
    }
    return s;
}

QString normaliseSiteUrl(const QString &given, QString *error)
{
    QString s = given.trimmed();
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    const QUrl url(s);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        *error = QStringLiteral("'%1' is not a site URL: give https://example.com").arg(given);
        return QString();
    }
    return s;
}

} // namespace ringside::platforms
