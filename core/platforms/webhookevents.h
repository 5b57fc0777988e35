#pragma once
// The durable record of webhook deliveries (table webhook_events): a delivery is stored with its raw
// body before it is answered, then applied by a worker; `store events` and the console read it back.

#include "platforms/platform.h"
#include "util/jsonqt.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace ringside {
class Database;
}

namespace ringside::platforms {

struct WebhookEvent
{
    qint64 id = 0;
    Platform platform = Platform::Shopify;
    QString deliveryId;
    QString eventId;
    QString topic;
    QString platformId;
    QDateTime receivedAt;
    QDateTime triggeredAt;
    QByteArray body;
    QString status;      // received applied duplicate stale rejected ignored failed
    QString detail;
    qint64 duplicateOf = 0;
    QDateTime appliedAt;

    json toJson() const; // without the body
};

// Stores a delivery as 'received' (or with the given final status). A delivery id already stored
// gives a 'duplicate' row pointing at the first and returns that row's id in *duplicateOf.
qint64 recordDelivery(Database &db, const WebhookEvent &event, qint64 *duplicateOf);
// Events still 'received', oldest first.
std::vector<WebhookEvent> pendingEvents(Database &db, int limit = 100);
std::vector<WebhookEvent> latestEvents(Database &db, int limit);
std::optional<WebhookEvent> eventById(Database &db, qint64 id);
// Drops events received before `before` (raw bodies are kept at least 7 days; serve keeps 14).
int pruneEvents(Database &db, const QDateTime &before);

} // namespace ringside::platforms
