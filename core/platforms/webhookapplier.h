#pragma once
// Applies one stored webhook event to the mirror, in one transaction with its outcome:
// applied (changed or already so), stale (older than what is stored: nothing changes), ignored,
// failed (with why: a payload that cannot be read). Used by WebhookWorker and the benchmarks.

#include "platforms/webhookevents.h"

#include <QStringList>

namespace ringside {
class Database;
}

namespace ringside::platforms {

struct ApplyResult
{
    QString status;
    QString detail;
    QStringList orders;   // local ids written
    QStringList carts;
};

class WebhookApplier
{
public:
    explicit WebhookApplier(Database &db) : m_db(db) {}
    // Applies event `id` if it is still 'received'; the result is also stored on the event.
    ApplyResult apply(const WebhookEvent &event, const QDateTime &now);

private:
    Database &m_db;
};

} // namespace ringside::platforms
