// One console view across three `serve` processes on one PostgreSQL (docs/scale-out.md "One
// console view"): a console attached to one engine sees the calls of all three — started and
// ended once each, also in the snapshot of a console that joins late — takes over and speaks on
// a call another engine holds (the caller hears it), and an escalation accepted at once from
// consoles on two engines is won once. Registered against PostgreSQL only (label postgres).
#include "campaignfixture.h"
#include "enginerun.h"
#include "../telephony/gatewayfixture.h"

#include "telephony/standincaller.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QWebSocket>

#include <array>
#include <csignal>
#include <memory>

using namespace ringside;
using namespace ringside::test;
using telephony::StandInCaller;

namespace {

// 100 text calls per engine (RINGSIDE_ONECONSOLE_CALLS overrides the total, for measuring).
int totalCalls()
{
    const int n = qEnvironmentVariableIntValue("RINGSIDE_ONECONSOLE_CALLS");
    return n > 0 ? n - n % 3 : 300;
}
constexpr int kCallSeconds = 15;
const QByteArray kSecret = QByteArrayLiteral("one-console-secret");

// A console on /monitor that keeps every message (the telephony tests' MonitorClient).
class Console : public MonitorClient
{
public:
    bool open(quint16 port, const QString &name)
    {
        return MonitorClient::open(QUrl(QStringLiteral("ws://127.0.0.1:%1/monitor?operator=%2").arg(port).arg(name)));
    }
    // No name: the engine gives one (in the snapshot's "operator").
    bool openAnonymous(quint16 port) { return MonitorClient::open(QUrl(QStringLiteral("ws://127.0.0.1:%1/monitor").arg(port))); }
    // Longer than one engine's defaults: events cross the database between three busy engines.
    json waitFor(const std::function<bool(const json &)> &pred, int ms = 10000, std::size_t from = 0) { return MonitorClient::waitFor(pred, ms, from); }
    json reply(const QString &id, int ms = 10000) { return MonitorClient::reply(id, ms); }
};

bool isType(const json &m, const char *type) { return stringAt(m, "type") == QLatin1String(type); }

} // namespace

class TestOneConsoleView : public QObject
{
    Q_OBJECT

    CampaignStore m_store;
    std::array<std::unique_ptr<QProcess>, 3> m_serves;
    std::array<quint16, 3> m_ports{};

    // Starts `serve` on the shared database and returns its port (0 when it did not come up).
    static quint16 startServe(QProcess &p, const QString &db)
    {
        p.setProcessEnvironment(engineEnvironment(QString(), { { QStringLiteral("RINGSIDE_STREAM_SECRET"), QString::fromLatin1(kSecret) } }));
        p.start(kEngine, { QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--workers"),
                           QStringLiteral("1"), QStringLiteral("--no-stt"), QStringLiteral("--allow-text"), QStringLiteral("--no-campaigns") });
        static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QByteArray out;
        QRegularExpressionMatch m;
        (void)QTest::qWaitFor([&] {
            out += p.readAllStandardOutput();
            m = listening.match(QString::fromUtf8(out));
            return m.hasMatch() || p.state() == QProcess::NotRunning;
        }, 30000);
        return m.hasMatch() ? quint16(m.captured(1).toUInt()) : 0;
    }

    StandInCaller *dial(quint16 port, const QString &sid, std::vector<std::unique_ptr<StandInCaller>> &keep)
    {
        StandInCaller::Config c;
        c.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/twilio/media").arg(port));
        c.streamSid = QStringLiteral("MZ") + sid;
        c.callSid = QStringLiteral("CA") + sid;
        c.from = QStringLiteral("+919812345678");
        c.to = QStringLiteral("+918000000000");
        c.streamSecret = kSecret;
        keep.push_back(std::make_unique<StandInCaller>(c));
        keep.back()->dial(true);
        return keep.back().get();
    }

private slots:
    void initTestCase()
    {
        // Started together: they migrate one at a time and each asks the others for their calls.
        for (auto &p : m_serves)
            p = std::make_unique<QProcess>();
        for (std::size_t i = 0; i < m_serves.size(); ++i) {
            m_ports[i] = startServe(*m_serves[i], m_store.path());
            QVERIFY2(m_ports[i] != 0, m_serves[i]->readAllStandardError().constData());
        }
    }

