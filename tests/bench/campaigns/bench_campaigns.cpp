// Campaign figures (docs/campaigns.md, docs/benchmarks.md):
//   BM_DecideQueued/100000   read 100,000 due calls with what deciding needs a page at a time, decide each (no writes)
//   BM_DecideQueuedBatch/100000 the same read whole into one batch first (as a claim is read), then decided
//   BM_ClaimAndDecide/100000 the same with the claim (lease) and the skip/reschedule writes
//   BM_ListJson/100000       CallQueue::list + the JSON `campaigns list --json` prints, in process
//   BM_ListPageJson/100000   one page (1000 calls) of that list, 90% of the way down (keyset paging)
//   BM_ListCommand/100000/P  `ringside-engine campaigns list --json --no-scan` as a process, to /dev/null:
//                            P=0 its default page, P=1 every call (--limit 0)
//   BM_PaceWithLiveCalls     a real serve: its dialer places calls at 20/s against a fake Twilio while
//                            50 stand-in callers talk to it; achieved pace and late frames
//                            (/50/20/0: the same callers with the campaign paused, the baseline)
// Run: build/bench/bench_campaigns [--benchmark_filter=Decide]
#include "faketwilio.h"

#include "campaigns/calldecider.h"
#include "campaigns/callqueue.h"
#include "campaigns/campaignagents.h"
#include "campaigns/campaignjson.h"
#include "campaigns/campaignsettings.h"
#include "campaigns/decisionloader.h"
#include "storage/database.h"
#include "storage/sqlutil.h"
#include "telephony/loadgenerator.h"
#include "util/clock.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <chrono>

using namespace ringside;
using namespace ringside::campaigns;

