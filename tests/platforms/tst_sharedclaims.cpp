// Engines sharing one PostgreSQL claim write-back actions (platforms/outbox.h) without taking one
// twice: an action another engine is in the middle of claiming — its transaction holds the row,
// not yet committed — is skipped, and the claim takes the next one at once. Before the claim
// locked what it picked (FOR UPDATE SKIP LOCKED), both engines read the same queued row and the
// second one then waited on the first's lock to send the same change again.
// PostgreSQL only (label postgres): on SQLite one writer holds the whole database.

#include "platforms/outbox.h"
#include "storage/database.h"
#include "storage/sqlutil.h"
#include "testdatabase.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <chrono>
#include <future>

using namespace ringside;
using namespace ringside::platforms;

namespace {
qint64 enqueue(Database &db, const QString &key, qint64 now)
{
    qint64 id = 0;
    db.transaction([&](QSqlDatabase sql) {
        OutboxAction a;
        a.key = key;
        a.action = QStringLiteral("tag_order");
        a.subject = key;
        a.platformId = QStringLiteral("gid://shopify/Order/") + key;
        id = enqueueAction(sql, a, now);
        return true;
    });
    return id;
}
} // namespace

class TestSharedClaims : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(testing::testingPostgres(), "runs against PostgreSQL only (RINGSIDE_TEST_BACKEND=postgresql)");
    }

    void anActionAnotherEngineIsClaimingIsSkipped()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shared.db"));
        QString error;
        auto db = testing::openTestDatabase(path, &error);
        QVERIFY2(db, qPrintable(error));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 first = enqueue(*db, QStringLiteral("1001"), now - 3);
        const qint64 second = enqueue(*db, QStringLiteral("1002"), now - 2);
        const qint64 third = enqueue(*db, QStringLiteral("1003"), now - 1);

        // Engine A, mid-claim: its transaction has taken the first action's row and not committed.
        auto engineA = testing::openTestDatabase(path, &error);
        QVERIFY2(engineA, qPrintable(error));
        QSqlDatabase a = engineA->connection();
        QVERIFY(a.transaction());
        QSqlQuery hold(a);
        QVERIFY(hold.exec(QStringLiteral("UPDATE platform_outbox SET updated_at = updated_at WHERE id = %1").arg(first)));

        // Engine B claims meanwhile, on a connection and thread of its own (a QThread: a plain
        // std::thread that touches Qt leaves its adopted-thread data behind, which LSan reports).
        std::promise<qint64> claimedByB;
        std::future<qint64> claimed = claimedByB.get_future();
        std::unique_ptr<QThread> engineB(QThread::create([&] {
            QString openError;
            auto b = testing::openTestDatabase(path, &openError);
            bool inDoubt = false;
            std::optional<OutboxAction> got = b ? claimNextAction(*b, now, &inDoubt) : std::nullopt;
            claimedByB.set_value(got ? got->id : -1);
        }));
        engineB->start();
        const bool answered = claimed.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
        a.rollback(); // lets a claim still waiting on A's lock finish, so the thread can be joined
        QVERIFY(engineB->wait(30000));
        QVERIFY2(answered, "engine B waited on the row engine A holds instead of skipping it");
        QCOMPARE(claimed.get(), second);

        // A gave its row up: the first action is claimable again, then the third; nothing twice.
        bool inDoubt = false;
        const auto next = claimNextAction(*db, now, &inDoubt);
        QVERIFY(next);
        QCOMPARE(next->id, first);
        const auto last = claimNextAction(*db, now, &inDoubt);
        QVERIFY(last);
        QCOMPARE(last->id, third);
        QVERIFY(!claimNextAction(*db, now, &inDoubt)); // the claimed ones are leased
    }
};

QTEST_GUILESS_MAIN(TestSharedClaims)
#include "tst_sharedclaims.moc"
