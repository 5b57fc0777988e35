#pragma once

#include "storage/sqlutil.h"

#include <QSqlDatabase>

namespace ringside::commerce {

// A transaction that rolls back unless committed, so a thrown StorageError never leaves a
// connection half-way through a write. It is a SAVEPOINT, so it also nests inside a transaction the
// caller already holds (a store that mirrors a platform writes the local change and its outbox row
// in one transaction around these): outermost it begins and commits like BEGIN/COMMIT.
class SqlTransaction
{
public:
    explicit SqlTransaction(QSqlDatabase db) : m_db(std::move(db))
    {
        if (!control("SAVEPOINT ringside_store"))
            throw StorageError(QStringLiteral("cannot begin a transaction: %1").arg(m_error));
    }
    ~SqlTransaction()
    {
        if (!m_done) {
            control("ROLLBACK TO ringside_store");
            control("RELEASE ringside_store");
        }
    }
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    void commit()
    {
        if (!control("RELEASE ringside_store"))
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
    bool m_done = false;
};

} // namespace ringside::commerce
