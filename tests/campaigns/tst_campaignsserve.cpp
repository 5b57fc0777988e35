// Campaigns inside `serve`, as a user meets them: the dialer plans a new COD order by itself;
// `campaigns run --once` places it on the fake Twilio; Twilio's signed status callbacks on
// /twilio/status (a forged one refused, a late and a repeated one changing nothing) schedule the
// second attempt two hours later, whose no-answer marks the order unconfirmed; a caller's "stop
// calling me" puts the number on the list at once; consoles see serve's own campaign calls ringing;
// a customer who answers and hangs up before the call reached anything is recorded as
// not_interested (an answered call), not as a failed one; a "completed" call whose media never
// reached the agent is a failed attempt, tried once more.
#include "campaignfixture.h"
#include "enginerun.h"
#include "faketwilio.h"

#include "campaigns/callqueue.h"
#include "telephony/streamsigner.h"
#include "telephony/standincaller.h"
#include "telephony/twilioweb.h"
#include "util/piimask.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimeZone>
#include <QWebSocket>

using namespace ringside;
using namespace ringside::test;
using ringside::fakes::FakeTwilio;

namespace {

const QString kMonitorToken = QStringLiteral("monitor-token");

// A console on /monitor that keeps every message.
class MonitorWatcher : public QObject
{
public:
    MonitorWatcher()
    {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &t) { messages.push_back(json::parse(t.toStdString(), nullptr, false)); });
    }
    bool open(const QString &url)
    {
        socket.open(QUrl(url));
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    json find(const char *type) const
    {
        for (const json &m : messages)
            if (stringAt(m, "type") == QLatin1String(type))
                return m;
        return json();
    }

    QWebSocket socket;
    std::vector<json> messages;
};

} // namespace

class TestCampaignsServe : public QObject
{
    Q_OBJECT

    CampaignStore m_store;
    FakeTwilio m_twilio{ kAccount, kToken };
    QProcess m_serve;
    quint16 m_port = 0;
    QNetworkAccessManager m_network;