namespace {

const QDateTime kNow = parseIso(QStringLiteral("2026-11-26T12:00:00+05:30"));

// 20,000 customers, one COD order each per five calls, `calls` planned calls due now: a mix
// that decides to place, skip (DND, cancelled orders) and move (US numbers at night).
QString queueDatabase(int calls)
{
    static QTemporaryDir dir;
    static QHash<int, QString> made;
    if (made.contains(calls))
        return made.value(calls);
    const QString path = dir.filePath(QStringLiteral("queue-%1.db").arg(calls));
    QString error;
    auto db = Database::open(path, &error);
    db->transaction([&](QSqlDatabase &c) {
        QSqlQuery customer(c), order(c), call(c), dnd(c);
        customer.prepare(QStringLiteral("INSERT INTO customers (id, name, phone, phone_national, state, country, timezone) VALUES (?,?,?,?,?,?,?)"));
        order.prepare(QStringLiteral("INSERT INTO orders (id, customer_id, status, payment_method, cod_confirmation, total_minor, currency, created_at, updated_at) "
                                     "VALUES (?,?,?,'cod','pending',99900,'INR',?,?)"));
        call.prepare(QStringLiteral("INSERT INTO scheduled_calls (use_case, subject_key, attempt, agent, order_id, customer_id, phone, timezone, "
                                    "timezone_source, language, agent_language, due_at, first_due_at, created_at, updated_at) "
                                    "VALUES ('cod_confirmation',?,1,'cod-confirmation',?,?,?,?,'customer','hi-IN','hi-IN',?,?,?,?)"));
        dnd.prepare(QStringLiteral("INSERT INTO dnd (phone, national, source, added_at) VALUES (?,?,'manual',?)"));
        const qint64 t = kNow.toMSecsSinceEpoch();
        for (int i = 0; i < 20000; ++i) {
            const bool us = i % 10 == 9;
            const QString phone = us ? QStringLiteral("+1212%1").arg(5000000 + i) : QStringLiteral("+9198%1").arg(10000000 + i);
            for (const QVariant &v : { QVariant(QStringLiteral("C%1").arg(i)), QVariant(QStringLiteral("Customer %1").arg(i)), QVariant(phone),
                                       QVariant(phone.right(10)), QVariant(us ? QStringLiteral("NY") : QStringLiteral("Goa")),
                                       QVariant(us ? QStringLiteral("US") : QStringLiteral("IN")),
                                       QVariant(us ? QStringLiteral("America/New_York") : QStringLiteral("Asia/Kolkata")) })
                customer.addBindValue(v);
            customer.exec();
            if (i % 50 == 0) {
                dnd.addBindValue(phone);
                dnd.addBindValue(phone.right(10));
                dnd.addBindValue(t);
                dnd.exec();
            }
        }
        for (int i = 0; i < calls; ++i) {
            const int who = i % 20000;
            const bool us = who % 10 == 9;
            const QString id = QStringLiteral("ORD-%1").arg(i);
            order.addBindValue(id);
            order.addBindValue(QStringLiteral("C%1").arg(who));
            order.addBindValue(i % 97 == 0 ? QStringLiteral("cancelled") : QStringLiteral("processing"));
            order.addBindValue(t - 3600000);
            order.addBindValue(t - 3600000);
            order.exec();
            call.addBindValue(QString(QStringLiteral("cod:") + id));
            call.addBindValue(id);
            call.addBindValue(QStringLiteral("C%1").arg(who));
            call.addBindValue(us ? QStringLiteral("+1212%1").arg(5000000 + who) : QStringLiteral("+9198%1").arg(10000000 + who));
            call.addBindValue(us ? QStringLiteral("America/New_York") : QStringLiteral("Asia/Kolkata"));
            for (int k = 0; k < 4; ++k)
                call.addBindValue(t - 60000 - i);
            call.exec();
        }
        return true;
    });
    made.insert(calls, path);
    return path;
}

// Deciding every due call as it comes, a page at a time (DecisionLoader::forEachDue): read and
// decide interleave, so decide_ms is the time inside decideCall (two clock reads per call included).
void BM_DecideQueued(benchmark::State &state)
{
    QString error;
    auto db = Database::open(queueDatabase(int(state.range(0))), &error);
    const CampaignAgents agents;
    const CampaignRules rules = CampaignSettings(*db).rules();
    QMap<int, int> actions;
    qint64 decideNs = 0;
    for (auto _ : state) {
        actions.clear();
        DecisionLoader loader(*db, &agents);
        loader.forEachDue(kNow, rules, [&](const DecisionInput &in) {
            const auto start = std::chrono::steady_clock::now();
            ++actions[int(decideCall(in, rules, kNow).action)];
            decideNs += std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
        });
        benchmark::DoNotOptimize(actions);
    }
    state.counters["decide_ms"] = double(decideNs) / 1e6 / double(state.iterations());
    state.counters["calls"] = state.range(0);
    state.counters["place"] = actions.value(int(Decision::Action::Place));
    state.counters["skip"] = actions.value(int(Decision::Action::Skip));
    state.counters["move"] = actions.value(int(Decision::Action::Reschedule));
}

// The same calls read whole into one batch first (DecisionLoader::loadDue, as a claim is read),
// then decided: what the figure was before the paged read.
void BM_DecideQueuedBatch(benchmark::State &state)
{
    QString error;
    auto db = Database::open(queueDatabase(int(state.range(0))), &error);
    const CampaignAgents agents;
    const CampaignRules rules = CampaignSettings(*db).rules();
    QMap<int, int> actions;
    qint64 readMs = 0, decideMs = 0;
    for (auto _ : state) {
        QElapsedTimer step;
        step.start();
        DecisionLoader loader(*db, &agents);
        const DecisionBatch due = loader.loadDue(kNow, rules);
        readMs += step.restart();
        actions.clear();
        for (const DecisionInput &in : due.inputs)
            ++actions[int(decideCall(in, rules, kNow).action)];
        decideMs += step.restart();
        benchmark::DoNotOptimize(actions);
    }
    state.counters["read_ms"] = double(readMs) / double(state.iterations());
    state.counters["decide_ms"] = double(decideMs) / double(state.iterations());
    state.counters["place"] = actions.value(int(Decision::Action::Place));
    state.counters["skip"] = actions.value(int(Decision::Action::Skip));
    state.counters["move"] = actions.value(int(Decision::Action::Reschedule));
}

void BM_ClaimAndDecide(benchmark::State &state)
{
    QString error;
    auto db = Database::open(queueDatabase(int(state.range(0))), &error);
    const CampaignAgents agents;
    const CampaignRules rules = CampaignSettings(*db).rules();
    int changed = 0;
    for (auto _ : state) {
        state.PauseTiming();
        execOrThrow(db->connection(), QStringLiteral("UPDATE scheduled_calls SET status = 'scheduled', reason = '', lease_owner = NULL, lease_until = NULL, "
                                                     "due_at = first_due_at"));
        execOrThrow(db->connection(), QStringLiteral("DELETE FROM campaign_events"));
        state.ResumeTiming();
        CallQueue queue(*db);
        int claimed = 0;
        const QString token = queue.claimDueToken(kNow, QStringLiteral("bench"), 120, int(state.range(0)), {}, &claimed);
        DecisionLoader loader(*db, &agents);
        // The writes the dialer makes for skips and moves: one transaction for the claim (as it does).
        std::vector<CallQueue::Settlement> settled;
        const DecisionBatch batch = loader.loadClaimed(token, kNow, rules);
        for (const DecisionInput &in : batch.inputs) {
            const Decision d = decideCall(in, rules, kNow);
            if (d.action == Decision::Action::Skip)
                settled.push_back({ in.call->id, in.call->leaseGen, d.reason, d.detail, {} });
            else if (d.action == Decision::Action::Reschedule)
                settled.push_back({ in.call->id, in.call->leaseGen, d.reason, d.detail, d.due });
        }
        changed = queue.settle(settled, kNow);
    }
    state.counters["settled"] = changed;
    state.counters["calls"] = state.range(0);
}

void BM_ListJson(benchmark::State &state)
{
    QString error;
    auto db = Database::open(queueDatabase(int(state.range(0))), &error);
    std::size_t bytes = 0;
    for (auto _ : state) {
        CallQueue queue(*db);
        CallJson view;
        std::string text;
        for (const ScheduledCall &c : queue.list({})) {
            view.appendJson(text, c);
            text += ",\n";
        }
        bytes = text.size();
        benchmark::DoNotOptimize(text);
    }
    state.counters["bytes"] = double(bytes);
}

// A page of `campaigns list --json` (1000 calls, its default) in process, starting deep in the
// queue: keyset paging costs the same on page 90 as on page 1.
void BM_ListPageJson(benchmark::State &state)
{
    QString error;
    auto db = Database::open(queueDatabase(int(state.range(0))), &error);
    CallQueue queue(*db);
    // The call 90% of the way down the list.
    QSqlQuery q = execOrThrow(db->connection(), QStringLiteral("SELECT id FROM scheduled_calls ORDER BY due_at, id LIMIT 1 OFFSET ?"),
                              int(state.range(0)) * 9 / 10);
    const qint64 after = q.next() ? q.value(0).toLongLong() : 0;
    std::size_t bytes = 0;
    for (auto _ : state) {
        CallQueue::Filter f;
        f.limit = 1000;
        f.after = after;
        CallJson view;
        std::string text;
        for (const ScheduledCall &c : queue.list(f)) {
            view.appendJson(text, c);
            text += ",\n";
        }
        bytes = text.size();
        benchmark::DoNotOptimize(text);
    }
    state.counters["bytes"] = double(bytes);
}

// `ringside-engine campaigns list --db … --json --no-scan` as a process, to /dev/null: /0 its
// default page (1000 calls), /1 with --limit 0 (every call).
void BM_ListCommand(benchmark::State &state)
{
    const QString path = queueDatabase(int(state.range(0)));
    QStringList args = { QStringLiteral("campaigns"), QStringLiteral("list"), QStringLiteral("--db"), path, QStringLiteral("--json"), QStringLiteral("--no-scan") };
    if (state.range(1) != 0)
        args << QStringLiteral("--limit") << QStringLiteral("0");
    for (auto _ : state) {
        QProcess p;
        p.setStandardOutputFile(QProcess::nullDevice());
        p.setStandardErrorFile(QProcess::nullDevice());
        p.start(QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine"), args);
        p.waitForFinished(60000);
    }
}

void BM_PaceWithLiveCalls(benchmark::State &state)
{
    const int liveCalls = int(state.range(0));
    const int seconds = int(state.range(1));
    const bool dialing = state.range(2) != 0; // 0: the same callers with the campaign left paused (the baseline)
    for (auto _ : state) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pace.db"));
        {
            QString error;
            auto db = Database::open(path, &error);
            db->transaction([&](QSqlDatabase &c) {
                const qint64 t = kNow.toMSecsSinceEpoch();
                for (int i = 0; i < 600; ++i) {
                    const QString phone = QStringLiteral("+9197%1").arg(10000000 + i);
                    execOrThrow(c, QStringLiteral("INSERT INTO customers (id, name, phone, phone_national, state, country, timezone) VALUES (?,?,?,?,'Goa','IN','Asia/Kolkata')"),
                                QStringLiteral("P%1").arg(i), QStringLiteral("P%1").arg(i), phone, phone.right(10));
                    execOrThrow(c, QStringLiteral("INSERT INTO orders (id, customer_id, status, payment_method, cod_confirmation, total_minor, currency, created_at, updated_at) "
                                                  "VALUES (?,?,'processing','cod','pending',99900,'INR',?,?)"),
                                QStringLiteral("ORD-P%1").arg(i), QStringLiteral("P%1").arg(i), t - 3600000, t - 3600000);
                }
                return true;
            });
            CampaignRules rules;
            rules.dialer.callsPerSecond = 20;
            rules.dialer.maxConcurrentCalls = 1000;
            rules.dialer.inboundReserve = 60;
            CampaignSettings(*db).saveRules(rules, kNow);
        }
        fakes::FakeTwilio twilio(QStringLiteral("ACbench"), QStringLiteral("token"));
        twilio.listen();
        QProcess serve;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"), QStringLiteral("ACbench"));
        env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), QStringLiteral("token"));
        env.insert(QStringLiteral("TWILIO_FROM_NUMBER"), QStringLiteral("+14155550100"));
        env.insert(QStringLiteral("TWILIO_API_BASE"), twilio.url().toString());
        env.insert(QStringLiteral("RINGSIDE_PUBLIC_URL"), QStringLiteral("https://voice.example.com"));
        serve.setProcessEnvironment(env);
        serve.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // Campaigns paused until the callers are on the line, so the pace is measured under load.
        {
            auto db = Database::open(path, nullptr);
            CampaignSettings(*db).pause(kCod, kNow);
        }
        serve.start(QStringLiteral(RINGSIDE_BINARY_DIR "/bin/ringside-engine"),
                    { QStringLiteral("serve"), QStringLiteral("--db"), path, QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--now"),
                      kNow.toString(Qt::ISODate), QStringLiteral("--no-stt"), QStringLiteral("--allow-text") });
        QByteArray out;
        static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        while (!listening.match(QString::fromUtf8(out)).hasMatch() && serve.state() != QProcess::NotRunning) {
            serve.waitForReadyRead(200);
            out += serve.readAllStandardOutput();
        }
        const QString port = listening.match(QString::fromUtf8(out)).captured(1);
        if (port.isEmpty()) {
            state.SkipWithError("serve did not start");
            return;
        }
        telephony::LoadGenerator::Config config;
        config.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/twilio/media").arg(port));
        config.calls = liveCalls;
        config.durationSeconds = seconds;
        config.rampMs = 20;
        config.streamSecret = "token";
        config.texts = { QStringLiteral("where is my order"), QStringLiteral("my order number is O R D 4 8 2 9 1 3") };
        telephony::LoadGenerator generator(config);
        QEventLoop loop;
        QObject::connect(&generator, &telephony::LoadGenerator::finished, &loop, &QEventLoop::quit);
        // Two seconds after the callers are connected, the campaign resumes and the dialer starts.
        QTimer::singleShot(liveCalls * 20 + 2000, &loop, [&] {
            if (!dialing)
                return;
            auto db = Database::open(path, nullptr);
            CampaignSettings(*db).resume(kCod);
        });
        generator.start();
        loop.exec();
        serve.terminate();
        serve.waitForFinished(15000);

