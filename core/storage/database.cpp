#include "database.h"

#include "migrator.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace ringside {

namespace {
QAtomicInteger<int> s_instances;
}

Database::Database(QString path)
    : m_path(std::move(path))
    , m_prefix(QStringLiteral("ringside-%1-").arg(s_instances.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    QMutexLocker lock(&m_mutex);
    for (const QString &name : std::as_const(m_connections)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

std::unique_ptr<Database> Database::open(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        if (error)
            *error = QStringLiteral("no database path given (use --db PATH)");
        return nullptr;
    }
    const QFileInfo info(path);
    if (path != QLatin1String(":memory:") && !info.absoluteDir().exists()
        && !QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create folder %1").arg(info.absolutePath());
        return nullptr;
    }
    std::unique_ptr<Database> database(new Database(path));
    QSqlDatabase db = database->connection();
    if (!db.isOpen()) {
        if (error)
            *error = QStringLiteral("cannot open database %1: %2").arg(path, db.lastError().text());
        return nullptr;
    }
    QString migrationError;
    if (!Migrator(db).migrate(&migrationError)) {
        if (error)
            *error = QStringLiteral("cannot migrate database %1: %2").arg(path, migrationError);
        return nullptr;
    }
    return database;
}

bool Database::openConnection(QSqlDatabase &db, QString *error)
{
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    // WAL lets readers (dashboards) run beside the writer (live calls); NORMAL sync is durable in WAL.
    for (const char *pragma : { "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                                "PRAGMA foreign_keys=ON", "PRAGMA temp_store=MEMORY" }) {
        if (!q.exec(QLatin1String(pragma)) && error) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

QSqlDatabase Database::connection()
{
    const Qt::HANDLE thread = QThread::currentThreadId();
    QMutexLocker lock(&m_mutex);
    auto it = m_connections.constFind(thread);
    if (it != m_connections.cend())
        return QSqlDatabase::database(*it, false);

    const QString name = m_prefix + QString::number(reinterpret_cast<quintptr>(thread), 16);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    QString error;
    if (!openConnection(db, &error))
        qWarning("ringside: cannot open %s: %s", qPrintable(m_path), qPrintable(error));
    m_connections.insert(thread, name);
    return db;
}

int Database::schemaVersion()
{
    return Migrator(connection()).currentVersion();
}

} // namespace ringside
