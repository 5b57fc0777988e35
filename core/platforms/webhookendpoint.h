#pragma once
// POST /webhooks/shopify and /webhooks/woocommerce on serve's port. A delivery is checked (size,
// secret configured, HMAC-SHA256 of the raw body in constant time), stored with its raw body, and
// answered at once; a worker applies it afterwards (WebhookWorker). Runs on the HTTP server's
// thread: the only work here is one small SQLite insert.
//
//   > 1 MiB                        → 413, nothing stored
//   no secret configured           → 503, logged (unsigned bodies are never accepted)
//   WooCommerce ping (webhook_id=N) → 200, recorded as ignored
//   missing or wrong signature     → 401, recorded as rejected (without the body)
//   a delivery id seen before      → 200, recorded as duplicate, no second effect
//   unknown topic                  → 200, recorded as ignored
//   otherwise                      → 200 {"event": id}, applied by the worker

#include "platforms/credentials.h"
#include "util/clock.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>

namespace ringside {
class Database;
}

namespace ringside::platforms {

struct WebhookDelivery
{
    QByteArray method;
    QHash<QByteArray, QByteArray> headers; // names lower-case
    QByteArray body;
    QString peer;
};

struct WebhookReply
{
    int status = 200;
    QByteArray body;    // JSON
};

inline constexpr qsizetype kMaxWebhookBody = 1024 * 1024;

// The topics Ringside applies; anything else is recorded and ignored.
bool isKnownTopic(Platform platform, const QString &topic);

class WebhookEndpoint
{
public:
    // `stored` is called (on this thread) after an event is stored for the worker to apply.
    WebhookEndpoint(Database &db, PlatformCredentials credentials, Clock clock, std::function<void(qint64)> stored);

    WebhookReply handle(Platform platform, const WebhookDelivery &delivery);

private:
    Database &m_db;
    PlatformCredentials m_credentials;
    Clock m_clock;
    std::function<void(qint64)> m_stored;
    qint64 m_lastMissingSecretLogMs = 0;
};

} // namespace ringside::platforms
