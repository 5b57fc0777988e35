#include "campaigns/decisionloader.h"

#include "campaigns/campaignagents.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

#include <algorithm>

namespace ringside::campaigns {

namespace {

constexpr int kChunk = 400;

// "?,?,?" for n bindings.
QString marks(int n)
{
    QString s;
    s.reserve(n * 2);
    for (int i = 0; i < n; ++i)
        s += i ? QStringLiteral(",?") : QStringLiteral("?");
    return s;
}

} // namespace

void DecisionLoader::refresh(const QDateTime &now)
{
    DndList lists(m_db);
    m_dnd = lists.loadAll();
    m_consents = lists.phonesWithConsent(now);
    m_placed.clear();
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT phone, placed_at FROM scheduled_calls WHERE placed_at >= ?"),
                              now.addDays(-2).toMSecsSinceEpoch());
    while (q.next())
        m_placed[q.value(0).toString()].append(q.value(1).toLongLong());
}

int DecisionLoader::placedOnLocalDay(const QString &phone, const CalledParty &party, const QDateTime &now) const
{
    const auto it = m_placed.constFind(phone);
    if (it == m_placed.cend())
        return 0;
    const QTimeZone zone = party.zone();
    const QDate day = now.toTimeZone(zone).date();
    const qint64 from = QDateTime(day, QTime(0, 0), zone).toMSecsSinceEpoch();
    const qint64 to = QDateTime(day.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch();
    return int(std::count_if(it->cbegin(), it->cend(), [&](qint64 t) { return t >= from && t < to; }));
}

std::vector<DecisionInput> DecisionLoader::load(const std::vector<ScheduledCall> &calls, const QDateTime &now)
{
    std::vector<DecisionInput> out;
    out.reserve(calls.size());
    QHash<qint64, std::size_t> index;
    for (const ScheduledCall &c : calls) {
        DecisionInput in;
        in.call = c;
        in.party = partyOf(c);
        const auto d = m_dnd.constFind(c.phone);
        if (d != m_dnd.cend())
            in.dnd = *d;
        in.consent = m_consents.contains(c.phone);
        in.placedToday = placedOnLocalDay(c.phone, in.party, now);
        in.agentUseCase = m_agents ? m_agents->useCaseOf(c.agent) : QString();
        index.insert(c.id, out.size());
        out.push_back(std::move(in));
    }
    // The subject's state, read now (not when the call was planned): one query per chunk.
    const QSqlDatabase db = m_db.connection();
    for (std::size_t start = 0; start < calls.size(); start += kChunk) {
        const int n = int(std::min<std::size_t>(kChunk, calls.size() - start));
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral(
                "SELECT s.id, o.id IS NOT NULL, o.status, o.cod_confirmation, k.id IS NOT NULL, k.status, k.recovery_attempts, "
                "cu.type, CASE WHEN s.cart_id IS NULL THEN 0 ELSE "
                "(SELECT COUNT(*) FROM call_records r WHERE r.use_case = 'cart_recovery' AND r.cart_id = s.cart_id) + "
                "(SELECT COUNT(*) FROM scheduled_calls p WHERE p.cart_id = s.cart_id AND p.id <> s.id AND p.placed_at IS NOT NULL AND p.outcome <> 'failed') END "
                "FROM scheduled_calls s LEFT JOIN orders o ON o.id = s.order_id LEFT JOIN carts k ON k.id = s.cart_id "
                "LEFT JOIN customers cu ON cu.id = s.customer_id WHERE s.id IN (%1)")
                          .arg(marks(n)));
        for (int i = 0; i < n; ++i)
            q.addBindValue(calls[start + std::size_t(i)].id);
        if (!q.exec())
            throw StorageError(q.lastError().text());
        while (q.next()) {
            const auto it = index.constFind(q.value(0).toLongLong());
            if (it == index.cend())
                continue;
            DecisionInput &in = out[*it];
            const bool orderFound = q.value(1).toBool();
            const bool cartFound = q.value(4).toBool();
            in.subject.found = !in.call.cartId.isEmpty() && in.call.useCase == kCart ? cartFound : (in.call.orderId.isEmpty() || orderFound);
            in.subject.orderStatus = q.value(2).toString();
            in.subject.codConfirmation = q.value(3).toString();
            in.subject.cartStatus = q.value(5).toString();
            in.subject.cartCallsBefore = q.value(6).toInt() + q.value(8).toInt();
            in.subject.businessCustomer = q.value(7).toString() == QLatin1String("business");
        }
    }
    return out;
}

} // namespace ringside::campaigns
