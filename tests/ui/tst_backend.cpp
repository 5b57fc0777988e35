// The console's worker-thread plumbing: jobs run on the worker in order, results and failures
// come back on the UI thread, SQL connections exist only on the worker, the demo data loads with
// progress, and the event batcher delivers everything in order in few batches.
#include "services/backend.h"
#include "services/demodata.h"
#include "services/eventbatcher.h"

#include "uitestutil.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace ringside;
using namespace ringside::ui;

using ringside::ui::test::await;

namespace {
const QDateTime kNow = ringside::ui::test::fixedNow();
} // namespace

class TestBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsJobsOnTheWorkerInOrder()
    {
        Backend backend;
        QThread *ui = QThread::currentThread();
        auto thread = await(backend.run([](WorkerServices &) { return QThread::currentThread(); }));
        QCOMPARE(thread, backend.workerThread());
        QVERIFY(thread != ui);

        auto order = std::make_shared<std::vector<int>>();   // touched only by jobs on the worker
        for (int i = 0; i < 50; ++i)
            backend.run([order, i](WorkerServices &) { order->push_back(i); });
        const auto seen = await(backend.run([order](WorkerServices &) { return *order; }));
        QCOMPARE(int(seen.size()), 50);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    }

    void deliversResultsOnTheUiThread()
    {
        Backend backend;
        QObject context;
        QThread *deliveredOn = nullptr;
        int value = 0;
        whenReady(backend.run([](WorkerServices &) { return 42; }), &context, [&](int v) {
            deliveredOn = QThread::currentThread();
            value = v;
        });
        QTRY_COMPARE(value, 42);
        QCOMPARE(deliveredOn, QThread::currentThread());
    }

    void failuresReachTheCallerWithTheirMessage()
    {
        Backend backend;
        QObject context;
        QString message;
        bool done = false;
        whenReady(backend.run([](WorkerServices &) -> int { throw StorageError(QStringLiteral("disk on fire")); }),
                  &context, [&](int) { done = true; }, [&](const QString &m) { message = m; });
        QTRY_COMPARE(message, QStringLiteral("disk on fire"));
        QVERIFY(!done);

        QString noDb;
        whenReady(backend.run([](WorkerServices &s) { return s.database().path(); }), &context,
                  [](const QString &) {}, [&](const QString &m) { noDb = m; });
        QTRY_VERIFY(!noDb.isEmpty());
        QVERIFY2(noDb.contains(QStringLiteral("No database")), qPrintable(noDb));
    }

    void nothingIsDeliveredToADestroyedContext()
    {
        Backend backend;
        bool called = false;
        auto *context = new QObject;
        auto future = backend.run([](WorkerServices &) { QThread::msleep(50); return 1; });
        whenReady(future, context, [&](int) { called = true; });
        delete context;
        await(future);
        QTest::qWait(20);
        QVERIFY(!called);
    }

    void reportsBusyWhileJobsRun()
    {
        Backend backend;
        QSignalSpy busy(&backend, &Backend::busyChanged);
        auto future = backend.run([](WorkerServices &) { QThread::msleep(30); return 0; });
        QVERIFY(backend.isBusy());
        await(future);
        QTRY_VERIFY(!backend.isBusy());
        QCOMPARE(busy.count(), 2);
        QCOMPARE(busy.at(0).at(0).toBool(), true);
        QCOMPARE(busy.at(1).at(0).toBool(), false);
    }

    void destroyingTheBackendFinishesQueuedJobs()
    {
        std::atomic<bool> ran { false };
        {
            Backend backend;
            backend.run([&ran](WorkerServices &) { QThread::msleep(50); ran = true; });
        }
        QVERIFY(ran.load());
    }

    void anUnopenableDatabaseIsAnError()
    {
        Backend backend;
        QSignalSpy opened(&backend, &Backend::databaseOpened);
        const QString error = await(backend.openDatabase(QStringLiteral("/proc/ringside-no/such/ringside.db")));
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(QStringLiteral("/proc/ringside-no")), qPrintable(error));
        QTest::qWait(10);
        QCOMPARE(opened.count(), 0);
        QVERIFY(backend.databasePath().isEmpty());
    }

    void loadsTheDemoDataOnceWithProgress()
    {
        QTemporaryDir dir;
        Backend backend;
        QSignalSpy opened(&backend, &Backend::databaseOpened);
        const QString path = dir.filePath(QStringLiteral("ringside.db"));
        QCOMPARE(await(backend.openDatabase(path)), QString());
        QTRY_COMPARE(opened.count(), 1);
        QCOMPARE(backend.databasePath(), path);

        const StoreStatus empty = await(backend.run([](WorkerServices &s) { return probeStore(s); }));
        QVERIFY(empty.isEmpty());

        QList<int> steps;
        QList<QThread *> progressThreads;
        connect(&backend, &Backend::progress, this, [&](const QString &, int done, int) {
            steps << done;
            progressThreads << QThread::currentThread();
        });
        const DemoLoadReport report =
                await(backend.run([](WorkerServices &s) { return loadDemoData(s, kNow, 30); }));
        QVERIFY2(report.loaded, qPrintable(report.error));
        QTRY_COMPARE(steps.size(), 5);
        QCOMPARE(steps, (QList<int> { 0, 1, 2, 3, 4 })); // store, history, a day of campaigns, done
        for (QThread *t : progressThreads)
            QCOMPARE(t, QThread::currentThread());

        const StoreStatus full = await(backend.run([](WorkerServices &s) { return probeStore(s); }));
        QVERIFY(full.storeRecords > 500);
        QVERIFY(full.callRecords > 0);
        QVERIFY(!full.storeName.isEmpty());

        // A second load is refused and changes nothing.
        const DemoLoadReport again =
                await(backend.run([](WorkerServices &s) { return loadDemoData(s, kNow, 30); }));
        QVERIFY(!again.loaded);
        QVERIFY(!again.error.isEmpty());
        const StoreStatus after = await(backend.run([](WorkerServices &s) { return probeStore(s); }));
        QCOMPARE(after.storeRecords, full.storeRecords);
        QCOMPARE(after.callRecords, full.callRecords);

        // Every query above ran on the worker: one thread, one connection.
        QCOMPARE(await(backend.run([](WorkerServices &s) { return s.database().connectionCount(); })), 1);
    }

    void batchesEventsFromOtherThreadsInOrder()
    {
        std::vector<int> received;
        int batches = 0;
        bool allOnUiThread = true;
        QThread *ui = QThread::currentThread();
        EventBatcher<int> batcher(20, [&](std::vector<int> batch) {
            ++batches;
            allOnUiThread = allOnUiThread && QThread::currentThread() == ui;
            received.insert(received.end(), batch.begin(), batch.end());
        });
        constexpr int count = 20000;
        std::thread producer([&batcher] {
            for (int i = 0; i < count; ++i)
                batcher.push(i);
        });
        producer.join();
        QTRY_COMPARE(int(received.size()), count);
        QVERIFY(allOnUiThread);
        for (int i = 0; i < count; ++i)
            QCOMPARE(received[size_t(i)], i);
        QVERIFY2(batches <= 10, qPrintable(QString::number(batches)));
        QCOMPARE(batcher.pendingCount(), size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestBackend)
#include "tst_backend.moc"
