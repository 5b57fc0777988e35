#pragma once

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>

#include "databaseurl.h"

#include <memory>

class QThread;

namespace ringside {

// One Ringside database: an SQLite file in WAL mode (the embedded default) or a PostgreSQL
// database shared by several engines (`postgresql://user@host:port/dbname`), through the same API.
// Qt Sql connections belong to the thread that opened them, so connection() hands each thread
// its own, opened lazily against the same file or server.
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (an SQLite file is created if needed) and migrates to the newest schema. `path` is a
    // file path or a postgresql:// URL (DatabaseUrl). Returns nullptr and fills *error on failure
    // (unwritable path, corrupt file, server unreachable, failed migration).
    static std::unique_ptr<Database> open(const QString &path, QString *error);

    // The calling thread's connection. Safe to call from any thread.
    QSqlDatabase connection();

    QString path() const { return m_path; }
    bool isPostgres() const { return m_url.kind == DatabaseUrl::PostgreSQL; }
    int schemaVersion();

    // Runs `fn` inside a transaction on this thread's connection; rolls back if it returns false
    // or throws (the exception propagates).
    template <typename Fn>
    bool transaction(Fn &&fn)
    {
        // BEGIN IMMEDIATE takes the write lock up front: with a plain BEGIN two readers that both
        // want to write deadlock and SQLite fails one at once instead of waiting (busy_timeout).
        QSqlDatabase db = connection();
        if (!execControl(db, isPostgres() ? "BEGIN" : "BEGIN IMMEDIATE"))
            return false;
        try {
            if (!fn(db)) {
                execControl(db, "ROLLBACK");
                return false;
            }
        } catch (...) {
            execControl(db, "ROLLBACK");
            throw;
        }
        if (execControl(db, "COMMIT"))
            return true;
        execControl(db, "ROLLBACK");
        return false;
    }

    // Connections per live thread (for tests and diagnostics).
    int connectionCount() const;

private:
    static bool execControl(const QSqlDatabase &db, const char *statement);
    Database(QString path, DatabaseUrl url);
    bool openConnection(QSqlDatabase &db, QString *error);

    // Shared with the per-thread cleanup hooks, which may outlive this object.
    struct Registry {
        QMutex mutex;
        QHash<QThread *, QString> names; // owning thread → connection name
        int counter = 0;
    };

    QString m_path;
    DatabaseUrl m_url;
    QString m_prefix;
    std::shared_ptr<Registry> m_registry = std::make_shared<Registry>();
};

} // namespace ringside
