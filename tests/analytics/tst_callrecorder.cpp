// analytics::CallRecorder: a call's record from its session's events, written when the call starts,
// kept up to date while it runs, closed at the end; records of a dead engine become "interrupted";
// migration 0003 keeps older records and their latencies.
#include "callfixtures.h"

#include "analytics/callrecorder.h"
#include "analytics/liveowner.h"
#include "analytics/recordwritequeue.h"
#include "storage/migrator.h"

#include <QFile>
#include <QRegularExpression>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QThread>

#include <atomic>

using namespace fixtures;

namespace {

SessionOpening opening(const QDateTime &start)
{
    SessionOpening o;
    o.agent = QStringLiteral("Order Tracker");
    o.useCase = QStringLiteral("wismo");
    o.direction = QStringLiteral("inbound");
    o.channel = QStringLiteral("voice");
    o.language = QStringLiteral("en-IN");
    o.orderId = QStringLiteral("ORD-1");
    o.startedAt = start;
    return o;
}

SessionEvent ev(EventType type, json data, qint64 tMs) { return SessionEvent(type, std::move(data), tMs); }

CallFilter withOutcome(const QString &outcome)
{
    CallFilter f;
    f.outcome = outcome;
    return f;
}

// One turn with a tool call, as a session reports it.
void oneTurn(CallRecorder &r)
{
    r.sessionEvent(ev(EventType::Agent, { { "text", "Hello" } }, 0));
    r.sessionEvent(ev(EventType::User, { { "text", "where is ORD-1" } }, 900));
    r.sessionEvent(ev(EventType::ToolCall, { { "name", "get_order_status" }, { "arguments", { { "order_id", "ORD-1" } } } }, 910));
    r.sessionEvent(ev(EventType::ToolResult, { { "name", "get_order_status" }, { "result", { { "status", "shipped" } } } }, 915));
    r.sessionEvent(ev(EventType::Latency, { { "ms", 140 } }, 1040));
    r.sessionEvent(ev(EventType::Agent, { { "text", "It has shipped" } }, 1040));
}

QString engineBinary() { return QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine"); }

} // namespace

class TestCallRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insertedInProgressWhenTheCallStarts()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        CallRecorder recorder(store);
        QVERIFY(recorder.recordId().isEmpty());
        recorder.sessionStarted(opening(at("2026-11-20T05:00:00Z")));
        QVERIFY(!recorder.recordId().isEmpty());
        const auto stored = store.byId(recorder.recordId());
        QVERIFY(stored);
        QCOMPARE(stored->outcome, kInProgress);
        QCOMPARE(stored->agent, QStringLiteral("Order Tracker"));
        QCOMPARE(stored->channel, QStringLiteral("voice"));
        QCOMPARE(stored->orderId, QStringLiteral("ORD-1"));
        QCOMPARE(stored->startedAt, at("2026-11-20T05:00:00Z"));
        QVERIFY(!stored->endedAt.isValid());
        QCOMPARE(stored->liveOwner, thisProcessOwner());
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(in_progress) FROM call_rollup")), qint64(1));
    }

    void updatedAfterAQuietMomentNotInsideTheTurn()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        CallRecorder recorder(store);
        recorder.sessionStarted(opening(at("2026-11-20T05:00:00Z")));
        oneTurn(recorder);
        // Nothing written while the turn's events arrive...
        QCOMPARE(store.byId(recorder.recordId())->transcript.size(), size_t(0));
        // ...then once the thread is idle for the update interval.
        QTRY_COMPARE_WITH_TIMEOUT(store.byId(recorder.recordId())->transcript.size(), size_t(5), 5000);
        const auto stored = store.byId(recorder.recordId());
        QCOMPARE(stored->outcome, kInProgress);
        QCOMPARE(stored->toolCalls.size(), size_t(1));
        QCOMPARE(stored->toolCalls[0]["name"].get<std::string>(), std::string("get_order_status"));
        QCOMPARE(stored->toolCalls[0]["result"]["status"].get<std::string>(), std::string("shipped"));
        QCOMPARE(stored->turnLatenciesMs, std::vector<int>{ 140 });
    }

    void flushWritesAWaitingUpdateAtOnce()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        CallRecorder recorder(store);
        recorder.sessionStarted(opening(at("2026-11-20T05:00:00Z")));
        recorder.flush(); // nothing waiting: nothing to do
        QCOMPARE(store.byId(recorder.recordId())->transcript.size(), size_t(0));
        oneTurn(recorder);
        recorder.flush(); // no event loop needed
        QCOMPARE(store.byId(recorder.recordId())->transcript.size(), size_t(5));
        QCOMPARE(store.byId(recorder.recordId())->outcome, kInProgress);
    }

    // A caller who never stops talking costs a bounded record: one notice past the cap, and the
    // end event still closes it.
    void theTranscriptIsBounded()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        CallRecorder recorder(store);
        recorder.sessionStarted(opening(at("2026-11-20T05:00:00Z")));
        for (int i = 0; i < 1500; ++i)
            recorder.sessionEvent(ev(EventType::User, { { "text", "again" } }, 100 + i));
        recorder.sessionEvent(ev(EventType::End, { { "outcome", "failed" }, { "handled_by", "ai" } }, 5000));
        const auto stored = store.byId(recorder.recordId());
        QVERIFY(stored);
        QCOMPARE(stored->transcript.size(), CallRecorder::kMaxTranscriptEvents + 2);
        const json &notice = stored->transcript[CallRecorder::kMaxTranscriptEvents];
        QCOMPARE(notice["type"].get<std::string>(), std::string("notice"));
        QVERIFY(notice["message"].get<std::string>().find("capped") != std::string::npos);
        QCOMPARE(stored->transcript.back()["type"].get<std::string>(), std::string("end"));
        QCOMPARE(stored->outcome, QStringLiteral("failed"));
    }

    void closedWithTheFactsOfTheEndEvent()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        CallRecorder recorder(store);
        const QDateTime start = at("2026-11-20T05:00:00Z");
        recorder.sessionStarted(opening(start));
        oneTurn(recorder);
        recorder.sessionEvent(ev(EventType::Escalation, { { "reason", "customer_request" }, { "summary", "wants a person" } }, 2000));
        recorder.sessionEvent(ev(EventType::End, { { "outcome", "escalated" }, { "handled_by", "ai_then_human" },
                                                   { "escalation_reason", "customer_request" }, { "order_id", "ORD-1" },
                                                   { "customer_id", "C-9" } }, 2500));
        QVERIFY(recorder.isClosed());
        const auto stored = store.byId(recorder.recordId());
        QVERIFY(stored);
        QCOMPARE(stored->outcome, QStringLiteral("escalated"));
        QCOMPARE(stored->handledBy, QStringLiteral("ai_then_human"));
        QCOMPARE(stored->escalationReason, QStringLiteral("customer_request"));
        QCOMPARE(stored->customerId, QStringLiteral("C-9"));
        QCOMPARE(stored->endedAt, start.addMSecs(2500));
        QVERIFY(stored->liveOwner.isEmpty());
        QCOMPARE(stored->transcript.back()["type"].get<std::string>(), std::string("end"));
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(in_progress) FROM call_rollup")), qint64(0));
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(o_escalated) FROM call_rollup")), qint64(1));
        // Events after the end change nothing.
        recorder.sessionEvent(ev(EventType::Agent, { { "text", "late" } }, 3000));
        QCOMPARE(store.byId(recorder.recordId())->transcript.size(), stored->transcript.size());
    }

    void revenueIsKeptForAConfirmedCall()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        CallRecorder recorder(store);
        recorder.sessionStarted(opening(at("2026-11-20T05:00:00Z")));
        recorder.sessionEvent(ev(EventType::End, { { "outcome", "confirmed" }, { "handled_by", "ai" }, { "revenue_minor", 149900 },
                                                   { "currency", "INR" } }, 1000));
        const auto stored = store.byId(recorder.recordId());
        QCOMPARE(stored->revenueMinor, qint64(149900));
        QCOMPARE(stored->currency, QStringLiteral("INR"));
    }

    void amendedOutcomeAddsTheLineBeforeTheEnd()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        CallRecorder recorder(store);
        QVERIFY(!recorder.amendOutcome(QStringLiteral("callback"), json::object()).ok()); // nothing closed yet
        recorder.sessionStarted(opening(at("2026-11-20T05:00:00Z")));
        recorder.sessionEvent(ev(EventType::End, { { "outcome", "escalated" }, { "handled_by", "ai_then_human" } }, 800));
        const auto amended = recorder.amendOutcome(QStringLiteral("callback"),
                                                   { { "type", "agent" }, { "text", "We will call you back" }, { "by", "gateway" } });
        QVERIFY2(amended.ok(), qPrintable(amended.error()));
        const auto stored = store.byId(recorder.recordId());
        QCOMPARE(stored->outcome, QStringLiteral("callback"));
        const json &tr = stored->transcript;
        QCOMPARE(tr.size(), size_t(2));
        QCOMPARE(tr[0]["text"].get<std::string>(), std::string("We will call you back"));
        QCOMPARE(tr[0]["t_ms"].get<int>(), 800);
        QCOMPARE(tr[1]["outcome"].get<std::string>(), std::string("callback"));
    }

    // A gateway's calls write their records on a queue's thread: the call's thread never waits for
    // the database, the record has its id from the start, and the writes land in order.
    void writtenThroughAQueueOnItsOwnThread()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        auto queue = std::make_shared<RecordWriteQueue>(*t.db);
        // Hold the queue's thread until the recorder has done its part: nothing may be written meanwhile.
        std::atomic<bool> release{ false };
        QThread *writerThread = nullptr;
        queue->post([&](CallRecordStore &) {
            writerThread = QThread::currentThread();
            while (!release.load())
                QThread::msleep(1);
        });
        CallRecorder recorder(store);
        recorder.writeThrough(queue);
        const QDateTime start = at("2026-11-20T05:00:00Z");
        recorder.sessionStarted(opening(start));
        const QString id = recorder.recordId();
        QVERIFY(!id.isEmpty());
        oneTurn(recorder);
        recorder.flush();
        recorder.sessionEvent(ev(EventType::End, { { "outcome", "resolved" }, { "handled_by", "ai" } }, 2500));
        QVERIFY(recorder.isClosed());
        QCOMPARE(recorder.recordId(), id);
        QVERIFY(!store.byId(id).has_value()); // all three writes wait on the queue
        release.store(true);
        queue->waitIdle();
        QVERIFY(writerThread && writerThread != QThread::currentThread());
        const auto stored = store.byId(id);
        QVERIFY(stored);
        QCOMPARE(stored->outcome, QStringLiteral("resolved")); // insert, update, close: in that order
        QCOMPARE(stored->endedAt, start.addMSecs(2500));
        QCOMPARE(stored->turnLatenciesMs, std::vector<int>{ 140 });
        QVERIFY(stored->liveOwner.isEmpty());
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(in_progress) FROM call_rollup")), qint64(0));
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(o_resolved) FROM call_rollup")), qint64(1));

        // An amended outcome waits for the queue, then is written and answered at once.
        const auto amended = recorder.amendOutcome(QStringLiteral("callback"), { { "type", "agent" }, { "text", "We will call you back" } });
        QVERIFY2(amended.ok(), qPrintable(amended.error()));
        QCOMPARE(store.byId(id)->outcome, QStringLiteral("callback"));
    }

    // The database refuses the record (here an SQLite trigger aborts every write to call_records,
    // as a read-only or full disk would): the call keeps its record id, the queue says a record
    // waits and why, and once the database takes writes again the record lands complete.
    void aRecordTheDatabaseRefusesWaitsAndLandsLater()
    {
        TestDb t;
        if (t.db->isPostgres())
            QSKIP("the refusal is an SQLite trigger");
        const auto refuse = [&](bool on) { testing::refuseCallRecordWrites(*t.db, on); };
        refuse(true);
        CallRecordStore store(*t.db);
        auto queue = std::make_shared<RecordWriteQueue>(*t.db, 50);
        CallRecorder recorder(store);
        recorder.writeThrough(queue);
        const QDateTime start = at("2026-11-20T05:00:00Z");
        recorder.sessionStarted(opening(start));
        const QString id = recorder.recordId();
        QVERIFY(!id.isEmpty());
        oneTurn(recorder);
        recorder.flush();
        recorder.sessionEvent(ev(EventType::End, { { "outcome", "resolved" }, { "handled_by", "ai" } }, 2500));
        queue->waitIdle();
        QTest::qWait(200); // a few retries fail too
        RecordWriteState state = queue->state();
        QCOMPARE(state.waiting, 1); // three versions of one record: the newest is kept
        QVERIFY2(state.deferred >= 2, qPrintable(QString::number(state.deferred))); // the insert, and at least one retry
        QVERIFY2(state.lastError.contains(QLatin1String("records refused for the test")), qPrintable(state.lastError));
        QCOMPARE(state.refused, quint64(0));
        QVERIFY(!store.byId(id).has_value());
        QCOMPARE(recorder.recordId(), id);

        // The callback amendment while the record waits: kept with it, not lost.
        const auto amended = recorder.amendOutcome(QStringLiteral("callback"), { { "type", "agent" }, { "text", "We will call you back" } });
        QVERIFY2(amended.ok(), qPrintable(amended.error()));
        QCOMPARE(queue->state().waiting, 1);

        refuse(false);
        QTRY_VERIFY_WITH_TIMEOUT(queue->state().waiting == 0, 5000);
        const auto stored = store.byId(id);
        QVERIFY(stored);
        QCOMPARE(stored->outcome, QStringLiteral("callback"));
        QCOMPARE(stored->endedAt, start.addMSecs(2500));
        QCOMPARE(stored->turnLatenciesMs, std::vector<int>{ 140 });
        QVERIFY(stored->liveOwner.isEmpty());
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(o_callback) FROM call_rollup")), qint64(1));
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(in_progress) FROM call_rollup")), qint64(0));
        state = queue->state();
        QVERIFY(state.lastError.contains(QLatin1String("records refused for the test"))); // the last failure stays readable
        QCOMPARE(state.lost, quint64(0));
    }

    // A record still refused when the queue stops is counted lost and named in the log.
    void aRecordStillRefusedAtTheEndIsCountedLost()
    {
        TestDb t;
        if (t.db->isPostgres())
            QSKIP("the refusal is an SQLite trigger");
        execOrThrow(t.db->connection(), QStringLiteral("CREATE TRIGGER refuse_insert BEFORE INSERT ON call_records BEGIN "
                                                       "SELECT RAISE(ABORT, 'records refused for the test'); END"));
        CallRecordStore store(*t.db);
        RecordWriteQueue queue(*t.db, 60000);
        CallRecord r = call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T05:00:00Z"));
        r.id = QStringLiteral("kept-then-lost");
        QCOMPARE(queue.writeNow(r, false).outcome, RecordWrite::Waiting);
        QCOMPARE(queue.state().waiting, 1);
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("call record kept-then-lost lost")));
    }

    // An insert the database reported failed that went in after all (the record is there when the
    // kept insert is retried): the retry updates it to the kept version instead of dropping it.
    void aKeptInsertThatLandedAnywayIsUpdated()
    {
        TestDb t;
        if (t.db->isPostgres())
            QSKIP("the refusal is an SQLite trigger");
        execOrThrow(t.db->connection(), QStringLiteral("CREATE TRIGGER refuse_resolved BEFORE INSERT ON call_records WHEN NEW.outcome = 'resolved' "
                                                       "BEGIN SELECT RAISE(ABORT, 'records refused for the test'); END"));
        CallRecordStore store(*t.db);
        RecordWriteQueue queue(*t.db, 50);
        CallRecord r = call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T05:00:00Z"));
        r.id = QStringLiteral("landed-anyway");
        QCOMPARE(queue.writeNow(r, false).outcome, RecordWrite::Waiting);
        CallRecord earlier = r; // what "went in" (the trigger lets it through)
        earlier.outcome = kInProgress;
        earlier.endedAt = QDateTime();
        QVERIFY(store.insert(earlier).ok());
        execOrThrow(t.db->connection(), QStringLiteral("DROP TRIGGER refuse_resolved"));
        QTRY_COMPARE_WITH_TIMEOUT(queue.state().waiting, 0, 5000);
        QCOMPARE(store.byId(r.id)->outcome, QStringLiteral("resolved"));
        QCOMPARE(queue.state().refused, quint64(0));
    }

    // A version the store rejects (a field it cannot take) is not retried; the next version of the
    // same record is inserted, since the first never went in.
    void aRejectedVersionIsCountedAndTheNextOneInserted()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        RecordWriteQueue queue(*t.db);
        CallRecord r = call(QStringLiteral("wismo"), QStringLiteral("resolved"), at("2026-11-20T05:00:00Z"));
        r.id = QStringLiteral("rejected-first");
        CallRecord bad = r;
        bad.outcome = QStringLiteral("no-such-outcome");
        const RecordWriteResult first = queue.writeNow(bad, false);
        QCOMPARE(first.outcome, RecordWrite::Refused);
        QCOMPARE(queue.state().refused, quint64(1));
        QCOMPARE(queue.state().waiting, 0);
        QCOMPARE(queue.writeNow(r, true).outcome, RecordWrite::Written);
        QCOMPARE(store.byId(r.id)->outcome, QStringLiteral("resolved"));
    }

    // What is queued when the queue goes is written, not dropped.
    void aQueueWritesWhatIsLeftBeforeItStops()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        auto queue = std::make_shared<RecordWriteQueue>(*t.db);
        QString id;
        {
            CallRecorder recorder(store);
            recorder.writeThrough(queue);
            recorder.sessionStarted(opening(at("2026-11-20T05:00:00Z")));
            recorder.sessionEvent(ev(EventType::End, { { "outcome", "resolved" }, { "handled_by", "ai" } }, 900));
            id = recorder.recordId();
        }
        queue.reset();
        const auto stored = store.byId(id);
        QVERIFY(stored);
        QCOMPARE(stored->outcome, QStringLiteral("resolved"));
    }

    void ownersAreJudgedByTheirProcess()
    {
        const QString mine = thisProcessOwner();
        QVERIFY(ownerMayBeAlive(mine));
        QStringList reused = mine.split(QLatin1Char('/'));
        QCOMPARE(reused.size(), 4);
        reused[3] = reused[3] + QStringLiteral("1"); // the pid now belongs to a process started later
        QVERIFY(!ownerMayBeAlive(reused.join(QLatin1Char('/'))));
        QStringList rebooted = mine.split(QLatin1Char('/'));
        rebooted[1] = QStringLiteral("another-boot");
        QVERIFY(!ownerMayBeAlive(rebooted.join(QLatin1Char('/'))));
        QStringList elsewhere = mine.split(QLatin1Char('/'));
        elsewhere[0] = QSysInfo::machineHostName() + QStringLiteral("-other-host");
        QVERIFY(ownerMayBeAlive(elsewhere.join(QLatin1Char('/')))); // cannot tell: left alone
        QVERIFY(!ownerMayBeAlive(QStringLiteral("garbage")));
    }

    void onlyRecordsOfDeadEnginesBecomeInterrupted()
    {
        TestDb t;
        CallRecordStore store(*t.db);
        auto live = [&](const QString &owner, const QDateTime &start) {
            CallRecord r = call(QStringLiteral("wismo"), kInProgress, start);
            r.endedAt = QDateTime();
            r.liveOwner = owner;
            r.transcript = json::array({ json{ { "type", "agent" }, { "text", "Hello" }, { "t_ms", 0 } },
                                         json{ { "type", "user" }, { "text", "hi" }, { "t_ms", 4200 } } });
            return insertOrFail(store, r);
        };
        QStringList dead = thisProcessOwner().split(QLatin1Char('/'));
        dead[1] = QStringLiteral("an-earlier-boot");
        const QString deadId = live(dead.join(QLatin1Char('/')), at("2026-11-20T05:00:00Z"));
        const QString mineId = live(thisProcessOwner(), at("2026-11-20T06:00:00Z"));
        CallRecord imported = call(QStringLiteral("wismo"), kInProgress, at("2026-11-20T07:00:00Z")); // no owner: not ours to close
        imported.endedAt = QDateTime();
        const QString importedId = insertOrFail(store, imported);

        QCOMPARE(store.closeInterruptedCalls(), 1);
        const auto closed = store.byId(deadId);
        QCOMPARE(closed->outcome, kInterrupted);
        QCOMPARE(closed->endedAt, at("2026-11-20T05:00:04.200Z")); // the last thing it recorded
        QVERIFY(closed->liveOwner.isEmpty());
        QCOMPARE(closed->transcript.back()["type"].get<std::string>(), std::string("end"));
        QCOMPARE(closed->transcript.back()["outcome"].get<std::string>(), std::string("interrupted"));
        QCOMPARE(store.byId(mineId)->outcome, kInProgress);
        QCOMPARE(store.byId(importedId)->outcome, kInProgress);
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(o_interrupted) FROM call_rollup")), qint64(1));
        QCOMPARE(t.scalar(QStringLiteral("SELECT SUM(in_progress) FROM call_rollup")), qint64(2));
        QCOMPARE(store.closeInterruptedCalls(), 0); // nothing twice
    }

    // kill -9 of a real engine in mid-call: its record was already there, and becomes interrupted.
    void aKilledEnginesCallIsInterruptedNotLost()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("crash.db"));
        QProcess init;
        init.start(engineBinary(), { QStringLiteral("store"), QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("--db"), db });
        QVERIFY(init.waitForFinished(120000));
        QCOMPARE(init.exitCode(), 0);

        QProcess chat;
        chat.start(engineBinary(), { QStringLiteral("chat"), QStringLiteral("--agent"), QStringLiteral("order-tracker"),
                                     QStringLiteral("--db"), db, QStringLiteral("--jsonl") });
        QVERIFY(chat.waitForStarted());
        chat.write("where is my order\n");
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += chat.readAllStandardOutput(), out.count('\n') >= 3), 60000); // greeting, user, reply
        QTest::qWait(CallRecorder::kUpdateIntervalMs + 500); // its update after the turn

        {
            QString error;
            auto database = Database::open(db, &error);
            QVERIFY2(database, qPrintable(error));
            CallRecordStore store(*database);
            QCOMPARE(store.closeInterruptedCalls(), 0); // still running: left alone
            // (the demo store comes with a finished call history; only the chat's call is live)
            const auto running = store.list(withOutcome(kInProgress), 10);
            QCOMPARE(running.size(), size_t(1));
            QCOMPARE(running.front().outcome, kInProgress);
            QVERIFY(running.front().transcript.size() >= 3);
        }
        chat.kill();
        QVERIFY(chat.waitForFinished(10000));
        QCOMPARE(chat.exitStatus(), QProcess::CrashExit);

        QString error;
        auto database = Database::open(db, &error);
        QVERIFY2(database, qPrintable(error));
        CallRecordStore store(*database);
        QCOMPARE(store.closeInterruptedCalls(), 1);
        QVERIFY(store.list(withOutcome(kInProgress), 10).empty());
        const auto records = store.list(withOutcome(kInterrupted), 10);
        QCOMPARE(records.size(), size_t(1));
        QCOMPARE(records.front().outcome, kInterrupted);
        QCOMPARE(records.front().agent, QStringLiteral("Order Tracker"));
        QVERIFY(records.front().endedAt >= records.front().startedAt);
        QCOMPARE(records.front().transcript[1]["text"].get<std::string>(), std::string("where is my order"));
    }

    // A database made before 0003 keeps its records and their per-turn latencies.
    void migrationKeepsOlderRecords()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.db"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys=ON")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")));
            for (const char *name : { "0001_commerce", "0002_calls" }) {
                QFile file(QStringLiteral(":/ringside/migrations/%1.sql").arg(QLatin1String(name)));
                QVERIFY(file.open(QIODevice::ReadOnly));
                for (const QString &statement : splitSqlStatements(QString::fromUtf8(file.readAll())))
                    QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
                QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_migrations VALUES (%1, '%2', 'then')")
                                       .arg(QString::fromLatin1(name).left(4).toInt()).arg(QLatin1String(name))));
            }
            QVERIFY(q.exec(QStringLiteral("INSERT INTO call_records (id, agent, use_case, direction, started_at, answered_at, "
                                          "ended_at, outcome) VALUES ('old-1', 'A', 'wismo', 'inbound', 1763600000000, "
                                          "1763600000000, 1763600060000, 'resolved')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO call_turn_latencies VALUES ('old-1', 1, 1763600000000, 420)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));

        QString error;
        auto database = Database::open(path, &error);
        QVERIFY2(database, qPrintable(error));
        QCOMPARE(database->schemaVersion(), Migrator::latestVersion());
        CallRecordStore store(*database);
        const auto old = store.byId(QStringLiteral("old-1"));
        QVERIFY(old);
        QCOMPARE(old->outcome, QStringLiteral("resolved"));
        QCOMPARE(old->turnLatenciesMs, std::vector<int>{ 420 });
        QVERIFY(old->liveOwner.isEmpty());
        // The new outcome is allowed, and the latencies still belong to their call.
        CallRecord r = call(QStringLiteral("wismo"), kInterrupted, at("2026-11-20T05:00:00Z"));
        QVERIFY(store.insert(r).ok());
        QVERIFY(store.remove(QStringLiteral("old-1")));
        QSqlQuery left = execOrThrow(database->connection(), QStringLiteral("SELECT COUNT(*) FROM call_turn_latencies"));
        QVERIFY(left.next());
        QCOMPARE(left.value(0).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCallRecorder)
#include "tst_callrecorder.moc"
