#include "storage/database.h"
#include "storage/migrator.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace ringside;

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void createsAndMigrates()
    {
        QTemporaryDir dir;
        QString error;
        auto db = Database::open(dir.filePath(QStringLiteral("sub/ringside.db")), &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), Migrator::latestVersion());
        QVERIFY(Migrator::latestVersion() >= 2);
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM orders")));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM call_records")));
    }
    void reopenKeepsDataAndDoesNotReapply()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.db"));
        QString error;
        {
            auto db = Database::open(path, &error);
            QVERIFY(db);
            QSqlQuery q(db->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO store_settings VALUES ('storeName', 'Kiran Stores')")));
        }
        auto db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM store_settings WHERE key='storeName'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Kiran Stores"));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM schema_migrations")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), Migrator::latestVersion());
    }
    void eachThreadGetsItsOwnConnection()
    {
        QTemporaryDir dir;
        QString error;
        auto db = Database::open(dir.filePath(QStringLiteral("t.db")), &error);
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
    void unwritablePathIsClearError()
    {
        QString error;
        auto db = Database::open(QStringLiteral("/proc/nope/ringside.db"), &error);
        QVERIFY(!db);
        QVERIFY2(!error.isEmpty(), "expected an explanation");
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
