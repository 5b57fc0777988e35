#pragma once

#include "storage/sqldialect.h"
#include "storage/sqlutil.h"

#include <QSqlDatabase>

namespace ringside::commerce {

// A transaction that rolls back unless committed, so a thrown StorageError never leaves a
// connection half-way through a write. It nests inside a transaction the caller already holds (a
// store that mirrors a platform writes the local change and its outbox row in one transaction
// around these) as a SAVEPOINT; outermost it is a write transaction of its own. On SQLite that is
// BEGIN IMMEDIATE: a bare SAVEPOINT would begin a deferred transaction whose first write must
// upgrade its read lock, and a writer that loses that race fails at once with "database is
// locked" instead of waiting out the busy timeout.
class SqlTransaction
{
public:
    explicit SqlTransaction(QSqlDatabase db) : m_db(std::move(db))
    {
        if (sqldialect::isPostgres(m_db)) {
            // PostgreSQL refuses a SAVEPOINT outside a transaction block, which tells us we are outermost.
            m_nested = control("SAVEPOINT ringside_store");
            if (!m_nested && !control("BEGIN"))
                throw StorageError(QStringLiteral("cannot begin a transaction: %1").arg(m_error));
            return;
        }
        if (control("BEGIN IMMEDIATE"))
            return;
        // SQLite refuses BEGIN inside a transaction; anything else (the lock still held by another
        // writer after the busy timeout) is a real failure.
        if (!m_error.contains(QLatin1String("within a transaction")) || !control("SAVEPOINT ringside_store"))
            throw StorageError(QStringLiteral("cannot begin a transaction: %1").arg(m_error));
        m_nested = true;
    }
    ~SqlTransaction()
    {
        if (m_done)
            return;
        if (m_nested) {
            control("ROLLBACK TO ringside_store");
            control("RELEASE ringside_store");
        } else {
            control("ROLLBACK");
        }
    }
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    void commit()
    {
        if (!control(m_nested ? "RELEASE ringside_store" : "COMMIT"))
            throw StorageError(QStringLiteral("cannot commit: %1").arg(m_error));
        m_done = true;
    }

private:
    bool control(const char *statement)
    {
        QSqlQuery q(m_db);
        if (q.exec(QLatin1String(statement)))
            return true;
        m_error = q.lastError().text();
        return false;
    }

    QSqlDatabase m_db;
    QString m_error;
    bool m_nested = false;
    bool m_done = false;
};

} // namespace ringside::commerce
