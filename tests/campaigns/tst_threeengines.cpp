// Three `serve` processes on one PostgreSQL dial a campaign of 1,000 COD calls on the fake Twilio;
// one of them is killed with SIGKILL mid-campaign while it holds claimed calls it has not placed.
// The other two find it dead (its heartbeat stops), take its leases over, ask Twilio about each and
// place what is missing. Twilio's side plays every call out: it rings, nobody answers, and the
// signed "no-answer" callback reaches whichever engine the load balancer picks (of the two that stay up). Every call is
// placed exactly once, every attempt ends with its call record. Registered against PostgreSQL only
// (label postgres): several engines on several hosts is what PostgreSQL is for.
#include "campaignfixture.h"
#include "enginerun.h"
#include "faketwilio.h"

#include "storage/engineregistry.h"
#include "telephony/twilioweb.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTimer>

#include <array>
#include <memory>

using namespace ringside;
using namespace ringside::test;
using ringside::fakes::FakeTwilio;

namespace {

constexpr int kCalls = 1000;
// A dead engine is found after 24 s instead of 45 s (RINGSIDE_ENGINE_DEAD_AFTER_MS; the
// campaign's lease is the shortest allowed, 60 s, so its 15 s send margin fits inside it).
const QString kDeadAfterMs = QStringLiteral("24000");
// Each engine sends up to this many calls a second: a campaign of 1,000 takes about a minute.
constexpr int kCallsPerSecondPerEngine = 10;
constexpr int kRingMs = 1000;     // from Twilio's 201 to its final callback
constexpr int kKillAfterPlaced = 300;

// Twilio's side of the calls it was asked to make: each rings for kRingMs, nobody answers, and the
// signed final callback is POSTed to its StatusCallback — delivered, as a load balancer would, to
// the next of the engines it fronts (the URL the engines gave is the shared public one; the
// signature is over it). An engine that refuses the connection gets the callback's next try on another.
class TwilioCallbacks : public QObject
{
public:
    TwilioCallbacks(FakeTwilio &twilio, QObject *parent = nullptr) : QObject(parent), m_twilio(twilio)
    {
        connect(&m_timer, &QTimer::timeout, this, &TwilioCallbacks::tick);
        m_timer.start(100);
        m_clock.start();
    }

    void setEngines(const QList<quint16> &ports) { m_ports = ports; }
    int delivered() const { return m_delivered; }
    int retried() const { return m_retried; }

private:
    void tick()
    {
        const QList<FakeTwilio::Call> &calls = m_twilio.calls();
        while (m_seen.size() < calls.size())
            m_seen.push_back(m_clock.elapsed());
        for (; m_next < calls.size() && m_clock.elapsed() - m_seen.at(m_next) >= kRingMs; ++m_next) {
            m_twilio.setStatus(calls.at(m_next).sid, QStringLiteral("no-answer"));
            post(calls.at(m_next), 0);
        }
    }

    void post(const FakeTwilio::Call &call, int attempt)
    {
        if (m_ports.isEmpty() || attempt > 10)
            return;
        const quint16 port = m_ports.at(m_turn++ % m_ports.size());
        const QUrl publicUrl(call.statusCallback);
        QUrl target = publicUrl;
        target.setScheme(QStringLiteral("http"));
        target.setHost(QStringLiteral("127.0.0.1"));
        target.setPort(port);
        const telephony::FormFields fields{ { QStringLiteral("AccountSid"), kAccount },      { QStringLiteral("CallSid"), call.sid },
                                            { QStringLiteral("CallStatus"), QStringLiteral("no-answer") },
                                            { QStringLiteral("SequenceNumber"), QStringLiteral("2") },
                                            { QStringLiteral("CallDuration"), QStringLiteral("0") }, { QStringLiteral("To"), call.to },
                                            { QStringLiteral("From"), call.from },            { QStringLiteral("Direction"), QStringLiteral("outbound-api") } };
        QNetworkRequest request(target);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        request.setRawHeader("X-Twilio-Signature", telephony::twilioSignature(kToken.toUtf8(), call.statusCallback, fields));
        QNetworkReply *reply = m_network.post(request, telephony::encodeForm(fields));
        connect(reply, &QNetworkReply::finished, this, [this, reply, call, attempt] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
                ++m_delivered;
                return;
            }
            ++m_retried;
            post(call, attempt + 1);
        });
    }

    FakeTwilio &m_twilio;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QList<qint64> m_seen; // when each call was made (ms on m_clock)
    qsizetype m_next = 0;
    QList<quint16> m_ports;
    int m_turn = 0;
    int m_delivered = 0;
    int m_retried = 0;
};

} // namespace

