// Live Calls models: the calls table, transcripts and escalation queue under
// QAbstractItemModelTester, and 200 calls' worth of feed messages through the batcher.
#include "livecalls/callsmodel.h"
#include "livecalls/escalationqueuemodel.h"
#include "livecalls/livefeed.h"
#include "livecalls/transcriptmodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QTimeZone>
#include <QSignalSpy>
#include <QTest>

#include <thread>

using namespace ringside;
using namespace ringside::ui;

namespace {

json callSummary(int i, const QString &state = QStringLiteral("active"))
{
    return { { "call_id", QStringLiteral("CA%1").arg(i, 4, 10, QLatin1Char('0')) },
             { "agent", i % 2 ? "Order Tracker" : "COD Confirmation" },
             { "direction", i % 2 ? "inbound" : "outbound" },
             { "from", QStringLiteral("+9198765%1").arg(i, 5, 10, QLatin1Char('0')) },
             { "to", QStringLiteral("+9180000%1").arg(i, 5, 10, QLatin1Char('0')) },
             { "language", i % 2 ? "en-IN" : "hi-IN" },
             { "state", state },
             { "started_at", "2026-11-20T10:00:00.000Z" },
             { "sample_rate", 8000 } };
}

json callEvent(const QString &callId, json e)
{
    return { { "type", "call_event" }, { "call_id", callId }, { "event", std::move(e) } };
}

} // namespace

class TestLiveCallsModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void maskPhone_data();
    void maskPhone();
    void twoHundredCallsThroughTheBatcher();
    void transcriptReplacesPartialsInPlace();
    void transcriptFromSnapshotAndEnd();
    void queueWaitTimersAndSla();
    void durationsFollowTheEngineClock();
    void oddFeedMessagesAreIgnored();
    void callRecordTroubleIsANotice();
};

void TestLiveCallsModels::maskPhone_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("masked");
    QTest::addRow("indian") << QStringLiteral("+919415012345") << QStringLiteral("+91 •••• ••2345");
    QTest::addRow("us") << QStringLiteral("+14155550123") << QStringLiteral("+1 •••• ••0123");
    QTest::addRow("other") << QStringLiteral("+447700900123") << QStringLiteral("+44 •••• ••0123");
    QTest::addRow("national") << QStringLiteral("09415012345") << QStringLiteral("•••• ••2345");
    QTest::addRow("short") << QStringLiteral("123") << QStringLiteral("••23");
    QTest::addRow("empty") << QString() << QString();
}

void TestLiveCallsModels::maskPhone()
{
    QFETCH(QString, phone);
    QFETCH(QString, masked);
    QCOMPARE(ui::maskPhone(phone), masked);
    if (phone.size() > 6)
        QVERIFY(!ui::maskPhone(phone).contains(phone.mid(phone.size() - 7, 3)));
}

