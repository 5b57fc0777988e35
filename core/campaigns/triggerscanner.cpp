#include "campaigns/triggerscanner.h"

#include "campaigns/callbacktime.h"
#include "campaigns/callplanner.h"
#include "campaigns/callqueue.h"
#include "campaigns/campaignagents.h"
#include "campaigns/campaignsettings.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QSqlRecord>

namespace ringside::campaigns {

namespace {

const QString kCustomerColumns = QStringLiteral("c.id, c.name, c.phone, c.state, c.country, c.timezone, c.preferred_language, c.type");

// Reads the eight customer columns starting at `i`.
Customer customerAt(const QVariantList &q, int i)
{
    Customer c;
    c.id = q.value(i).toString();
    c.name = q.value(i + 1).toString();
    c.phone = q.value(i + 2).toString();
    c.state = q.value(i + 3).toString();
    c.country = q.value(i + 4).toString();
    c.timezone = q.value(i + 5).toString();
    c.preferredLanguage = q.value(i + 6).toString();
    c.type = q.value(i + 7).toString();
    return c;
}

// The rows of a query, read to the end before anything is written: an open read would pin this
// connection's snapshot, and SQLite refuses to turn a stale snapshot into a write when another
// process (a second dialer) wrote in the meantime.
std::vector<QVariantList> readAll(QSqlQuery &q)
{
    std::vector<QVariantList> rows;
    const int n = q.record().count();
    while (q.next()) {
        QVariantList row;
        row.reserve(n);
        for (int i = 0; i < n; ++i)
            row << q.value(i);
        rows.push_back(std::move(row));
    }
    q.finish();
    return rows;
}

QString localText(const QDateTime &t, const CalledParty &p)
{
    return t.toTimeZone(p.zone()).toString(Qt::ISODate);
}

class Scan
{
public:
    Scan(Database &db, const CampaignAgents &agents, const nlu::Analyser *analyser, const QDateTime &now)
        : m_db(db), m_queue(db), m_agents(agents), m_analyser(analyser), m_now(now.toUTC()), m_rules(CampaignSettings(db).rules()),
          m_planner(m_rules, storeZone(db), agents)
    {
    }

    void cod();
    void delivery();
    void carts();
    void callbacks();

    ScanReport report;

private:
    static QTimeZone storeZone(Database &db)
    {
        const QTimeZone zone(CampaignSettings(db).storeTimezone().toUtf8());
        return zone.isValid() ? zone : QTimeZone(QByteArrayLiteral("Asia/Kolkata"));
    }

    // A trigger's rows since `lookbackHours` ago: `sql` has %1 for the customer columns, %2 for
    // "no call planned yet" (subject key `keyPrefix` + `idColumn`) and binds the start of the
    // lookback (and, with `upToNow`, now); read to the end before anything is written.
    std::vector<QVariantList> triggerRows(const QString &sql, const char *keyPrefix, const char *idColumn, int lookbackHours, bool upToNow = true)
    {
        const QString notPlanned = QStringLiteral("NOT EXISTS (SELECT 1 FROM scheduled_calls s WHERE s.subject_key = '%1' || %2)")
                                           .arg(QLatin1String(keyPrefix), QLatin1String(idColumn));
        QSqlQuery q = upToNow ? execOrThrow(m_db.connection(), sql.arg(kCustomerColumns, notPlanned), since(lookbackHours), m_now.toMSecsSinceEpoch())
                              : execOrThrow(m_db.connection(), sql.arg(kCustomerColumns, notPlanned), since(lookbackHours));
        return readAll(q);
    }

    // The call a trigger asks for, for the customer in `row` from column `customerColumn`.
    struct Planned
    {
        Customer customer;
        ScheduledCall call;
        CalledParty party;
    };
    Planned plan(const QString &useCase, const QString &key, const QString &agent, const QVariantList &row, int customerColumn) const
    {
        Planned p;
        p.customer = customerAt(row, customerColumn);
        p.call = m_planner.plan(useCase, key, agent, p.customer);
        p.party = m_planner.party(p.customer);
        return p;
    }

    // Plans the call; a call without a number is recorded as skipped at once (never silent).
    void schedule(ScheduledCall c, const QString &detail, int *counter)
    {
        if (c.phone.isEmpty()) {
            c.status = kSkipped;
            c.reason = reason::noPhone;
        }
        if (m_queue.schedule(c, m_now, detail) > 0) {
            ++*counter;
            if (c.status == kSkipped)
                ++report.skipped;
        }
    }
    qint64 since(int hours) const { return m_now.addSecs(-qint64(hours) * 3600).toMSecsSinceEpoch(); }

