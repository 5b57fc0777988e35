#pragma once
// The secrets a connected store needs, never stored in the database, a log or an error message.
// The engine reads them from the environment; the console from the OS keychain (it fills this
// struct itself). *_API_BASE point the clients at a stand-in server (tests), as TWILIO_API_BASE does.

#include "platforms/platform.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace ringside::platforms {

struct PlatformCredentials
{
    QByteArray shopifyAccessToken;   // SHOPIFY_ACCESS_TOKEN
    QByteArray shopifyWebhookSecret; // SHOPIFY_WEBHOOK_SECRET (the app's client secret)
    QByteArray wooConsumerKey;       // WOOCOMMERCE_CONSUMER_KEY
    QByteArray wooConsumerSecret;    // WOOCOMMERCE_CONSUMER_SECRET
    QByteArray wooWebhookSecret;     // WOOCOMMERCE_WEBHOOK_SECRET
    QString shopifyApiBase;          // SHOPIFY_API_BASE: replaces https://{shop}; "{shop}" in it is the shop's domain
    QString wooApiBase;              // WOOCOMMERCE_API_BASE: replaces the site URL

    static PlatformCredentials fromEnvironment();

    // The first variable a platform's API calls need that is missing, else empty.
    QString missingApiSecret(Platform platform) const;
    QByteArray webhookSecret(Platform platform) const
    {
        return platform == Platform::Shopify ? shopifyWebhookSecret : wooWebhookSecret;
    }
};

// The Admin GraphQL endpoint: https://{shop}/admin/api/{version}/graphql.json (or under the base).
QUrl shopifyGraphqlUrl(const Connection &connection, const PlatformCredentials &credentials);
// The REST v3 root: {site}/wp-json/wc/v3 (or under the base).
QUrl wooApiRoot(const Connection &connection, const PlatformCredentials &credentials);

} // namespace ringside::platforms
