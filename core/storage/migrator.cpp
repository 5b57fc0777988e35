#include "migrator.h"

#include "sqldialect.h"

#include <QDateTime>

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace ringside {

namespace {
const QString kMigrationDir = QStringLiteral(":/ringside/migrations");

struct Migration {
    int version;
    QString name;
    QString path;
};

QList<Migration> availableMigrations()
{
    QList<Migration> out;
    const QStringList files = QDir(kMigrationDir).entryList({ QStringLiteral("*.sql") }, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        bool ok = false;
        const int version = file.section(QLatin1Char('_'), 0, 0).toInt(&ok);
        if (ok)
            out.append({ version, file.section(QLatin1Char('.'), 0, 0), kMigrationDir + QLatin1Char('/') + file });
    }
    return out;
}
} // namespace

QStringList splitSqlStatements(const QString &script)
{
    QStringList out;
    QString current;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (QString line : lines) {
        const qsizetype comment = line.indexOf(QLatin1String("--"));
        if (comment >= 0)
            line.truncate(comment);
        current += line + QLatin1Char('\n');
        if (line.trimmed().endsWith(QLatin1Char(';'))) {
            const QString stmt = current.trimmed();
            if (stmt.size() > 1)
                out.append(stmt.chopped(1));
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out.append(current.trimmed());
    return out;
}

int Migrator::latestVersion()
{
    const QList<Migration> all = availableMigrations();
    return all.isEmpty() ? 0 : all.last().version;
}

int Migrator::currentVersion()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool Migrator::migrate(QString *error)
{
    // Several engines sharing one PostgreSQL may start together: one migrates, the others wait on
    // this session lock and then find nothing left to apply. (An SQLite file has one writer anyway.)
    const bool postgres = sqldialect::isPostgres(m_db);
    QSqlQuery lock(m_db);
    if (postgres && !lock.exec(QStringLiteral("SELECT pg_advisory_lock(7242018)"))) {
        *error = lock.lastError().text();
        return false;
    }
    const bool ok = migrateLocked(error);
    if (postgres)
        lock.exec(QStringLiteral("SELECT pg_advisory_unlock(7242018)"));
    return ok;
}

bool Migrator::migrateLocked(QString *error)
{
    const SqlBackend backend = sqldialect::backendOf(m_db);
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                               " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"))) {
        *error = q.lastError().text();
        return false;
    }
    // Applied by version, not by the highest one: migrations are numbered per part and may land in
    // any order (0004 before 0003), and a database must still get the one that came later.
    QSet<int> applied;
    if (!q.exec(QStringLiteral("SELECT version FROM schema_migrations"))) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next())
        applied.insert(q.value(0).toInt());
    for (const Migration &m : availableMigrations()) {
        if (applied.contains(m.version))
            continue;
        QFile file(m.path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1").arg(m.path);
            return false;
        }
        const QStringList statements = splitSqlStatements(QString::fromUtf8(file.readAll()));
        if (!m_db.transaction()) {
            *error = m_db.lastError().text();
            return false;
        }
        for (const QString &sqliteStmt : statements) {
            const QString stmt = sqldialect::schemaStatement(backend, sqliteStmt);
            if (!q.exec(stmt)) {
                *error = QStringLiteral("%1: %2 (in: %3)").arg(m.name, q.lastError().text(), stmt.left(120));
                m_db.rollback();
                return false;
            }
        }
        q.prepare(QStringLiteral("INSERT INTO schema_migrations(version, name, applied_at) "
                                 "VALUES (?, ?, ?)"));
        q.addBindValue(m.version);
        q.addBindValue(m.name);
        q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        if (!q.exec() || !m_db.commit()) {
            *error = q.lastError().text();
            m_db.rollback();
            return false;
        }
    }
    return true;
}

} // namespace ringside