    Database &m_db;
    CallQueue m_queue;
    const CampaignAgents &m_agents;
    const nlu::Analyser *m_analyser;
    QDateTime m_now;
    CampaignRules m_rules;
    CallPlanner m_planner;
};

void Scan::cod()
{
    if (!m_rules.cod.enabled)
        return;
    const auto rows = triggerRows(QStringLiteral("SELECT o.id, o.created_at, %1 FROM orders o JOIN customers c ON c.id = o.customer_id "
                                                 "WHERE o.payment_method = 'cod' AND o.cod_confirmation IN ('', 'pending') "
                                                 "AND o.status IN ('processing', 'on_hold', 'pending_payment') AND o.created_at >= ? AND o.created_at <= ? "
                                                 "AND %2 ORDER BY o.created_at"),
                                  "cod:", "o.id", m_rules.cod.lookbackHours);
    for (const QVariantList &q : rows) {
        const QString orderId = q.value(0).toString();
        auto [customer, c, party] = plan(kCod, QStringLiteral("cod:") + orderId, m_rules.cod.agent, q, 2);
        c.orderId = orderId;
        const WindowRule window = m_planner.window(kCod, kCod, party, false);
        const QDateTime earliest = utcFromEpochMs(q.value(1)).addSecs(qint64(m_rules.cod.delayMinutes) * 60);
        c.firstDueAt = earliest;
        c.dueAt = codDueTime(earliest, party, window, m_rules.cod.nextMorning);
        if (!c.dueAt.isValid())
            c.dueAt = earliest;
        schedule(c,
                 QStringLiteral("order created %1 + %2 min → due %3 (%4)")
                         .arg(localText(utcFromEpochMs(q.value(1)), party))
                         .arg(m_rules.cod.delayMinutes)
                         .arg(localText(c.dueAt, party), c.timezone),
                 &report.cod);
    }
}

void Scan::delivery()
{
    if (!m_rules.delivery.enabled || m_rules.delivery.events.isEmpty())
        return;
    // The event's time: when it shipped, else the latest tracking event of the order's status,
    // else when the order last changed.
    const qint64 from = since(m_rules.delivery.lookbackHours);
    const auto rows = triggerRows(QStringLiteral("SELECT o.id, o.status, COALESCE(CASE WHEN o.status = 'shipped' THEN o.shipped_at END, "
                                                 "(SELECT MAX(t.at) FROM tracking_events t WHERE t.order_id = o.id AND t.status = o.status), o.updated_at), %1 "
                                                 "FROM orders o JOIN customers c ON c.id = o.customer_id "
                                                 "WHERE o.status IN ('shipped', 'out_for_delivery', 'delayed') AND o.updated_at >= ? AND %2 "
                                                 "ORDER BY o.updated_at"),
                                  "delivery:", "o.id || ':' || (CASE o.status WHEN 'shipped' THEN 'fulfilled' ELSE o.status END)",
                                  m_rules.delivery.lookbackHours, false);
    for (const QVariantList &q : rows) {
        const QString orderId = q.value(0).toString();
        const QString status = q.value(1).toString();
        const QString kind = status == QLatin1String("shipped") ? QStringLiteral("fulfilled") : status;
        const qint64 eventMs = q.value(2).toLongLong();
        if (!m_rules.delivery.events.contains(kind) || eventMs < from || eventMs > m_now.toMSecsSinceEpoch())
            continue;
        const QString key = QStringLiteral("delivery:%1:%2").arg(orderId, kind);
        auto [customer, c, party] = plan(kDelivery, key, m_rules.delivery.agent, q, 3);
        c.orderId = orderId;
        c.eventKind = kind;
        const QDateTime event = utcFromEpochMs(q.value(2));
        c.firstDueAt = event;
        c.dueAt = nextAllowed(std::max(event, m_now), party, m_planner.window(kDelivery, kDelivery, party, false));
        if (!c.dueAt.isValid())
            c.dueAt = m_now;
        schedule(c, QStringLiteral("%1 at %2 → due %3").arg(kind, localText(event, party), localText(c.dueAt, party)), &report.delivery);
    }
}

void Scan::carts()
{
    if (!m_rules.cart.enabled)
        return;
    const auto rows = triggerRows(QStringLiteral("SELECT k.id, k.abandoned_at, k.total_minor, k.currency, k.recovery_attempts, %1 "
                                                 "FROM carts k JOIN customers c ON c.id = k.customer_id "
                                                 "WHERE k.status = 'abandoned' AND k.abandoned_at >= ? AND k.abandoned_at <= ? AND %2 "
                                                 "ORDER BY k.abandoned_at"),
                                  "cart:", "k.id", m_rules.cart.lookbackHours);
    for (const QVariantList &q : rows) {
        const QString cartId = q.value(0).toString();
        auto [customer, c, party] = plan(kCart, QStringLiteral("cart:") + cartId, m_rules.cart.agent, q, 5);
        c.cartId = cartId;
        const int delay = m_rules.cartDelayMinutes(q.value(2).toLongLong(), q.value(3).toString());
        const QDateTime earliest = utcFromEpochMs(q.value(1)).addSecs(qint64(delay) * 60);
        const bool business = customer.type == QLatin1String("business");
        c.firstDueAt = earliest;
        c.dueAt = nextAllowed(earliest, party, m_planner.window(kCart, kCart, party, business));
        if (!c.dueAt.isValid())
            c.dueAt = earliest;
        if (q.value(4).toInt() > 0) {
            // Called about before (by hand, or before campaigns ran): one recovery call per cart, ever.
            c.status = kSkipped;
            c.reason = reason::cap;
        }
        schedule(c,
                 QStringLiteral("abandoned %1, %2 %3 → wait %4 min → due %5%6")
                         .arg(localText(utcFromEpochMs(q.value(1)), party), q.value(3).toString())
                         .arg(double(q.value(2).toLongLong()) / 100.0, 0, 'f', 2)
                         .arg(delay)
                         .arg(localText(c.dueAt, party), business ? QStringLiteral(" (business: weekdays only)") : QString()),
                 &report.cart);
    }
}

void Scan::callbacks()
{
    if (!m_rules.callback.enabled)
        return;
    const auto rows = triggerRows(QStringLiteral("SELECT r.id, r.agent, r.use_case, r.order_id, r.cart_id, COALESCE(r.ended_at, r.started_at), r.transcript, "
                                                 "r.customer_id, %1 FROM call_records r LEFT JOIN customers c ON c.id = r.customer_id "
                                                 "WHERE r.outcome = 'callback' AND r.started_at >= ? AND r.started_at <= ? AND %2 "
                                                 "ORDER BY r.started_at"),
                                  "callback:", "r.id", m_rules.callback.lookbackHours);
    for (const QVariantList &q : rows) {
        const QString recordId = q.value(0).toString();
        const QString agent = m_agents.slugFor(q.value(1).toString());
        auto [customer, c, party] = plan(kCallback, QStringLiteral("callback:") + recordId, agent.isEmpty() ? q.value(1).toString() : agent, q, 8);
        if (customer.id.isEmpty())
            c.customerId = q.value(7).toString();
        c.orderId = q.value(3).toString();
        c.cartId = q.value(4).toString();
        const QDateTime ended = utcFromEpochMs(q.value(5));
        QDateTime wanted = ended.addSecs(qint64(m_rules.callback.defaultDelayMinutes) * 60);
        QString heard;
        if (m_analyser) {
            const QByteArray text = q.value(6).toString().toUtf8();
            const json transcript = json::parse(text.constBegin(), text.constEnd(), nullptr, false);
            const RequestedTime asked = requestedCallbackTime(*m_analyser, transcript, ended, party.zone(),
                                                              { m_rules.callback.morningHour, m_rules.callback.afternoonHour,
                                                                m_rules.callback.eveningHour });
            if (asked.at.isValid()) {
                wanted = asked.at;
                heard = asked.heard;
            }
        }
        c.firstDueAt = wanted;
        c.dueAt = nextAllowed(std::max(wanted, m_now), party, m_planner.window(kCallback, m_agents.useCaseOf(c.agent), party, false));
        if (!c.dueAt.isValid())
            c.dueAt = wanted;
        schedule(c,
                 heard.isEmpty() ? QStringLiteral("callback after call %1 → due %2").arg(recordId, localText(c.dueAt, party))
                                 : QStringLiteral("asked \"%1\" → due %2").arg(heard.left(80), localText(c.dueAt, party)),
                 &report.callback);
    }
}

} // namespace

ScanReport TriggerScanner::scan(const QDateTime &now)
{
    Scan s(m_db, m_agents, m_analyser, now);
    s.cod();
    s.delivery();
    s.carts();
    s.callbacks();
    return s.report;
}

} // namespace ringside::campaigns
