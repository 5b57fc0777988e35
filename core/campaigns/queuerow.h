#pragma once
// Reading scheduled_calls rows into ScheduledCall (shared by the queue's files).

#include "campaigns/scheduledcall.h"
#include "storage/sqlutil.h"

#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

namespace ringside::campaigns::detail {

inline const QString kColumns = QStringLiteral(
        "id, use_case, subject_key, attempt, agent, order_id, cart_id, customer_id, phone, timezone, timezone_source, "
        "language, language_source, agent_language, event_kind, due_at, first_due_at, status, reason, outcome, provider, "
        "provider_call_id, provider_status, provider_seq, answered_by, lease_owner, lease_until, lease_gen, claimed_at, "
        "placed_at, answered_at, ended_at, duration_s, record_id, created_at, updated_at");

inline QVariant ms(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

// The queue's text columns are NOT NULL with '' for none; a null QString would bind as NULL
// (and the NOT NULL constraint would then refuse the row).
inline QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

inline QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

inline ScheduledCall rowFrom(const QSqlQuery &q)
{
    ScheduledCall c;
    int i = 0;
    c.id = q.value(i++).toLongLong();
    c.useCase = q.value(i++).toString();
    c.subjectKey = q.value(i++).toString();
    c.attempt = q.value(i++).toInt();
    c.agent = q.value(i++).toString();
    c.orderId = q.value(i++).toString();
    c.cartId = q.value(i++).toString();
    c.customerId = q.value(i++).toString();
    c.phone = q.value(i++).toString();
    c.timezone = q.value(i++).toString();
    c.timezoneSource = q.value(i++).toString();
    c.language = q.value(i++).toString();
    c.languageSource = q.value(i++).toString();
    c.agentLanguage = q.value(i++).toString();
    c.eventKind = q.value(i++).toString();
    c.dueAt = utcFromEpochMs(q.value(i++));
    c.firstDueAt = utcFromEpochMs(q.value(i++));
    c.status = q.value(i++).toString();
    c.reason = q.value(i++).toString();
    c.outcome = q.value(i++).toString();
    c.provider = q.value(i++).toString();
    c.providerCallId = q.value(i++).toString();
    c.providerStatus = q.value(i++).toString();
    c.providerSeq = q.value(i++).toInt();
    c.answeredBy = q.value(i++).toString();
    c.leaseOwner = q.value(i++).toString();
    c.leaseUntil = utcFromEpochMs(q.value(i++));
    c.leaseGen = q.value(i++).toLongLong();
    c.claimedAt = utcFromEpochMs(q.value(i++));
    c.placedAt = utcFromEpochMs(q.value(i++));
    c.answeredAt = utcFromEpochMs(q.value(i++));
    c.endedAt = utcFromEpochMs(q.value(i++));
    const QVariant duration = q.value(i++);
    c.durationS = duration.isNull() ? -1 : duration.toInt();
    c.recordId = q.value(i++).toString();
    c.createdAt = utcFromEpochMs(q.value(i++));
    c.updatedAt = utcFromEpochMs(q.value(i++));
    return c;
}

} // namespace ringside::campaigns::detail
