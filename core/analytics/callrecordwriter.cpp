#include "callrecordwriter.h"

#include "rollup.h"
#include "storage/sqlutil.h"

#include <QUuid>

#include <algorithm>

namespace ringside::analytics {

namespace {

QVariant msOrNull(const QDateTime &t) { return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(); }
QVariant intOrNull(const std::optional<int> &v) { return v ? QVariant(*v) : QVariant(); }
// A null QString binds as SQL NULL; NOT NULL text columns want ''.
QString text(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }

QString dumpJson(const json &value)
{
    return qs(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

void run(QSqlQuery &q)
{
    if (!q.exec())
        throw StorageError(QStringLiteral("query failed: %1 (%2)").arg(q.lastError().text(), q.lastQuery().left(200)));
}

// Values for writtenColumns(), derived summaries included.
QVariantList rowValues(const CallRecord &r)
{
    const qint64 duration = (r.answeredAt.isValid() && r.endedAt.isValid()) ? r.answeredAt.msecsTo(r.endedAt) : 0;
    std::vector<int> sorted = r.turnLatenciesMs;
    std::sort(sorted.begin(), sorted.end());
    QVariant p50, max;
    qint64 sum = 0;
    std::vector<qint64> buckets(latencyBucketBoundsMs().size() + 1, 0);
    for (int latency : sorted) {
        sum += latency;
        const auto &bounds = latencyBucketBoundsMs();
        buckets[size_t(std::lower_bound(bounds.begin(), bounds.end(), qint64(latency)) - bounds.begin())] += 1;
    }
    if (!sorted.empty()) {
        p50 = sorted[(sorted.size() + 1) / 2 - 1]; // nearest rank
        max = sorted.back();
    }
    QVariantList v = {
        r.id, r.agent, r.useCase, r.direction, r.channel, text(r.language), nullIfEmpty(r.customerId),
        nullIfEmpty(r.orderId), nullIfEmpty(r.cartId), msOrNull(r.startedAt), msOrNull(r.answeredAt),
        msOrNull(r.endedAt), duration, r.outcome, r.handledBy, nullIfEmpty(r.escalationReason),
        nullIfEmpty(r.cancelReason), r.revenueMinor, text(r.currency), intOrNull(r.csat), intOrNull(r.nps),
        nullIfEmpty(r.orderStatus), nullIfEmpty(r.carrier), int(r.returnInitiated), int(r.pickupScheduled),
        r.turns, p50, max, qint64(sorted.size()), sum,
    };
    for (qint64 count : buckets)
        v << count;
    v << dumpJson(r.transcript) << dumpJson(r.toolCalls) << nullIfEmpty(r.liveOwner);
    return v;
}

} // namespace

const QStringList &writtenColumns()
{
    static const QStringList columns = [] {
        QStringList c = { QStringLiteral("id"), QStringLiteral("agent"), QStringLiteral("use_case"),
                          QStringLiteral("direction"), QStringLiteral("channel"), QStringLiteral("language"),
                          QStringLiteral("customer_id"), QStringLiteral("order_id"), QStringLiteral("cart_id"),
                          QStringLiteral("started_at"), QStringLiteral("answered_at"), QStringLiteral("ended_at"),
                          QStringLiteral("duration_ms"), QStringLiteral("outcome"), QStringLiteral("handled_by"),
                          QStringLiteral("escalation_reason"), QStringLiteral("cancel_reason"),
                          QStringLiteral("revenue_minor"), QStringLiteral("currency"), QStringLiteral("csat"),
                          QStringLiteral("nps"), QStringLiteral("order_status"), QStringLiteral("carrier"),
                          QStringLiteral("return_initiated"), QStringLiteral("pickup_scheduled"), QStringLiteral("turns"),
                          QStringLiteral("latency_p50_ms"), QStringLiteral("latency_max_ms"), QStringLiteral("lat_n"),
                          QStringLiteral("lat_sum_ms") };
        for (qint64 bound : latencyBucketBoundsMs())
            c << QStringLiteral("lat_%1ms").arg(bound);
        c << QStringLiteral("lat_inf") << QStringLiteral("transcript") << QStringLiteral("tool_calls")
          << QStringLiteral("live_owner");
        return c;
    }();
    return columns;
}

CallRecordWriter::CallRecordWriter(QSqlDatabase db, QTimeZone rollupZone)
    : m_db(std::move(db))
    , m_zone(std::move(rollupZone))
{
}

QSqlQuery &CallRecordWriter::prepared(QSqlQuery &query, const QString &sql)
{
    if (query.lastQuery().isEmpty()) {
        query = QSqlQuery(m_db);
        if (!query.prepare(sql))
            throw StorageError(QStringLiteral("prepare failed: %1 (%2)").arg(query.lastError().text(), sql.left(200)));
    }
    return query;
}

void CallRecordWriter::complete(CallRecord &r)
{
    if (r.id.isEmpty())
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    deriveFromToolCalls(r);
    if (!r.orderId.isEmpty() && (r.orderStatus.isEmpty() || r.carrier.isEmpty())) {
        QSqlQuery &q = prepared(m_order, QStringLiteral("SELECT status, carrier FROM orders WHERE id = ?"));
        q.addBindValue(r.orderId);
        run(q);
        if (q.next()) {
            if (r.orderStatus.isEmpty())
                r.orderStatus = q.value(0).toString();
            if (r.carrier.isEmpty())
                r.carrier = q.value(1).toString();
        }
        q.finish();
    }
}

bool CallRecordWriter::exists(const QString &id)
{
    QSqlQuery &q = prepared(m_exists, QStringLiteral("SELECT 1 FROM call_records WHERE id = ?"));
    q.addBindValue(id);
    run(q);
    const bool found = q.next();
    q.finish();
    return found;
}

void CallRecordWriter::insertRow(const CallRecord &r)
{
    const QStringList &columns = writtenColumns();
    QSqlQuery &q = prepared(m_insert, QStringLiteral("INSERT INTO call_records (%1) VALUES (%2)")
                                          .arg(columns.join(QStringLiteral(", ")),
                                               QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", "))));
    for (const QVariant &v : rowValues(r))
        q.addBindValue(bindable(v));
    run(q);
    writeLatencies(r);
}

void CallRecordWriter::updateRow(const CallRecord &r)
{
    const QStringList columns = writtenColumns().mid(1);
    QStringList sets;
    for (const QString &c : columns)
        sets << c + QStringLiteral(" = ?");
    QSqlQuery &q = prepared(m_update, QStringLiteral("UPDATE call_records SET %1 WHERE id = ?").arg(sets.join(QStringLiteral(", "))));
    const QVariantList values = rowValues(r);
    for (qsizetype i = 1; i < values.size(); ++i)
        q.addBindValue(bindable(values.at(i)));
    q.addBindValue(r.id);
    run(q);
    QSqlQuery &clear = prepared(m_clearLatencies, QStringLiteral("DELETE FROM call_turn_latencies WHERE call_id = ?"));
    clear.addBindValue(r.id);
    run(clear);
    writeLatencies(r);
}

void CallRecordWriter::deleteRow(const QString &id)
{
    execOrThrow(m_db, QStringLiteral("DELETE FROM call_turn_latencies WHERE call_id = ?"), id);
    execOrThrow(m_db, QStringLiteral("DELETE FROM call_records WHERE id = ?"), id);
}

void CallRecordWriter::writeLatencies(const CallRecord &r)
{
    QSqlQuery &q = prepared(m_latency, QStringLiteral("INSERT INTO call_turn_latencies (call_id, turn, started_at, latency_ms) "
                                                      "VALUES (?, ?, ?, ?)"));
    for (size_t i = 0; i < r.turnLatenciesMs.size(); ++i) {
        q.addBindValue(r.id);
        q.addBindValue(int(i + 1));
        q.addBindValue(r.startedAt.toMSecsSinceEpoch());
        q.addBindValue(r.turnLatenciesMs[i]);
        run(q);
    }
}

void CallRecordWriter::applyRollup(const QString &id, qint64 startedAtMs, int sign)
{
    rollup::applyCall(m_db, id, startedAtMs, m_zone, sign);
}

void CallRecordWriter::refreshFirstAttempt(const QString &useCase, const QString &cartId, const QString &orderId)
{
    const bool byCart = useCase == QLatin1String("cart_recovery");
    const QString key = byCart ? cartId : orderId;
    if (key.isEmpty())
        return;
    QSqlQuery &q = byCart
        ? prepared(m_sameCart, QStringLiteral("SELECT id, started_at, first_attempt FROM call_records "
                                              "WHERE use_case = ? AND cart_id = ? ORDER BY started_at, id"))
        : prepared(m_sameOrder, QStringLiteral("SELECT id, started_at, first_attempt FROM call_records "
                                               "WHERE use_case = ? AND order_id = ? ORDER BY started_at, id"));
    q.addBindValue(useCase);
    q.addBindValue(key);
    run(q);
    struct Row { QString id; qint64 startedAt; bool first; };
    std::vector<Row> wrong;
    bool earliest = true;
    while (q.next()) {
        const bool first = q.value(2).toInt() == 1;
        if (first != earliest)
            wrong.push_back({ q.value(0).toString(), q.value(1).toLongLong(), earliest });
        earliest = false;
    }
    q.finish();
    for (const Row &row : wrong) {
        applyRollup(row.id, row.startedAt, -1);
        QSqlQuery &set = prepared(m_setFirst, QStringLiteral("UPDATE call_records SET first_attempt = ? WHERE id = ?"));
        set.addBindValue(int(row.first));
        set.addBindValue(row.id);
        run(set);
        applyRollup(row.id, row.startedAt, 1);
    }
}

void CallRecordWriter::recomputeAllFirstAttempts(QSqlDatabase db)
{
    execOrThrow(db, QStringLiteral(
        // 1/0 spelled out: PostgreSQL does not store a boolean in an integer column.
        "UPDATE call_records SET first_attempt = CASE WHEN CASE "
        "WHEN use_case = 'cart_recovery' THEN (cart_id IS NULL OR id = (SELECT c.id FROM call_records c "
        "  WHERE c.use_case = call_records.use_case AND c.cart_id = call_records.cart_id ORDER BY c.started_at, c.id LIMIT 1)) "
        "ELSE (order_id IS NULL OR id = (SELECT c.id FROM call_records c "
        "  WHERE c.use_case = call_records.use_case AND c.order_id = call_records.order_id ORDER BY c.started_at, c.id LIMIT 1)) "
        "END THEN 1 ELSE 0 END"));
}

} // namespace ringside::analytics
