#include "testdatabase.h"

#include "storage/sqlutil.h"

#include "postgresserver.h"

#include <QHash>
#include <QMutex>

namespace ringside::testing {

namespace {
struct PostgresForTests {
    QMutex mutex;
    PostgresServer server;
    QHash<QString, QString> urls; // SQLite path asked for → its PostgreSQL database
};

PostgresForTests &postgresForTests()
{
    // One server per test process, stopped when the process exits normally (a watchdog covers the rest).
    static PostgresForTests instance;
    return instance;
}
} // namespace

bool testingPostgres()
{
    const QString backend = qEnvironmentVariable("RINGSIDE_TEST_BACKEND");
    return backend.compare(QLatin1String("postgresql"), Qt::CaseInsensitive) == 0
        || backend.compare(QLatin1String("postgres"), Qt::CaseInsensitive) == 0;
}

QString freshTestDatabase(const QString &sqlitePath)
{
    if (!testingPostgres())
        return sqlitePath;
    PostgresForTests &pg = postgresForTests();
    QMutexLocker lock(&pg.mutex);
    const auto known = pg.urls.constFind(sqlitePath);
    if (known != pg.urls.cend())
        return *known;
    QString error;
    if (!pg.server.start(&error))
        qFatal("cannot start the test PostgreSQL: %s", qPrintable(error));
    const QString url = pg.server.createDatabase(QStringLiteral("t%1").arg(pg.urls.size() + 1), &error);
    if (url.isEmpty())
        qFatal("%s", qPrintable(error));
    pg.urls.insert(sqlitePath, url);
    return url;
}

std::unique_ptr<Database> openTestDatabase(const QString &sqlitePath, QString *error)
{
    return Database::open(freshTestDatabase(sqlitePath), error);
}

void refuseCallRecordWrites(Database &db, bool refuse)
{
    for (const char *when : { "INSERT", "UPDATE" }) {
        const QString name = QStringLiteral("refuse_%1").arg(QLatin1String(when)).toLower();
        execOrThrow(db.connection(), refuse ? QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON call_records BEGIN "
                                                             "SELECT RAISE(ABORT, 'records refused for the test'); END")
                                                  .arg(name, QLatin1String(when))
                                            : QStringLiteral("DROP TRIGGER %1").arg(name));
    }
}

} // namespace ringside::testing