        QList<qint64> posts;
        for (const fakes::RecordedRequest &r : twilio.http().requests())
            if (r.method == "POST")
                posts << r.receivedAtMs;
        const telephony::LoadReport &r = generator.report();
        state.counters["live_calls"] = liveCalls;
        state.counters["answered"] = r.answered;
        state.counters["late_frames"] = double(r.lateFrames);           // heard late by the callers (this process)
        state.counters["gateway_late_frames"] = double(r.gatewayLateFrames); // left serve late (serve's own count)
        state.counters["gateway_frames_sent"] = double(r.gatewayFramesSent);
        state.counters["sender_stalls"] = double(r.senderStalls);       // this process fell behind its own pace
        state.counters["gap_ms"] = double(r.gapMs);
        state.counters["placed"] = double(posts.size());
        if (posts.size() > 1) {
            // Calls per second over the stretch the dialer was placing, and the slowest second.
            const double span = double(posts.last() - posts.first()) / 1000.0;
            state.counters["placed_per_s"] = span > 0 ? double(posts.size() - 1) / span : 0;
            QMap<qint64, int> perSecond;
            for (qint64 t : posts)
                ++perSecond[(t - posts.first()) / 1000];
            int slowest = INT_MAX;
            for (auto it = perSecond.cbegin(); it != perSecond.cend(); ++it)
                if (it.key() < perSecond.lastKey())
                    slowest = std::min(slowest, it.value());
            state.counters["slowest_full_second"] = slowest == INT_MAX ? 0 : slowest;
        }
        state.counters["engine_cpu_pct"] = r.engineCpuPercent;
    }
}

} // namespace

BENCHMARK(BM_DecideQueued)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_DecideQueuedBatch)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ClaimAndDecide)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_ListJson)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ListPageJson)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(20);
BENCHMARK(BM_ListCommand)->Args({ 100000, 0 })->Args({ 100000, 1 })->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_PaceWithLiveCalls)->Args({ 50, 20, 0 })->Args({ 50, 20, 1 })->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
