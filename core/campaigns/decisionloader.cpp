#include "campaigns/decisionloader.h"

#include "campaigns/callingwindow.h"
#include "campaigns/callplanner.h"
#include "campaigns/campaignagents.h"
#include "campaigns/queuerow.h"

#include "analytics/sqlbind.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QSqlError>

#include <algorithm>
#include <limits>

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

// Texts from a short fixed list (the CHECK constraints of the use case, the order's and the cart's
// status, the COD state) come back as their place in the list, and the subject's flags and codes
// as one integer: Qt Sql builds a QVariant for every column of every row and a string for every
// text, which is most of what reading a row costs. A status not in the list (one a later
// migration adds) comes back as text in a column of its own, NULL otherwise.
const QStringList kOrderStatuses = { QStringLiteral("processing"), QStringLiteral("shipped"), QStringLiteral("out_for_delivery"),
                                     QStringLiteral("delivered"), QStringLiteral("delayed"), QStringLiteral("cancelled"),
                                     QStringLiteral("returned"), QStringLiteral("on_hold"), QStringLiteral("pending_payment") };
const QStringList kCartStatuses = { QStringLiteral("active"), QStringLiteral("abandoned"), QStringLiteral("recovered"),
                                    QStringLiteral("completed"), QStringLiteral("expired") };
// Deciding compares the COD state only with these two: any other state reads as ''.
const QStringList kCodStates = { QStringLiteral("confirmed"), QStringLiteral("declined") };

// "CASE col WHEN 'a' THEN 1 WHEN 'b' THEN 2 … ELSE 0 END": 0 for NULL and for texts not listed.
QString placeIn(const QString &column, const QStringList &values)
{
    QString code = QStringLiteral("CASE %1").arg(column);
    for (qsizetype i = 0; i < values.size(); ++i)
        code += QStringLiteral(" WHEN '%1' THEN %2").arg(values.at(i)).arg(i + 1);
    return code + QStringLiteral(" ELSE 0 END");
}

// The text of `column` when it is not one of `values` (NULL when it is, or is NULL).
QString otherThan(const QString &column, const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted << QStringLiteral("'%1'").arg(v);
    return QStringLiteral("CASE WHEN %1 IN (%2) THEN NULL ELSE %1 END").arg(column, quoted.join(QStringLiteral(", ")));
}

// The subject's packed state: bits of flags, then fields of list places.
enum StateBits : int {
    OrderFound = 1,
    CartFound = 2,
    BusinessCustomer = 4,
    Consent = 8,
    CodShift = 4,         // 2 bits: kCodStates place
    OrderStatusShift = 6, // 4 bits: kOrderStatuses place
    CartStatusShift = 10, // 3 bits: kCartStatuses place
};

QString listedText(int place, const QStringList &values, const QSqlQuery &q, int otherColumn)
{
    return place > 0 ? values.value(place - 1) : q.value(otherColumn).toString();
}

// What deciding a call reads, as `s.` columns: the agent only for callbacks (whose kind is the
// agent's), the customer only for the detail of a call without a number, the event only when there
// is one. A NULL costs Qt Sql no string.
const QString &callColumns()
{
    static const QString columns = QStringLiteral(
            "s.id, %1, s.attempt, CASE WHEN s.use_case = 'callback' THEN s.agent END, s.order_id, s.cart_id, "
            "CASE WHEN s.phone = '' THEN s.customer_id END, s.phone, s.timezone, NULLIF(s.event_kind, ''), s.due_at, s.lease_gen")
            .arg(placeIn(QStringLiteral("s.use_case"), useCases()));
    return columns;
}
constexpr int kCallColumnCount = 12;

void readCall(ScheduledCall &c, const QSqlQuery &q)
{
    c.id = q.value(0).toLongLong();
    c.useCase = useCases().value(q.value(1).toInt() - 1); // the CHECK constraint allows only these
    c.attempt = q.value(2).toInt();
    c.agent = q.value(3).toString();
    c.orderId = q.value(4).toString();
    c.cartId = q.value(5).toString();
    c.customerId = q.value(6).toString();
    c.phone = q.value(7).toString();
    c.timezone = q.value(8).toString();
    c.eventKind = q.value(9).toString();
    c.dueAt = utcFromEpochMs(q.value(10));
    c.leaseGen = q.value(11).toLongLong();
    c.status.clear();
}

