#pragma once
// Shared by the platform tests: a temporary store connected to a FakeShop on loopback.

#include "fakeshop.h"
#include "platforms/credentials.h"
#include "platforms/platform.h"
#include "storage/database.h"
#include "testdatabase.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace ringside::testing {

inline std::unique_ptr<Database> openTempDatabase(const QTemporaryDir &dir, const char *name = "store.db")
{
    QString error;
    auto db = testing::openTestDatabase(dir.filePath(QLatin1String(name)), &error);
    if (!db)
        qFatal("cannot open test database: %s", qPrintable(error));
    return db;
}

inline platforms::PlatformCredentials shopifyCredentials(const fakes::FakeShop &shop)
{
    platforms::PlatformCredentials c;
    c.shopifyAccessToken = shop.accessToken;
    c.shopifyWebhookSecret = QByteArrayLiteral("whsec_shopify_test");
    c.shopifyApiBase = shop.url().toString() + QStringLiteral("/{shop}");
    c.wooConsumerKey = shop.wooKey;
    c.wooConsumerSecret = shop.wooSecret;
    c.wooWebhookSecret = QByteArrayLiteral("whsec_woo_test");
    c.wooApiBase = shop.url().toString();
    return c;
}

inline platforms::Connection shopifyConnection(const fakes::FakeShop &shop)
{
    platforms::Connection c;
    c.platform = platforms::Platform::Shopify;
    c.shop = shop.shopDomain;
    c.apiVersion = QStringLiteral("2026-01");
    c.shopName = QStringLiteral("Ringside Demo Shop");
    c.currency = QStringLiteral("INR");
    c.timezone = QStringLiteral("Asia/Kolkata");
    c.connectedAt = QDateTime::fromString(QStringLiteral("2026-11-26T10:00:00Z"), Qt::ISODate);
    return c;
}

inline platforms::Connection wooConnection()
{
    platforms::Connection c;
    c.platform = platforms::Platform::WooCommerce;
    c.shop = QStringLiteral("https://shop.example.com");
    c.shopName = QStringLiteral("Kavya's Kurtas");
    c.currency = QStringLiteral("INR");
    c.timezone = QStringLiteral("Asia/Kolkata");
    c.connectedAt = QDateTime::fromString(QStringLiteral("2026-11-26T10:00:00Z"), Qt::ISODate);
    return c;
}

// A Shopify orders/create payload as Shopify sends it (REST JSON): 64-bit ids above 2^53 written
// as bare JSON numbers, money as strings, many fields null.
inline QByteArray shopifyOrderPayload(const QString &legacyId, int number, const QString &updatedAt, const QString &financial = QStringLiteral("pending"),
                                      const QString &fulfillment = QString(), const QString &cancelledAt = QString())
{
    const QString fulfillments = fulfillment.isEmpty()
            ? QStringLiteral("[]")
            : QStringLiteral("[{\"id\":4903944060069174000,\"order_id\":%1,\"status\":\"success\",\"created_at\":\"2026-11-25T09:00:00+05:30\","
                             "\"updated_at\":\"%2\",\"tracking_company\":\"Blue Dart\",\"tracking_number\":\"BD77001122IN\","
                             "\"tracking_numbers\":[\"BD77001122IN\"],\"shipment_status\":\"%3\"}]")
                      .arg(legacyId, updatedAt, fulfillment);
    return QStringLiteral(
                   "{\"id\":%1,\"admin_graphql_api_id\":\"gid://shopify/Order/%1\",\"app_id\":null,\"browser_ip\":null,"
                   "\"name\":\"#%2\",\"order_number\":%2,\"number\":%3,\"created_at\":\"2026-11-24T10:15:00+05:30\","
                   "\"updated_at\":\"%4\",\"cancelled_at\":%5,\"cancel_reason\":null,\"financial_status\":\"%6\","
                   "\"fulfillment_status\":%7,\"payment_gateway_names\":[\"Cash on Delivery (COD)\"],\"currency\":\"INR\","
                   "\"total_price\":\"2499.00\",\"subtotal_price\":\"2499.00\",\"phone\":null,\"email\":\"asha@example.com\","
                   "\"tags\":\"\",\"checkout_id\":null,"
                   "\"customer\":{\"id\":207119551123456789,\"first_name\":\"Asha\",\"last_name\":\"Kulkarni\",\"phone\":\"+919812300001\","
                   "\"email\":\"asha@example.com\",\"updated_at\":\"2026-11-24T10:15:00+05:30\","
                   "\"default_address\":{\"province\":\"Karnataka\",\"country_code\":\"IN\",\"phone\":null}},"
                   "\"shipping_address\":{\"name\":\"Asha Kulkarni\",\"address1\":\"22 Residency Road\",\"address2\":null,\"city\":\"Bengaluru\","
                   "\"province\":\"Karnataka\",\"province_code\":\"KA\",\"zip\":\"560025\",\"country\":\"India\",\"country_code\":\"IN\",\"phone\":null},"
                   "\"line_items\":[{\"id\":866550311766439020,\"name\":\"Silk Saree\",\"title\":\"Silk Saree\",\"quantity\":1,"
                   "\"price\":\"2499.00\",\"sku\":\"SAREE-SILK\"}],\"fulfillments\":%8}")
            .arg(legacyId)
            .arg(number)
            .arg(number - 1000)
            .arg(updatedAt, cancelledAt.isEmpty() ? QStringLiteral("null") : QLatin1Char('"') + cancelledAt + QLatin1Char('"'), financial,
                 fulfillment.isEmpty() ? QStringLiteral("null") : QStringLiteral("\"fulfilled\""), fulfillments)
            .toUtf8();
}

} // namespace ringside::testing
