// The campaign commands through the real binary against a fake Twilio REST API: what `campaigns
// list` shows, `run --once` placing each due call once with the exact request, skips with their
// reasons, pause/resume/cancel, the dnd commands, rules validation, a refused call, two dialers on
// one database, and kill -9 at each step of placing a call followed by a second dialer.
#include "campaignfixture.h"
#include "enginerun.h"
#include "faketwilio.h"

#include "campaigns/callqueue.h"
#include "storage/engineregistry.h"

#include <QFile>
#include <QUrlQuery>

using namespace ringside;
using namespace ringside::test;
using ringside::fakes::FakeTwilio;

namespace {

QStringList withDb(const CampaignStore &s, QStringList args)
{
    return args << QStringLiteral("--db") << s.path();
}

json callsOf(const EngineRun &r)
{
    const json doc = r.outJson();
    return doc.is_array() ? doc : json::array();
}

json onlyCall(const json &list, const QString &key, const QString &value)
{
    for (const json &c : list)
        if (stringAt(c, key.toUtf8().constData()) == value)
            return c;
    return json();
}

} // namespace

class TestCampaignsDialer : public QObject
{
    Q_OBJECT

private slots:
    void listShowsThePlanInTheCustomersTime()
    {
        CampaignStore s;
        s.codOrder(QStringLiteral("ORD-1"), QStringLiteral("C-PUNE"), at("2026-11-26T19:50:00+05:30"));
        const EngineRun r = runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("list"), QStringLiteral("--json"),
                                                  QStringLiteral("--now"), QStringLiteral("2026-11-26T19:55:00+05:30") }));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const json calls = callsOf(r);
        QCOMPARE(int(calls.size()), 1);
        const json c = calls[0];
        for (const char *key : { "id", "use_case", "agent", "order_id", "cart_id", "phone", "due_at", "attempt", "status", "reason", "outcome" })
            QVERIFY2(c.contains(key), key);
        QCOMPARE(stringAt(c, "use_case"), QStringLiteral("cod_confirmation"));
        QCOMPARE(stringAt(c, "agent"), QStringLiteral("cod-confirmation"));
        QCOMPARE(stringAt(c, "order_id"), QStringLiteral("ORD-1"));
        QCOMPARE(stringAt(c, "phone"), QStringLiteral("+919812345678"));
        QCOMPARE(stringAt(c, "due_at"), QStringLiteral("2026-11-27T10:00:00+05:30"));
        QCOMPARE(c.value("attempt", 0), 1);
        QCOMPARE(stringAt(c, "status"), QStringLiteral("scheduled"));
        QVERIFY(c["cart_id"].is_null());
        // Text: one line per call with the local due time; nothing planned twice.
        const EngineRun text = runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("list"), QStringLiteral("--now"),
                                                     QStringLiteral("2026-11-26T20:00:00+05:30") }));
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY(text.out.contains(QLatin1String("2026-11-27T10:00:00+05:30")));
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM scheduled_calls")), qint64(1));
    }

    void listPagesThroughALongQueue()
    {
        // Seven orders a minute apart: seven calls, due a minute apart (and one tie on the time).
        CampaignStore s;
        for (int i = 0; i < 6; ++i)
            s.codOrder(QStringLiteral("ORD-%1").arg(i), QStringLiteral("C-PUNE"), at("2026-11-26T12:00:00+05:30").addSecs(60 * i));
        s.codOrder(QStringLiteral("ORD-TIE"), QStringLiteral("C-CHN"), at("2026-11-26T12:02:00+05:30"));
        const QStringList base = withDb(s, { QStringLiteral("campaigns"), QStringLiteral("list"), QStringLiteral("--json"),
                                             QStringLiteral("--now"), QStringLiteral("2026-11-26T12:10:00+05:30") });
        const json all = callsOf(runEngine(base));
        QCOMPARE(int(all.size()), 7);
        // Pages of three, each starting after the last call of the one before, in the same order.
        std::vector<qint64> paged;
        QString after;
        for (int page = 0; page < 4; ++page) {
            QStringList args = base;
            args << QStringLiteral("--limit") << QStringLiteral("3") << QStringLiteral("--no-scan");
            if (!after.isEmpty())
                args << QStringLiteral("--after") << after;
            const EngineRun r = runEngine(args);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            const json calls = callsOf(r);
            for (const json &c : calls)
                paged.push_back(c.value("id", qint64(0)));
            // The next page is named on standard error while there is one.
            QCOMPARE(r.err.contains(QLatin1String("--after")), paged.size() < all.size());
            if (calls.empty() || paged.size() == all.size())
                break;
            after = QString::number(calls.back().value("id", qint64(0)));
            QVERIFY(r.err.contains(QStringLiteral("--after %1").arg(after)));
        }
        QCOMPARE(int(paged.size()), 7);
        for (std::size_t i = 0; i < paged.size(); ++i)
            QCOMPARE(paged[i], all[i].value("id", qint64(0)));
        // A call that is not there is named.
        const EngineRun missing = runEngine(QStringList(base) << QStringLiteral("--after") << QStringLiteral("99999"));
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QLatin1String("99999")));
    }

    void runOncePlacesEachDueCallOnce()
    {
        CampaignStore s;
        FakeTwilio twilio(kAccount, kToken);
        QVERIFY(twilio.listen());
        s.codOrder(QStringLiteral("ORD-1"), QStringLiteral("C-PUNE"), at("2026-11-26T19:50:00+05:30"));
        const QStringList run = withDb(s, { QStringLiteral("campaigns"), QStringLiteral("run"), QStringLiteral("--once"), QStringLiteral("--now"),
                                            QStringLiteral("2026-11-27T09:59:00+05:30") });
        EngineRun r = runEngine(run, twilio.url().toString());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(twilio.createRequests(), 0); // a minute early
        r = runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("run"), QStringLiteral("--once"), QStringLiteral("--now"),
                                  QStringLiteral("2026-11-27T10:00:00+05:30") }),
                      twilio.url().toString());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QCOMPARE(r.outJson().value("placed", 0), 1);
        QCOMPARE(twilio.createRequests(), 1);
        const FakeTwilio::Call &call = twilio.calls().at(0);
        QCOMPARE(call.to, QStringLiteral("+919812345678"));
        QCOMPARE(call.from, QStringLiteral("+14155550100"));
        const QUrl voice(call.url);
        QCOMPARE(voice.toString(QUrl::RemoveQuery), QStringLiteral("https://voice.example.com/twilio/voice"));
        const QUrlQuery q(voice);
        QCOMPARE(q.queryItemValue(QStringLiteral("agent")), QStringLiteral("cod-confirmation"));
        QCOMPARE(q.queryItemValue(QStringLiteral("direction")), QStringLiteral("outbound"));
        QCOMPARE(q.queryItemValue(QStringLiteral("order")), QStringLiteral("ORD-1"));
        QCOMPARE(q.queryItemValue(QStringLiteral("customer")), QStringLiteral("C-PUNE"));
        const auto row = campaigns::CallQueue(*s.db).attempts(QStringLiteral("cod:ORD-1")).front();
        QCOMPARE(call.statusCallback, QStringLiteral("https://voice.example.com/twilio/status?sc=%1").arg(row.id));
        QCOMPARE(call.form.value(QStringLiteral("StatusCallbackEvent")), QStringLiteral("initiated ringing answered completed"));
        QCOMPARE(call.form.value(QStringLiteral("Timeout")), QStringLiteral("30"));
        QVERIFY(!call.form.contains(QStringLiteral("MachineDetection")));
        QCOMPARE(row.providerCallId, call.sid); // recorded
        QCOMPARE(row.status, QStringLiteral("dialing"));
        // Again at the same instant: nothing more.
        r = runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("run"), QStringLiteral("--once"), QStringLiteral("--now"),
                                  QStringLiteral("2026-11-27T10:00:30+05:30") }),
                      twilio.url().toString());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(twilio.createRequests(), 1);
    }

    void skipsCarryTheirReason()
    {
        CampaignStore s;
        FakeTwilio twilio(kAccount, kToken);
        QVERIFY(twilio.listen());
        const QDateTime created = at("2026-11-26T11:00:00+05:30");
        s.codOrder(QStringLiteral("ORD-DND"), QStringLiteral("C-PUNE"), created);
        s.codOrder(QStringLiteral("ORD-OK"), QStringLiteral("C-LKO"), created);
        EngineRun add = runEngine(withDb(s, { QStringLiteral("dnd"), QStringLiteral("add"), QStringLiteral("98123 45678"), QStringLiteral("--note"),
                                              QStringLiteral("asked by email") }));
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        QCOMPARE(stringAt(add.outJson(), "phone"), QStringLiteral("+919812345678"));
        const EngineRun check = runEngine(withDb(s, { QStringLiteral("dnd"), QStringLiteral("check"), QStringLiteral("+919812345678") }));
        QCOMPARE(check.outJson().value("listed", false), true);
        QCOMPARE(stringAt(check.outJson()["blocks"], "service_calls"), QStringLiteral("dnd"));
        const EngineRun r = runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("run"), QStringLiteral("--once"), QStringLiteral("--now"),
                                                  QStringLiteral("2026-11-26T12:00:00+05:30") }),
                                      twilio.url().toString());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.outJson()["skipped"].value("dnd", 0), 1);
        QCOMPARE(twilio.createRequests(), 1);
        QCOMPARE(twilio.calls().at(0).to, QStringLiteral("+919935012345"));
        const EngineRun skipped = runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("list"), QStringLiteral("--json"),
                                                        QStringLiteral("--status"), QStringLiteral("skipped"), QStringLiteral("--no-scan") }));
        const json c = onlyCall(callsOf(skipped), QStringLiteral("order_id"), QStringLiteral("ORD-DND"));
        QCOMPARE(stringAt(c, "reason"), QStringLiteral("dnd"));
        // show: the history names the list.
        const EngineRun show = runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("show"), QString::number(c.value("id", 0)) }));
        QVERIFY2(show.out.contains(QLatin1String("is on the do-not-call list")), qPrintable(show.out));
        // Off the list again.
        QCOMPARE(runEngine(withDb(s, { QStringLiteral("dnd"), QStringLiteral("remove"), QStringLiteral("+919812345678") })).exitCode, 0);
        QCOMPARE(runEngine(withDb(s, { QStringLiteral("dnd"), QStringLiteral("check"), QStringLiteral("9812345678") })).outJson().value("listed", true),
                 false);
        QCOMPARE(runEngine(withDb(s, { QStringLiteral("dnd"), QStringLiteral("remove"), QStringLiteral("+919812345678") })).exitCode, 1);
        QCOMPARE(runEngine(withDb(s, { QStringLiteral("dnd"), QStringLiteral("add"), QStringLiteral("12ab") })).exitCode, 2);
    }

    void dndImportFromAnNcprExport()
    {
        CampaignStore s;
        const QString file = s.dir.filePath(QStringLiteral("ncpr.csv"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Service Area,Phone Number,Preference,Registered On\r\n"
                "MH,9812345678,0,2026-10-01\r\n"
                "UP,09935012345,1#5,2026-10-02\r\n"
                "TN,98450 12345,3,2026-10-03\r\n"
                "KA,not-a-number,0,2026-10-04\r\n");
        f.close();
        QVERIFY(runEngine(withDb(s, { QStringLiteral("dnd"), QStringLiteral("add"), QStringLiteral("+919845012345"), QStringLiteral("--opt-out") })).exitCode
                == 0);
        const EngineRun r = runEngine(withDb(s, { QStringLiteral("dnd"), QStringLiteral("import"), file }));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const json report = r.outJson();
        QCOMPARE(report.value("lines", 0), 4);
        QCOMPARE(report.value("added", 0), 2);
        QCOMPARE(report.value("kept", 0), 1); // the customer's own request stays stronger
        QCOMPARE(report.value("invalid", 0), 1);
        QVERIFY(r.err.contains(QLatin1String("line 5: \"not-a-number\" is not a phone number")));
        const json up = runEngine(withDb(s, { QStringLiteral("dnd"), QStringLiteral("check"), QStringLiteral("9935012345") })).outJson();
        QCOMPARE(stringAt(up, "categories"), QStringLiteral("1,5"));
        QVERIFY(up["blocks"]["service_calls"].is_null());                       // TRAI: service calls may reach NCPR numbers
        QCOMPARE(stringAt(up["blocks"], "promotional_calls"), QStringLiteral("dnd")); // 5 = consumer goods
        const json tn = runEngine(withDb(s, { QStringLiteral("dnd"), QStringLiteral("check"), QStringLiteral("+919845012345") })).outJson();
        QCOMPARE(stringAt(tn, "source"), QStringLiteral("opt_out"));
        QCOMPARE(stringAt(tn["blocks"], "service_calls"), QStringLiteral("opted_out"));
    }

    void pauseResumeCancel()
    {
        CampaignStore s;
        FakeTwilio twilio(kAccount, kToken);
        QVERIFY(twilio.listen());
        s.codOrder(QStringLiteral("ORD-1"), QStringLiteral("C-PUNE"), at("2026-11-26T11:00:00+05:30"));
        s.cart(QStringLiteral("CART-1"), QStringLiteral("C-LKO"), at("2026-11-26T09:00:00+05:30"), 5499900);
        s.cart(QStringLiteral("CART-2"), QStringLiteral("C-CHN"), at("2026-11-26T09:00:00+05:30"), 5499900);
        const EngineRun pause = runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("pause"), QStringLiteral("--use-case"),
                                                      QStringLiteral("cod_confirmation") }));
        QVERIFY(pause.outJson()["now_paused"] == json::array({ "cod_confirmation" }));
        const json listed = callsOf(runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("list"), QStringLiteral("--json"),
                                                          QStringLiteral("--now"), QStringLiteral("2026-11-26T12:00:00+05:30") })));
        const int cart2 = onlyCall(listed, QStringLiteral("cart_id"), QStringLiteral("CART-2")).value("id", 0);
        QCOMPARE(runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("cancel"), QString::number(cart2) })).exitCode, 0);
        EngineRun r = runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("run"), QStringLiteral("--once"), QStringLiteral("--now"),
                                            QStringLiteral("2026-11-26T12:00:00+05:30") }),
                                twilio.url().toString());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(twilio.createRequests(), 1);
        QCOMPARE(twilio.calls().at(0).to, QStringLiteral("+919935012345")); // the cart; COD paused, CART-2 cancelled
        QCOMPARE(runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("cancel"), QString::number(cart2) })).exitCode, 1);
        QVERIFY(runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("resume") })).exitCode == 0);
        r = runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("run"), QStringLiteral("--once"), QStringLiteral("--now"),
                                  QStringLiteral("2026-11-26T12:01:00+05:30") }),
                      twilio.url().toString());
        QCOMPARE(twilio.createRequests(), 2);
        QCOMPARE(twilio.calls().at(1).to, QStringLiteral("+919812345678"));
        QCOMPARE(runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("pause"), QStringLiteral("--use-case"), QStringLiteral("sms") }))
                         .exitCode,
                 2);
    }

    void rulesAreCheckedBeforeTheyAreStored()
    {
        CampaignStore s;
        const QString bad = s.dir.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"window":{"open":"21:00"},"dialer":{"callsPerSecond":"fast"}})");
        f.close();
        const EngineRun r = runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("rules"), QStringLiteral("--set"), bad }));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("dialer.callsPerSecond: must be a number")), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("the rules were not changed")));
        const QString good = s.dir.filePath(QStringLiteral("good.json"));
        QFile g(good);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write(R"({"cod":{"retryGapMinutes":90},"dialer":{"maxConcurrentCalls":50,"callsPerSecond":20}})");
        g.close();
        const EngineRun ok = runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("rules"), QStringLiteral("--set"), good }));
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QCOMPARE(ok.outJson()["cod"].value("retryGapMinutes", 0), 90);
        QCOMPARE(ok.outJson()["cod"].value("maxAttempts", 0), 2);
    }

    void refusedCallIsFailedAndTriedOnceMore()
    {
        CampaignStore s;
        FakeTwilio twilio(kAccount, kToken);
        QVERIFY(twilio.listen());
        twilio.refuseWith(400);
        s.codOrder(QStringLiteral("ORD-1"), QStringLiteral("C-PUNE"), at("2026-11-26T11:00:00+05:30"));
        const EngineRun r = runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("run"), QStringLiteral("--once"), QStringLiteral("--now"),
                                                  QStringLiteral("2026-11-26T12:00:00+05:30") }),
                                      twilio.url().toString());
        QCOMPARE(r.outJson().value("refused", 0), 1);
        const auto attempts = campaigns::CallQueue(*s.db).attempts(QStringLiteral("cod:ORD-1"));
        QCOMPARE(int(attempts.size()), 2);
        QCOMPARE(attempts[0].status, QStringLiteral("failed"));
        QVERIFY(qAbs(attempts[1].dueAt.secsTo(at("2026-11-26T12:15:00+05:30"))) <= 5); // 15 minutes after the refusal
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM call_records WHERE order_id = 'ORD-1' AND outcome = 'failed'")), qint64(1));
    }

    void twoDialersOnOneDatabase()
    {
        CampaignStore s;
        FakeTwilio twilio(kAccount, kToken);
        QVERIFY(twilio.listen());
        const QDateTime created = at("2026-11-26T11:00:00+05:30");
        for (int i = 0; i < 40; ++i) {
            const QString id = QStringLiteral("C-%1").arg(i);
            s.customer(id, QStringLiteral("+91981%1").arg(2000000 + i), QStringLiteral("Goa"), QStringLiteral("IN"), QStringLiteral("Asia/Kolkata"));
            s.codOrder(QStringLiteral("ORD-%1").arg(i), id, created);
        }
        const QString rules = s.dir.filePath(QStringLiteral("fast.json"));
        QFile f(rules);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"dialer":{"maxConcurrentCalls":100,"inboundReserve":2,"callsPerSecond":40}})");
        f.close();
        QCOMPARE(runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("rules"), QStringLiteral("--set"), rules })).exitCode, 0);
        QProcess a, b;
        const QStringList args = withDb(s, { QStringLiteral("campaigns"), QStringLiteral("run"), QStringLiteral("--once"), QStringLiteral("--now"),
                                             QStringLiteral("2026-11-26T12:00:00+05:30") });
        for (QProcess *p : { &a, &b }) {
            p->setProcessEnvironment(engineEnvironment(twilio.url().toString()));
            p->start(kEngine, args);
        }
        QVERIFY(QTest::qWaitFor([&] { return a.state() == QProcess::NotRunning && b.state() == QProcess::NotRunning; }, 60000));
        QVERIFY2(a.exitCode() == 0, a.readAllStandardError().constData());
        QVERIFY2(b.exitCode() == 0, b.readAllStandardError().constData());
        const json ra = json::parse(a.readAllStandardOutput().toStdString(), nullptr, false);
        const json rb = json::parse(b.readAllStandardOutput().toStdString(), nullptr, false);
        QCOMPARE(ra.value("placed", 0) + rb.value("placed", 0), 40);
        QCOMPARE(twilio.createRequests(), 40);
        QSet<QString> numbers;
        for (const FakeTwilio::Call &c : twilio.calls())
            numbers.insert(c.to);
        QCOMPARE(numbers.size(), 40);
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(DISTINCT provider_call_id) FROM scheduled_calls WHERE status = 'dialing'")), qint64(40));
    }

    void serveDrainsItsLeasesOnSigterm()
    {
        // serve at one call every ten seconds with the provider slow to answer: one request is out,
        // one claimed call waits its turn. SIGTERM: the waiting call is due again at once, the one
        // sent keeps its lease only for the send margin (then another engine asks Twilio about it),
        // and the engine's row says it stopped.
        CampaignStore s;
        FakeTwilio twilio(kAccount, kToken);
        QVERIFY(twilio.listen());
        twilio.holdAnswers(20000);
        for (int i = 0; i < 3; ++i) {
            const QString id = QStringLiteral("C-D%1").arg(i);
            s.customer(id, QStringLiteral("+91981%1").arg(3000000 + i), QStringLiteral("Goa"), QStringLiteral("IN"), QStringLiteral("Asia/Kolkata"));
            s.codOrder(QStringLiteral("ORD-D%1").arg(i), id, at("2026-11-26T11:00:00+05:30"));
        }
        const QString rules = s.dir.filePath(QStringLiteral("slow.json"));
        QFile f(rules);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"dialer":{"callsPerSecond":0.1}})");
        f.close();
        QCOMPARE(runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("rules"), QStringLiteral("--set"), rules })).exitCode, 0);
        QProcess serve;
        serve.setProcessEnvironment(engineEnvironment(twilio.url().toString()));
        serve.start(kEngine, withDb(s, { QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--now"),
                                         QStringLiteral("2026-11-26T12:00:00+05:30"), QStringLiteral("--workers"), QStringLiteral("1"),
                                         QStringLiteral("--no-stt") }));
        QVERIFY(twilio.http().waitForRequests(1, 30000));
        const auto engines = EngineRegistry(*s.db).engines();
        QCOMPARE(int(engines.size()), 1);
        QCOMPARE(engines.front().state, engine_state::running);
        // Its own address (the public URL is the load balancer's, shared by every engine).
        QVERIFY2(engines.front().address.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(engines.front().address));
        // A second call claimed, waiting for its turn (the pace sends the next one ten seconds after the first).
        QVERIFY(QTest::qWaitFor([&] { return s.count(QStringLiteral("SELECT COUNT(*) FROM scheduled_calls WHERE status = 'dialing'")) >= 2; }, 10000));
        serve.terminate();
        QVERIFY(QTest::qWaitFor([&] { return serve.state() == QProcess::NotRunning; }, 30000));
        QVERIFY2(serve.exitStatus() == QProcess::NormalExit && serve.exitCode() == 0, serve.readAllStandardError().constData());
        QCOMPARE(twilio.createRequests(), 1);

        const auto row = EngineRegistry(*s.db).byId(engines.front().id);
        QCOMPARE(row->state, engine_state::stopped);
        QVERIFY(row->stoppedAt.isValid());
        // The waiting call: back in the queue, nobody's lease on it.
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM scheduled_calls WHERE status = 'scheduled' AND lease_owner IS NULL")), qint64(2));
        QVERIFY(s.count(QStringLiteral("SELECT COUNT(*) FROM campaign_events WHERE kind = 'rescheduled' AND detail LIKE '%stopped before placing it'")) >= 1);
        // The call sent: still this engine's, for the send margin (30 s) past the stop instead of the whole 120 s lease.
        const qint64 sentId = s.count(QStringLiteral("SELECT id FROM scheduled_calls WHERE phone = '%1'").arg(twilio.calls().at(0).to));
        const campaigns::ScheduledCall sent = *campaigns::CallQueue(*s.db).byId(sentId);
        QCOMPARE(sent.status, QStringLiteral("dialing"));
        QVERIFY(sent.leaseUntil <= row->stoppedAt.addSecs(30));
        QVERIFY(sent.leaseUntil < sent.claimedAt.addSecs(120));
        QCOMPARE(s.count(QStringLiteral("SELECT COUNT(*) FROM campaign_events WHERE kind = 'lease_ended'")), qint64(1));
    }

    void killNineAtEachStep_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<int>("callsAfterFirst");
        QTest::addRow("after the claim, before the request") << "after_claim" << 0;
        QTest::addRow("during the request (killed from outside)") << "during_post" << 1;
        QTest::addRow("after the provider answered, before the id is recorded") << "after_post" << 1;
        QTest::addRow("after the id is recorded") << "after_record" << 1;
    }
    void killNineAtEachStep()
    {
        QFETCH(QString, step);
        QFETCH(int, callsAfterFirst);
        CampaignStore s;
        FakeTwilio twilio(kAccount, kToken);
        QVERIFY(twilio.listen());
        twilio.setClock(at("2026-11-26T12:00:00+05:30"));
        s.codOrder(QStringLiteral("ORD-1"), QStringLiteral("C-PUNE"), at("2026-11-26T11:00:00+05:30"));
        const QStringList first = withDb(s, { QStringLiteral("campaigns"), QStringLiteral("run"), QStringLiteral("--once"), QStringLiteral("--now"),
                                              QStringLiteral("2026-11-26T12:00:00+05:30") });
        if (step == QLatin1String("during_post")) {
            twilio.holdAnswers(30000);
            QProcess p;
            p.setProcessEnvironment(engineEnvironment(twilio.url().toString()));
            p.start(kEngine, first);
            QVERIFY(twilio.http().waitForRequests(1, 30000));
            p.kill(); // SIGKILL while the request is answered
            QVERIFY(p.waitForFinished(5000));
            QCOMPARE(p.exitStatus(), QProcess::CrashExit);
            twilio.holdAnswers(0);
        } else {
            const EngineRun r = runEngine(first, twilio.url().toString(), { { QStringLiteral("RINGSIDE_CAMPAIGNS_CRASH_AT"), step } });
            QVERIFY2(r.crashed, qPrintable(r.err));
        }
        QCOMPARE(twilio.createRequests(), callsAfterFirst);
        const auto row = campaigns::CallQueue(*s.db).attempts(QStringLiteral("cod:ORD-1")).front();
        QCOMPARE(row.status, QStringLiteral("dialing"));
        QCOMPARE(row.providerCallId.isEmpty(), step != QLatin1String("after_record"));

        // Another dialer while the first may still be alive (it beat at 12:00, dead only after 45 s
        // without a beat, EnginePresence::kDeadAfterMs) leaves the call alone…
        EngineRun r = runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("run"), QStringLiteral("--once"), QStringLiteral("--now"),
                                            QStringLiteral("2026-11-26T12:00:30+05:30") }),
                                twilio.url().toString());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(twilio.createRequests(), callsAfterFirst);
        // …and once the first is dead (no beat for 45 s), long before its 120 s lease would run out,
        // asks Twilio first: the call is adopted if it exists, placed if it does not.
        r = runEngine(withDb(s, { QStringLiteral("campaigns"), QStringLiteral("run"), QStringLiteral("--once"), QStringLiteral("--now"),
                                  QStringLiteral("2026-11-26T12:01:00+05:30") }),
                      twilio.url().toString());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(twilio.createRequests(), 1);
        QCOMPARE(twilio.calls().size(), 1);
        const auto after = campaigns::CallQueue(*s.db).attempts(QStringLiteral("cod:ORD-1"));
        QCOMPARE(int(after.size()), 1);
        QCOMPARE(after.front().providerCallId, twilio.calls().at(0).sid);
        if (step == QLatin1String("after_claim"))
            QCOMPARE(r.outJson().value("placed", 0), 1);
        else if (step != QLatin1String("after_record"))
            QVERIFY(r.outJson().value("leases_recovered", 0) == 1);
    }
};

QTEST_GUILESS_MAIN(TestCampaignsDialer)
#include "tst_campaignsdialer.moc"