// The subject's state and earlier cart calls, the number's do-not-call entry and consent, as
// columns after the call's own. Two bindings (the instant, for consent). The customer's type is
// looked up only for carts, earlier cart calls only for carts, consent only for the use cases that
// can be promotional (cart recovery, a callback on a recovery agent: callKindFor).
const QString &subjectColumns()
{
    static const QString columns =
            QStringLiteral(
                    "CASE WHEN o.id IS NULL THEN 0 ELSE %1 END + CASE WHEN k.id IS NULL THEN 0 ELSE %2 END + "
                    "CASE WHEN s.cart_id IS NULL THEN 0 ELSE COALESCE((SELECT CASE WHEN cu.type = 'business' THEN %3 ELSE 0 END "
                    "FROM customers cu WHERE cu.id = s.customer_id), 0) END + "
                    // EXISTS is a boolean on PostgreSQL, which a CASE cannot mix with 0: an inner CASE makes it a number.
                    "CASE WHEN s.use_case IN ('cart_recovery', 'callback') THEN CASE WHEN "
                    "EXISTS (SELECT 1 FROM consents c WHERE c.phone = s.phone AND c.given_at <= ? AND (c.revoked_at IS NULL OR c.revoked_at > ?)) "
                    "THEN %4 ELSE 0 END ELSE 0 END + %5 * (%6) + %7 * (%8) + %9 * (%10), ")
                    .arg(OrderFound)
                    .arg(CartFound)
                    .arg(BusinessCustomer)
                    .arg(Consent)
                    .arg(1 << CodShift)
                    .arg(placeIn(QStringLiteral("o.cod_confirmation"), kCodStates))
                    .arg(1 << OrderStatusShift)
                    .arg(placeIn(QStringLiteral("o.status"), kOrderStatuses))
                    .arg(1 << CartStatusShift)
                    .arg(placeIn(QStringLiteral("k.status"), kCartStatuses)) +
            otherThan(QStringLiteral("o.status"), kOrderStatuses) + QStringLiteral(", ") + otherThan(QStringLiteral("k.status"), kCartStatuses) +
            QStringLiteral(
                    ", CASE WHEN s.cart_id IS NULL THEN 0 ELSE COALESCE(k.recovery_attempts, 0) + "
                    "(SELECT COUNT(*) FROM call_records r WHERE r.use_case = 'cart_recovery' AND r.cart_id = s.cart_id) + "
                    "(SELECT COUNT(*) FROM scheduled_calls p WHERE p.cart_id = s.cart_id AND p.id <> s.id AND p.placed_at IS NOT NULL AND p.outcome <> 'failed') END, "
                    "d.source, NULLIF(d.categories, '')");
    return columns;
}
const QString kSubjectJoins = QStringLiteral("LEFT JOIN orders o ON o.id = s.order_id LEFT JOIN carts k ON k.id = s.cart_id LEFT JOIN dnd d ON d.phone = s.phone");

QVariantList subjectBinds(const QDateTime &now)
{
    return { now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch() };
}

void readSubject(DecisionInput &in, const QSqlQuery &q, int i)
{
    const int state = q.value(i).toInt();
    const bool orderFound = state & OrderFound;
    const bool cartFound = state & CartFound;
    in.subject.found = !in.call->cartId.isEmpty() && in.call->useCase == kCart ? cartFound : (in.call->orderId.isEmpty() || orderFound);
    in.subject.orderStatus = orderFound ? listedText((state >> OrderStatusShift) & 15, kOrderStatuses, q, i + 1) : QString();
    const int cod = (state >> CodShift) & 3;
    in.subject.codConfirmation = cod > 0 ? kCodStates.value(cod - 1) : QString();
    in.subject.cartStatus = cartFound ? listedText((state >> CartStatusShift) & 7, kCartStatuses, q, i + 2) : QString();
    in.subject.businessCustomer = state & BusinessCustomer;
    in.subject.cartCallsBefore = q.value(i + 3).toInt();
    const QVariant dndSource = q.value(i + 4);
    if (!dndSource.isNull()) {
        DndEntry e;
        e.phone = in.call->phone;
        e.source = dndSource.toString();
        e.categories = q.value(i + 5).toString();
        in.dnd = std::move(e);
    }
    in.consent = state & Consent;
}

QString selectSql(const QString &where)
{
    return QStringLiteral("SELECT %1, %2 FROM scheduled_calls s %3 WHERE %4").arg(callColumns(), subjectColumns(), kSubjectJoins, where);
}

