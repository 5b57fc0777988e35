#pragma once

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
        q.addBindValue(v);
    if (!q.exec())
        throw StorageError(QStringLiteral("query failed: %1 (%2)").arg(q.lastError().text(), sql.left(200)));
    return q;
}

} // namespace ringside::analytics
