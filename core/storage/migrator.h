#pragma once

#include <QSqlDatabase>
#include <QString>

namespace ringside {

// Applies the numbered SQL files under :/ringside/migrations ("0001_commerce.sql", …) that the
// database has not seen, each in its own transaction, and records them in schema_migrations.
class Migrator
{
public:
    explicit Migrator(QSqlDatabase db) : m_db(std::move(db)) {}

    bool migrate(QString *error);
    int currentVersion();
    static int latestVersion();

private:
    bool migrateLocked(QString *error);

    QSqlDatabase m_db;
};

// Splits a migration file into statements (';' at end of line ends one; '--' comments dropped).
QStringList splitSqlStatements(const QString &script);

} // namespace ringside
