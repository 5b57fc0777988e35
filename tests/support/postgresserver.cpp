#include "postgresserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <pwd.h>
#include <signal.h>
#include <unistd.h>

namespace ringside::testing {

namespace {
// PostgreSQL refuses to run as root: as root (CI containers) the server runs as the postgres user.
bool asRoot() { return geteuid() == 0; }
}

QString PostgresServer::binDir()
{
    const QString fromEnv = qEnvironmentVariable("RINGSIDE_PG_BINDIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStringLiteral("/usr/lib/postgresql/15/bin");
}

PostgresServer::~PostgresServer()
{
    stop();
}

bool PostgresServer::run(const QString &program, const QStringList &args, QString *error, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    const QString path = QDir(binDir()).filePath(program);
    if (asRoot())
        p.start(QStringLiteral("runuser"), QStringList { QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), path } + args);
    else
        p.start(path, args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("%1 failed (%2): %3").arg(path, p.errorString(), QString::fromLocal8Bit(p.readAll()).trimmed());
        p.kill();
        p.waitForFinished(1000);
        return false;
    }
    return true;
}

bool PostgresServer::start(QString *error)
{
    if (m_running)
        return true;
    if (!QFileInfo(QDir(binDir()).filePath(QStringLiteral("initdb"))).isExecutable()) {
        *error = QStringLiteral("PostgreSQL 15 is not installed (no %1/initdb; apt-get install postgresql-15, or set RINGSIDE_PG_BINDIR)")
                     .arg(binDir());
        return false;
    }
    // A short path: a Unix socket's path must fit in 107 bytes.
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/ringside-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        *error = QStringLiteral("cannot create a temporary folder: %1").arg(m_dir->errorString());
        return false;
    }
    if (asRoot()) {
        const passwd *pw = getpwnam("postgres");
        if (!pw || chown(QFile::encodeName(m_dir->path()).constData(), pw->pw_uid, pw->pw_gid) != 0) {
            *error = QStringLiteral("running as root needs the postgres user (from postgresql-15) to own %1").arg(m_dir->path());
            return false;
        }
    }
    const QString data = m_dir->filePath(QStringLiteral("data"));
    if (!run(QStringLiteral("initdb"), { QStringLiteral("-D"), data, QStringLiteral("-U"), user(), QStringLiteral("-A"), QStringLiteral("trust"),
                                         QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C"), QStringLiteral("--no-sync") },
             error))
        return false;
    // The port only names the socket file (no TCP), so any number works; the pid keeps logs apart.
    m_port = 20000 + int(QCoreApplication::applicationPid() % 20000);
    const QString options = QStringLiteral("-k %1 -p %2 -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                                           "-c full_page_writes=off -c shared_buffers=32MB -c max_connections=200")
                                .arg(m_dir->path())
                                .arg(m_port);
    if (!run(QStringLiteral("pg_ctl"), { QStringLiteral("-D"), data, QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("120"),
                                         QStringLiteral("-l"), m_dir->filePath(QStringLiteral("server.log")), QStringLiteral("-o"), options,
                                         QStringLiteral("start") },
             error)) {
        QFile log(m_dir->filePath(QStringLiteral("server.log")));
        if (log.open(QIODevice::ReadOnly) && error)
            *error += QStringLiteral("\n") + QString::fromUtf8(log.readAll().right(2000));
        return false;
    }
    m_running = true;
    // If this process dies without running its destructors (a crash, qFatal, a CTest timeout),
    // the watchdog stops the server and removes its folder once the process is gone.
    const QString script = QStringLiteral("while kill -0 %1 2>/dev/null; do sleep 1; done; "
                                          "[ -f '%2/postmaster.pid' ] && kill -QUIT $(head -1 '%2/postmaster.pid') 2>/dev/null; "
                                          "sleep 1; rm -rf '%3'")
                               .arg(QCoreApplication::applicationPid())
                               .arg(data, m_dir->path());
    QProcess::startDetached(QStringLiteral("sh"), { QStringLiteral("-c"), script });
    return true;
}

void PostgresServer::stop()
{
    if (!m_running)
        return;
    m_running = false;
    QString ignored;
    // Immediate: the test's connections may still be open, and the data is thrown away anyway.
    run(QStringLiteral("pg_ctl"), { QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-m"),
                                    QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop") },
        &ignored, 60000);
    m_dir.reset();
}

QString PostgresServer::url(const QString &database) const
{
    return QStringLiteral("postgresql://%1@localhost:%2/%3?host=%4").arg(user()).arg(m_port).arg(database, m_dir->path());
}

QString PostgresServer::createDatabase(const QString &name, QString *error)
{
    const QString connection = QStringLiteral("ringside-test-admin");
    QString url;
    {
        QSqlDatabase admin = QSqlDatabase::contains(connection) ? QSqlDatabase::database(connection, false)
                                                                : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        if (!admin.isOpen()) {
            admin.setHostName(m_dir->path());
            admin.setPort(m_port);
            admin.setUserName(user());
            admin.setDatabaseName(QStringLiteral("postgres"));
            if (!admin.open()) {
                *error = QStringLiteral("cannot reach the test PostgreSQL: %1").arg(admin.lastError().text());
                return {};
            }
        }
        QSqlQuery q(admin);
        if (!q.exec(QStringLiteral("CREATE DATABASE \"%1\"").arg(name))) {
            *error = QStringLiteral("CREATE DATABASE %1: %2").arg(name, q.lastError().text());
            return {};
        }
        url = this->url(name);
    }
    return url;
}

} // namespace ringside::testing
