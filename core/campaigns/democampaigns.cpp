#include "campaigns/democampaigns.h"

#include "campaigns/callprogress.h"
#include "campaigns/callqueue.h"
#include "campaigns/campaignagents.h"
#include "campaigns/campaignsettings.h"
#include "campaigns/claimround.h"
#include "campaigns/triggerscanner.h"

#include "analytics/callrecordstore.h"
#include "analytics/demorandom.h"
#include "engine/nlu/analyser.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

namespace ringside::campaigns {

namespace {

bool isShowcase(const ScheduledCall &c)
{
    return c.subjectId().startsWith(QLatin1String("ORD-4829")) || c.subjectId().startsWith(QLatin1String("CART-000"));
}

QString conversationOutcome(analytics::DemoRandom &rng, const QString &useCase)
{
    if (useCase == kCod)
        return rng.pick({ { "confirmed", 0.78 }, { "modified", 0.06 }, { "cancelled", 0.07 }, { "callback", 0.09 } });
    if (useCase == kDelivery)
        return rng.pick({ { "resolved", 0.82 }, { "rescheduled", 0.08 }, { "callback", 0.10 } });
    if (useCase == kCart)
        return rng.pick({ { "recovered", 0.26 }, { "not_interested", 0.52 }, { "callback", 0.22 } });
    return rng.pick({ { "resolved", 0.85 }, { "escalated", 0.15 } });
}

class Simulation
{
public:
    Simulation(Database &db, quint32 seed) : m_db(db), m_queue(db), m_progress(db, m_agents), m_rng(seed) {}

    void run(const QDateTime &now, DemoCampaignStats &stats)
    {
        m_now = now;
        const auto analyser = nlu::Analyser::builtin();
        TriggerScanner scanner(m_db, m_agents, analyser.ok() ? &analyser.value() : nullptr);
        const CampaignRules rules = CampaignSettings(m_db).rules();
        for (QDateTime t = now.addDays(-1); t <= now; t = t.addSecs(15 * 60)) {
            stats.planned += scanner.scan(t).total();
            for (int guard = 0; guard < 50; ++guard) {
                // As the dialer does it: claim, decide, settle skips and moves, place the rest.
                ClaimRound round = claimAndDecide(m_db, m_agents, rules, t, { QStringLiteral("demo"), rules.dialer.leaseSeconds, 50, {} });
                if (round.claimed == 0)
                    break;
                for (const int n : round.skipped())
                    stats.skipped += n;
                for (const ScheduledCall &call : round.toPlace) {
                    place(call, t);
                    ++stats.placed;
                }
            }
        }
        stats.scheduledAhead = int(m_queue.count({ kScheduled }));
    }

private:
    void place(const ScheduledCall &call, const QDateTime &at)
    {
        const QString sid = QStringLiteral("CAdemo%1").arg(call.id, 10, 10, QLatin1Char('0'));
        m_queue.recordPlaced(call.id, call.leaseGen, QStringLiteral("twilio"), sid, QStringLiteral("queued"), at);
        const QString result = isShowcase(call) ? QStringLiteral("no-answer")
                                                : m_rng.pick({ { "completed", 0.66 }, { "no-answer", 0.24 }, { "busy", 0.06 }, { "failed", 0.04 } });
        StatusUpdate u;
        u.provider = QStringLiteral("twilio");
        u.callId = sid;
        u.sequence = 0;
        u.status = QStringLiteral("ringing");
        m_progress.apply(u, at.addSecs(3));
        if (result == QLatin1String("completed")) {
            const int talk = m_rng.between(40, 240);
            const QDateTime answered = at.addSecs(m_rng.between(5, 15));
            u.sequence = 1;
            u.status = QStringLiteral("in-progress");
            m_progress.apply(u, answered);
            const QString outcome = conversationOutcome(m_rng, call.useCase);
            const QString recordId = QStringLiteral("demo-campaign-%1").arg(call.id);
            writeConversation(call, recordId, answered, talk, outcome);
            m_progress.conversationEnded(sid, outcome, recordId, answered.addSecs(talk));
            u.sequence = 2;
            u.status = QStringLiteral("completed");
            u.durationS = talk;
            m_progress.apply(u, answered.addSecs(talk));
            return;
        }
        u.sequence = 1;
        u.status = result;
        m_progress.apply(u, at.addSecs(result == QLatin1String("failed") ? 2 : 30));
    }

