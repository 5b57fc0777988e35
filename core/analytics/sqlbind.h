#pragma once

#include "callrecord.h"
#include "storage/sqlutil.h"

#include <QSqlQuery>
#include <QVariantList>

namespace ringside::analytics {

// Prepares and runs `sql` with a runtime list of positional values (filters vary per report);
// forward-only, as every caller reads once. Throws StorageError.
inline QSqlQuery runBound(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        throw StorageError(QStringLiteral("prepare failed: %1 (%2)").arg(q.lastError().text(), sql.left(200)));
    for (const QVariant &v : values)
        q.addBindValue(bindable(v));
    if (!q.exec())
        throw StorageError(QStringLiteral("query failed: %1 (%2)").arg(q.lastError().text(), sql.left(200)));
    return q;
}

// " WHERE …" (or nothing) and its values for a call filter.
inline std::pair<QString, QVariantList> callFilterWhere(const CallFilter &f)
{
    QStringList parts;
    QVariantList values;
    auto add = [&](const QString &sql, const QVariant &value) { parts << sql; values << value; };
    if (f.from.isValid())
        add(QStringLiteral("started_at >= ?"), f.from.toMSecsSinceEpoch());
    if (f.to.isValid())
        add(QStringLiteral("started_at < ?"), f.to.toMSecsSinceEpoch());
    const std::pair<const char *, const QString *> equal[] = {
        { "use_case", &f.useCase }, { "agent", &f.agent }, { "channel", &f.channel },
        { "outcome", &f.outcome }, { "customer_id", &f.customerId }, { "order_id", &f.orderId },
    };
    for (const auto &[column, value] : equal) {
        if (!value->isEmpty())
            add(QLatin1String(column) + QStringLiteral(" = ?"), *value);
    }
    return { parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND ")), values };
}

} // namespace ringside::analytics
