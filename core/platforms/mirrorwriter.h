#pragma once
// Writes platform records into the store's own tables (the local mirror the tools read) and keeps
// platform_records beside them. Runs inside the caller's transaction (a sync page, one webhook).
// Idempotent: a record whose platform updated_at equals what is stored is left alone; an older one
// is stale and changes nothing. What Ringside itself changed and the platform has not confirmed yet
// (a queued cancellation, a COD confirmation, a rescheduled day) survives a newer platform copy.

#include "platforms/mirrorrecord.h"

#include <QSet>
#include <QSqlDatabase>

namespace ringside::platforms {

enum class MirrorOutcome { Written, Unchanged, Stale };

class MirrorWriter
{
public:
    MirrorWriter(QSqlDatabase db, qint64 nowMs);

    MirrorOutcome writeOrder(const MirrorOrder &order);
    MirrorOutcome writeCart(const MirrorCart &cart);
    MirrorOutcome writeCustomer(const MirrorCustomer &customer);
    // The platform deleted the order: it stays in the mirror as cancelled.
    MirrorOutcome markOrderDeleted(const QString &platformId, const QDateTime &at);

    // Local ids written so far (for StoreChangeListener).
    const QSet<QString> &changedOrders() const { return m_orders; }
    const QSet<QString> &changedCarts() const { return m_carts; }

private:
    struct Known { QString localId; qint64 updatedAtMs = 0; };
    std::optional<Known> known(const char *kind, const QString &platformId);
    QString freeLocalId(const char *kind, const char *table, const QString &proposed, const QString &platformId);
    QString customerLocalId(const MirrorCustomer &customer);
    void remember(const char *kind, const QString &platformId, const QString &localId, const QString &gid,
                  const QString &number, const QDateTime &updatedAt, const QString &url, const QDateTime &completedAt,
                  const QStringList &tags, const json &details);
    bool pendingWrite(const QString &subject, const QString &action);

    QSqlDatabase m_db;
    qint64 m_nowMs;
    QSet<QString> m_orders;
    QSet<QString> m_carts;
};

} // namespace ringside::platforms