class TestThreeEngines : public QObject
{
    Q_OBJECT
private slots:
    void killNineMidCampaignPlacesEveryCallOnce()
    {
        QElapsedTimer wall;
        wall.start();
        CampaignStore s;
        const QDateTime t0 = at("2026-11-26T12:00:00+05:30");
        FakeTwilio twilio(kAccount, kToken);
        QVERIFY(twilio.listen());
        twilio.setClock(t0);
        TwilioCallbacks callbacks(twilio);
        for (int i = 0; i < kCalls; ++i) {
            const QString customer = QStringLiteral("C-E%1").arg(i);
            s.customer(customer, QStringLiteral("+91982%1").arg(1000000 + i), QStringLiteral("Goa"), QStringLiteral("IN"),
                       QStringLiteral("Asia/Kolkata"));
            s.codOrder(QStringLiteral("ORD-E%1").arg(i), customer, t0.addSecs(-3600));
        }
        // One attempt per order (a no-answer ends its chain, so each order is called once), lines
        // enough for every call ringing at once, and a pace at which each engine claims a handful
        // a second and places them one by one, so the victim holds claimed, unplaced calls when it dies.
        const QString rules = s.dir.filePath(QStringLiteral("rules.json"));
        QFile f(rules);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(R"({"cod":{"maxAttempts":1},"dialer":{"callsPerSecond":%1,"leaseSeconds":60,"maxConcurrentCalls":200}})")
                        .arg(kCallsPerSecondPerEngine)
                        .toUtf8());
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
        quint16 victimPort = 0;
        QList<quint16> ports;
        for (const EngineInfo &e : EngineRegistry(*s.db).engines()) {
            const quint16 port = quint16(QUrl(e.address).port());
            QVERIFY2(port > 0, qPrintable(e.address));
            ports << port;
            if (e.pid == serves[0]->processId()) {
                victim = e.id;
                victimPort = port;
            }
        }
        QVERIFY(!victim.isEmpty());
        // The callbacks go to the two engines that stay up, for the victim's calls too. An engine
        // answers a callback before applying it (CampaignService::statusRoute), so one the victim
        // took just before its kill would be found only by the stale-call lookup, minutes later
        // (rules.dialer.staleMinutes) — longer than this test waits.
        ports.removeAll(victimPort);
        callbacks.setEngines(ports);

        const QString placedSql = QStringLiteral("SELECT COUNT(*) FROM scheduled_calls WHERE provider_call_id IS NOT NULL");
        // Polls the database a few times a second, not at every turn of the event loop.
        auto every250ms = [](const std::function<bool()> &check) {
            QElapsedTimer since;
            return [check, since]() mutable {
                if (since.isValid() && since.elapsed() < 250)
                    return false;
                since.start();
                return check();
            };
        };

        // Mid-campaign: the victim has placed calls and holds claimed ones it has not placed.
        const QString held = QStringLiteral("SELECT COUNT(*) FROM scheduled_calls WHERE status = 'dialing' AND provider_call_id IS NULL "
                                            "AND (lease_owner = '%1' OR lease_owner LIKE '%1#%')").arg(victim);
        const QString victimPlaced = QStringLiteral("SELECT COUNT(*) FROM campaign_events c WHERE c.kind = 'placed' AND (SELECT e.detail FROM campaign_events e "
                                                    "WHERE e.scheduled_call_id = c.scheduled_call_id AND e.kind IN ('claimed', 'lease_recovered') "
                                                    "AND e.id < c.id ORDER BY e.id DESC LIMIT 1) LIKE '%1%'");
        QVERIFY2(QTest::qWaitFor(every250ms([&] { return s.count(placedSql) >= kKillAfterPlaced && s.count(held) >= 2 && s.count(victimPlaced.arg(victim)) >= 1; }),
                                 60000),
                 qPrintable(QStringLiteral("%1 placed; the victim never held two unplaced calls").arg(s.count(placedSql))));
        QElapsedTimer sinceKill;
        sinceKill.start();
        serves[0]->kill();
        QVERIFY(serves[0]->waitForFinished(5000));
        QCOMPARE(serves[0]->exitStatus(), QProcess::CrashExit);
        const qint64 placedAtKill = s.count(placedSql);
        QSet<qint64> orphans; // claimed by the victim, not placed: only its death frees them before their leases run out
        {
            QSqlQuery q = execOrThrow(s.db->connection(), QStringLiteral("SELECT id FROM scheduled_calls WHERE status = 'dialing' AND provider_call_id IS NULL "
                                                                         "AND (lease_owner = ? OR lease_owner LIKE ?)"),
                                      victim, victim + QStringLiteral("#%"));
            while (q.next())
                orphans << q.value(0).toLongLong();
        }
        QVERIFY(!orphans.isEmpty());
        // An engine claims one pass's worth at its pace less what it still has waiting, so a dead
        // one leaves about that many (plus its requests in flight) — not a backlog that grew with
        // every pass its pacer fell behind (39 here before the claim counted what was waiting).
        QVERIFY2(orphans.size() <= 2 * (kCallsPerSecondPerEngine + 1), qPrintable(QStringLiteral("the victim held %1 unplaced calls").arg(orphans.size())));
        QStringList orphanIds;
        for (qint64 id : std::as_const(orphans))
            orphanIds << QString::number(id);
        const QString orphansPlaced = QStringLiteral("SELECT COUNT(*) FROM scheduled_calls WHERE provider_call_id IS NOT NULL AND id IN (%1)")
                                              .arg(orphanIds.join(QLatin1Char(',')));

