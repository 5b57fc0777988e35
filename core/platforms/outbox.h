#pragma once
// The durable write-back outbox (table platform_outbox). A row is written in the same transaction
// as the local change it mirrors, claimed by one worker at a time ('sending' with a lease, committed
// before the platform is called), then completed, retried with backoff, or failed for good with an
// operator task. A 'sending' row whose lease ran out was interrupted (kill -9): it is in doubt, and
// the worker asks the platform whether it already happened before doing anything again.

#include "platforms/platform.h"
#include "platforms/platformerror.h"
#include "util/jsonqt.h"

#include <QDateTime>
#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace ringside {
class Database;
}

namespace ringside::platforms {

struct OutboxAction
{
    qint64 id = 0;
    QString key;             // idempotency key: unique per intended change
    Platform platform = Platform::Shopify;
    QString action;          // cancel_order tag_order update_address payment_link create_return create_discount
    QString subject;         // the local order / cart / return id
    QString platformId;      // the platform record it acts on
    json payload = json::object();
    QString status;          // queued sending done failed
    int attempts = 0;
    QDateTime nextAttemptAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString lastError;
    json result = json::object();

    json toJson() const;
};

inline constexpr int kMaxOutboxAttempts = 8;
inline constexpr int kOutboxLeaseMs = 120000;

// Inside the caller's transaction. Returns the row id.
qint64 enqueueAction(QSqlDatabase sql, const OutboxAction &action, qint64 nowMs);

// Claims the oldest due 'queued' row, or an expired 'sending' one (then *inDoubt is true).
std::optional<OutboxAction> claimNextAction(Database &db, qint64 nowMs, bool *inDoubt);
void completeAction(Database &db, qint64 id, const json &result, qint64 nowMs);
// Transient errors are retried with backoff until kMaxOutboxAttempts; others fail at once. A final
// failure creates an operator task. Returns true when the action is now 'failed'.
bool failAction(Database &db, const OutboxAction &action, const PlatformError &error, qint64 nowMs);
// Puts a failed (or queued) action back at the front of the queue. False when there is no such row
// or it is done.
bool retryAction(Database &db, qint64 id, qint64 nowMs);

std::vector<OutboxAction> listActions(Database &db, int limit, const QString &status = {});
std::optional<OutboxAction> actionById(Database &db, qint64 id);
// Counts per status, and the next due time of queued rows.
json outboxSummary(Database &db);

// Backoff before attempt n+1 after n failed attempts (10 s, 30 s, 1 min, 5 min, 15 min, 1 h, 3 h).
qint64 backoffMs(int attempts);

} // namespace ringside::platforms
