#include "campaigns/decisionloader.h"

#include "campaigns/callingwindow.h"
#include "campaigns/callplanner.h"
#include "campaigns/campaignagents.h"
#include "campaigns/queuerow.h"

#include "analytics/sqlbind.h"

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

const QList<QTimeZone> &DecisionLoader::zonesOf(const QString &value)
{
    auto it = m_zones.find(value);
    if (it != m_zones.end())
        return *it;
    ScheduledCall probe;
    probe.timezone = value;
    return *m_zones.insert(value, partyOf(probe).zones);
}

int DecisionLoader::placedOnLocalDay(const QString &phone, const QString &zones, const CalledParty &party, const QDateTime &now)
{
    const auto it = m_placed.constFind(phone);
    if (it == m_placed.cend())
        return 0;
    auto day = m_days.find(zones);
    if (day == m_days.end()) {
        const QTimeZone zone = party.zone();
        const QDate date = now.toTimeZone(zone).date();
        day = m_days.insert(zones, { QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch(), QDateTime(date.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch() });
    }
    const DayBounds b = *day;
    return int(std::count_if(it->cbegin(), it->cend(), [&](qint64 t) { return t >= b.from && t < b.to; }));
}

void DecisionLoader::fillWindow(DecisionInput &in, const CampaignRules &rules, const QDateTime &now)
{
    const CallKind kind = callKindFor(in.call->useCase, in.agentUseCase);
    const bool weekends = skipsWeekends(in, rules);
    const WindowKey key{ in.call->timezone, in.party.country, int(kind), weekends };
    auto it = m_windows.find(key);
    if (it == m_windows.end()) {
        const WindowRule window = windowFor(in.party, kind, rules.windowOpen, rules.windowClose, weekends);
        Window w;
        w.open = isAllowed(now, in.party, window) ? 1 : 0;
        if (!w.open)
            w.next = nextAllowed(now, in.party, window);
        it = m_windows.insert(key, w);
    }
    in.openNow = it->open;
    in.nextOpening = it->next;
}

void DecisionLoader::prepare(const QDateTime &now)
{
    if (m_memoNow != now.toMSecsSinceEpoch()) {
        m_days.clear();
        m_windows.clear();
        m_memoNow = now.toMSecsSinceEpoch();
    }
}

void DecisionLoader::fillCall(DecisionInput &in, const ScheduledCall &c, const QDateTime &now)
{
    in.call = &c;
    in.party.phone = c.phone;
    in.party.country = phoneCountry(c.phone);
    in.party.zones = zonesOf(c.timezone);
    in.party.zoneSource = c.timezoneSource;
    const auto d = m_dnd.constFind(c.phone);
    if (d != m_dnd.cend())
        in.dnd = *d;
    in.consent = m_consents.contains(c.phone);
    in.placedToday = placedOnLocalDay(c.phone, c.timezone, in.party, now);
    if (m_agents) {
        auto agent = m_agentUseCases.find(c.agent);
        if (agent == m_agentUseCases.end())
            agent = m_agentUseCases.insert(c.agent, m_agents->useCaseOf(c.agent));
        in.agentUseCase = *agent;
    }
}

namespace {

// The subject's state and earlier cart calls, as columns after the call's own.
const QString kSubjectColumns = QStringLiteral(
        "o.id IS NOT NULL, o.status, o.cod_confirmation, k.id IS NOT NULL, k.status, k.recovery_attempts, cu.type, "
        "CASE WHEN s.cart_id IS NULL THEN 0 ELSE "
        "(SELECT COUNT(*) FROM call_records r WHERE r.use_case = 'cart_recovery' AND r.cart_id = s.cart_id) + "
        "(SELECT COUNT(*) FROM scheduled_calls p WHERE p.cart_id = s.cart_id AND p.id <> s.id AND p.placed_at IS NOT NULL AND p.outcome <> 'failed') END");
const QString kSubjectJoins = QStringLiteral(
        "LEFT JOIN orders o ON o.id = s.order_id LEFT JOIN carts k ON k.id = s.cart_id LEFT JOIN customers cu ON cu.id = s.customer_id");

void readSubject(DecisionInput &in, const QSqlQuery &q, int i)
{
    const bool orderFound = q.value(i).toBool();
    const bool cartFound = q.value(i + 3).toBool();
    in.subject.found = !in.call->cartId.isEmpty() && in.call->useCase == kCart ? cartFound : (in.call->orderId.isEmpty() || orderFound);
    in.subject.orderStatus = q.value(i + 1).toString();
    in.subject.codConfirmation = q.value(i + 2).toString();
    in.subject.cartStatus = q.value(i + 4).toString();
    in.subject.cartCallsBefore = q.value(i + 5).toInt() + q.value(i + 7).toInt();
    in.subject.businessCustomer = q.value(i + 6).toString() == QLatin1String("business");
}

} // namespace

std::vector<DecisionInput> DecisionLoader::load(const std::vector<ScheduledCall> &calls, const QDateTime &now, const CampaignRules &rules)
{
    prepare(now);
    std::vector<DecisionInput> out(calls.size());
    QHash<qint64, std::size_t> index;
    index.reserve(qsizetype(calls.size()));
    for (std::size_t i = 0; i < calls.size(); ++i) {
        fillCall(out[i], calls[i], now);
        index.insert(calls[i].id, i);
    }
    // The subject's state, read now (not when the call was planned): one query per chunk.
    const QSqlDatabase db = m_db.connection();
    for (std::size_t start = 0; start < calls.size(); start += kChunk) {
        const int n = int(std::min<std::size_t>(kChunk, calls.size() - start));
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT s.id, %1 FROM scheduled_calls s %2 WHERE s.id IN (%3)").arg(kSubjectColumns, kSubjectJoins, marks(n)));
        for (int i = 0; i < n; ++i)
            q.addBindValue(calls[start + std::size_t(i)].id);
        if (!q.exec())
            throw StorageError(q.lastError().text());
        while (q.next()) {
            const auto it = index.constFind(q.value(0).toLongLong());
            if (it != index.cend())
                readSubject(out[*it], q, 1);
        }
    }
    for (DecisionInput &in : out)
        fillWindow(in, rules, now);
    return out;
}

DecisionBatch DecisionLoader::loadWhere(const QString &where, const QVariantList &binds, const QDateTime &now, const CampaignRules &rules)
{
    prepare(now);
    DecisionBatch b;
    // Only the columns deciding reads (Qt Sql converts every column of every row, so 100,000 rows
    // of the whole table cost seconds), then the subject's.
    QSqlQuery q = analytics::runBound(m_db.connection(),
                                      QStringLiteral("SELECT %1, %2 FROM scheduled_calls s %3 WHERE %4 ORDER BY s.due_at, s.id")
                                              .arg(detail::kDecisionColumns, kSubjectColumns, kSubjectJoins, where),
                                      binds);
    std::vector<DecisionInput> inputs;
    while (q.next()) {
        b.calls.push_back(detail::decisionRowFrom(q));
        DecisionInput in;
        in.call = &b.calls.back(); // for readSubject; pointed again below once the vector stops moving
        readSubject(in, q, detail::kDecisionColumnCount);
        inputs.push_back(std::move(in));
    }
    q.finish();
    b.inputs = std::move(inputs);
    for (std::size_t i = 0; i < b.calls.size(); ++i) {
        fillCall(b.inputs[i], b.calls[i], now);
        fillWindow(b.inputs[i], rules, now);
    }
    return b;
}

DecisionBatch DecisionLoader::loadClaimed(const QString &token, const QDateTime &now, const CampaignRules &rules)
{
    return loadWhere(QStringLiteral("s.lease_owner = ? AND s.status = 'dialing'"), { token }, now, rules);
}

DecisionBatch DecisionLoader::loadDue(const QDateTime &now, const CampaignRules &rules)
{
    return loadWhere(QStringLiteral("s.status = 'scheduled' AND s.due_at <= ?"), { now.toMSecsSinceEpoch() }, now, rules);
}

} // namespace ringside::campaigns
