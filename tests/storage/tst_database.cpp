#include "storage/database.h"
#include "storage/migrator.h"
#include "storage/sqlutil.h"
#include "testdatabase.h"

#include <QDir>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace ringside;
using ringside::testing::openTestDatabase;
using ringside::testing::testingPostgres;

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void createsAndMigrates()
    {
        QTemporaryDir dir;
        QString error;
        auto db = openTestDatabase(dir.filePath(QStringLiteral("sub/ringside.db")), &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), Migrator::latestVersion());
        QVERIFY(Migrator::latestVersion() >= 2);
        QSqlQuery q(db->connection());
        if (!testingPostgres()) {
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        } else {
            QCOMPARE(db->connection().driverName(), QStringLiteral("QPSQL"));
            QVERIFY(db->isPostgres());
        }
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM orders")));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM call_records")));
    }
    void reopenKeepsDataAndDoesNotReapply()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.db"));
        QString error;
        {
            auto db = openTestDatabase(path, &error);
            QVERIFY(db);
            QSqlQuery q(db->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO store_settings VALUES ('storeName', 'Kiran Stores')")));
        }
        auto db = openTestDatabase(path, &error);
        QVERIFY2(db, qPrintable(error));
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM store_settings WHERE key='storeName'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Kiran Stores"));
        // Each migration once (numbers are per part and may have gaps), the newest among them.
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), count(DISTINCT version), max(version) FROM schema_migrations")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), q.value(1).toInt());
        QCOMPARE(q.value(2).toInt(), Migrator::latestVersion());
    }
    void aMigrationThatLandedLaterIsStillApplied()
    {
        // A database that has the newest migration but not one numbered below it (parts number
        // their own migrations and may be merged in any order) gets the missing one on open.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gap.db"));
        QString error;
        {
            auto db = openTestDatabase(path, &error);
            QVERIFY2(db, qPrintable(error));
            QSqlQuery q(db->connection());
            QVERIFY(q.exec(QStringLiteral("DROP TABLE call_turn_latencies")));
            QVERIFY(q.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 2")));
            // What 0002 makes must be gone for it to be re-run: drop the rest of its tables too.
            for (const char *t : { "call_revenue_rollup", "call_rollup", "call_rollup_meta", "call_records" })
                QVERIFY(q.exec(QStringLiteral("DROP TABLE %1").arg(QLatin1String(t))));
            QVERIFY(q.exec(QStringLiteral("DROP INDEX IF EXISTS orders_payment_created")));
        }
        auto db = openTestDatabase(path, &error);
        QVERIFY2(db, qPrintable(error));
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM schema_migrations WHERE version = 2")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM call_records")));
    }

    void eachThreadGetsItsOwnConnection()
    {
        QTemporaryDir dir;
        QString error;
        auto db = openTestDatabase(dir.filePath(QStringLiteral("t.db")), &error);
        QVERIFY(db);
        const QString mine = db->connection().connectionName();
        QString theirs;
        bool wrote = false;
        QThread *t = QThread::create([&] {
            QSqlDatabase c = db->connection();
            theirs = c.connectionName();
            QSqlQuery q(c);
            wrote = q.exec(QStringLiteral("INSERT INTO store_settings VALUES ('k', 'v')"));
        });
        t->start();
        QVERIFY(t->wait(10000));
        delete t;
        QVERIFY(wrote);
        QVERIFY(!theirs.isEmpty());
        QVERIFY(mine != theirs);
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM store_settings WHERE key='k'")));
        QVERIFY(q.next());
    }
    void connectionsFollowThreadLifetimes()
    {
        // Native thread ids are reused; each new thread must still get a connection of its own.
        QTemporaryDir dir;
        QString error;
        auto db = openTestDatabase(dir.filePath(QStringLiteral("life.db")), &error);
        QVERIFY(db);
        const int before = db->connectionCount();
        for (int i = 0; i < 20; ++i) {
            bool ok = false;
            QThread *t = QThread::create([&db, &ok, i] {
                QSqlQuery q(db->connection());
                ok = q.exec(QStringLiteral("INSERT INTO store_settings VALUES ('k%1', 'v')").arg(i));
            });
            t->start();
            QVERIFY(t->wait(10000));
            delete t;
            QVERIFY2(ok, "a later thread could not use its own connection");
        }
        QCOMPARE(db->connectionCount(), before);
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM store_settings WHERE key LIKE 'k%'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 20);
    }
    void transactionRollsBackOnThrow()
    {
        QTemporaryDir dir;
        QString error;
        auto db = openTestDatabase(dir.filePath(QStringLiteral("tx.db")), &error);
        QVERIFY(db);
        bool threw = false;
        try {
            db->transaction([](QSqlDatabase &c) {
                QSqlQuery q(c);
                q.exec(QStringLiteral("INSERT INTO store_settings VALUES ('x', 'y')"));
                throw std::runtime_error("boom");
                return true;
            });
        } catch (const std::runtime_error &) {
            threw = true;
        }
        QVERIFY(threw);
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM store_settings WHERE key='x'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        // The connection is usable again (no transaction left open).
        QVERIFY(db->transaction([](QSqlDatabase &c) { return QSqlQuery(c).exec(QStringLiteral("INSERT INTO store_settings VALUES ('z', 'z')")); }));
    }
    void concatenatedStringsBindAsTheirText()
    {
        // With QT_USE_QSTRINGBUILDER `a + b` is a QStringBuilder, not a QString; passed straight to
        // execOrThrow it must bind as the text it builds (QPSQL bound the wrapped builder as '').
        QTemporaryDir dir;
        QString error;
        auto db = openTestDatabase(dir.filePath(QStringLiteral("sb.db")), &error);
        QVERIFY2(db, qPrintable(error));
        const QString key = QStringLiteral("greeting");
        const QString name = QStringLiteral("Kiran");
        const QLatin1String suffix("-hi");
        execOrThrow(db->connection(), QStringLiteral("INSERT INTO store_settings (key, value) VALUES (?, ?)"), key + suffix,
                    QStringLiteral("Namaste, ") + name + QLatin1Char('!'));
        execOrThrow(db->connection(), QStringLiteral("INSERT INTO store_settings (key, value) VALUES (?, ?)"), QLatin1String("plain"), QStringView(name));
        QSqlQuery q = execOrThrow(db->connection(), QStringLiteral("SELECT value FROM store_settings WHERE key = ?"), key + suffix);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Namaste, Kiran!"));
        q = execOrThrow(db->connection(), QStringLiteral("SELECT value FROM store_settings WHERE key = ?"), QLatin1String("plain"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), name);
        // The binary side stays binary: a QByteArray builder binds as bytes, not as text.
        QCOMPARE(bindable(QByteArrayLiteral("ab") + QByteArray("cd")).typeId(), QMetaType::QByteArray);
        QCOMPARE(bindable(key + suffix).typeId(), QMetaType::QString);
    }
    void unwritablePathIsClearError()
    {
        QString error;
        auto db = Database::open(QStringLiteral("/proc/nope/ringside.db"), &error);
        QVERIFY(!db);
        QVERIFY2(!error.isEmpty(), "expected an explanation");
    }
    void badDatabaseUrlsAreRefusedAndCreateNothing()
    {
        // A URL must never become a folder named "postgresql:"; a password never rides on the command line.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(dir.path()));
        struct Case {
            const char *value;
            const char *says;
        };
        const Case cases[] = {
            { "postgresql://ringside:s3cret@localhost:5432/shop", "PGPASSWORD" },
            { "postgresql://ringside@localhost:5432/shop?password=s3cret", "PGPASSWORD" },
            { "mysql://ringside@localhost/shop", "not supported" },
            { "postgresql://ringside@localhost:5432/", "name the database" },
            { "postgresql://ringside@localhost/shop?colour=blue", "unknown option 'colour'" },
            { "postgres:ringside", "postgresql://user@host:port/dbname" },
        };
        QStringList errors;
        for (const Case &c : cases) {
            QString error;
            auto db = Database::open(QLatin1String(c.value), &error);
            errors << error;
            QVERIFY2(!db, c.value);
            QVERIFY2(error.contains(QLatin1String(c.says)), qPrintable(QLatin1String(c.value) + QLatin1String(" → ") + error));
            QVERIFY2(!error.contains(QLatin1String("s3cret")), "a password is never echoed");
        }
        QDir::setCurrent(previous);
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
    }
    void parsesPostgresUrls()
    {
        DatabaseUrl u;
        QString error;
        QVERIFY2(DatabaseUrl::parse(QStringLiteral("postgresql://shop@db.internal:6543/ringside?sslmode=require"), &u, &error), qPrintable(error));
        QCOMPARE(u.kind, DatabaseUrl::PostgreSQL);
        QCOMPARE(u.user, QStringLiteral("shop"));
        QCOMPARE(u.host, QStringLiteral("db.internal"));
        QCOMPARE(u.port, 6543);
        QCOMPARE(u.database, QStringLiteral("ringside"));
        QCOMPARE(u.options, QStringLiteral("sslmode=require"));
        QVERIFY(DatabaseUrl::parse(QStringLiteral("postgres://shop@localhost/ringside?host=/run/postgresql"), &u, &error));
        QCOMPARE(u.host, QStringLiteral("/run/postgresql"));
        QCOMPARE(u.port, -1);
        QCOMPARE(u.display(), QStringLiteral("postgresql://shop@/ringside?host=/run/postgresql"));
        QVERIFY(DatabaseUrl::parse(QStringLiteral("data/ringside.db"), &u, &error));
        QCOMPARE(u.kind, DatabaseUrl::SQLiteFile);
        QCOMPARE(u.path, QStringLiteral("data/ringside.db"));
    }
    void unreachableServerIsClearError()
    {
        QTemporaryDir dir; // no server listens on a socket in an empty folder
        QString error;
        auto db = Database::open(QStringLiteral("postgresql://ringside@localhost:5999/shop?host=%1").arg(dir.path()), &error);
        QVERIFY(!db);
        QVERIFY2(error.startsWith(QLatin1String("cannot open database postgresql://ringside@")), qPrintable(error));
    }
    void splitsStatements()
    {
        const QStringList s = splitSqlStatements(QStringLiteral(
            "-- a comment; with a semicolon\nCREATE TABLE a (x INTEGER);\nCREATE TABLE b (\n y TEXT -- note\n);\n"));
        QCOMPARE(s.size(), 2);
        QVERIFY(s.at(0).startsWith(QStringLiteral("CREATE TABLE a")));
        QVERIFY(s.at(1).contains(QStringLiteral("y TEXT")));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
