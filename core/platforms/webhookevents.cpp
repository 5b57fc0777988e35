#include "platforms/webhookevents.h"

#include "commerce/storewriter.h"
#include "storage/database.h"
#include "storage/sqlutil.h"
#include "util/clock.h"

namespace ringside::platforms {

namespace {

const QString kColumns = QStringLiteral("id, platform, delivery_id, event_id, topic, platform_id, received_at, triggered_at, "
                                        "body, status, detail, duplicate_of, applied_at");

WebhookEvent readRow(const QSqlQuery &q)
{
    WebhookEvent e;
    e.id = q.value(0).toLongLong();
    e.platform = platformFromKey(q.value(1).toString()).value_or(Platform::Shopify);
    e.deliveryId = q.value(2).toString();
    e.eventId = q.value(3).toString();
    e.topic = q.value(4).toString();
    e.platformId = q.value(5).toString();
    e.receivedAt = utcFromEpochMs(q.value(6));
    e.triggeredAt = utcFromEpochMs(q.value(7));
    e.body = q.value(8).toByteArray();
    e.status = q.value(9).toString();
    e.detail = q.value(10).toString();
    e.duplicateOf = q.value(11).toLongLong();
    e.appliedAt = utcFromEpochMs(q.value(12));
    return e;
}

std::vector<WebhookEvent> select(Database &db, const QString &tail, const QVariant &bind)
{
    std::vector<WebhookEvent> out;
    QSqlQuery q = execOrThrow(db.connection(), QStringLiteral("SELECT %1 FROM webhook_events %2").arg(kColumns, tail), bind);
    while (q.next())
        out.push_back(readRow(q));
    return out;
}

} // namespace

json WebhookEvent::toJson() const
{
    json j = { { "id", id },
               { "platform", platformKey(platform) },
               { "topic", topic },
               { "platform_id", platformId },
               { "delivery_id", deliveryId },
               { "received_at", toIso(receivedAt) },
               { "outcome", status },
               { "detail", detail } };
    j["applied_at"] = appliedAt.isValid() ? json(toIso(appliedAt)) : json(nullptr);
    if (duplicateOf > 0)
        j["duplicate_of"] = duplicateOf;
    return j;
}

qint64 recordDelivery(Database &db, const WebhookEvent &e, qint64 *duplicateOf)
{
    qint64 id = 0;
    *duplicateOf = 0;
    db.transaction([&](QSqlDatabase sql) {
        const QString insert = QStringLiteral(
                "INSERT INTO webhook_events (platform, delivery_id, event_id, topic, platform_id, received_at, triggered_at, "
                "body, status, detail, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (e.status != QLatin1String("rejected")) {
            // The unique index decides which copy is the original, also between engines that share
            // one PostgreSQL and received the same delivery at the same moment: the loser's insert
            // does nothing and it records a duplicate instead.
            id = insertReturningId(sql, insert + QStringLiteral(" ON CONFLICT (platform, delivery_id) "
                                                                "WHERE duplicate_of IS NULL AND status <> 'rejected' DO NOTHING"),
                                   platformKey(e.platform), e.deliveryId, commerce::notNull(e.eventId), commerce::notNull(e.topic),
                                   commerce::notNull(e.platformId), e.receivedAt.toMSecsSinceEpoch(), commerce::msOrNull(e.triggeredAt),
                                   e.body.isNull() ? QByteArray("") : e.body, e.status, commerce::notNull(e.detail), QVariant());
            if (id > 0)
                return true;
            QSqlQuery seen = execOrThrow(sql, QStringLiteral("SELECT id FROM webhook_events WHERE platform = ? AND delivery_id = ? "
                                                             "AND duplicate_of IS NULL AND status <> 'rejected'"),
                                         platformKey(e.platform), e.deliveryId);
            if (!seen.next())
                throw StorageError(QStringLiteral("webhook delivery %1 conflicted with an original that is not there").arg(e.deliveryId));
            *duplicateOf = seen.value(0).toLongLong();
        }
        // A duplicate's body is the first delivery's: not stored twice.
        id = insertReturningId(sql, insert, platformKey(e.platform), e.deliveryId, commerce::notNull(e.eventId), commerce::notNull(e.topic),
                               commerce::notNull(e.platformId), e.receivedAt.toMSecsSinceEpoch(), commerce::msOrNull(e.triggeredAt),
                               *duplicateOf > 0 ? QByteArray("") : (e.body.isNull() ? QByteArray("") : e.body),
                               *duplicateOf > 0 ? QStringLiteral("duplicate") : e.status,
                               *duplicateOf > 0 ? QStringLiteral("already received as event %1").arg(*duplicateOf) : commerce::notNull(e.detail),
                               *duplicateOf > 0 ? QVariant(*duplicateOf) : QVariant());
        return true;
    });
    return id;
}

std::vector<WebhookEvent> pendingEvents(Database &db, int limit)
{
    return select(db, QStringLiteral("WHERE status = 'received' ORDER BY id LIMIT ?"), limit);
}

std::vector<WebhookEvent> latestEvents(Database &db, int limit)
{
    return select(db, QStringLiteral("ORDER BY id DESC LIMIT ?"), limit);
}

std::optional<WebhookEvent> eventById(Database &db, qint64 id)
{
    auto rows = select(db, QStringLiteral("WHERE id = ?"), id);
    if (rows.empty())
        return std::nullopt;
    return rows.front();
}

int pruneEvents(Database &db, const QDateTime &before)
{
    QSqlQuery q = execOrThrow(db.connection(), QStringLiteral("DELETE FROM webhook_events WHERE received_at < ? AND status <> 'received'"),
                              before.toMSecsSinceEpoch());
    return q.numRowsAffected();
}

} // namespace ringside::platforms
