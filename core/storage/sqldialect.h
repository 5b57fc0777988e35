#pragma once

#include <QSqlDatabase>
#include <QString>

namespace ringside {

// The SQL that differs between the two back ends, in one place. Everything else in core/ is
// written in the subset both understand (INSERT … ON CONFLICT, RETURNING, COALESCE, CASE WHEN),
// so a repository never branches on the back end itself: it asks here for the piece that differs.
enum class SqlBackend { SQLite, PostgreSQL };

namespace sqldialect {

SqlBackend backendOf(const QSqlDatabase &db);
inline bool isPostgres(const QSqlDatabase &db) { return backendOf(db) == SqlBackend::PostgreSQL; }

// Starts a transaction that will write. SQLite: BEGIN IMMEDIATE takes the write lock up front, so
// a writer waits (busy timeout) instead of failing when its read lock cannot be upgraded.
// PostgreSQL locks per row, so a plain BEGIN is right.
QString beginWrite(const QSqlDatabase &db);

// Runs a transaction-control statement (BEGIN, COMMIT, ROLLBACK, SAVEPOINT) unprepared:
// PostgreSQL cannot PREPARE them. Throws StorageError on failure.
void control(const QSqlDatabase &db, const QString &statement);

// A migration statement (written for SQLite, the embedded default) in the back end's dialect:
// INTEGER → BIGINT (times are epoch milliseconds), INTEGER PRIMARY KEY AUTOINCREMENT → an identity
// column, REAL → DOUBLE PRECISION, BLOB → BYTEA, WITHOUT ROWID dropped, DROP TABLE → … CASCADE (dependent foreign keys
// go with the table, as they do in SQLite's rebuild-a-table migrations).
QString schemaStatement(SqlBackend backend, const QString &sqliteStatement);

// A number that changes whenever any connection has committed a write since it was last read
// (SQLite: data_version plus this connection's total_changes(); PostgreSQL: the WAL insert
// position). Readers use it to keep a cache until something changed.
QString changeCounterQuery(const QSqlDatabase &db);

// Serialises one kind of write between concurrent transactions until they end (PostgreSQL: a
// transaction-scoped advisory lock on `name`; SQLite: nothing, BEGIN IMMEDIATE already holds the
// only write lock). Empty when there is nothing to run.
QString lockForTransaction(const QSqlDatabase &db, const QString &name);

// Appended to a SELECT that picks rows to claim: PostgreSQL locks the rows it returns and skips
// rows another transaction holds (so concurrent engines take disjoint rows without waiting);
// SQLite needs nothing, its writer holds the whole database.
// With `of` (a table or its alias in the query), only that table's rows are locked: needed when
// the SELECT has an outer join, whose nullable side PostgreSQL refuses to lock.
QString forUpdateSkipLocked(const QSqlDatabase &db, const QString &of = QString());

// The rows of `table` matching `where`, as the FROM source of a GROUP BY on `keys` (a prefix of
// an index of `table`). PostgreSQL: a subquery sorted by the keys, so the planner groups the
// sorted rows one group at a time; left to itself it hashes every group with one aggregate state
// per SUM (80 of them for the analytics rollup), which over a year of days took twice as long.
// SQLite: the table and condition unchanged (it groups in index order already).
QString sortedForGrouping(const QSqlDatabase &db, const QString &table, const QString &where, const QString &keys);

// `number` (an integer expression) as text, zero-padded to at least `width` digits.
QString zeroPadded(const QSqlDatabase &db, const QString &number, int width);

// True when `column` is `prefix` followed by one or more digits and nothing else.
QString digitsAfterPrefix(const QSqlDatabase &db, const QString &column, const QString &prefix);

// The schema a connection's TEMP tables live in, and the one its ordinary tables live in.
QString tempSchema(const QSqlDatabase &db);
QString mainSchema(const QSqlDatabase &db);

} // namespace sqldialect
} // namespace ringside
