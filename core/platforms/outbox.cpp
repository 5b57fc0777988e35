#include "platforms/outbox.h"

#include "storage/database.h"
#include "storage/sqldialect.h"
#include "storage/sqlutil.h"
#include "util/clock.h"

namespace ringside::platforms {

namespace {

const QString kOutboxColumns = QStringLiteral("id, idempotency_key, platform, action, subject, platform_id, payload, status, attempts, "
                                        "next_attempt_at, created_at, updated_at, last_error, result");

json parsed(const QString &text)
{
    json j = json::parse(text.toStdString(), nullptr, false);
    return j.is_discarded() ? json::object() : j;
}

OutboxAction readOutboxRow(const QSqlQuery &q)
{
    OutboxAction a;
    a.id = q.value(0).toLongLong();
    a.key = q.value(1).toString();
    a.platform = platformFromKey(q.value(2).toString()).value_or(Platform::Shopify);
    a.action = q.value(3).toString();
    a.subject = q.value(4).toString();
    a.platformId = q.value(5).toString();
    a.payload = parsed(q.value(6).toString());
    a.status = q.value(7).toString();
    a.attempts = q.value(8).toInt();
    a.nextAttemptAt = utcFromEpochMs(q.value(9));
    a.createdAt = utcFromEpochMs(q.value(10));
    a.updatedAt = utcFromEpochMs(q.value(11));
    a.lastError = q.value(12).toString();
    a.result = parsed(q.value(13).toString());
    return a;
}

} // namespace

json OutboxAction::toJson() const
{
    return { { "id", id },
             { "action", action },
             { "platform", platformKey(platform) },
             { "subject", subject },
             { "platform_id", platformId },
             { "status", status },
             { "attempts", attempts },
             { "created_at", toIso(createdAt) },
             { "next_attempt_at", status == QLatin1String("queued") ? json(toIso(nextAttemptAt)) : json(nullptr) },
             { "last_error", lastError },
             { "result", result },
             { "idempotency_key", key } };
}

qint64 backoffMs(int attempts)
{
    static const qint64 steps[] = { 10'000, 30'000, 60'000, 300'000, 900'000, 3'600'000, 10'800'000 };
    const int i = qBound(0, attempts - 1, int(std::size(steps)) - 1);
    return steps[i];
}

qint64 enqueueAction(QSqlDatabase sql, const OutboxAction &a, qint64 nowMs)
{
    return insertReturningId(sql, QStringLiteral(
            "INSERT INTO platform_outbox (idempotency_key, platform, action, subject, platform_id, payload, status, attempts, "
            "next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)"),
            a.key, platformKey(a.platform), a.action, a.subject, a.platformId.isNull() ? QStringLiteral("") : a.platformId,
            QString::fromStdString(a.payload.dump()), nowMs, nowMs, nowMs);
}

std::optional<OutboxAction> claimNextAction(Database &db, qint64 nowMs, bool *inDoubt)
{
    std::optional<OutboxAction> claimed;
    db.transaction([&](QSqlDatabase sql) {
        QSqlQuery q = execOrThrow(sql, QStringLiteral("SELECT %1 FROM platform_outbox WHERE status IN ('queued', 'sending') "
                                                      "AND next_attempt_at <= ? ORDER BY (status = 'sending') DESC, next_attempt_at, id LIMIT 1%2")
                                               .arg(kOutboxColumns, sqldialect::forUpdateSkipLocked(sql)),
                                  nowMs);
        if (!q.next())
            return true;
        OutboxAction a = readOutboxRow(q);
        q.finish();
        *inDoubt = a.status == QLatin1String("sending");
        a.status = QStringLiteral("sending");
        a.attempts += 1;
        execOrThrow(sql, QStringLiteral("UPDATE platform_outbox SET status = 'sending', attempts = ?, next_attempt_at = ?, "
                                        "updated_at = ? WHERE id = ?"),
                    a.attempts, nowMs + kOutboxLeaseMs, nowMs, a.id);
        claimed = a;
        return true;
    });
    return claimed;
}

void completeAction(Database &db, qint64 id, const json &result, qint64 nowMs)
{
    execOrThrow(db.connection(), QStringLiteral("UPDATE platform_outbox SET status = 'done', result = ?, last_error = '', "
                                                "updated_at = ? WHERE id = ?"),
                QString::fromStdString(result.dump()), nowMs, id);
}

bool failAction(Database &db, const OutboxAction &a, const PlatformError &error, qint64 nowMs)
{
    const bool final = !error.transient() || a.attempts >= kMaxOutboxAttempts;
    db.transaction([&](QSqlDatabase sql) {
        execOrThrow(sql, QStringLiteral("UPDATE platform_outbox SET status = ?, next_attempt_at = ?, last_error = ?, updated_at = ? "
                                        "WHERE id = ?"),
                    final ? QStringLiteral("failed") : QStringLiteral("queued"), nowMs + (final ? 0 : backoffMs(a.attempts)),
                    error.message.left(1000), nowMs, a.id);
        if (final) {
            execOrThrow(sql, QStringLiteral("INSERT INTO operator_tasks (kind, subject, detail, outbox_id, created_at) "
                                            "VALUES ('write_back_failed', ?, ?, ?, ?)"),
                        a.subject,
                        QStringLiteral("%1 for %2 did not reach %3 after %4 attempt(s): %5. The caller was told it was being done: "
                                       "make the change in the shop admin, or press Retry.")
                                .arg(a.action, a.subject, platformTitle(a.platform)).arg(a.attempts).arg(error.message.left(500)),
                        a.id, nowMs);
        }
        return true;
    });
    return final;
}

bool retryAction(Database &db, qint64 id, qint64 nowMs)
{
    bool ok = false;
    db.transaction([&](QSqlDatabase sql) {
        QSqlQuery q = execOrThrow(sql, QStringLiteral("UPDATE platform_outbox SET status = 'queued', attempts = 0, next_attempt_at = ?, "
                                                      "updated_at = ? WHERE id = ? AND status IN ('failed', 'queued')"),
                                  nowMs, nowMs, id);
        ok = q.numRowsAffected() > 0;
        if (ok)
            execOrThrow(sql, QStringLiteral("UPDATE operator_tasks SET resolved_at = ? WHERE outbox_id = ? AND resolved_at IS NULL"), nowMs, id);
        return true;
    });
    return ok;
}

std::vector<OutboxAction> listActions(Database &db, int limit, const QString &status)
{
    std::vector<OutboxAction> out;
    QSqlQuery q = status.isEmpty()
            ? execOrThrow(db.connection(), QStringLiteral("SELECT %1 FROM platform_outbox ORDER BY id DESC LIMIT ?").arg(kOutboxColumns), limit)
            : execOrThrow(db.connection(), QStringLiteral("SELECT %1 FROM platform_outbox WHERE status = ? ORDER BY id DESC LIMIT ?").arg(kOutboxColumns),
                          status, limit);
    while (q.next())
        out.push_back(readOutboxRow(q));
    return out;
}

std::optional<OutboxAction> actionById(Database &db, qint64 id)
{
    QSqlQuery q = execOrThrow(db.connection(), QStringLiteral("SELECT %1 FROM platform_outbox WHERE id = ?").arg(kOutboxColumns), id);
    if (!q.next())
        return std::nullopt;
    return readOutboxRow(q);
}

json outboxSummary(Database &db)
{
    json counts = { { "queued", 0 }, { "sending", 0 }, { "done", 0 }, { "failed", 0 } };
    QSqlQuery q = execOrThrow(db.connection(), QStringLiteral("SELECT status, COUNT(*) FROM platform_outbox GROUP BY status"));
    while (q.next())
        counts[q.value(0).toString().toStdString()] = q.value(1).toLongLong();
    QSqlQuery t = execOrThrow(db.connection(), QStringLiteral("SELECT COUNT(*) FROM operator_tasks WHERE resolved_at IS NULL"));
    counts["open_operator_tasks"] = t.next() ? t.value(0).toLongLong() : 0;
    return counts;
}

} // namespace ringside::platforms
