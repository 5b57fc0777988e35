#pragma once

#include "storage/database.h"

#include <QString>

#include <memory>

namespace ringside::testing {

// The back end a test process runs against: SQLite files unless RINGSIDE_TEST_BACKEND=postgresql
// (set by the `_pg` twin of each storage-heavy test, CTest label "postgres"), then a private
// PostgreSQL 15 started on first use and stopped when the process ends.
bool testingPostgres();

// Where a fresh test database lives, for --db: `sqlitePath` itself, or the URL of a new, empty
// database on the test PostgreSQL. Fails the test process (qFatal) if PostgreSQL cannot start.
QString freshTestDatabase(const QString &sqlitePath);

// Database::open(freshTestDatabase(sqlitePath)). A second call with the same sqlitePath opens the
// same database again (a restart), as it would for a file.
std::unique_ptr<Database> openTestDatabase(const QString &sqlitePath, QString *error);

// A database that cannot take call records: SQLite triggers that abort every insert and update of
// call_records with "records refused for the test" (on), or drop them again (off). SQLite only.
void refuseCallRecordWrites(Database &db, bool refuse);

} // namespace ringside::testing