void TestLiveCallsModels::twoHundredCallsThroughTheBatcher()
{
    LiveFeed feed(50);
    QAbstractItemModelTester callsTester(feed.calls(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester queueTester(feed.queue(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy arrived(&feed, &LiveFeed::escalationArrived);
    QSignalSpy ended(&feed, &LiveFeed::callEnded);

    feed.push({ { "type", "snapshot" }, { "operator", "asha" }, { "server_time_ms", QDateTime::currentMSecsSinceEpoch() },
                { "escalation_sla_ms", 120000 }, { "calls", json::array() }, { "queue", json::array() } });
    QVERIFY(QTest::qWaitFor([&] { return feed.messagesApplied() == 1; }, 5000));
    QCOMPARE(feed.operatorName(), QStringLiteral("asha"));

    // A worker thread produces the feed as the network thread would: 200 calls, each with a
    // conversation; 20 escalate, 50 end.
    int total = 0;
    std::thread producer([&] {
        for (int i = 0; i < 200; ++i) {
            const QString id = QStringLiteral("CA%1").arg(i, 4, 10, QLatin1Char('0'));
            const json msgs[] = {
                { { "type", "call_started" }, { "call", callSummary(i) } },
                callEvent(id, { { "type", "agent" }, { "text", "Hello, this is Ringside" }, { "t_ms", 10 } }),
                callEvent(id, { { "type", "user_partial" }, { "text", "where" } }),
                callEvent(id, { { "type", "user_partial" }, { "text", "where is my" } }),
                callEvent(id, { { "type", "user_final" }, { "text", "where is my order" } }),
                callEvent(id, { { "type", "user" }, { "text", "where is my order" }, { "t_ms", 900 } }),
                callEvent(id, { { "type", "tool_call" }, { "name", "get_order_status" }, { "arguments", { { "order_id", QStringLiteral("A-%1").arg(i) } } } }),
                callEvent(id, { { "type", "tool_result" }, { "name", "get_order_status" }, { "result", { { "status", "shipped" } } } }),
                callEvent(id, { { "type", "latency" }, { "ms", 120 + i } }),
                callEvent(id, { { "type", "agent" }, { "text", "It has shipped" }, { "t_ms", 1100 } }),
            };
            for (const json &m : msgs) {
                feed.push(m);
                ++total;
            }
        }
        json entries = json::array();
        for (int i = 0; i < 20; ++i) {
            const QString id = QStringLiteral("CA%1").arg(i, 4, 10, QLatin1Char('0'));
            feed.push(callEvent(id, { { "type", "escalation" }, { "reason", "customer_request" }, { "summary", "wants a person" } }));
            feed.push({ { "type", "call_state" }, { "call_id", id }, { "state", "queued" }, { "operator", nullptr } });
            entries.push_back({ { "call_id", id }, { "wait_ms", 1000 * i }, { "reason", "customer_request" } });
            total += 2;
        }
        feed.push({ { "type", "queue" }, { "entries", entries }, { "escalation_sla_ms", 120000 } });
        ++total;
        for (int i = 150; i < 200; ++i) {
            feed.push({ { "type", "call_ended" }, { "call_id", QStringLiteral("CA%1").arg(i, 4, 10, QLatin1Char('0')) }, { "outcome", "resolved" } });
            ++total;
        }
    });
    producer.join();
    QVERIFY(QTest::qWaitFor([&] { return feed.messagesApplied() == total + 1; }, 10000));

    QCOMPARE(feed.calls()->rowCount(), 150);
    QCOMPARE(ended.count(), 50);
    // Batched: thousands of messages, a handful of model updates.
    QVERIFY2(feed.batchesApplied() < 20, qPrintable(QStringLiteral("%1 batches for %2 messages").arg(feed.batchesApplied()).arg(total)));
    QCOMPARE(total, 2000 + 40 + 1 + 50);

    const LiveCallRow *queued = feed.calls()->call(QStringLiteral("CA0003"));
    QVERIFY(queued);
    QCOMPARE(queued->state, QStringLiteral("queued"));
    const QModelIndex stateCell = feed.calls()->index(feed.calls()->rowOf(QStringLiteral("CA0003")), CallsModel::StateColumn);
    QCOMPARE(stateCell.data().toString(), QStringLiteral("Escalated"));
    const QModelIndex aiCell = feed.calls()->index(feed.calls()->rowOf(QStringLiteral("CA0100")), CallsModel::StateColumn);
    QCOMPARE(aiCell.data().toString(), QStringLiteral("AI"));
    QCOMPARE(feed.calls()->index(feed.calls()->rowOf(QStringLiteral("CA0101")), CallsModel::LanguageColumn).data().toString(),
             QStringLiteral("English"));
    QVERIFY(!feed.calls()->call(QStringLiteral("CA0150")));
    QVERIFY(!feed.transcript(QStringLiteral("CA0150"))); // ended, not shown: dropped

    TranscriptModel *t = feed.transcript(QStringLiteral("CA0042"));
    QVERIFY(t);
    QCOMPARE(t->rowCount(), 5); // greeting, caller (partials folded in), tool call, tool result, reply
    QCOMPARE(t->entry(1).kind, TranscriptEntry::Kind::Caller);
    QCOMPARE(t->entry(1).text, QStringLiteral("where is my order"));
    QCOMPARE(t->entry(2).kind, TranscriptEntry::Kind::ToolCall);
    QVERIFY(t->entry(2).detail.contains(QStringLiteral("A-42")));
    QCOMPARE(t->entry(4).latencyMs, 162);

    QCOMPARE(feed.queue()->rowCount(), 20);
    QCOMPARE(arrived.count(), 20);
    QCOMPARE(feed.queue()->at(0).callId, QStringLiteral("CA0019")); // the longest wait first
    QVERIFY(feed.queue()->at(0).caller.contains(QStringLiteral("COD Confirmation")) || feed.queue()->at(0).caller.contains(QStringLiteral("Order Tracker")));

    // The same queue again announces nothing new.
    json again = json::array();
    again.push_back({ { "call_id", "CA0001" }, { "wait_ms", 500 }, { "reason", "customer_request" } });
    feed.push({ { "type", "queue" }, { "entries", again } });
    QVERIFY(QTest::qWaitFor([&] { return feed.queue()->rowCount() == 1; }, 5000));
    QCOMPARE(arrived.count(), 20);
}

void TestLiveCallsModels::transcriptReplacesPartialsInPlace()
{
    TranscriptModel t(QStringLiteral("CA1"));
    QAbstractItemModelTester tester(&t, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&t, &QAbstractItemModel::rowsInserted);
    QSignalSpy escalation(&t, &TranscriptModel::escalationChanged);

    t.apply({ { "type", "agent" }, { "text", "Namaste! How can I help?" }, { "t_ms", 0 } });
    t.apply({ { "type", "user_partial" }, { "text", "mera" } });
    t.apply({ { "type", "user_partial" }, { "text", "mera order kahan" } });
    QCOMPARE(t.rowCount(), 2);
    QCOMPARE(t.entry(1).kind, TranscriptEntry::Kind::CallerPartial);
    QCOMPARE(t.entry(1).text, QStringLiteral("mera order kahan"));
    t.apply({ { "type", "user_final" }, { "text", "mera order kahan hai" } });
    t.apply({ { "type", "user" }, { "text", "mera order kahan hai" }, { "t_ms", 2100 } });
    QCOMPARE(t.rowCount(), 2);
    QCOMPARE(t.entry(1).kind, TranscriptEntry::Kind::Caller);
    QCOMPARE(t.entry(1).tMs, 2100);
    QCOMPARE(inserted.count(), 2);

    t.apply({ { "type", "tool_call" }, { "name", "transfer_to_human" }, { "arguments", { { "reason", "customer_request" } } } });
    t.apply({ { "type", "escalation" }, { "reason", "customer_request" }, { "summary", "asked for a person" } });
    QCOMPARE(escalation.count(), 1);
    QVERIFY(t.hasEscalation());
    QCOMPARE(t.escalationSummary(), QStringLiteral("asked for a person"));
    const QString line = t.index(3).data().toString();
    QVERIFY2(line.contains(QStringLiteral("asked for a person")), qPrintable(line));
    QVERIFY(t.index(2).data().toString().contains(QStringLiteral("transfer_to_human(reason: customer_request)")));

    t.apply({ { "type", "agent" }, { "text", "Let me connect you with a colleague who can help" } });
    t.apply({ { "type", "heard" }, { "text", "Let me connect" } });
    QVERIFY(t.entry(4).detail.contains(QStringLiteral("Let me connect")));
    t.apply({ { "type", "whisper" }, { "text", "offer a callback" } });
    t.apply({ { "type", "operator" }, { "action", "take_over" } });
    t.apply({ { "type", "agent" }, { "text", "Hi, this is Asha" }, { "by", "operator" } });
    QCOMPARE(t.entry(5).kind, TranscriptEntry::Kind::Whisper);
    QCOMPARE(t.entry(6).kind, TranscriptEntry::Kind::Control);
    QCOMPARE(t.entry(7).kind, TranscriptEntry::Kind::Operator);
    t.apply({ { "type", "no_such_event" } });
    t.apply(json::array());
    QCOMPARE(t.rowCount(), 8);
}

void TestLiveCallsModels::transcriptFromSnapshotAndEnd()
{
    TranscriptModel t(QStringLiteral("CA2"));
    QAbstractItemModelTester tester(&t, QAbstractItemModelTester::FailureReportingMode::QtTest);
    t.apply({ { "type", "agent" }, { "text", "stale" } });
    json recent = json::array({ json{ { "type", "agent" }, { "text", "Hello" } }, json{ { "type", "user" }, { "text", "hi" } } });
    t.resetFrom(recent);
    QCOMPARE(t.rowCount(), 2);
    QCOMPARE(t.entry(0).text, QStringLiteral("Hello"));
    QVERIFY(!t.isEnded());
    t.markEnded(QStringLiteral("resolved"));
    t.markEnded(QStringLiteral("resolved"));
    QCOMPARE(t.rowCount(), 3);
    QVERIFY(t.isEnded());
    QCOMPARE(t.entry(2).kind, TranscriptEntry::Kind::Ended);
}

void TestLiveCallsModels::queueWaitTimersAndSla()
{
    EscalationQueueModel q;
    QAbstractItemModelTester tester(&q, QAbstractItemModelTester::FailureReportingMode::QtTest);
    qint64 now = 1'000'000;
    q.setClock([&] { return now; });
    q.setCallDescriber([](const QString &id) { return QStringLiteral("caller %1").arg(id); });
    const QStringList arrived = q.setEntries(json::array({ json{ { "call_id", "A" }, { "wait_ms", 5000 }, { "reason", "damaged_item" } },
                                                           json{ { "call_id", "B" }, { "wait_ms", 95000 }, { "reason", "customer_request" } } }),
                                             120000);
    QCOMPARE(arrived, QStringList({ QStringLiteral("A"), QStringLiteral("B") }));
    QCOMPARE(q.at(0).callId, QStringLiteral("B"));
    QCOMPARE(q.index(0, EscalationQueueModel::CallColumn).data().toString(), QStringLiteral("caller B"));
    now += 10'000;
    QSignalSpy changed(&q, &QAbstractItemModel::dataChanged);
    q.tick();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(q.index(1, EscalationQueueModel::WaitingColumn).data().toString(), QStringLiteral("0:15"));
    QCOMPARE(q.index(1, EscalationQueueModel::SlaColumn).data().toString(), QStringLiteral("1:45 left"));
    QCOMPARE(q.index(0, EscalationQueueModel::WaitingColumn).data().toString(), QStringLiteral("1:45"));
    QCOMPARE(q.index(0, EscalationQueueModel::SlaColumn).data(Qt::ForegroundRole).value<QColor>(), QColor(Qt::darkRed));
    now += 20'000;
    QCOMPARE(q.index(0, EscalationQueueModel::SlaColumn).data().toString(), QStringLiteral("callback offered"));
    QVERIFY(q.setEntries(json::array(), 120000).isEmpty());
    QCOMPARE(q.rowCount(), 0);
}

void TestLiveCallsModels::durationsFollowTheEngineClock()
{
    CallsModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 started = QDateTime(QDate(2026, 11, 20), QTime(10, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    qint64 local = started + 5000;
    m.setClock([&] { return local; });
    m.setServerOffsetMs(60'000); // the engine's clock is a minute ahead of ours
    m.reset({ LiveCallRow::fromSummary(callSummary(7)) });
    QCOMPARE(m.index(0, CallsModel::DurationColumn).data().toString(), QStringLiteral("1:05"));
    QCOMPARE(m.index(0, CallsModel::CustomerColumn).data().toString(), QStringLiteral("+91 •••• ••0007"));
    QCOMPARE(m.index(0, CallsModel::DirectionColumn).data().toString(), QStringLiteral("Inbound"));
    local += 3600'000;
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    m.tick();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m.index(0, CallsModel::DurationColumn).data().toString(), QStringLiteral("1:01:05"));
    m.beginBatch();
    m.setState(QStringLiteral("CA0007"), QStringLiteral("taken_over"), QStringLiteral("asha"));
    m.remove(QStringLiteral("CA0007"));
    m.upsert(LiveCallRow::fromSummary(callSummary(8)));
    m.remove(QStringLiteral("CA0008")); // started and ended within one batch: never shown
    m.endBatch();
    QCOMPARE(m.rowCount(), 0);
}

// A feed is remote data: wrong types anywhere are skipped over, never an exception on the UI
// thread, and what follows them still applies.
void TestLiveCallsModels::oddFeedMessagesAreIgnored()
{
    LiveFeed feed(20);
    const json odd[] = {
        { { "type", "snapshot" }, { "server_time_ms", "soon" }, { "escalation_sla_ms", json::array({ 1 }) },
          { "calls", json::array({ json{ { "call_id", 5 } }, json{ { "call_id", "CA1" }, { "recent", "none" }, { "sample_rate", "x" } }, 7 }) },
          { "queue", "x" } },
        { { "type", "call_event" }, { "call_id", "CA1" }, { "event", 5 } },
        { { "type", "call_event" }, { "call_id", "CA1" }, { "event", { { "type", "latency" }, { "ms", "slow" } } } },
        { { "type", "call_event" }, { "call_id", "CA1" }, { "event", { { "type", "played" }, { "interrupted", "yes" } } } },
        { { "type", "call_event" }, { "call_id", "CA1" }, { "event", { { "type", "tool_call" }, { "name", 3 }, { "arguments", "x" } } } },
        { { "type", "call_started" }, { "call", "CA2" } },
        { { "type", "queue" }, { "escalation_sla_ms", "long" }, { "entries", json::object() } },
        { { "type", "lagged" }, { "skipped", "many" } },
        { { "type", "ack" }, { "id", json::array() }, { "command", 1 } },
        json::array({ 1, 2 }),
        json(nullptr),
    };
    for (const json &m : odd)
        feed.push(m);
    feed.push({ { "type", "call_started" }, { "call", callSummary(3) } });
    QVERIFY(QTest::qWaitFor([&] { return feed.messagesApplied() == int(std::size(odd)) + 1; }, 5000));
    QVERIFY(feed.calls()->call(QStringLiteral("CA0003")) != nullptr);
}

// The engine's call records waiting for its database, refused by its store, or written again:
// each change is one notice the operator reads.
void TestLiveCallsModels::callRecordTroubleIsANotice()
{
    LiveFeed feed(20);
    QSignalSpy notices(&feed, &LiveFeed::notice);
    feed.push({ { "type", "call_records" }, { "waiting", 2 }, { "newly_refused", 0 }, { "error", "disk I/O error" } });
    feed.push({ { "type", "call_records" }, { "waiting", 0 }, { "newly_refused", 0 }, { "error", "disk I/O error" } });
    feed.push({ { "type", "call_records" }, { "waiting", 0 }, { "newly_refused", 1 }, { "error", "outcome: 'x' is not one of …" } });
    QVERIFY(QTest::qWaitFor([&] { return feed.messagesApplied() == 3; }, 5000));
    QCOMPARE(notices.count(), 3);
    const QString waiting = notices.at(0).at(0).toString();
    QVERIFY2(waiting.contains(QLatin1String("disk I/O error")) && waiting.contains(QLatin1String("2 kept")), qPrintable(waiting));
    QCOMPARE(notices.at(1).at(0).toString(), QStringLiteral("The engine saves call records again"));
    QVERIFY2(notices.at(2).at(0).toString().contains(QLatin1String("refused 1 call record")), qPrintable(notices.at(2).at(0).toString()));
    // A console connecting while records wait hears it from the snapshot; none said, none shown.
    feed.push({ { "type", "snapshot" }, { "calls", json::array() }, { "queue", json::array() }, { "call_records_waiting", 3 } });
    feed.push({ { "type", "snapshot" }, { "calls", json::array() }, { "queue", json::array() }, { "call_records_waiting", 0 } });
    QVERIFY(QTest::qWaitFor([&] { return feed.messagesApplied() == 5; }, 5000));
    QCOMPARE(notices.count(), 4);
    QVERIFY2(notices.at(3).at(0).toString().contains(QLatin1String("keeping 3 call record")), qPrintable(notices.at(3).at(0).toString()));
}

QTEST_MAIN(TestLiveCallsModels)
#include "tst_livecalls_models.moc"
