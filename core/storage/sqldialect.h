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

// A migration statement (written for SQLite, the embedded default) in the back end's dialect:
// INTEGER → BIGINT (times are epoch milliseconds), INTEGER PRIMARY KEY AUTOINCREMENT → an identity
// column, REAL → DOUBLE PRECISION, BLOB → BYTEA, WITHOUT ROWID dropped, DROP TABLE → … CASCADE (dependent foreign keys
// go with the table, as they do in SQLite's rebuild-a-table migrations).
QString schemaStatement(SqlBackend backend, const QString &sqliteStatement);

// A number that changes whenever any connection has committed a write since it was last read
// (SQLite: data_version plus this connection's total_changes(); PostgreSQL: the WAL insert
// position). Readers use it to keep a cache until something changed.
QString changeCounterQuery(const QSqlDatabase &db);

// The schema a connection's TEMP tables live in, and the one its ordinary tables live in.
QString tempSchema(const QSqlDatabase &db);
QString mainSchema(const QSqlDatabase &db);

} // namespace sqldialect
} // namespace ringside
