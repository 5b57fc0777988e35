#include "platforms/webhookendpoint.h"

#include "platforms/mirrorrecord.h"
#include "platforms/webhookevents.h"
#include "platforms/webhooksignature.h"
#include "storage/sqlutil.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcWebhook, "ringside.platforms.webhooks")

namespace ringside::platforms {

namespace {

QByteArray reply(const json &body)
{
    return QByteArray::fromStdString(body.dump());
}

WebhookReply error(int status, const QString &message)
{
    return { status, reply(json{ { "error", message } }) };
}

// The record a payload is about, read without parsing numbers through a double.
QString resourceId(const QByteArray &body)
{
    const json doc = json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (!doc.is_object())
        return QString();
    if (doc.contains("id"))
        return idText(doc["id"]);
    return QString();
}

} // namespace

bool isKnownTopic(Platform platform, const QString &topic)
{
    static const QStringList shopify = {
        QStringLiteral("orders/create"), QStringLiteral("orders/updated"), QStringLiteral("orders/cancelled"),
        QStringLiteral("orders/fulfilled"), QStringLiteral("orders/paid"), QStringLiteral("fulfillments/create"),
        QStringLiteral("fulfillments/update"), QStringLiteral("checkouts/create"), QStringLiteral("checkouts/update"),
        QStringLiteral("customers/create"), QStringLiteral("customers/update"), QStringLiteral("app/uninstalled"),
    };
    static const QStringList woo = { QStringLiteral("order.created"), QStringLiteral("order.updated"),
                                     QStringLiteral("order.deleted"), QStringLiteral("customer.created"),
                                     QStringLiteral("customer.updated") };
    return (platform == Platform::Shopify ? shopify : woo).contains(topic);
}

WebhookEndpoint::WebhookEndpoint(Database &db, PlatformCredentials credentials, Clock clock, std::function<void(qint64)> stored)
    : m_db(db)
    , m_credentials(std::move(credentials))
    , m_clock(std::move(clock))
    , m_stored(std::move(stored))
{
}

WebhookReply WebhookEndpoint::handle(Platform platform, const WebhookDelivery &d)
{
    const bool shopify = platform == Platform::Shopify;
    if (d.method != "POST")
        return error(405, QStringLiteral("use POST"));
    if (d.body.size() > kMaxWebhookBody)
        return error(413, QStringLiteral("body of %1 bytes is over the 1 MiB limit").arg(d.body.size()));
    const QByteArray secret = m_credentials.webhookSecret(platform);
    if (secret.isEmpty()) {
        const qint64 now = m_clock.nowMs();
        if (now - m_lastMissingSecretLogMs > 60000) {
            m_lastMissingSecretLogMs = now;
            qCWarning(lcWebhook, "refused a %s webhook from %s: %s is not set, so deliveries cannot be verified",
                      qPrintable(platformTitle(platform)), qPrintable(d.peer),
                      shopify ? "SHOPIFY_WEBHOOK_SECRET" : "WOOCOMMERCE_WEBHOOK_SECRET");
        }
        return error(503, QStringLiteral("%1 webhooks are not configured on this server (no webhook secret)").arg(platformTitle(platform)));
    }

    WebhookEvent event;
    event.platform = platform;
    event.receivedAt = m_clock.now();
    const QByteArray signature = d.headers.value(shopify ? "x-shopify-hmac-sha256" : "x-wc-webhook-signature");
    event.topic = QString::fromUtf8(d.headers.value(shopify ? "x-shopify-topic" : "x-wc-webhook-topic")).trimmed();
    event.deliveryId = QString::fromUtf8(d.headers.value(shopify ? "x-shopify-webhook-id" : "x-wc-webhook-delivery-id")).trimmed();
    event.eventId = QString::fromUtf8(d.headers.value(shopify ? "x-shopify-event-id" : "x-wc-webhook-id")).trimmed();
    if (shopify)
        event.triggeredAt = parseIso(QString::fromUtf8(d.headers.value("x-shopify-triggered-at")));

    // WooCommerce proves a new webhook's URL with an unsigned form post "webhook_id=N".
    static const QRegularExpression ping(QStringLiteral("^webhook_id=\\d+$"));
    if (!shopify && signature.isEmpty() && ping.match(QString::fromLatin1(d.body.trimmed())).hasMatch()) {
        event.topic = QStringLiteral("ping");
        event.deliveryId = QStringLiteral("ping-") + QString::fromLatin1(d.body.trimmed().mid(11)) + QLatin1Char('-')
                + QString::number(event.receivedAt.toMSecsSinceEpoch());
        event.status = QStringLiteral("ignored");
        event.detail = QStringLiteral("WooCommerce ping for webhook %1").arg(QString::fromLatin1(d.body.trimmed().mid(11)));
        qint64 dup = 0;
        const qint64 id = recordDelivery(m_db, event, &dup);
        return { 200, reply(json{ { "ok", true }, { "event", id }, { "ping", true } }) };
    }

    if (!verifyWebhookSignature(secret, d.body, signature)) {
        qCWarning(lcWebhook, "rejected a %s webhook (%s) from %s: %s signature", qPrintable(platformTitle(platform)),
                  qPrintable(event.topic.left(40)), qPrintable(d.peer), signature.isEmpty() ? "missing" : "wrong");
        event.status = QStringLiteral("rejected");
        event.deliveryId = event.deliveryId.left(100);
        event.topic = event.topic.left(60);
        event.detail = QStringLiteral("%1 signature from %2").arg(signature.isEmpty() ? QStringLiteral("missing") : QStringLiteral("wrong"), d.peer);
        event.body = QByteArray("");
        qint64 dup = 0;
        recordDelivery(m_db, event, &dup);
        return error(401, QStringLiteral("signature missing or wrong"));
    }

    if (event.deliveryId.isEmpty()) // dedupe on the body itself when the platform gave no id
        event.deliveryId = QStringLiteral("sha256:") + QString::fromLatin1(QCryptographicHash::hash(d.body, QCryptographicHash::Sha256).toHex());
    event.body = d.body;
    event.platformId = resourceId(d.body);
    if (isKnownTopic(platform, event.topic)) {
        event.status = QStringLiteral("received");
    } else {
        event.status = QStringLiteral("ignored");
        event.detail = event.topic.isEmpty() ? QStringLiteral("no topic header") : QStringLiteral("topic not used by Ringside");
    }
    // A shop other than the connected one (the same app in two shops) is recorded, not applied.
    if (shopify && event.status == QLatin1String("received")) {
        const QString domain = QString::fromUtf8(d.headers.value("x-shopify-shop-domain")).trimmed();
        const auto connection = loadConnection(m_db);
        if (connection && !domain.isEmpty() && connection->platform == Platform::Shopify
            && domain.compare(connection->shop, Qt::CaseInsensitive) != 0) {
            event.status = QStringLiteral("ignored");
            event.detail = QStringLiteral("from %1, not the connected shop %2").arg(domain, connection->shop);
        }
    }
    qint64 duplicateOf = 0;
    const qint64 id = recordDelivery(m_db, event, &duplicateOf);
    if (duplicateOf > 0)
        return { 200, reply(json{ { "ok", true }, { "event", id }, { "duplicate_of", duplicateOf } }) };
    if (event.status == QLatin1String("received") && m_stored)
        m_stored(id);
    return { 200, reply(json{ { "ok", true }, { "event", id } }) };
}

} // namespace ringside::platforms
