#include "cartrecoveries.h"

#include "sqlbind.h"

namespace ringside::analytics {

namespace {

QString callFilters(const QString &agent, const QString &channel, QVariantList *values)
{
    QString sql;
    if (!agent.isEmpty()) {
        sql += QStringLiteral(" AND agent = ?");
        *values << agent;
    }
    if (!channel.isEmpty()) {
        sql += QStringLiteral(" AND channel = ?");
        *values << channel;
    }
    return sql;
}

} // namespace

std::vector<RecoveredCart> recoveredCarts(const QSqlDatabase &db, qint64 fromMs, qint64 toMs, const QString &agent, const QString &channel)
{
    // Bound in the order the text uses them: the call filters, the window, the period.
    QVariantList values;
    const QString filters = callFilters(agent, channel, &values);
    values << kRecoveryWindowMs;
    QString period;
    if (fromMs != 0 || toMs != 0) {
        period = QStringLiteral(" WHERE f.called_at >= ? AND f.called_at < ?");
        values << fromMs << toMs;
    }
    // Only carts an order was placed from can have been recovered: the first calls are looked up
    // for those (call_records_cart), not for every cart ever called. Each cart's first call is
    // still its earliest of all, so the period applies to it after grouping.
    const QString sql = QStringLiteral(
            "SELECT f.cart_id, f.called_at, o.id, o.created_at, o.total_minor, o.currency FROM "
            "(SELECT cart_id, MIN(started_at) AS called_at FROM call_records WHERE use_case = 'cart_recovery' "
            "AND cart_id IN (SELECT cart_id FROM orders WHERE cart_id IS NOT NULL AND status <> 'cancelled') "
            "AND outcome <> 'in_progress'%1 GROUP BY cart_id) f "
            "JOIN orders o ON o.id = (SELECT p.id FROM orders p WHERE p.cart_id = f.cart_id AND p.created_at >= f.called_at "
            "AND p.created_at < f.called_at + ? AND p.status <> 'cancelled' ORDER BY p.created_at LIMIT 1)%2 ORDER BY f.called_at")
                                .arg(filters, period);
    QSqlQuery q = runBound(db, sql, values);
    std::vector<RecoveredCart> out;
    while (q.next())
        out.push_back({ q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toLongLong(),
                        q.value(4).toLongLong(), q.value(5).toString() });
    return out;
}

qint64 unconfirmedCodOrders(const QSqlDatabase &db, qint64 fromMs, qint64 toMs, const QString &agent, const QString &channel)
{
    QVariantList values { fromMs, toMs };
    const QString filters = callFilters(agent, channel, &values);
    // From the unconfirmed orders (a partial index, migration 0018) to their first calls, not from
    // every first COD call of the period to its order.
    QSqlQuery q = runBound(db, QStringLiteral("SELECT COUNT(*) FROM orders o WHERE o.cod_confirmation = 'unconfirmed' AND EXISTS "
                                              "(SELECT 1 FROM call_records r WHERE r.use_case = 'cod_confirmation' AND r.order_id = o.id "
                                              "AND r.first_attempt = 1 AND r.started_at >= ? AND r.started_at < ?%1)")
                                   .arg(QString(filters).replace(QLatin1String(" agent"), QLatin1String(" r.agent"))
                                                .replace(QLatin1String(" channel"), QLatin1String(" r.channel"))),
                           values);
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace ringside::analytics
