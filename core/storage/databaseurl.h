#pragma once

#include <QString>

namespace ringside {

// Where a --db value points: an SQLite file (any plain path) or a PostgreSQL server
// (postgresql://user@host:port/dbname, ?host=/socket/dir for a Unix socket). The password never
// comes from here: libpq reads PGPASSWORD or ~/.pgpass, so it stays off the command line.
struct DatabaseUrl {
    enum Kind { SQLiteFile, PostgreSQL };
    Kind kind = SQLiteFile;
    QString path;      // SQLiteFile
    QString host;      // PostgreSQL: name, address or socket folder ('' = libpq's default)
    int port = -1;
    QString user;
    QString database;
    QString options;   // libpq keywords passed through ("sslmode=require;connect_timeout=5")

    // Parses `value`; on a malformed URL returns false and fills *error with what is wrong.
    static bool parse(const QString &value, DatabaseUrl *out, QString *error);
    // The value without anything secret, for messages.
    QString display() const;
};

} // namespace ringside
