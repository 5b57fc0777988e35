#pragma once

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringBuilder>
#include <QVariant>

#include <stdexcept>
#include <type_traits>

namespace ringside {

// A database failure that a caller cannot recover from locally (disk full, schema broken).
// Thrown by repositories; caught at component boundaries (the tool registry, the CLI) and
// turned into a structured error — never past them.
class StorageError : public std::runtime_error
{
public:
    explicit StorageError(const QString &what) : std::runtime_error(what.toStdString()) {}
};

namespace detail {
template <typename T>
struct IsStringBuilder : std::false_type {};
template <typename A, typename B>
struct IsStringBuilder<QStringBuilder<A, B>> : std::true_type {};
} // namespace detail

// A value as bound to a statement. Flags are stored as INTEGER 0/1 (SQLite has no boolean type),
// so a bool binds as 0 or 1: PostgreSQL would refuse TRUE for a BIGINT column. Text that is not
// yet a QString binds as the QString it makes: with QT_USE_QSTRINGBUILDER `a + b` is a
// QStringBuilder, and QVariant::fromValue would wrap the builder itself (QPSQL then binds '').
template <typename T>
QVariant bindable(const T &value)
{
    if constexpr (std::is_same_v<T, bool>) {
        return QVariant(value ? 1 : 0);
    } else if constexpr (std::is_same_v<T, QVariant>) {
        return value.typeId() == QMetaType::Bool ? QVariant(value.toBool() ? 1 : 0) : value;
    } else if constexpr (detail::IsStringBuilder<T>::value) {
        return QVariant(static_cast<typename QConcatenable<T>::ConvertTo>(value)); // QString, or QByteArray for bytes
    } else if constexpr (std::is_same_v<T, QLatin1String> || std::is_same_v<T, QStringView>) {
        return QVariant(value.toString());
    } else if constexpr (std::is_same_v<T, QChar>) {
        return QVariant(QString(value));
    } else {
        return QVariant::fromValue(value);
    }
}

// Prepares and runs `sql` with positional bindings; throws StorageError on failure.
template <typename... Args>
QSqlQuery execOrThrow(const QSqlDatabase &db, const QString &sql, const Args &...args)
{
    QSqlQuery q(db);
    if (!q.prepare(sql))
        throw StorageError(QStringLiteral("prepare failed: %1 (%2)").arg(q.lastError().text(), sql.left(200)));
    (q.addBindValue(bindable(args)), ...);
    if (!q.exec())
        throw StorageError(QStringLiteral("query failed: %1 (%2)").arg(q.lastError().text(), sql.left(200)));
    return q;
}

// Runs an INSERT (with `sql` not yet ending in RETURNING) and returns the new row's id, or 0 when
// nothing was inserted (ON CONFLICT DO NOTHING). RETURNING, not lastInsertId(): Qt's PostgreSQL
// driver reports an OID there, which tables no longer have.
template <typename... Args>
qint64 insertReturningId(const QSqlDatabase &db, const QString &sql, const Args &...args)
{
    QSqlQuery q = execOrThrow(db, sql + QStringLiteral(" RETURNING id"), args...);
    return q.next() ? q.value(0).toLongLong() : 0;
}

// NULL for empty strings and invalid values, so optional columns stay NULL rather than ''.
inline QVariant nullIfEmpty(const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); }

// An instant kept as UTC epoch milliseconds; a NULL column reads as an invalid QDateTime.
inline QDateTime utcFromEpochMs(const QVariant &ms)
{
    return ms.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC);
}

} // namespace ringside
