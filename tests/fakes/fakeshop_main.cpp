// ringside-fakeshop: the loopback stand-in for Shopify, WooCommerce, Twilio and Exotel SMS, run by
// hand to try Ringside's shop integration without a real shop (docs/platforms.md, "Try it").
#include "fakeshop.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTcpServer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A stand-in Shopify / WooCommerce / Twilio / Exotel on 127.0.0.1 for trying Ringside."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("orders"), QStringLiteral("Shopify orders to hold (#1001…)."), QStringLiteral("N"), QStringLiteral("25") });
    parser.addOption({ QStringLiteral("checkouts"), QStringLiteral("Abandoned checkouts."), QStringLiteral("N"), QStringLiteral("3") });
    parser.addOption({ QStringLiteral("woo-orders"), QStringLiteral("WooCommerce orders (2001…)."), QStringLiteral("N"), QStringLiteral("12") });
    parser.addOption({ QStringLiteral("restore-rate"), QStringLiteral("Shopify points restored per second."), QStringLiteral("N"), QStringLiteral("100") });
    parser.addOption({ QStringLiteral("bucket"), QStringLiteral("Shopify bucket size in points."), QStringLiteral("N"), QStringLiteral("1000") });
    parser.process(app);
    // Every option is a positive number; a typo must not silently become 0 (which would throttle
    // every Shopify request or seed an empty shop).
    auto number = [&](const char *name, double *value) {
        bool ok = false;
        *value = parser.value(QLatin1String(name)).toDouble(&ok);
        if (!ok || *value < 0) {
            std::fprintf(stderr, "ringside-fakeshop: --%s: '%s' is not a number of 0 or more\n", name,
                         qPrintable(parser.value(QLatin1String(name))));
            return false;
        }
        return true;
    };
    double restoreRate = 0, bucket = 0, orders = 0, checkouts = 0, wooOrders = 0;
    if (!number("restore-rate", &restoreRate) || !number("bucket", &bucket) || !number("orders", &orders)
        || !number("checkouts", &checkouts) || !number("woo-orders", &wooOrders))
        return 2;
    ringside::fakes::FakeShop shop;
    shop.restoreRate = restoreRate;
    shop.bucketMax = bucket;
    shop.seedShopify(int(orders), int(checkouts));
    shop.seedWoo(int(wooOrders));
    if (!shop.listen()) {
        std::fprintf(stderr, "ringside-fakeshop: cannot listen\n");
        return 1;
    }
    const QString base = shop.url().toString();
    std::printf("fake shop on %s\n"
                "  SHOPIFY_API_BASE=%s/{shop} SHOPIFY_ACCESS_TOKEN=%s  (shop %s)\n"
                "  WOOCOMMERCE_API_BASE=%s WOOCOMMERCE_CONSUMER_KEY=%s WOOCOMMERCE_CONSUMER_SECRET=%s\n"
                "  TWILIO_API_BASE=%s EXOTEL_API_BASE=%s\n"
                "  what it was asked: curl %s/_fake/state\n",
                qPrintable(base), qPrintable(base), shop.accessToken.constData(), qPrintable(shop.shopDomain), qPrintable(base),
                shop.wooKey.constData(), shop.wooSecret.constData(), qPrintable(base), qPrintable(base), qPrintable(base));
    std::fflush(stdout);
    return app.exec();
}
