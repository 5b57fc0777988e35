#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace ringside::testing {

// A private PostgreSQL 15 for one test process: initdb into a temporary folder, postgres listening
// only on a Unix socket in that folder (so parallel test processes never meet), stopped and
// removed when this object goes — or, if the test process dies first, by a small watchdog.
class PostgresServer
{
public:
    PostgresServer() = default;
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    bool start(QString *error);
    void stop();
    bool isRunning() const { return m_running; }

    // Creates an empty database and returns its --db URL.
    QString createDatabase(const QString &name, QString *error);
    QString url(const QString &database) const;
    QString socketDir() const { return m_dir ? m_dir->path() : QString(); }
    int port() const { return m_port; }
    QString user() const { return QStringLiteral("ringside"); }

    // Where initdb, pg_ctl and postgres are (RINGSIDE_PG_BINDIR, else Debian's postgresql-15).
    static QString binDir();

private:
    bool run(const QString &program, const QStringList &args, QString *error, int timeoutMs = 120000);

    std::unique_ptr<QTemporaryDir> m_dir;
    int m_port = 0;
    bool m_running = false;
};

} // namespace ringside::testing
