#include "campaigns/callprogress.h"

#include "campaigns/calldecider.h"
#include "campaigns/callingwindow.h"
#include "campaigns/callplanner.h"
#include "campaigns/callqueue.h"
#include "campaigns/campaignagents.h"
#include "campaigns/campaignsettings.h"
#include "campaigns/queuerow.h"

#include "analytics/callrecordstore.h"
#include "conversation/eventtype.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QUuid>

#include <algorithm>

namespace ringside::campaigns {

using namespace detail;

namespace {

QString retryClassOf(const StatusUpdate &u)
{
    if (u.status == QLatin1String("completed")) {
        const QString by = u.answeredBy.toLower();
        if (by.startsWith(QLatin1String("machine")) || by == QLatin1String("fax"))
            return QStringLiteral("machine");
        return QStringLiteral("completed");
    }
    if (u.status == QLatin1String("busy"))
        return QStringLiteral("busy");
    if (u.status == QLatin1String("failed"))
        return QStringLiteral("failed");
    return QStringLiteral("no_answer"); // no-answer, canceled
}

int maxAttempts(const QString &useCase, const CampaignRules &r)
{
    if (useCase == kCod)
        return r.cod.maxAttempts;
    if (useCase == kDelivery)
        return r.delivery.maxAttempts;
    if (useCase == kCallback)
        return r.callback.maxAttempts;
    return 1;
}

int retryGap(const QString &useCase, const CampaignRules &r)
{
    if (useCase == kCod)
        return r.cod.retryGapMinutes;
    if (useCase == kDelivery)
        return r.delivery.retryGapMinutes;
    return r.callback.retryGapMinutes;
}

} // namespace

CallProgress::Applied CallProgress::apply(const StatusUpdate &u, const QDateTime &now)
{
    Applied a;
    std::optional<ScheduledCall> finalRow;
    QString retryClass;
    CallQueue queue(m_db);
    m_db.transaction([&](QSqlDatabase &db) {
        std::optional<ScheduledCall> row = queue.byProviderCallId(db, u.callId);
        if (!row && u.scheduledId > 0) {
            row = queue.byId(db, u.scheduledId);
            if (row && row->providerCallId.isEmpty()) {
                // The provider names the call before the dialer recorded it (it crashed, or its
                // answer is still on the way): adopt it, so the call is never placed again.
                execOrThrow(db, QStringLiteral("UPDATE scheduled_calls SET provider = ?, provider_call_id = ?, placed_at = COALESCE(placed_at, ?), "
                                               "status = CASE WHEN status = 'scheduled' THEN 'dialing' ELSE status END, updated_at = ? WHERE id = ?"),
                            text(u.provider), text(u.callId), now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch(), row->id);
                // Its history says it was placed, once, as the dialer's own record would have
                // (the dialer's adoption after a lease check writes both events too).
                queue.addEvent(db, row->id, QStringLiteral("placed"), QString(),
                               QStringLiteral("%1 call %2 (%3)").arg(u.provider, u.callId, u.status), now);
                queue.addEvent(db, row->id, QStringLiteral("adopted"), QString(),
                               QStringLiteral("%1 reported call %2 before its id was recorded").arg(u.provider, u.callId), now);
                row = queue.byId(db, row->id);
            } else if (row && row->providerCallId != u.callId) {
                row.reset(); // the sc= of another attempt: not this call
            }
        }
        if (!row) {
            a.note = QStringLiteral("call %1 is not a campaign call").arg(u.callId);
            return true;
        }
        a.known = true;
        a.id = row->id;
        const bool alreadyFinal = isFinalStatus(row->providerStatus) || row->status == kDone || row->status == kFailed;
        if ((u.sequence >= 0 && u.sequence <= row->providerSeq) || (alreadyFinal && !u.isFinal())) {
            a.ignored = true;
            a.note = QStringLiteral("%1 (sequence %2) is a repeat or arrived late").arg(u.status).arg(u.sequence);
            queue.addEvent(db, row->id, QStringLiteral("status_ignored"), QString(), QStringLiteral("%1 #%2").arg(u.status).arg(u.sequence), now);
            return true;
        }
        const qint64 t = now.toMSecsSinceEpoch();
        const bool answered = u.status == QLatin1String("in-progress") || (u.status == QLatin1String("completed") && u.durationS > 0);
        // Portable spellings: no two-argument MAX() on PostgreSQL, no integer as a condition.
        execOrThrow(db, QStringLiteral("UPDATE scheduled_calls SET provider_status = ?, "
                                       "provider_seq = CASE WHEN provider_seq > ? THEN provider_seq ELSE ? END, "
                                       "answered_by = CASE WHEN ? = '' THEN answered_by ELSE ? END, "
                                       "duration_s = CASE WHEN ? >= 0 THEN ? ELSE duration_s END, "
                                       "answered_at = CASE WHEN ? = 1 AND answered_at IS NULL THEN ? ELSE answered_at END, updated_at = ? WHERE id = ?"),
                    text(u.status), u.sequence, u.sequence, text(u.answeredBy), text(u.answeredBy), u.durationS, u.durationS, answered ? 1 : 0, t, t, row->id);
        queue.addEvent(db, row->id, QStringLiteral("status"), QString(),
                       QStringLiteral("%1%2%3").arg(u.status, u.sequence >= 0 ? QStringLiteral(" #%1").arg(u.sequence) : QString(),
                                                    u.answeredBy.isEmpty() ? QString() : QStringLiteral(" answered by %1").arg(u.answeredBy)),
                       now);
        if (u.isFinal() && !alreadyFinal) {
            finalRow = queue.byId(db, row->id);
            retryClass = retryClassOf(u);
            if (retryClass == QLatin1String("completed") && finalRow->recordId.isEmpty() && !agentCameOn(db, row->id)) {
                // Twilio says the call completed, but no media stream ever reached our agent: no
                // conversation took place. Without talk time nobody picked up; with it, someone
                // did and heard nothing from us, which is our failure.
                retryClass = u.durationS > 0 ? QStringLiteral("failed") : QStringLiteral("no_answer");
                queue.addEvent(db, row->id, QStringLiteral("no_conversation"), retryClass,
                               QStringLiteral("%1 completed (%2 s) but the agent never came on the line").arg(u.provider).arg(std::max(0, u.durationS)), now);
            }
        }
        return true;
    });
    if (finalRow) {
        Applied f = finish(*finalRow, retryClass, QStringLiteral("%1 status %2").arg(u.provider, u.status), now);
        f.known = true;
        return f;
    }
    return a;
}

CallProgress::Applied CallProgress::finish(const ScheduledCall &row, const QString &cls, const QString &detail, const QDateTime &now)
{
    Applied a;
    a.known = true;
    a.finished = true;
    a.id = row.id;
    CallQueue queue(m_db);
    const CampaignRules rules = CampaignSettings(m_db).rules();
    const bool conversation = cls == QLatin1String("completed");
    m_db.transaction([&](QSqlDatabase &db) {
        const qint64 t = now.toMSecsSinceEpoch();
        const QString outcome = conversation ? (row.outcome.isEmpty() ? QStringLiteral("completed") : row.outcome) : cls;
        const QString status = cls == QLatin1String("failed") ? kFailed : kDone;
        const QString recordId = conversation ? row.recordId : (row.recordId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : row.recordId);
        // An attempt without a conversation waits for its own record (written below, or by the
        // repair after a crash in between).
        execOrThrow(db, QStringLiteral("UPDATE scheduled_calls SET status = ?, outcome = ?, record_id = ?, record_pending = ?, ended_at = COALESCE(ended_at, ?), "
                                       "lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ?"),
                    text(status), text(outcome), textOrNull(recordId), conversation ? 0 : 1, t, t, row.id);
        queue.addEvent(db, row.id, QStringLiteral("finished"), outcome, detail, now);
        a.outcome = outcome;
        if (conversation)
            return true;

        // What comes next: another attempt, or the end of the chain.
        // Attempts so far: those that reached the provider (or failed trying), this one included.
        QSqlQuery prior = execOrThrow(db, QStringLiteral("SELECT COALESCE(SUM(CASE WHEN outcome = 'failed' THEN 1 ELSE 0 END), 0), "
                                                         "COALESCE(SUM(CASE WHEN outcome <> 'failed' THEN 1 ELSE 0 END), 0) "
                                                         "FROM scheduled_calls WHERE subject_key = ? AND attempt <= ? "
                                                         "AND (placed_at IS NOT NULL OR outcome = 'failed' OR id = ?)"),
                                      row.subjectKey, row.attempt, row.id);
        prior.next();
        const int failedTotal = prior.value(0).toInt();
        const int rang = prior.value(1).toInt();
        const int placed = failedTotal + rang;
        const int failedBefore = failedTotal - (cls == QLatin1String("failed") ? 1 : 0);
        prior.finish();
        int gap = -1;
        if (cls == QLatin1String("failed")) {
            if (failedBefore == 0)
                gap = rules.dialer.failedRetryMinutes; // once more: it never rang
        } else if (rang < maxAttempts(row.useCase, rules)) {
            gap = cls == QLatin1String("machine") ? rules.dialer.machineRetryMinutes : retryGap(row.useCase, rules);
        }
        if (gap >= 0) {
            ScheduledCall next = row;
            next.id = 0;
            next.attempt = row.attempt + 1;
            next.status = kScheduled;
            next.reason.clear();
            // Attempts are spaced from when each was placed (the provider's answer may come late).
            const QDateTime base = (row.placedAt.isValid() ? row.placedAt : now).addSecs(qint64(gap) * 60);
            const CalledParty party = partyOf(row);
            const WindowRule window = windowFor(party, callKindFor(row.useCase, m_agents.useCaseOf(row.agent)), rules.windowOpen, rules.windowClose);
            next.firstDueAt = base;
            next.dueAt = row.useCase == kCod ? codDueTime(base, party, window, rules.cod.nextMorning) : nextAllowed(base, party, window);
            if (!next.dueAt.isValid())
                next.dueAt = base;
            a.nextAttempt = queue.insertWithin(db, next, now);
            if (a.nextAttempt > 0)
                queue.addEvent(db, a.nextAttempt, QStringLiteral("scheduled"), QString(),
                               QStringLiteral("retry after %1 on attempt %2: due %3").arg(cls).arg(row.attempt)
                                       .arg(next.dueAt.toTimeZone(party.zone()).toString(Qt::ISODate)),
                               now);
            return true;
        }
        queue.addEvent(db, row.id, QStringLiteral("chain_ended"), cls, QStringLiteral("no attempts left after %1").arg(cls), now);
        if (row.useCase == kCod && !row.orderId.isEmpty()) {
            QSqlQuery u = execOrThrow(db, QStringLiteral("UPDATE orders SET cod_confirmation = 'unconfirmed', updated_at = ? WHERE id = ? "
                                                         "AND cod_confirmation IN ('', 'pending')"),
                                      t, row.orderId);
            if (u.numRowsAffected() > 0)
                queue.addEvent(db, row.id, QStringLiteral("order_unconfirmed"), QString(),
                               QStringLiteral("order %1 marked unconfirmed after %2 attempts").arg(row.orderId).arg(placed), now);
        }
        return true;
    });
    if (!conversation)
        writeAttemptRecord(row.id);
    return a;
}

CallProgress::Applied CallProgress::conversationEnded(const QString &callId, const QString &outcome, const QString &recordId, const QDateTime &now)
{
    Applied a;
    CallQueue queue(m_db);
    m_db.transaction([&](QSqlDatabase &db) {
        const std::optional<ScheduledCall> row = queue.byProviderCallId(db, callId);
        if (!row)
            return true;
        a.known = true;
        a.id = row->id;
        a.outcome = outcome;
        const qint64 t = now.toMSecsSinceEpoch();
        // The conversation is the truth about a call that was answered, whatever the callbacks say.
        execOrThrow(db, QStringLiteral("UPDATE scheduled_calls SET status = 'done', outcome = ?, record_id = ?, record_pending = 0, "
                                       "answered_at = COALESCE(answered_at, ?), ended_at = COALESCE(ended_at, ?), lease_owner = NULL, lease_until = NULL, "
                                       "updated_at = ? WHERE id = ?"),
                    text(outcome), textOrNull(recordId), t, t, t, row->id);
        queue.addEvent(db, row->id, QStringLiteral("conversation"), outcome, QStringLiteral("call record %1").arg(recordId), now);
        a.finished = true;
        return true;
    });
    return a;
}

CallProgress::Applied CallProgress::placementRefused(const ScheduledCall &call, const QString &error, const QDateTime &now)
{
    // It never rang: the same as a "failed" status, without a provider call.
    ScheduledCall row = call;
    m_db.transaction([&](QSqlDatabase &db) {
        execOrThrow(db, QStringLiteral("UPDATE scheduled_calls SET provider_status = 'failed', placed_at = NULL, updated_at = ? WHERE id = ?"),
                    now.toMSecsSinceEpoch(), call.id);
        CallQueue(m_db).addEvent(db, call.id, QStringLiteral("refused"), QStringLiteral("failed"), error, now);
        return true;
    });
    return finish(row, QStringLiteral("failed"), error, now);
}

void CallProgress::writeAttemptRecord(qint64 id)
{
    const std::optional<ScheduledCall> row = CallQueue(m_db).byId(id);
    if (!row || row->recordId.isEmpty())
        return;
    const auto written = [&] {
        execOrThrow(m_db.connection(), QStringLiteral("UPDATE scheduled_calls SET record_pending = 0 WHERE id = ? AND record_id = ?"), id, row->recordId);
    };
    analytics::CallRecordStore records(m_db);
    if (records.byId(row->recordId)) {
        written();
        return;
    }
    analytics::CallRecord r;
    r.id = row->recordId;
    r.agent = m_agents.nameOf(row->agent).isEmpty() ? row->agent : m_agents.nameOf(row->agent);
    r.useCase = row->useCase == kCallback ? m_agents.useCaseOf(row->agent) : row->useCase;
    if (!analytics::useCases().contains(r.useCase))
        r.useCase = QStringLiteral("other");
    r.direction = QStringLiteral("outbound");
    r.channel = row->provider == QLatin1String("exotel") ? QStringLiteral("exotel") : QStringLiteral("twilio");
    r.language = row->agentLanguage;
    r.customerId = row->customerId;
    r.orderId = row->orderId;
    r.cartId = row->cartId;
    r.startedAt = row->placedAt.isValid() ? row->placedAt : (row->claimedAt.isValid() ? row->claimedAt : row->updatedAt);
    r.endedAt = std::max(row->endedAt.isValid() ? row->endedAt : r.startedAt, r.startedAt);
    r.outcome = row->outcome == QLatin1String("failed") ? QStringLiteral("failed") : QStringLiteral("no_answer");
    r.transcript = json::array({ { { "type", eventTypeName(EventType::Notice) },
                                   { "text", QStringLiteral("Campaign call attempt %1: %2").arg(row->attempt).arg(row->outcome) },
                                   { "t_ms", 0 } } });
    const auto stored = records.insert(r);
    if (!stored.ok()) {
        qWarning("campaigns: the record of attempt %lld was not stored: %s", static_cast<long long>(id), qPrintable(stored.error()));
        return;
    }
    written();
}

int CallProgress::repairMissingRecords(const QDateTime &)
{
    // Only the attempts still waiting for their record (a partial index holds just those), not
    // every finished attempt ever.
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT id FROM scheduled_calls WHERE record_pending = 1 ORDER BY id LIMIT 200"));
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    q.finish(); // no read open while writing (see TriggerScanner)
    for (qint64 id : ids)
        writeAttemptRecord(id);
    return int(ids.size());
}

bool CallProgress::agentCameOn(const QSqlDatabase &db, qint64 id)
{
    QSqlQuery q = execOrThrow(db, QStringLiteral("SELECT 1 FROM campaign_events WHERE scheduled_call_id = ? AND kind = 'connected' LIMIT 1"), id);
    return q.next();
}

CallProgress::Applied CallProgress::mediaConnected(const QString &callId, const QDateTime &now)
{
    Applied a;
    CallQueue queue(m_db);
    m_db.transaction([&](QSqlDatabase &db) {
        const std::optional<ScheduledCall> row = queue.byProviderCallId(db, callId);
        if (!row)
            return true;
        a.known = true;
        a.id = row->id;
        if (!agentCameOn(db, row->id))
            queue.addEvent(db, row->id, QStringLiteral("connected"), QString(), QStringLiteral("the call's media reached the agent"), now);
        return true;
    });
    return a;
}

} // namespace ringside::campaigns
