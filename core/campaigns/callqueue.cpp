#include "campaigns/callqueue.h"

#include "campaigns/queuerow.h"

#include "analytics/sqlbind.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

namespace ringside::campaigns {

using namespace detail;

const QStringList &useCases()
{
    static const QStringList v = { kCod, kDelivery, kCart, kCallback };
    return v;
}

const QStringList &statuses()
{
    static const QStringList v = { kScheduled, kDialing, kDone, kSkipped, kFailed, kCancelled };
    return v;
}

namespace {

// WHERE clause and bindings for a Filter.
QString whereFor(const CallQueue::Filter &f, QVariantList *binds)
{
    QStringList parts;
    if (!f.status.isEmpty()) {
        parts << QStringLiteral("status = ?");
        binds->append(f.status);
    }
    if (!f.useCase.isEmpty()) {
        parts << QStringLiteral("use_case = ?");
        binds->append(f.useCase);
    }
    if (!f.subjectKey.isEmpty()) {
        parts << QStringLiteral("subject_key = ?");
        binds->append(f.subjectKey);
    }
    if (!f.phone.isEmpty()) {
        parts << QStringLiteral("phone = ?");
        binds->append(f.phone);
    }
    if (f.dueFrom.isValid()) {
        parts << QStringLiteral("due_at >= ?");
        binds->append(f.dueFrom.toMSecsSinceEpoch());
    }
    if (f.dueTo.isValid()) {
        parts << QStringLiteral("due_at < ?");
        binds->append(f.dueTo.toMSecsSinceEpoch());
    }
    if (f.after > 0) {
        // Row values walk the (…, due_at, id) indexes from where the last page ended.
        parts << (f.newestFirst ? QStringLiteral("(due_at, id) < ((SELECT due_at FROM scheduled_calls WHERE id = ?), ?)")
                                : QStringLiteral("(due_at, id) > ((SELECT due_at FROM scheduled_calls WHERE id = ?), ?)"));
        binds->append(f.after);
        binds->append(f.after);
    }
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

} // namespace

qint64 CallQueue::insertWithin(const QSqlDatabase &db, const ScheduledCall &c, const QDateTime &now)
{
    const qint64 t = now.toMSecsSinceEpoch();
    return insertReturningId(db, QStringLiteral(
            "INSERT INTO scheduled_calls (use_case, subject_key, attempt, agent, order_id, cart_id, customer_id, phone, "
            "timezone, timezone_source, language, language_source, agent_language, event_kind, due_at, first_due_at, status, "
            "reason, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING"),
            text(c.useCase), text(c.subjectKey), c.attempt, text(c.agent), textOrNull(c.orderId), textOrNull(c.cartId), textOrNull(c.customerId),
            text(c.phone), text(c.timezone), text(c.timezoneSource), text(c.language), text(c.languageSource), text(c.agentLanguage),
            text(c.eventKind), c.dueAt.toMSecsSinceEpoch(), (c.firstDueAt.isValid() ? c.firstDueAt : c.dueAt).toMSecsSinceEpoch(),
            text(c.status), text(c.reason), t, t);
}

qint64 CallQueue::schedule(const ScheduledCall &c, const QDateTime &now, const QString &detail)
{
    qint64 id = 0;
    const bool ok = m_db.transaction([&](QSqlDatabase &db) {
        id = insertWithin(db, c, now);
        if (id > 0)
            addEvent(db, id, c.status == kSkipped ? QStringLiteral("skipped") : QStringLiteral("scheduled"), c.reason, detail, now);
        return true;
    });
    if (!ok)
        throw StorageError(QStringLiteral("could not schedule %1 attempt %2").arg(c.subjectKey).arg(c.attempt));
    return id;
}

std::optional<ScheduledCall> CallQueue::byId(qint64 id)
{
    return byId(m_db.connection(), id);
}

std::optional<ScheduledCall> CallQueue::byId(const QSqlDatabase &db, qint64 id)
{
    QSqlQuery q = execOrThrow(db, QStringLiteral("SELECT %1 FROM scheduled_calls WHERE id = ?").arg(kColumns), id);
    if (!q.next())
        return std::nullopt;
    return rowFrom(q);
}

std::vector<ScheduledCall> CallQueue::byIds(const QList<qint64> &ids)
{
    std::vector<ScheduledCall> out;
    constexpr qsizetype kChunk = 500;
    for (qsizetype start = 0; start < ids.size(); start += kChunk) {
        const QList<qint64> chunk = ids.mid(start, kChunk);
        QVariantList binds;
        for (qint64 id : chunk)
            binds << id;
        QSqlQuery q = analytics::runBound(m_db.connection(),
                                          QStringLiteral("SELECT %1 FROM scheduled_calls WHERE id IN (%2) ORDER BY due_at, id")
                                                  .arg(kColumns, QStringLiteral("?,").repeated(chunk.size()).chopped(1)),
                                          binds);
        while (q.next())
            out.push_back(rowFrom(q));
    }
    return out;
}

std::optional<ScheduledCall> CallQueue::byProviderCallId(const QString &callId)
{
    return byProviderCallId(m_db.connection(), callId);
}

std::optional<ScheduledCall> CallQueue::byProviderCallId(const QSqlDatabase &db, const QString &callId)
{
    if (callId.isEmpty())
        return std::nullopt;
    QSqlQuery q = execOrThrow(db, QStringLiteral("SELECT %1 FROM scheduled_calls WHERE provider_call_id = ? LIMIT 1").arg(kColumns),
                              callId);
    if (!q.next())
        return std::nullopt;
    return rowFrom(q);
}

bool CallQueue::subjectKnown(const QString &subjectKey)
{
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT 1 FROM scheduled_calls WHERE subject_key = ? LIMIT 1"), subjectKey);
    return q.next();
}

std::vector<ScheduledCall> CallQueue::list(const Filter &f)
{
    QVariantList binds;
    QString sql = QStringLiteral("SELECT %1 FROM scheduled_calls").arg(kColumns) + whereFor(f, &binds)
                  + (f.newestFirst ? QStringLiteral(" ORDER BY due_at DESC, id DESC") : QStringLiteral(" ORDER BY due_at, id"));
    if (f.limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        binds << f.limit;
    }
    QSqlQuery q = analytics::runBound(m_db.connection(), sql, binds);
    std::vector<ScheduledCall> out;
    while (q.next())
        out.push_back(rowFrom(q));
    return out;
}

qint64 CallQueue::count(const Filter &f)
{
    QVariantList binds;
    QSqlQuery q = analytics::runBound(m_db.connection(), QStringLiteral("SELECT COUNT(*) FROM scheduled_calls") + whereFor(f, &binds), binds);
    return q.next() ? q.value(0).toLongLong() : 0;
}

std::vector<std::pair<QString, qint64>> CallQueue::countsByStatus(const QString &useCase)
{
    QVariantList binds;
    QString sql = QStringLiteral("SELECT status, COUNT(*) FROM scheduled_calls");
    if (!useCase.isEmpty()) {
        sql += QStringLiteral(" WHERE use_case = ?");
        binds << useCase;
    }
    QSqlQuery q = analytics::runBound(m_db.connection(), sql + QStringLiteral(" GROUP BY status"), binds);
    std::vector<std::pair<QString, qint64>> out;
    while (q.next())
        out.emplace_back(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

std::vector<ScheduledCall> CallQueue::attempts(const QString &subjectKey)
{
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT %1 FROM scheduled_calls WHERE subject_key = ? ORDER BY attempt").arg(kColumns),
                              subjectKey);
    std::vector<ScheduledCall> out;
    while (q.next())
        out.push_back(rowFrom(q));
    return out;
}

std::vector<CampaignEvent> CallQueue::events(qint64 scheduledCallId)
{
    QSqlQuery q = execOrThrow(m_db.connection(),
                              QStringLiteral("SELECT id, at, kind, reason, detail FROM campaign_events WHERE scheduled_call_id = ? ORDER BY id"),
                              scheduledCallId);
    std::vector<CampaignEvent> out;
    while (q.next()) {
        CampaignEvent e;
        e.id = q.value(0).toLongLong();
        e.scheduledCallId = scheduledCallId;
        e.at = utcFromEpochMs(q.value(1));
        e.kind = q.value(2).toString();
        e.reason = q.value(3).toString();
        e.detail = q.value(4).toString();
        out.push_back(e);
    }
    return out;
}

void CallQueue::addEvent(qint64 id, const QString &kind, const QString &reason, const QString &detail, const QDateTime &at)
{
    addEvent(m_db.connection(), id, kind, reason, detail, at);
}

void CallQueue::addEvent(const QSqlDatabase &db, qint64 id, const QString &kind, const QString &reason, const QString &detail,
                         const QDateTime &at)
{
    execOrThrow(db, QStringLiteral("INSERT INTO campaign_events (scheduled_call_id, at, kind, reason, detail) VALUES (?,?,?,?,?)"), id,
                at.toMSecsSinceEpoch(), text(kind), text(reason), text(detail));
}

} // namespace ringside::campaigns