// Appends the query's rows to the batch; the inputs point at their calls once the calls stop moving.
void readRows(QSqlQuery &q, DecisionBatch &b)
{
    while (q.next()) {
        ScheduledCall &c = b.calls.emplace_back();
        readCall(c, q);
        DecisionInput &in = b.inputs.emplace_back();
        in.call = &c; // for readSubject
        readSubject(in, q, kCallColumnCount);
    }
    for (std::size_t i = 0; i < b.calls.size(); ++i)
        b.inputs[i].call = &b.calls[i];
}

const QString kDueWhere = QStringLiteral("s.status = 'scheduled' AND s.due_at <= ?");

} // namespace

std::size_t DecisionLoader::count(const QString &where, const QVariantList &binds)
{
    QSqlQuery count = analytics::runBound(m_db.connection(), QStringLiteral("SELECT COUNT(*) FROM scheduled_calls s WHERE %1").arg(where), binds);
    return count.next() ? std::size_t(std::max<qint64>(0, count.value(0).toLongLong())) : 0;
}

DecisionBatch DecisionLoader::loadWhere(const QString &where, const QVariantList &binds, const QDateTime &now, const CampaignRules &rules)
{
    prepare(now);
    DecisionBatch b;
    // Room for every row first: growing the vectors moved each call several times into fresh
    // memory (a count walks the same index, fast).
    const std::size_t expected = count(where, binds);
    b.calls.reserve(expected);
    b.inputs.reserve(expected);
    QVariantList all = subjectBinds(now);
    all += binds;
    QSqlQuery q = analytics::runBound(m_db.connection(), selectSql(where) + QStringLiteral(" ORDER BY s.due_at, s.id"), all);
    readRows(q, b);
    q.finish();
    readPlaced(where, binds, b.calls.size(), now);
    for (DecisionInput &in : b.inputs) {
        fillCall(in, *in.call, now);
        fillWindow(in, rules, now);
    }
    return b;
}

DecisionBatch DecisionLoader::loadClaimed(const QString &token, const QDateTime &now, const CampaignRules &rules)
{
    return loadWhere(QStringLiteral("s.lease_owner = ? AND s.status = 'dialing'"), { token }, now, rules);
}

DecisionBatch DecisionLoader::loadDue(const QDateTime &now, const CampaignRules &rules)
{
    return loadWhere(kDueWhere, { now.toMSecsSinceEpoch() }, now, rules);
}

void DecisionLoader::forEachDue(const QDateTime &now, const CampaignRules &rules, const std::function<void(const DecisionInput &)> &decide, int pageSize)
{
    prepare(now);
    const QVariantList binds{ now.toMSecsSinceEpoch() };
    readPlaced(kDueWhere, binds, count(kDueWhere, binds), now);
    // Keyset pages over the (status, due_at) index: each page starts after the last call of the one
    // before (ids break ties of the due time), and is read whole and closed before `decide` sees it.
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    const QString sql = selectSql(kDueWhere + QStringLiteral(" AND s.due_at >= ? AND (s.due_at > ? OR s.id > ?)")) +
                        QStringLiteral(" ORDER BY s.due_at, s.id LIMIT ?");
    if (!q.prepare(sql))
        throw StorageError(QStringLiteral("prepare failed: %1 (%2)").arg(q.lastError().text(), sql.left(200)));
    pageSize = std::max(1, pageSize);
    DecisionBatch page;
    page.calls.reserve(std::size_t(pageSize));
    page.inputs.reserve(std::size_t(pageSize));
    qint64 afterDue = std::numeric_limits<qint64>::min();
    qint64 afterId = 0;
    for (;;) {
        int i = 0;
        for (const QVariant &v : subjectBinds(now))
            q.bindValue(i++, v);
        q.bindValue(i++, now.toMSecsSinceEpoch());
        q.bindValue(i++, afterDue);
        q.bindValue(i++, afterDue);
        q.bindValue(i++, afterId);
        q.bindValue(i++, pageSize);
        if (!q.exec())
            throw StorageError(QStringLiteral("query failed: %1 (%2)").arg(q.lastError().text(), sql.left(200)));
        page.calls.clear();
        page.inputs.clear();
        readRows(q, page);
        q.finish();
        // Filled right before each decision, so a call noted as placed counts for the next ones.
        for (DecisionInput &in : page.inputs) {
            fillCall(in, *in.call, now);
            fillWindow(in, rules, now);
            decide(in);
        }
        if (page.calls.size() < std::size_t(pageSize))
            return;
        afterDue = page.calls.back().dueAt.toMSecsSinceEpoch();
        afterId = page.calls.back().id;
    }
}

} // namespace ringside::campaigns