    // POSTs a status callback as Twilio would: form fields, signed over the public URL.
    int postStatus(qint64 scheduledId, const telephony::FormFields &fields, bool sign = true)
    {
        const QString publicUrl = QStringLiteral("%1/twilio/status?sc=%2").arg(kPublicUrl).arg(scheduledId);
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/twilio/status?sc=%2").arg(m_port).arg(scheduledId)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        request.setRawHeader("X-Twilio-Signature", sign ? telephony::twilioSignature(kToken.toUtf8(), publicUrl, fields) : QByteArray("Zm9yZ2Vk"));
        QNetworkReply *reply = m_network.post(request, telephony::encodeForm(fields));
        (void)QTest::qWaitFor([&] { return reply->isFinished(); }, 5000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

    telephony::FormFields callback(const QString &sid, const QString &status, int sequence)
    {
        return { { QStringLiteral("AccountSid"), kAccount },    { QStringLiteral("CallSid"), sid },
                 { QStringLiteral("CallStatus"), status },      { QStringLiteral("SequenceNumber"), QString::number(sequence) },
                 { QStringLiteral("To"), QStringLiteral("+919812345678") }, { QStringLiteral("Timestamp"), QStringLiteral("Fri, 27 Nov 2026 04:31:00 +0000") } };
    }

    std::vector<campaigns::ScheduledCall> attempts(const QString &key) { return campaigns::CallQueue(*m_store.db).attempts(key); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_twilio.listen());
        m_store.codOrder(QStringLiteral("ORD-1"), QStringLiteral("C-PUNE"), at("2026-11-26T19:50:00+05:30"));
        m_serve.setProcessEnvironment(engineEnvironment(m_twilio.url().toString(), { { QStringLiteral("RINGSIDE_MONITOR_TOKEN"), kMonitorToken } }));
        m_serve.start(kEngine, { QStringLiteral("serve"), QStringLiteral("--db"), m_store.path(), QStringLiteral("--port"), QStringLiteral("0"),
                                 QStringLiteral("--now"), QStringLiteral("2026-11-26T19:51:00+05:30"), QStringLiteral("--workers"), QStringLiteral("1"),
                                 QStringLiteral("--no-stt"), QStringLiteral("--allow-text") });
        QByteArray out;
        static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QRegularExpressionMatch m;
        QVERIFY(QTest::qWaitFor([&] {
            out += m_serve.readAllStandardOutput();
            m = listening.match(QString::fromUtf8(out));
            return m.hasMatch() || m_serve.state() == QProcess::NotRunning;
        }, 20000));
        QVERIFY2(m.hasMatch(), m_serve.readAllStandardError().constData());
        m_port = quint16(m.captured(1).toUInt());
    }

    void cleanupTestCase()
    {
        m_serve.terminate();
        // Spin the event loop while it shuts down: the fake Twilio and the callers live here.
        QVERIFY(QTest::qWaitFor([&] { return m_serve.state() == QProcess::NotRunning; }, 20000));
        QCOMPARE(m_serve.exitCode(), 0);
    }

    void serveSchedulesTheOrderByItself()
    {
        // Nobody ran a command: serve's dialer scanned the store and planned the call.
        QVERIFY(QTest::qWaitFor([&] { return !attempts(QStringLiteral("cod:ORD-1")).empty(); }, 10000));
        const EngineRun list = runEngine({ QStringLiteral("campaigns"), QStringLiteral("list"), QStringLiteral("--db"), m_store.path(),
                                           QStringLiteral("--json"), QStringLiteral("--no-scan") });
        QVERIFY(list.out.contains(QLatin1String("\"due_at\":\"2026-11-27T10:00:00+05:30\"")));
    }

    void consolesSeeServesCampaignCallsRinging()
    {
        MonitorWatcher monitor;
        QVERIFY(monitor.open(QStringLiteral("ws://127.0.0.1:%1/monitor?token=%2").arg(m_port).arg(kMonitorToken)));
        // An order from 19:00: its call was due at 19:30 and serve's clock says 19:51 — it is placed now.
        m_store.codOrder(QStringLiteral("ORD-2"), QStringLiteral("C-CHN"), at("2026-11-26T19:00:00+05:30"));
        QVERIFY(QTest::qWaitFor([&] { return monitor.find("outbound_dialing").is_object(); }, 15000));
        const json dialing = monitor.find("outbound_dialing")["call"];
        // Consoles see the number as they see live callers' numbers: masked (docs/security.md).
        QCOMPARE(stringAt(dialing, "to"), maskPhone(QStringLiteral("+919845012345")));
        QVERIFY(!stringAt(dialing, "to").contains(QLatin1String("98450")));
        QCOMPARE(stringAt(dialing, "use_case"), QStringLiteral("cod_confirmation"));
        QCOMPARE(dialing.value("attempt", 0), 1);
        const QString sid = stringAt(dialing, "call_id");
        QCOMPARE(m_twilio.calls().back().sid, sid);
        const qint64 id = attempts(QStringLiteral("cod:ORD-2")).front().id;
        QCOMPARE(postStatus(id, callback(sid, QStringLiteral("no-answer"), 2)), 204);
        QVERIFY(QTest::qWaitFor([&] { return monitor.find("outbound_progress").is_object(); }, 10000));
        QCOMPARE(monitor.find("outbound_progress").value("finished", false), true);
        // Its second attempt (tomorrow 10:00) is not part of what follows.
        QVERIFY(QTest::qWaitFor([&] { return attempts(QStringLiteral("cod:ORD-2")).size() == 2; }, 10000));
        QCOMPARE(runEngine({ QStringLiteral("campaigns"), QStringLiteral("cancel"), QStringLiteral("--db"), m_store.path(),
                             QString::number(attempts(QStringLiteral("cod:ORD-2"))[1].id) }).exitCode, 0);
    }

    void statusCallbacksDriveTheRetries()
    {
        QVERIFY(!attempts(QStringLiteral("cod:ORD-1")).empty());
        const int before = m_twilio.createRequests();
        EngineRun run = runEngine({ QStringLiteral("campaigns"), QStringLiteral("run"), QStringLiteral("--db"), m_store.path(), QStringLiteral("--once"),
                                    QStringLiteral("--now"), QStringLiteral("2026-11-27T10:00:00+05:30") },
                                  m_twilio.url().toString());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(m_twilio.createRequests(), before + 1);
        const QString sid = m_twilio.calls().back().sid;
        QCOMPARE(m_twilio.calls().back().to, QStringLiteral("+919812345678"));
        const qint64 id = attempts(QStringLiteral("cod:ORD-1")).front().id;

        QCOMPARE(postStatus(id, callback(sid, QStringLiteral("no-answer"), 3), false), 403); // forged
        telephony::FormFields noSid = callback(sid, QStringLiteral("ringing"), 1);
        noSid.removeAt(1);
        QCOMPARE(postStatus(id, noSid), 400);
        QCOMPARE(postStatus(id, callback(sid, QStringLiteral("ringing"), 1)), 204);
        QCOMPARE(postStatus(id, callback(sid, QStringLiteral("no-answer"), 3)), 204);
        QCOMPARE(postStatus(id, callback(sid, QStringLiteral("in-progress"), 2)), 204); // late
        QCOMPARE(postStatus(id, callback(sid, QStringLiteral("no-answer"), 3)), 204);   // repeated
        QVERIFY(QTest::qWaitFor([&] { return attempts(QStringLiteral("cod:ORD-1")).size() == 2; }, 10000));
        auto rows = attempts(QStringLiteral("cod:ORD-1"));
        QCOMPARE(rows[0].outcome, QStringLiteral("no_answer"));
        QCOMPARE(rows[0].answeredAt.isValid(), false); // the late in-progress changed nothing
        QCOMPARE(rows[1].dueAt, rows[0].placedAt.addSecs(2 * 3600)); // two hours after the first was placed
        QCOMPARE(rows[1].dueAt.toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Kolkata"))).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                 QStringLiteral("2026-11-27 12:00"));
        QCOMPARE(m_store.orderField(QStringLiteral("ORD-1"), QStringLiteral("cod_confirmation")), QStringLiteral("pending"));

        run = runEngine({ QStringLiteral("campaigns"), QStringLiteral("run"), QStringLiteral("--db"), m_store.path(), QStringLiteral("--once"),
                          QStringLiteral("--now"), QStringLiteral("2026-11-27T12:00:30+05:30") },
                        m_twilio.url().toString());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(m_twilio.createRequests(), before + 2);
        const QString second = m_twilio.calls().back().sid;
        QCOMPARE(postStatus(rows[1].id, callback(second, QStringLiteral("no-answer"), 2)), 204);
        QVERIFY(QTest::qWaitFor([&] { return m_store.orderField(QStringLiteral("ORD-1"), QStringLiteral("cod_confirmation")) == QLatin1String("unconfirmed"); },
                                10000));
        QCOMPARE(int(attempts(QStringLiteral("cod:ORD-1")).size()), 2);
        // Each unanswered attempt is a call record (written just after the attempt is finished).
        QVERIFY(QTest::qWaitFor([&] {
            return m_store.count(QStringLiteral("SELECT COUNT(*) FROM call_records WHERE order_id = 'ORD-1' AND outcome = 'no_answer' AND answered_at IS NULL")) == 2;
        }, 10000));
    }

    void answeringMachinesHearTheVoicemail()
    {
        // What Twilio fetches for a campaign call placed with AMD and a voicemail (docs/campaigns.md).
        const QString query = QStringLiteral("agent=cod-confirmation&direction=outbound&order=ORD-1&amd=1&voicemail=Please%20call%20us%20back");
        auto post = [&](const QString &answeredBy) {
            const telephony::FormFields fields = { { QStringLiteral("CallSid"), QStringLiteral("CAamd") }, { QStringLiteral("From"), QStringLiteral("+14155550100") },
                                                   { QStringLiteral("To"), QStringLiteral("+919812345678") }, { QStringLiteral("AnsweredBy"), answeredBy } };
            QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/twilio/voice?%2").arg(m_port).arg(query)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
            request.setRawHeader("X-Twilio-Signature", telephony::twilioSignature(kToken.toUtf8(), QStringLiteral("%1/twilio/voice?%2").arg(kPublicUrl, query), fields));
            QNetworkReply *reply = m_network.post(request, telephony::encodeForm(fields));
            (void)QTest::qWaitFor([&] { return reply->isFinished(); }, 5000);
            const QByteArray body = reply->readAll();
            reply->deleteLater();
            return body;
        };
        const QByteArray machine = post(QStringLiteral("machine_end_beep"));
        QVERIFY2(machine.contains("<Say") && machine.contains("Please call us back") && !machine.contains("<Stream"), machine.constData());
        const QByteArray human = post(QStringLiteral("human"));
        QVERIFY2(human.contains("<Stream"), human.constData());
    }

    void stopCallingMePutsTheNumberOnTheList()
    {
        telephony::StandInCaller::Config c;
        c.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/twilio/media").arg(m_port));
        c.streamSid = QStringLiteral("MZstop");
        c.callSid = QStringLiteral("CAstop");
        // The customer rings the store back and asks not to be called any more.
        c.from = QStringLiteral("+919935012345");
        c.to = QStringLiteral("+14155550100");
        c.sendSilence = false;
        c.customParameters = { { QStringLiteral("agent"), QStringLiteral("order-tracker") }, { QStringLiteral("direction"), QStringLiteral("inbound") },
                               { QStringLiteral("from"), c.from }, { QStringLiteral("to"), c.to } };
        // Signed as serve's /twilio/voice would sign them (the key comes from TWILIO_AUTH_TOKEN here).
        telephony::StreamSigner(telephony::StreamSigner::keyFrom({}, kToken.toUtf8())).signInto(&c.customParameters, c.callSid, 60);
        telephony::StandInCaller caller(c);
        caller.dial();
        QVERIFY(QTest::qWaitFor([&] { return caller.isOpen(); }, 5000));
        QTest::qWait(500);
        caller.sayText(QStringLiteral("no thanks, please stop calling me"));
        const bool listed = QTest::qWaitFor([&] {
            const EngineRun r = runEngine({ QStringLiteral("dnd"), QStringLiteral("check"), QStringLiteral("--db"), m_store.path(), QStringLiteral("+919935012345") });
            return r.outJson().value("listed", false);
        }, 15000);
        QVERIFY2(listed, m_serve.readAllStandardError().right(3000).constData());
        const json entry = runEngine({ QStringLiteral("dnd"), QStringLiteral("check"), QStringLiteral("--db"), m_store.path(), QStringLiteral("+919935012345") })
                                   .outJson();
        QCOMPARE(stringAt(entry, "source"), QStringLiteral("opt_out"));
        QVERIFY(stringAt(entry, "note").contains(QLatin1String("stop calling me")));
        caller.hangUp();
    }

    void aCustomerWhoHangsUpEarlyIsNotAFailedCall()
    {
        // Serve's dialer places this one by itself (due 19:30; serve's clock says 19:51).
        m_store.codOrder(QStringLiteral("ORD-3"), QStringLiteral("C-BIZ"), at("2026-11-26T19:00:00+05:30"));
        QVERIFY(QTest::qWaitFor([&] {
            const auto rows = attempts(QStringLiteral("cod:ORD-3"));
            return !rows.empty() && !rows.front().providerCallId.isEmpty();
        }, 15000));
        const campaigns::ScheduledCall placed = attempts(QStringLiteral("cod:ORD-3")).front();
        QCOMPARE(m_twilio.calls().back().sid, placed.providerCallId);
        QCOMPARE(m_twilio.calls().back().to, QStringLiteral("+919876500001"));

        // The customer answers: Twilio streams the call to serve as its TwiML says ...
        telephony::StandInCaller::Config c;
        c.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/twilio/media").arg(m_port));
        c.streamSid = QStringLiteral("MZearly");
        c.callSid = placed.providerCallId;
        c.from = QStringLiteral("+14155550100");
        c.to = QStringLiteral("+919876500001");
        c.sendSilence = false;
        c.customParameters = { { QStringLiteral("agent"), QStringLiteral("cod-confirmation") }, { QStringLiteral("direction"), QStringLiteral("outbound") },
                               { QStringLiteral("from"), c.from }, { QStringLiteral("to"), c.to }, { QStringLiteral("order"), QStringLiteral("ORD-3") } };
        telephony::StreamSigner(telephony::StreamSigner::keyFrom({}, kToken.toUtf8())).signInto(&c.customParameters, c.callSid, 60);
        telephony::StandInCaller caller(c);
        caller.dial();
        QVERIFY(QTest::qWaitFor([&] { return caller.isOpen(); }, 5000));
        QTest::qWait(800);
        // ... and hangs up while the agent is still greeting, before anything was settled.
        caller.hangUp();
        QVERIFY2(QTest::qWaitFor([&] { return attempts(QStringLiteral("cod:ORD-3")).front().status == campaigns::kDone; }, 15000),
                 m_serve.readAllStandardError().right(3000).constData());
        // Twilio's last word: completed after a few seconds of talk.
        telephony::FormFields completed = callback(placed.providerCallId, QStringLiteral("completed"), 4);
        completed.append({ QStringLiteral("CallDuration"), QStringLiteral("4") });
        completed.append({ QStringLiteral("AnsweredBy"), QStringLiteral("human") });
        QCOMPARE(postStatus(placed.id, completed), 204);
        QVERIFY(QTest::qWaitFor([&] { return attempts(QStringLiteral("cod:ORD-3")).front().providerStatus == QLatin1String("completed"); }, 10000));

        const auto rows = attempts(QStringLiteral("cod:ORD-3"));
        QCOMPARE(int(rows.size()), 1); // an answered call: no retry as for an unanswered one
        QCOMPARE(rows.front().status, campaigns::kDone);
        QCOMPARE(rows.front().outcome, QStringLiteral("not_interested"));
        QVERIFY(!rows.front().recordId.isEmpty());
        // The conversation's own record says the same, and counts as answered.
        QCOMPARE(m_store.count(QStringLiteral("SELECT COUNT(*) FROM call_records WHERE id = '%1' AND outcome = 'not_interested' "
                                              "AND answered_at IS NOT NULL AND direction = 'outbound'").arg(rows.front().recordId)),
                 qint64(1));
        QCOMPARE(m_store.count(QStringLiteral("SELECT COUNT(*) FROM call_records WHERE order_id = 'ORD-3' AND outcome = 'failed'")), qint64(0));
        QCOMPARE(m_store.orderField(QStringLiteral("ORD-3"), QStringLiteral("cod_confirmation")), QStringLiteral("pending"));
        // Serve's gateway told the dialer the agent came on the line, once.
        int connected = 0;
        for (const campaigns::CampaignEvent &e : campaigns::CallQueue(*m_store.db).events(placed.id))
            connected += e.kind == QLatin1String("connected") ? 1 : 0;
        QCOMPARE(connected, 1);
    }

    void aCompletedCallThatNeverReachedTheAgentIsNoConversation()
    {
        // Serve places it by itself; Twilio reports it answered and completed, but no media stream
        // ever reached serve: nobody heard the agent.
        m_store.codOrder(QStringLiteral("ORD-5"), QStringLiteral("C-CHN"), at("2026-11-26T19:00:00+05:30"));
        QVERIFY(QTest::qWaitFor([&] {
            const auto rows = attempts(QStringLiteral("cod:ORD-5"));
            return !rows.empty() && !rows.front().providerCallId.isEmpty();
        }, 15000));
        const campaigns::ScheduledCall placed = attempts(QStringLiteral("cod:ORD-5")).front();
        telephony::FormFields completed = callback(placed.providerCallId, QStringLiteral("completed"), 4);
        completed.append({ QStringLiteral("CallDuration"), QStringLiteral("9") });
        QCOMPARE(postStatus(placed.id, completed), 204);
        QVERIFY2(QTest::qWaitFor([&] { return attempts(QStringLiteral("cod:ORD-5")).front().status == campaigns::kFailed; }, 10000),
                 m_serve.readAllStandardError().right(3000).constData());
        const auto rows = attempts(QStringLiteral("cod:ORD-5"));
        QCOMPARE(rows.front().outcome, QStringLiteral("failed"));
        QCOMPARE(int(rows.size()), 2); // tried once more, as a call that failed
        QCOMPARE(rows.back().status, campaigns::kScheduled);
        // serve marks the attempt failed in one transaction and writes its call record just after
        // (the record writer): the record is waited for, as a console would see it a moment later.
        QTRY_COMPARE_WITH_TIMEOUT(m_store.count(QStringLiteral("SELECT COUNT(*) FROM call_records WHERE order_id = 'ORD-5' AND outcome = 'failed' "
                                                               "AND answered_at IS NULL")),
                                  qint64(1), 10000);
    }
};

QTEST_GUILESS_MAIN(TestCampaignsServe)
#include "tst_campaignsserve.moc"
