#include "platforms/webhookworker.h"

#include "platforms/storechangelistener.h"
#include "platforms/webhookapplier.h"
#include "platforms/webhookevents.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QLoggingCategory>
#include <QMetaObject>

Q_LOGGING_CATEGORY(lcWebhookWorker, "ringside.platforms.webhooks")

namespace ringside::platforms {

WebhookWorker::WebhookWorker(Database &db, Clock clock, StoreChangeListener *listener, QObject *parent)
    : QObject(parent), m_db(db), m_clock(std::move(clock)), m_listener(listener)
{
}

void WebhookWorker::wake()
{
    QMetaObject::invokeMethod(this, &WebhookWorker::drain, Qt::QueuedConnection);
}

void WebhookWorker::drain()
{
    try {
        if (!m_pruned) {
            m_pruned = true;
            const int dropped = pruneEvents(m_db, m_clock.now().addDays(-kRetentionDays));
            if (dropped > 0)
                qCInfo(lcWebhookWorker, "dropped %d webhook events older than %d days", dropped, kRetentionDays);
        }
        WebhookApplier applier(m_db);
        for (;;) {
            const auto pending = pendingEvents(m_db, 100);
            if (pending.empty())
                return;
            for (const WebhookEvent &event : pending) {
                ApplyResult r;
                try {
                    r = applier.apply(event, m_clock.now());
                } catch (const StorageError &e) {
                    // A payload the store refuses must not block the queue: record why and move on.
                    r = { QStringLiteral("failed"), QString::fromUtf8(e.what()).left(500), {}, {} };
                    execOrThrow(m_db.connection(), QStringLiteral("UPDATE webhook_events SET status = 'failed', detail = ?, "
                                                                  "applied_at = ? WHERE id = ? AND status = 'received'"),
                                r.detail, m_clock.nowMs(), event.id);
                }
                if (r.status == QLatin1String("skipped"))
                    continue;
                if (r.status == QLatin1String("failed"))
                    qCWarning(lcWebhookWorker, "webhook event %lld (%s) failed: %s", event.id, qPrintable(event.topic), qPrintable(r.detail));
                if (m_listener) {
                    if (!r.orders.isEmpty())
                        m_listener->ordersChanged(r.orders);
                    if (!r.carts.isEmpty())
                        m_listener->cartsChanged(r.carts);
                }
                Q_EMIT eventApplied(event.id, r.status, r.detail);
            }
        }
    } catch (const StorageError &e) {
        qCWarning(lcWebhookWorker, "webhook events could not be read: %s", e.what());
    }
}

} // namespace ringside::platforms
