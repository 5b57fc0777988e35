#pragma once

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <stdexcept>

namespace ringside {

// A database failure that a caller cannot recover from locally (disk full, schema broken).
// Thrown by repositories; caught at component boundaries (the tool registry, the CLI) and
// turned into a structured error — never past them.
class StorageError : public std::runtime_error
{
public:
    explicit StorageError(const QString &what) : std::runtime_error(what.toStdString()) {}
};

// Prepares and runs `sql` with positional bindings; throws StorageError on failure.
template <typename... Args>
QSqlQuery execOrThrow(const QSqlDatabase &db, const QString &sql, const Args &...args)
{
    QSqlQuery q(db);
    if (!q.prepare(sql))
        throw StorageError(QStringLiteral("prepare failed: %1 (%2)").arg(q.lastError().text(), sql.left(200)));
    (q.addBindValue(QVariant::fromValue(args)), ...);
    if (!q.exec())
        throw StorageError(QStringLiteral("query failed: %1 (%2)").arg(q.lastError().text(), sql.left(200)));
    return q;
}

// NULL for empty strings and invalid values, so optional columns stay NULL rather than ''.
inline QVariant nullIfEmpty(const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); }

} // namespace ringside