    void cleanupTestCase()
    {
        for (auto &p : m_serves) {
            if (!p || p->state() == QProcess::NotRunning)
                continue;
            ::kill(pid_t(p->processId()), SIGCONT);
            p->terminate();
            QVERIFY(QTest::qWaitFor([&] { return p->state() == QProcess::NotRunning; }, 30000));
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, p->readAllStandardError().right(3000).constData());
        }
    }

    void everyCallOfEveryEngineOnOneConsole()
    {
        const int calls = totalCalls();
        Console console;
        QVERIFY(console.open(m_ports[0], QStringLiteral("asha")));
        QVERIFY(console.waitFor([](const json &m) { return isType(m, "snapshot"); }).is_object());

        QTemporaryDir dir;
        QFile turns(dir.filePath(QStringLiteral("turns.txt")));
        QVERIFY(turns.open(QIODevice::WriteOnly));
        turns.write("hello\nwhere is my order\n");
        turns.close();
        QElapsedTimer wall;
        wall.start();
        std::array<std::unique_ptr<QProcess>, 3> loads;
        for (std::size_t i = 0; i < loads.size(); ++i) {
            loads[i] = std::make_unique<QProcess>();
            loads[i]->setProcessEnvironment(engineEnvironment(QString(), { { QStringLiteral("RINGSIDE_STREAM_SECRET"), QString::fromLatin1(kSecret) } }));
            loads[i]->start(kEngine, { QStringLiteral("loadgen"), QStringLiteral("--url"), QStringLiteral("ws://127.0.0.1:%1/twilio/media").arg(m_ports[i]),
                                       QStringLiteral("--calls"), QString::number(calls / 3), QStringLiteral("--duration"), QString::number(kCallSeconds),
                                       QStringLiteral("--text"), turns.fileName(), QStringLiteral("--ramp"), QStringLiteral("20"), QStringLiteral("--json") });
        }
        // While every call is up, a console joining another engine sees them all in its snapshot.
        auto live = [&] {
            QSet<QString> up;
            for (const json &m : console.messages) {
                if (isType(m, "call_started"))
                    up.insert(stringAt(m["call"], "call_id"));
                else if (isType(m, "call_ended"))
                    up.remove(stringAt(m, "call_id"));
            }
            return up;
        };
        int maxLive = 0;
        QVERIFY2(QTest::qWaitFor([&] {
            maxLive = std::max(maxLive, int(live().size()));
            return maxLive >= calls;
        }, 40000), qPrintable(QStringLiteral("at most %1 of %2 calls live at once on the console").arg(maxLive).arg(calls)));
        Console late;
        QVERIFY(late.open(m_ports[1], QStringLiteral("bala")));
        const json snapshot = late.waitFor([](const json &m) { return isType(m, "snapshot"); });
        QVERIFY(snapshot.is_object());
        QSet<QString> engines;
        for (const json &c : snapshot["calls"])
            engines.insert(stringAt(c, "engine"));
        qInfo("late console's snapshot on engine 2: %d calls, from %lld other engines", int(snapshot["calls"].size()), qsizetype(engines.size() - (engines.contains(QString()) ? 1 : 0)));
        QVERIFY2(int(snapshot["calls"].size()) >= calls - 3, qPrintable(QStringLiteral("%1 calls in the snapshot").arg(snapshot["calls"].size())));
        QVERIFY(engines.contains(QString())); // its own calls, untagged
        QCOMPARE(int(engines.size()), 3);          // and both others'

        int dialled = 0;
        for (auto &p : loads) {
            QVERIFY(QTest::qWaitFor([&] { return p->state() == QProcess::NotRunning; }, 60000));
            const QByteArray out = p->readAllStandardOutput();
            // Not its exit code: loadgen exits 1 when no caller heard the agent within the call, which
            // on a loaded 2-core machine (a whole ctest -j2 beside three engines) can happen to one
            // engine's 100 calls. The calls themselves must all have been carried, not dropped.
            QVERIFY2(p->exitStatus() == QProcess::NormalExit, QByteArray(out.right(1500) + p->readAllStandardError().right(1500)).constData());
            const json report = json::parse(out.toStdString(), nullptr, false);
            QVERIFY(report.is_object());
            qInfo("loadgen on engine %d: %d calls, %d answered, %lld frames heard, turn p95 %d ms", int(&p - &loads[0]) + 1, report.value("calls", 0),
                  report.value("answered", 0), report.value("frames_received", qint64(0)), report["turn_latency_ms"].value("p95", -1));
            QCOMPARE(report.value("calls", 0), calls / 3);
            QCOMPARE(report.value("dropped_calls", -1), 0);
            dialled += report.value("calls", 0) + report.value("calls_ended_by_script", 0);
        }
        // Every call that started ends on the console, each announced exactly once either way.
        QVERIFY2(QTest::qWaitFor([&] { return live().isEmpty(); }, 30000), qPrintable(QStringLiteral("%1 calls never ended on the console").arg(live().size())));
        QHash<QString, int> started, ended;
        QSet<QString> tags;
        for (const json &m : console.messages) {
            if (isType(m, "call_started")) {
                ++started[stringAt(m["call"], "call_id")];
                tags.insert(stringAt(m["call"], "engine_address"));
            } else if (isType(m, "call_ended")) {
                ++ended[stringAt(m, "call_id")];
            }
        }
        qInfo("%d calls over three engines, %d seen live at once on one console; %.1f s wall", dialled, maxLive, wall.elapsed() / 1000.0);
        QCOMPARE(int(started.size()), dialled);
        QCOMPARE(int(ended.size()), dialled);
        for (auto it = started.cbegin(); it != started.cend(); ++it) {
            QCOMPARE(it.value(), 1);
            QCOMPARE(ended.value(it.key()), 1);
        }
        // Other engines' calls carry the address to listen at (docs/scale-out.md): both others'.
        QVERIFY(tags.contains(QStringLiteral("http://127.0.0.1:%1").arg(m_ports[1])));
        QVERIFY(tags.contains(QStringLiteral("http://127.0.0.1:%1").arg(m_ports[2])));
    }

    void takeOverACallHeldByAnotherEngine()
    {
        Console console;
        QVERIFY(console.open(m_ports[0], QStringLiteral("asha")));
        std::vector<std::unique_ptr<StandInCaller>> callers;
        StandInCaller *caller = dial(m_ports[2], QStringLiteral("remote1"), callers);
        const json started = console.waitFor([](const json &m) { return isType(m, "call_started") && stringAt(m["call"], "call_id") == QLatin1String("CAremote1"); }, 30000);
        QVERIFY2(started.is_object(), "the call on engine 3 never showed on engine 1's console");
        const QString callId = QStringLiteral("CAremote1");
        QVERIFY(console.waitFor([&](const json &m) { return isCallEvent(m, callId, "agent"); }).is_object()); // the greeting, relayed

        // Listening goes to the holding engine itself: the answer says where.
        const json listen = console.reply(console.send({ { "command", "listen" }, { "call_id", callId }, { "on", true } }));
        QCOMPARE(stringAt(listen, "code"), QStringLiteral("other_engine"));
        QVERIFY(stringAt(listen, "message").contains(QStringLiteral("127.0.0.1:%1").arg(m_ports[2])));

        const qint64 clearsBefore = caller->stats().clears;
        const json taken = console.reply(console.send({ { "command", "takeover" }, { "call_id", callId } }));
        QCOMPARE(stringAt(taken, "type"), QStringLiteral("ack"));
        QCOMPARE(stringAt(taken, "call_id"), callId);
        QVERIFY(QTest::qWaitFor([&] { return caller->stats().clears > clearsBefore; }, 5000)); // the AI stopped mid-sentence
        QVERIFY(console.waitFor([&](const json &m) { return isType(m, "call_state") && stringAt(m, "call_id") == callId && stringAt(m, "operator") == QLatin1String("asha"); })
                        .is_object());

        const std::size_t mark = console.messages.size();
        const qint64 framesBefore = caller->stats().mediaFramesReceived;
        const json said = console.reply(console.send({ { "command", "say" }, { "call_id", callId }, { "text", "Hello, this is Asha from the store." } }));
        QCOMPARE(stringAt(said, "type"), QStringLiteral("ack"));
        const json spoken = console.waitFor([&](const json &m) { return isCallEvent(m, callId, "agent"); }, 10000, mark);
        QVERIFY(stringAt(spoken["event"], "text").contains(QLatin1String("Asha")));
        QVERIFY(QTest::qWaitFor([&] { return caller->stats().mediaFramesReceived > framesBefore + 10; }, 5000)); // the caller hears it

        // Another operator on a third engine may not speak on it.
        Console other;
        QVERIFY(other.open(m_ports[1], QStringLiteral("bala")));
        const json refused = other.reply(other.send({ { "command", "say" }, { "call_id", callId }, { "text", "hi" } }));
        QCOMPARE(stringAt(refused, "code"), QStringLiteral("taken_over"));

        const json ended = console.reply(console.send({ { "command", "end" }, { "call_id", callId } }));
        QCOMPARE(stringAt(ended, "type"), QStringLiteral("ack"));
        QVERIFY(console.waitFor([&](const json &m) { return isType(m, "call_ended") && stringAt(m, "call_id") == callId; }).is_object());
    }

    void anonymousConsolesOfTwoEnginesAreNotOneOperator()
    {
        // A take-over forwarded to the holding engine is matched by operator name, so the names
        // engines give consoles that named nobody must differ across engines.
        Console first;
        QVERIFY(first.openAnonymous(m_ports[0]));
        Console holderSide;
        QVERIFY(holderSide.openAnonymous(m_ports[2]));
        const json a = first.waitFor([](const json &m) { return isType(m, "snapshot"); });
        const json b = holderSide.waitFor([](const json &m) { return isType(m, "snapshot"); });
        const QString nameA = stringAt(a, "operator");
        const QString nameB = stringAt(b, "operator");
        QVERIFY2(nameA.startsWith(QLatin1String("operator-")) && nameB.startsWith(QLatin1String("operator-")), qPrintable(nameA + QLatin1Char(' ') + nameB));
        QVERIFY2(nameA != nameB, qPrintable(nameA));

        std::vector<std::unique_ptr<StandInCaller>> callers;
        dial(m_ports[2], QStringLiteral("anon1"), callers);
        const QString callId = QStringLiteral("CAanon1");
        QVERIFY(first.waitFor([&](const json &m) { return isType(m, "call_started") && stringAt(m["call"], "call_id") == callId; }, 30000).is_object());
        const json taken = first.reply(first.send({ { "command", "takeover" }, { "call_id", callId } }));
        QCOMPARE(stringAt(taken, "type"), QStringLiteral("ack"));
        QVERIFY(first.waitFor([&](const json &m) { return isType(m, "call_state") && stringAt(m, "call_id") == callId && stringAt(m, "operator") == nameA; })
                        .is_object());
        // The holding engine's own anonymous console is someone else.
        const json refused = holderSide.reply(holderSide.send({ { "command", "say" }, { "call_id", callId }, { "text", "hi" } }));
        QCOMPARE(stringAt(refused, "code"), QStringLiteral("taken_over"));
        // The first console reaching the holding engine under the name it was given (as the
        // console's direct connection does) is the operator there.
        Console direct;
        QVERIFY(direct.open(m_ports[2], nameA));
        const json said = direct.reply(direct.send({ { "command", "say" }, { "call_id", callId }, { "text", "Hello from the store." } }));
        QCOMPARE(stringAt(said, "type"), QStringLiteral("ack"));
        QCOMPARE(stringAt(first.reply(first.send({ { "command", "end" }, { "call_id", callId } })), "type"), QStringLiteral("ack"));
    }

    void escalationAcceptedOnTwoEnginesIsWonOnce()
    {
        Console asha, bala;
        QVERIFY(asha.open(m_ports[0], QStringLiteral("asha")));
        QVERIFY(bala.open(m_ports[1], QStringLiteral("bala")));
        std::vector<std::unique_ptr<StandInCaller>> callers;
        StandInCaller *caller = dial(m_ports[2], QStringLiteral("escalate1"), callers);
        const QString callId = QStringLiteral("CAescalate1");
        QVERIFY(asha.waitFor([&](const json &m) { return isCallEvent(m, callId, "agent"); }).is_object());
        caller->sayText(QStringLiteral("I want to talk to a human"));
        // Both consoles see it queued, with the engine that holds it.
        for (Console *c : { &asha, &bala }) {
            const json queued = c->waitFor([&](const json &m) {
                if (!isType(m, "queue"))
                    return false;
                for (const json &e : m["entries"])
                    if (stringAt(e, "call_id") == callId)
                        return true;
                return false;
            });
            QVERIFY2(queued.is_object(), "the escalation never reached a console's queue");
        }
        const QString a = asha.send({ { "command", "accept" }, { "call_id", callId } });
        const QString b = bala.send({ { "command", "accept" }, { "call_id", callId } });
        const json ra = asha.reply(a);
        const json rb = bala.reply(b);
        QVERIFY(ra.is_object() && rb.is_object());
        const bool ashaWon = stringAt(ra, "type") == QLatin1String("ack");
        const bool balaWon = stringAt(rb, "type") == QLatin1String("ack");
        QVERIFY2(ashaWon != balaWon, qPrintable(QStringLiteral("asha: %1, bala: %2").arg(QString::fromStdString(ra.dump()), QString::fromStdString(rb.dump()))));
        QCOMPARE(stringAt(ashaWon ? rb : ra, "code"), QStringLiteral("already_accepted"));
        for (Console *c : { &asha, &bala }) {
            const json won = c->waitFor([&](const json &m) { return isType(m, "escalation_accepted") && stringAt(m, "call_id") == callId; });
            QCOMPARE(stringAt(won, "operator"), ashaWon ? QStringLiteral("asha") : QStringLiteral("bala"));
            QTest::qWait(200);
            QCOMPARE(c->count([&](const json &m) { return isType(m, "escalation_accepted") && stringAt(m, "call_id") == callId; }), 1);
        }
        caller->hangUp();
        QVERIFY(asha.waitFor([&](const json &m) { return isType(m, "call_ended") && stringAt(m, "call_id") == callId; }).is_object());
    }

    void anEngineThatDoesNotAnswerTimesOutClearly()
    {
        Console console;
        QVERIFY(console.open(m_ports[0], QStringLiteral("asha")));
        std::vector<std::unique_ptr<StandInCaller>> callers;
        StandInCaller *caller = dial(m_ports[2], QStringLiteral("frozen1"), callers);
        const QString callId = QStringLiteral("CAfrozen1");
        QVERIFY(console.waitFor([&](const json &m) { return isCallEvent(m, callId, "agent"); }).is_object());
        // The holding engine stops answering (SIGSTOP) while holding the call.
        ::kill(pid_t(m_serves[2]->processId()), SIGSTOP);
        QElapsedTimer t;
        t.start();
        const json r = console.reply(console.send({ { "command", "whisper" }, { "call_id", callId }, { "text", "offer a refund" } }), 15000);
        ::kill(pid_t(m_serves[2]->processId()), SIGCONT);
        QCOMPARE(stringAt(r, "code"), QStringLiteral("engine_unreachable"));
        QVERIFY2(stringAt(r, "message").contains(QLatin1String("did not answer")), qPrintable(stringAt(r, "message")));
        QVERIFY(t.elapsed() >= 4500);
        caller->hangUp();
        QVERIFY(console.waitFor([&](const json &m) { return isType(m, "call_ended") && stringAt(m, "call_id") == callId; }, 15000).is_object());
    }

    void aLateEngineSeesLiveCallsAndForgetsADeadOnesCalls()
    {
        std::vector<std::unique_ptr<StandInCaller>> callers;
        Console console;
        QVERIFY(console.open(m_ports[0], QStringLiteral("asha")));
        dial(m_ports[2], QStringLiteral("before1"), callers);
        QVERIFY(console.waitFor([](const json &m) { return isType(m, "call_started") && stringAt(m["call"], "call_id") == QLatin1String("CAbefore1"); }).is_object());

        // A fourth engine started now learns the call that began before it (engine_snapshot).
        QProcess fourth;
        const quint16 port = startServe(fourth, m_store.path());
        QVERIFY2(port != 0, fourth.readAllStandardError().constData());
        auto snapshotHas = [&](Console &c, const QString &id) {
            const json snap = c.waitFor([](const json &m) { return isType(m, "snapshot"); });
            for (const json &call : snap.value("calls", json::array()))
                if (stringAt(call, "call_id") == id)
                    return true;
            return false;
        };
        bool seen = false;
        QVERIFY(QTest::qWaitFor([&] {
            Console late;
            seen = late.open(port, QStringLiteral("chitra")) && snapshotHas(late, QStringLiteral("CAbefore1"));
            return seen;
        }, 10000));

        // The fourth engine dies holding a call (kill -9). Once it is marked dead — by whichever
        // dialer finds its beat too old first; here the test marks it — the others' consoles drop its call.
        dial(port, QStringLiteral("orphan1"), callers);
        QVERIFY(console.waitFor([](const json &m) { return isType(m, "call_started") && stringAt(m["call"], "call_id") == QLatin1String("CAorphan1"); }).is_object());
        const qint64 pid = fourth.processId();
        fourth.kill();
        QVERIFY(fourth.waitForFinished(5000));
        QCOMPARE(m_store.count(QStringLiteral("SELECT COUNT(*) FROM engines WHERE state = 'running' AND pid = %1").arg(pid)), qint64(1));
        execOrThrow(m_store.db->connection(), QStringLiteral("UPDATE engines SET state = 'dead' WHERE pid = ?"), pid);
        const json lost = console.waitFor([](const json &m) { return isType(m, "call_ended") && stringAt(m, "call_id") == QLatin1String("CAorphan1"); }, 10000);
        QVERIFY2(lost.is_object(), "the dead engine's call stayed on the console");
        QCOMPARE(lost.value("engine_lost", false), true);
        // Every engine checks on its own every few seconds: engine 2 forgets it too, and only it.
        QVERIFY(QTest::qWaitFor([&] {
            Console after;
            return after.open(m_ports[1], QStringLiteral("bala")) && !snapshotHas(after, QStringLiteral("CAorphan1"));
        }, 10000));
        Console after;
        QVERIFY(after.open(m_ports[1], QStringLiteral("bala")));
        QVERIFY(snapshotHas(after, QStringLiteral("CAbefore1")));
        callers.front()->hangUp();
        QVERIFY(console.waitFor([](const json &m) { return isType(m, "call_ended") && stringAt(m, "call_id") == QLatin1String("CAbefore1"); }).is_object());
    }
};

QTEST_GUILESS_MAIN(TestOneConsoleView)
#include "tst_oneconsoleview.moc"
