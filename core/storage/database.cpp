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

Database::Database(QString path, DatabaseUrl url)
    : m_path(std::move(path))
    , m_url(std::move(url))
    , m_prefix(QStringLiteral("ringside-%1-").arg(s_instances.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    QHash<QThread *, QString> names;
    {
        QMutexLocker lock(&m_registry->mutex);
        names.swap(m_registry->names);
    }
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        // Only the owning thread may touch a connection; others are just unregistered.
        if (it.key() == QThread::currentThread()) {
            QSqlDatabase db = QSqlDatabase::database(it.value(), false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(it.value());
    }
}

std::unique_ptr<Database> Database::open(const QString &path, QString *error)
{
    DatabaseUrl url;
    if (!DatabaseUrl::parse(path, &url, error))
        return nullptr;
    const QFileInfo info(path);
    if (url.kind == DatabaseUrl::SQLiteFile && path != QLatin1String(":memory:") && !info.absoluteDir().exists()
        && !QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create folder %1").arg(info.absolutePath());
        return nullptr;
    }
    const QString shown = url.display();
    std::unique_ptr<Database> database(new Database(path, url));
    QSqlDatabase db = database->connection();
    if (!db.isOpen()) {
        if (error)
            *error = QStringLiteral("cannot open database %1: %2").arg(shown, db.lastError().text().trimmed());
        return nullptr;
    }
    QString migrationError;
    if (!Migrator(db).migrate(&migrationError)) {
        if (error)
            *error = QStringLiteral("cannot migrate database %1: %2").arg(shown, migrationError);
        return nullptr;
    }
    return database;
}

bool Database::openConnection(QSqlDatabase &db, QString *error)
{
    if (isPostgres()) {
        db.setHostName(m_url.host);
        if (m_url.port > 0)
            db.setPort(m_url.port);
        db.setUserName(m_url.user);
        db.setDatabaseName(m_url.database);
        db.setConnectOptions(m_url.options);
        if (!db.open()) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
        // Times are epoch milliseconds in BIGINT columns, so the session's zone never matters;
        // NOTICEs (an IF NOT EXISTS that found the table) are noise on the engine's log.
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SET client_min_messages TO warning"))) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
        return true;
    }
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    // WAL lets readers (dashboards) run beside the writer (live calls). NORMAL: a commit survives the
    // process dying, but a power cut may lose the commits since the last checkpoint (docs/analytics.md).
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
    // Keyed by QThread*, not the native id: native ids are reused once a thread ends, and a
    // connection must never be handed to a thread other than the one that opened it.
    QThread *thread = QThread::currentThread();
    QString name;
    {
        QMutexLocker lock(&m_registry->mutex);
        auto it = m_registry->names.constFind(thread);
        if (it != m_registry->names.cend())
            return QSqlDatabase::database(*it, false);
        name = m_prefix + QString::number(++m_registry->counter);
        m_registry->names.insert(thread, name);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
    QString error;
    if (!openConnection(db, &error))
        qWarning("ringside: cannot open %s: %s", qPrintable(m_url.display()), qPrintable(error));

    // Close the connection on its own thread as that thread finishes.
    std::weak_ptr<Registry> registry = m_registry;
    QObject::connect(thread, &QThread::finished, thread, [registry, thread] {
        auto r = registry.lock();
        if (!r)
            return;
        QString finishedName;
        {
            QMutexLocker lock(&r->mutex);
            finishedName = r->names.take(thread);
        }
        if (finishedName.isEmpty())
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(finishedName, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(finishedName);
    }, Qt::DirectConnection);
    return db;
}

int Database::connectionCount() const
{
    QMutexLocker lock(&m_registry->mutex);
    return int(m_registry->names.size());
}

bool Database::execControl(const QSqlDatabase &db, const char *statement)
{
    QSqlQuery q(db);
    return q.exec(QLatin1String(statement));
}

int Database::schemaVersion()
{
    return Migrator(connection()).currentVersion();
}

} // namespace ringside
