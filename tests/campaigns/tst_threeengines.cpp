// Three `serve` processes on one PostgreSQL dial one campaign on the fake Twilio; one of them is
// killed with SIGKILL while it holds claimed calls it has not placed. The other two find it dead
// (its heartbeat stops), take its leases over, ask Twilio about each and place what is missing:
// every call is placed exactly once and every queue row ends placed. Registered against
// PostgreSQL only (label postgres): several engines on several hosts is what PostgreSQL is for.
#include "campaignfixture.h"
#include "enginerun.h"
#include "faketwilio.h"

#include "storage/engineregistry.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>

#include <array>
#include <memory>

using namespace ringside;
using namespace ringside::test;
using ringside::fakes::FakeTwilio;

namespace {

constexpr int kCalls = 24;
// A dead engine is found after 24 s instead of 45 s (RINGSIDE_ENGINE_DEAD_AFTER_MS; the
// campaign's lease is the shortest allowed, 60 s, so its 15 s send margin fits inside it).
const QString kDeadAfterMs = QStringLiteral("24000");

} // namespace

class TestThreeEngines : public QObject
{
    Q_OBJECT
private slots:
    void killNineMidCampaignPlacesEveryCallOnce()
    {
        CampaignStore s;
        const QDateTime t0 = at("2026-11-26T12:00:00+05:30");
        FakeTwilio twilio(kAccount, kToken);
        QVERIFY(twilio.listen());
        twilio.setClock(t0);
        for (int i = 0; i < kCalls; ++i) {
            const QString customer = QStringLiteral("C-E%1").arg(i);
            s.customer(customer, QStringLiteral("+91982%1").arg(1000000 + i), QStringLiteral("Goa"), QStringLiteral("IN"),
                       QStringLiteral("Asia/Kolkata"));
            s.codOrder(QStringLiteral("ORD-E%1").arg(i), customer, t0.addSecs(-3600));
        }
        // One call a second per engine: each claims a couple a second and places one, so the
        // victim holds claimed, unplaced calls when it dies.
        const QString rules = s.dir.filePath(QStringLiteral("rules.json"));
        QFile f(rules);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"dialer":{"callsPerSecond":1,"leaseSeconds":60,"maxConcurrentCalls":200}})");
        f.close();
        QCOMPARE(runEngine({ QStringLiteral("campaigns"), QStringLiteral("rules"), QStringLiteral("--set"), rules, QStringLiteral("--db"), s.path() })
                         .exitCode,
                 0);

        const QProcessEnvironment env = engineEnvironment(twilio.url().toString(), { { QStringLiteral("RINGSIDE_ENGINE_DEAD_AFTER_MS"), kDeadAfterMs } });
        std::array<std::unique_ptr<QProcess>, 3> serves;
        for (auto &p : serves) {
            p = std::make_unique<QProcess>();
            p->setProcessEnvironment(env);
            p->start(kEngine, { QStringLiteral("serve"), QStringLiteral("--db"), s.path(), QStringLiteral("--port"), QStringLiteral("0"),
                                QStringLiteral("--now"), QStringLiteral("2026-11-26T12:00:00+05:30"), QStringLiteral("--workers"),
                                QStringLiteral("1"), QStringLiteral("--no-stt") });
        }
        for (auto &p : serves)
            QVERIFY(p->waitForStarted(10000));
        QVERIFY(QTest::qWaitFor([&] { return s.count(QStringLiteral("SELECT COUNT(*) FROM engines WHERE state = 'running'")) == 3; }, 20000));
        QString victim;
        for (const EngineInfo &e : EngineRegistry(*s.db).engines())
            if (e.pid == serves[0]->processId())
                victim = e.id;
        QVERIFY(!victim.isEmpty());

        // Mid-campaign: the victim has placed calls and holds claimed ones it has not placed.
        const QString held = QStringLiteral("SELECT COUNT(*) FROM scheduled_calls WHERE status = 'dialing' AND provider_call_id IS %1 NULL "
                                            "AND (lease_owner = '%2' OR lease_owner LIKE '%2#%')");
        QVERIFY2(QTest::qWaitFor([&] { return s.count(held.arg(QStringLiteral("NOT"), victim)) >= 1 && s.count(held.arg(QString(), victim)) >= 2; },
                                 30000),
                 "the victim never held a placed and two unplaced calls");
        QElapsedTimer sinceKill;
        sinceKill.start();
        serves[0]->kill();
        QVERIFY(serves[0]->waitForFinished(5000));
        QCOMPARE(serves[0]->exitStatus(), QProcess::CrashExit);
        const qint64 orphaned = s.count(held.arg(QString(), victim));
        QVERIFY(orphaned >= 1 || s.count(held.arg(QStringLiteral("NOT"), victim)) >= 1); // it died holding work

        // The others finish the campaign, the victim's share included, well before its 60 s leases run out.
        QVERIFY2(QTest::qWaitFor([&] { return s.count(QStringLiteral("SELECT COUNT(*) FROM scheduled_calls WHERE provider_call_id IS NOT NULL")) == kCalls; },
                                 45000),
                 qPrintable(QStringLiteral("%1 of %2 calls placed").arg(s.count(QStringLiteral("SELECT COUNT(*) FROM scheduled_calls WHERE provider_call_id IS NOT NULL"))).arg(kCalls)));
        qInfo("all %d calls placed %.1f s after the kill; the victim held %lld unplaced and %lld placed calls when it died", kCalls,
              sinceKill.elapsed() / 1000.0, orphaned, s.count(held.arg(QStringLiteral("NOT"), victim)));
        QCOMPARE(EngineRegistry(*s.db).byId(victim)->state, engine_state::dead);
        QVERIFY(s.count(QStringLiteral("SELECT COUNT(*) FROM campaign_events WHERE kind = 'lease_ended' AND detail LIKE '%stopped beating'")) >= 1);
        QVERIFY(s.count(QStringLiteral("SELECT COUNT(*) FROM campaign_events WHERE kind = 'lease_recovered'")) >= 1);

        for (int i = 1; i < 3; ++i) {
            serves[i]->terminate();
            QVERIFY(serves[i]->waitForFinished(30000));
            QVERIFY2(serves[i]->exitStatus() == QProcess::NormalExit && serves[i]->exitCode() == 0, serves[i]->readAllStandardError().constData());
        }
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM engines WHERE state = 'stopped'")), qint64(2));

        // Exactly once: one Twilio call per order, each recorded on its own queue row.
        QCOMPARE(twilio.createRequests(), kCalls);
        QCOMPARE(int(twilio.calls().size()), kCalls);
        QSet<QString> numbers, sids;
        for (const auto &c : twilio.calls()) {
            numbers << c.to;
            sids << c.sid;
        }
        QCOMPARE(int(numbers.size()), kCalls);
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM scheduled_calls")), qint64(kCalls));
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(DISTINCT provider_call_id) FROM scheduled_calls WHERE provider_call_id IS NOT NULL")), qint64(kCalls));
        for (const QString &sid : std::as_const(sids))
            QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM scheduled_calls WHERE provider_call_id = '%1'").arg(sid)), qint64(1));
        // Every row's history says how it was placed, once.
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM (SELECT scheduled_call_id FROM campaign_events WHERE kind = 'placed' "
                                        "GROUP BY scheduled_call_id HAVING COUNT(*) = 1) once")),
                 qint64(kCalls));
    }
};

QTEST_GUILESS_MAIN(TestThreeEngines)
#include "tst_threeengines.moc"
