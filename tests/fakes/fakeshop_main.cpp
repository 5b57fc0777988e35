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
    ringside::fakes::FakeShop shop;
    shop.restoreRate = parser.value(QStringLiteral("restore-rate")).toDouble();
    shop.bucketMax = parser.value(QStringLiteral("bucket")).toDouble();
    shop.seedShopify(parser.value(QStringLiteral("orders")).toInt(), parser.value(QStringLiteral("checkouts")).toInt());
    shop.seedWoo(parser.value(QStringLiteral("woo-orders")).toInt());
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
