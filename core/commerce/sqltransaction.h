#pragma once

#include "storage/sqlutil.h"

#include <QSqlDatabase>

namespace ringside::commerce {

// A transaction that rolls back unless committed, so a thrown StorageError never leaves a
// connection half-way through a write.
class SqlTransaction
{
public:
    explicit SqlTransaction(QSqlDatabase db) : m_db(std::move(db))
    {
        if (!m_db.transaction())
            throw StorageError(QStringLiteral("cannot begin a transaction: %1").arg(m_db.lastError().text()));
    }
    ~SqlTransaction()
    {
        if (!m_done)
            m_db.rollback();
    }
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    void commit()
    {
        if (!m_db.commit())
            throw StorageError(QStringLiteral("cannot commit: %1").arg(m_db.lastError().text()));
        m_done = true;
    }

private:
    QSqlDatabase m_db;
    bool m_done = false;
};

} // namespace ringside::commerce
