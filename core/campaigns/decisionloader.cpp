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

void DecisionLoader::readPlaced(const QString &callsWhere, const QVariantList &binds, std::size_t batchSize, const QDateTime &now)
{
    // The per-day cap needs the calls placed to the batch's numbers in their local day: the last
    // two days cover every zone. Whichever is smaller is read — every call placed in those two days
    // (the placed_at index), or those to the batch's numbers (the (phone, placed_at) index): a claim
    // of ten reads ten numbers' calls, a backlog of 100,000 the few placed lately.
    m_placed.clear();
    const qint64 since = now.addDays(-2).toMSecsSinceEpoch();
    QSqlQuery count = execOrThrow(m_db.connection(), QStringLiteral("SELECT COUNT(*) FROM scheduled_calls WHERE placed_at >= ?"), since);
    const qint64 placed = count.next() ? count.value(0).toLongLong() : 0;
    count.finish();
    if (placed == 0)
        return;
    QVariantList all{ since };
    QString sql = QStringLiteral("SELECT p.phone, p.placed_at FROM scheduled_calls p WHERE p.placed_at >= ?");
    if (std::size_t(placed) > batchSize) {
        sql += QStringLiteral(" AND p.phone IN (SELECT s.phone FROM scheduled_calls s WHERE %1)").arg(callsWhere);
        all += binds;
    }
    QSqlQuery q = analytics::runBound(m_db.connection(), sql, all);
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
        if (!w.open) {
            w.next = nextAllowed(now, in.party, window);
            if (w.next.isValid())
                w.detail = quietHoursDetail(now, in.party, window, w.next);
        }
        it = m_windows.insert(key, w);
    }
    in.openNow = it->open;
    in.nextOpening = it->next;
    in.closedDetail = it->detail;
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
    in.placedToday = placedOnLocalDay(c.phone, c.timezone, in.party, now);
    if (m_agents) {
        auto agent = m_agentUseCases.find(c.agent);
        if (agent == m_agentUseCases.end())
            agent = m_agentUseCases.insert(c.agent, m_agents->useCaseOf(c.agent));
        in.agentUseCase = *agent;
    }
}

namespace {

// The subject's state and earlier cart calls, the number's do-not-call entry and consent, as
// columns after the call's own. Two bindings (the instant, for consent). Consent is looked up only
// for the use cases that can be promotional (cart recovery, a callback on a recovery agent:
// callKindFor). Empty texts come back as NULL, which Qt Sql hands over without building a string.
const QString kSubjectColumns = QStringLiteral(
        "o.id IS NOT NULL, o.status, NULLIF(o.cod_confirmation, ''), k.id IS NOT NULL, k.status, "
        "CASE WHEN s.cart_id IS NULL THEN NULL ELSE cu.type END, "
        "CASE WHEN s.cart_id IS NULL THEN 0 ELSE COALESCE(k.recovery_attempts, 0) + "
        "(SELECT COUNT(*) FROM call_records r WHERE r.use_case = 'cart_recovery' AND r.cart_id = s.cart_id) + "
        "(SELECT COUNT(*) FROM scheduled_calls p WHERE p.cart_id = s.cart_id AND p.id <> s.id AND p.placed_at IS NOT NULL AND p.outcome <> 'failed') END, "
        "d.source, NULLIF(d.categories, ''), "
        // EXISTS is a boolean on PostgreSQL, which a CASE cannot mix with 0: an inner CASE makes it 1/0.
        "CASE WHEN s.use_case IN ('cart_recovery', 'callback') THEN CASE WHEN "
        "EXISTS (SELECT 1 FROM consents c WHERE c.phone = s.phone AND c.given_at <= ? AND (c.revoked_at IS NULL OR c.revoked_at > ?)) "
        "THEN 1 ELSE 0 END ELSE 0 END");
const QString kSubjectJoins = QStringLiteral(
        "LEFT JOIN orders o ON o.id = s.order_id LEFT JOIN carts k ON k.id = s.cart_id LEFT JOIN customers cu ON cu.id = s.customer_id "
        "LEFT JOIN dnd d ON d.phone = s.phone");

QVariantList subjectBinds(const QDateTime &now)
{
    return { now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch() };
}

void readSubject(DecisionInput &in, const QSqlQuery &q, int i)
{
    const bool orderFound = q.value(i).toBool();
    const bool cartFound = q.value(i + 3).toBool();
    in.subject.found = !in.call->cartId.isEmpty() && in.call->useCase == kCart ? cartFound : (in.call->orderId.isEmpty() || orderFound);
    in.subject.orderStatus = q.value(i + 1).toString();
    in.subject.codConfirmation = q.value(i + 2).toString();
    in.subject.cartStatus = q.value(i + 4).toString();
    in.subject.businessCustomer = q.value(i + 5).toString() == QLatin1String("business");
    in.subject.cartCallsBefore = q.value(i + 6).toInt();
    const QVariant dndSource = q.value(i + 7);
    if (!dndSource.isNull()) {
        DndEntry e;
        e.phone = in.call->phone;
        e.source = dndSource.toString();
        e.categories = q.value(i + 8).toString();
        in.dnd = std::move(e);
    }
    in.consent = q.value(i + 9).toBool();
}

} // namespace

DecisionBatch DecisionLoader::loadWhere(const QString &where, const QVariantList &binds, const QDateTime &now, const CampaignRules &rules)
{
    prepare(now);
    DecisionBatch b;
    // Only the columns deciding reads (Qt Sql makes a QVariant of every column of every row, and a
    // string of every text: 100,000 rows of the whole table cost seconds), then the subject's.
    // Room for every row first: growing the vectors of 100,000 calls moved each call several times
    // into fresh memory, which cost more than reading them (a count walks the same index, fast).
    std::vector<DecisionInput> inputs;
    {
        QSqlQuery count = analytics::runBound(m_db.connection(), QStringLiteral("SELECT COUNT(*) FROM scheduled_calls s WHERE %1").arg(where), binds);
        const std::size_t expected = count.next() ? std::size_t(std::max<qint64>(0, count.value(0).toLongLong())) : 0;
        b.calls.reserve(expected);
        inputs.reserve(expected);
    }
    QVariantList all = subjectBinds(now);
    all += binds;
    QSqlQuery q = analytics::runBound(m_db.connection(),
                                      QStringLiteral("SELECT %1, %2 FROM scheduled_calls s %3 WHERE %4 ORDER BY s.due_at, s.id")
                                              .arg(detail::kDecisionColumns, kSubjectColumns, kSubjectJoins, where),
                                      all);
    while (q.next()) {
        b.calls.push_back(detail::decisionRowFrom(q));
        DecisionInput in;
        in.call = &b.calls.back(); // for readSubject; pointed again below once the vector stops moving
        readSubject(in, q, detail::kDecisionColumnCount);
        inputs.push_back(std::move(in));
    }
    q.finish();
    b.inputs = std::move(inputs);
    readPlaced(where, binds, b.calls.size(), now);
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