        // Its leases are ended because it stopped beating, well before they would have run out
        // (60 s after their claim), and the others place them.
        QVERIFY2(QTest::qWaitFor(every250ms([&] { return s.count(orphansPlaced) == orphans.size(); }), 45000),
                 qPrintable(QStringLiteral("%1 of the victim's %2 unplaced calls placed").arg(s.count(orphansPlaced)).arg(orphans.size())));
        const double orphansTakenS = sinceKill.elapsed() / 1000.0;
        QCOMPARE(EngineRegistry(*s.db).byId(victim)->state, engine_state::dead);
        // Each was either ended as the dead engine's and taken over, or — when the victim's request
        // had reached Twilio before it died — adopted as the call Twilio has (asked, or told by
        // the call's status callback), never placed again.
        const QString orphanEvents = QStringLiteral("SELECT COUNT(DISTINCT scheduled_call_id) FROM campaign_events WHERE (%1) AND scheduled_call_id IN (%2)");
        const qint64 ended = s.count(orphanEvents.arg(QStringLiteral("kind = 'lease_ended' AND detail LIKE '%stopped beating'"), orphanIds.join(QLatin1Char(','))));
        const qint64 adopted = s.count(orphanEvents.arg(QStringLiteral("kind = 'adopted'"), orphanIds.join(QLatin1Char(','))));
        QCOMPARE(s.count(orphanEvents.arg(QStringLiteral("(kind = 'lease_ended' AND detail LIKE '%stopped beating') OR kind = 'adopted'"),
                                          orphanIds.join(QLatin1Char(',')))),
                 qint64(orphans.size()));
        QVERIFY(s.count(orphanEvents.arg(QStringLiteral("kind = 'lease_recovered'"), orphanIds.join(QLatin1Char(',')))) >= 1);

        // The two left finish the campaign, and every attempt ends: no answer, its own call record.
        const QString finishedSql = QStringLiteral("SELECT COUNT(*) FROM scheduled_calls WHERE status = 'done' AND record_pending = 0");
        QVERIFY2(QTest::qWaitFor(every250ms([&] { return s.count(finishedSql) == kCalls; }), 120000),
                 qPrintable(QStringLiteral("%1 of %2 calls placed, %3 finished").arg(s.count(placedSql)).arg(kCalls).arg(s.count(finishedSql))));
        const double campaignS = sinceKill.elapsed() / 1000.0;

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
        QCOMPARE(int(sids.size()), kCalls);
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM scheduled_calls")), qint64(kCalls));
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(DISTINCT provider_call_id) FROM scheduled_calls WHERE provider_call_id IS NOT NULL")), qint64(kCalls));
        QSet<QString> queued;
        {
            QSqlQuery q = execOrThrow(s.db->connection(), QStringLiteral("SELECT provider_call_id FROM scheduled_calls"));
            while (q.next())
                queued << q.value(0).toString();
        }
        QCOMPARE(queued, sids);
        // Every row's history says how it was placed, once.
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM (SELECT scheduled_call_id FROM campaign_events WHERE kind = 'placed' "
                                        "GROUP BY scheduled_call_id HAVING COUNT(*) = 1) once")),
                 qint64(kCalls));
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM campaign_events WHERE kind = 'placed'")), qint64(kCalls));
        // Every attempt has its call record: a no-answer COD call of its order, and the order unconfirmed.
        QCOMPARE(callbacks.delivered(), kCalls);
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM scheduled_calls q JOIN call_records r ON r.id = q.record_id "
                                        "WHERE q.outcome = 'no_answer' AND r.outcome = 'no_answer' AND r.use_case = 'cod_confirmation' "
                                        "AND r.order_id = q.order_id")),
                 qint64(kCalls));
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM call_records")), qint64(kCalls));
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM orders WHERE cod_confirmation = 'unconfirmed'")), qint64(kCalls));

        QStringList perEngine;
        for (const EngineInfo &e : EngineRegistry(*s.db).engines())
            perEngine << QStringLiteral("%1%2: %3").arg(e.id == victim ? QStringLiteral("victim ") : QString(), e.id).arg(s.count(victimPlaced.arg(e.id)));
        qInfo("%d calls placed once each, %lld of them before the kill; the victim's %lld unplaced calls (%lld ended as a dead engine's, %lld "
              "adopted from Twilio) placed by the others %.1f s after the kill, the campaign finished %.1f s after it; %.1f s in all. "
              "Placed per engine: %s",
              kCalls, placedAtKill, qint64(orphans.size()), ended, adopted, orphansTakenS, campaignS, wall.elapsed() / 1000.0,
              qPrintable(perEngine.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TestThreeEngines)
#include "tst_threeengines.moc"