    // The conversation's record and what it changed in the store, as the agent's tools would.
    void writeConversation(const ScheduledCall &call, const QString &recordId, const QDateTime &answered, int talk, const QString &outcome)
    {
        analytics::CallRecord r;
        r.id = recordId;
        r.agent = m_agents.nameOf(call.agent).isEmpty() ? call.agent : m_agents.nameOf(call.agent);
        r.useCase = call.useCase == kCallback ? m_agents.useCaseOf(call.agent) : call.useCase;
        if (!analytics::useCases().contains(r.useCase))
            r.useCase = QStringLiteral("other");
        r.direction = QStringLiteral("outbound");
        r.channel = QStringLiteral("twilio");
        r.language = call.agentLanguage;
        r.customerId = call.customerId;
        r.orderId = call.orderId;
        r.cartId = call.cartId;
        r.startedAt = answered.addSecs(-8);
        r.answeredAt = answered;
        r.endedAt = answered.addSecs(talk);
        r.outcome = outcome;
        for (int i = 0; i < std::max(2, talk / 20); ++i)
            r.turnLatenciesMs.push_back(m_rng.between(550, 1300));
        const QSqlDatabase db = m_db.connection();
        const qint64 end = r.endedAt.toMSecsSinceEpoch();
        if (call.useCase == kCod && outcome == QLatin1String("modified")) {
            // As confirm_cod_order does with a change request: the order waits for the change,
            // unconfirmed, and no revenue is counted yet (docs/analytics.md).
            execOrThrow(db, QStringLiteral("UPDATE orders SET cod_confirmation = 'pending', updated_at = ? WHERE id = ?"), end, call.orderId);
            execOrThrow(db, QStringLiteral("INSERT INTO cod_events (order_id, at, confirmed, modification) VALUES (?, ?, 0, ?)"),
                        call.orderId, end, QStringLiteral("deliver to my office address instead"));
        } else if (call.useCase == kCod && outcome == QLatin1String("confirmed")) {
            execOrThrow(db, QStringLiteral("UPDATE orders SET cod_confirmation = 'confirmed', updated_at = ? WHERE id = ?"), end, call.orderId);
            QSqlQuery t = execOrThrow(db, QStringLiteral("SELECT total_minor, currency FROM orders WHERE id = ?"), call.orderId);
            if (t.next()) {
                r.revenueMinor = t.value(0).toLongLong();
                r.currency = t.value(1).toString();
            }
        } else if (call.useCase == kCod && outcome == QLatin1String("cancelled")) {
            execOrThrow(db, QStringLiteral("UPDATE orders SET status = 'cancelled', cod_confirmation = 'declined', updated_at = ? WHERE id = ?"), end,
                        call.orderId);
            execOrThrow(db, QStringLiteral("INSERT INTO cancellations (order_id, reason, details, at) VALUES (?, 'changed_mind', '', ?)"), call.orderId, end);
            r.cancelReason = QStringLiteral("changed_mind");
        } else if (call.useCase == kCart && outcome == QLatin1String("recovered")) {
            // The link was sent; most such carts are bought within hours (the order counts, not the link).
            QSqlQuery k = execOrThrow(db, QStringLiteral("SELECT customer_id, total_minor, currency FROM carts WHERE id = ?"), call.cartId);
            if (k.next() && m_rng.chance(0.75)) {
                const qint64 at = end + qint64(m_rng.between(20, 180)) * 60000;
                if (at <= m_now.toMSecsSinceEpoch()) {
                    const QString orderId = QStringLiteral("ORD-CART-%1").arg(call.cartId.section(QLatin1Char('-'), -1));
                    execOrThrow(db, QStringLiteral("INSERT INTO orders (id, customer_id, status, payment_method, total_minor, currency, "
                                                   "created_at, cart_id, updated_at) VALUES (?, ?, 'processing', 'upi', ?, ?, ?, ?, ?) "
                                                   "ON CONFLICT DO NOTHING"),
                                orderId, k.value(0).toString(), k.value(1).toLongLong(), k.value(2).toString(), at, call.cartId, at);
                    execOrThrow(db, QStringLiteral("UPDATE carts SET status = 'completed', updated_at = ? WHERE id = ?"), at, call.cartId);
                }
            }
        }
        analytics::CallRecordStore(m_db).insert(r);
    }

    Database &m_db;
    CampaignAgents m_agents;
    CallQueue m_queue;
    CallProgress m_progress;
    analytics::DemoRandom m_rng;
    QDateTime m_now;
};

} // namespace

Result<DemoCampaignStats> generateDemoCampaigns(Database &db, const QDateTime &now, quint32 seed)
{
    if (!now.isValid())
        return Result<DemoCampaignStats>::failure(QStringLiteral("now: is not a valid instant"));
    DemoCampaignStats stats;
    // Whole minutes, like the rest of the demo data, so a rerun with the same --now is the same day.
    const QDateTime minute = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch() / 60 * 60, Qt::UTC);
    Simulation(db, seed).run(minute, stats);
    return stats;
}

} // namespace ringside::campaigns
