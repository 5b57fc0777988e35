// Live Calls end to end, offscreen: the workspace starts its embedded engine (a real Gateway and
// GatewayServer on loopback over a fixture store), a stand-in Twilio caller rings it, and the
// operator clicks real buttons — take over, say, whisper, hand back, end — and races a rival
// console to accept an escalation.
#include "livecalls/callsmodel.h"
#include "livecalls/escalationalert.h"
#include "livecalls/escalationqueuemodel.h"
#include "livecalls/livecallsworkspace.h"
#include "livecalls/livefeed.h"
#include "livecalls/transcriptmodel.h"
#include "services/backend.h"
#include "services/providerkeys.h"
#include "services/consolesettings.h"
#include "services/secretstore.h"
#include "uitestutil.h"

#include "commerce/fixtureimporter.h"
#include "storage/database.h"
#include "telephony/gatewayruntime.h"
#include "telephony/standincaller.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QWebSocket>

using namespace ringside;
using namespace ringside::ui;

namespace {

const QString kNow = QStringLiteral("2026-11-26T10:00:00+05:30");

bool transcriptHas(LiveFeed &feed, const QString &callId, TranscriptEntry::Kind kind, const QString &text = QString())
{
    const TranscriptModel *t = feed.transcript(callId);
    if (!t)
        return false;
    for (int i = 0; i < t->rowCount(); ++i) {
        if (t->entry(i).kind == kind && (text.isEmpty() || t->entry(i).text.contains(text, Qt::CaseInsensitive)))
            return true;
    }
    return false;
}

} // namespace

class TestLiveCallsWorkspace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void takeOverSayWhisperHandBackEnd();
    void escalationQueueAcceptRace();
    void remoteEngineFromSettings();
    void anotherEnginesCallIsHeardFromThatEngine();

private:
    std::unique_ptr<telephony::StandInCaller> dial(const QString &sid, const QString &from);
    QString stateOf(const QString &callId) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<ConsoleSettings> m_settings;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<LiveCallsWorkspace> m_ws;
    quint16 m_port = 0;
};

void TestLiveCallsWorkspace::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString dbPath = m_dir.filePath(QStringLiteral("live.db"));
    {
        QString error;
        auto db = Database::open(dbPath, &error);
        QVERIFY2(db, qPrintable(error));
        commerce::ImportOptions options;
        options.now = parseIso(kNow);
        const auto report = commerce::FixtureImporter(*db).importFile(
                QStringLiteral(RINGSIDE_SOURCE_DIR "/tests/scenarios/fixtures/playbooks-store.json"), options);
        QVERIFY2(report.ok, qPrintable(report.errors.join(QStringLiteral("; "))));
    }
    m_qsettings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    m_settings = std::make_unique<ConsoleSettings>(*m_qsettings);
    m_backend = std::make_unique<Backend>();
    m_secrets = std::make_unique<MemorySecretStore>();
    Clock clock;
    QVERIFY(Clock::fromOption(kNow, &clock, nullptr));
    m_ws = std::make_unique<LiveCallsWorkspace>(*m_backend, *m_settings, *m_secrets, clock, QString());
    m_ws->alert().setMuted(true);
    m_ws->resize(1200, 800);
    m_ws->show();

    QSignalSpy started(m_ws.get(), &LiveCallsWorkspace::embeddedEngineStarted);
    EmbeddedEngine::Options options;
    options.databasePath = dbPath;
    options.speechRecognition = false; // typed callers: fast and deterministic
    options.allowTextInjection = true;
    options.workers = 1;
    options.clock = clock;
    options.otherOperators = { QStringLiteral("rival") }; // a colleague's console races ours below
    m_ws->watchEmbedded(options);
    QVERIFY(started.wait(15000));
    m_port = started.at(0).at(0).value<quint16>();
    QVERIFY(m_port != 0);
    QVERIFY(QTest::qWaitFor([&] { return m_ws->feed().state() == MonitorClient::State::Connected; }, 5000));
    QVERIFY(QTest::qWaitFor([&] { return m_ws->statusText().contains(QStringLiteral("0 active calls")); }, 5000));
    // With no calls yet, the workspace says where phones should connect.
    auto *hint = m_ws->findChild<QLabel *>(QStringLiteral("live-hint"));
    QVERIFY(!hint->isHidden());
    QVERIFY2(hint->text().contains(QStringLiteral("ws://127.0.0.1:%1/twilio/media").arg(m_port)), qPrintable(hint->text()));
}

void TestLiveCallsWorkspace::cleanupTestCase()
{
    m_ws.reset();
    m_backend.reset();
}

std::unique_ptr<telephony::StandInCaller> TestLiveCallsWorkspace::dial(const QString &sid, const QString &from)
{
    telephony::StandInCaller::Config c;
    c.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/twilio/media").arg(m_port));
    c.streamSid = QStringLiteral("MZ") + sid;
    c.callSid = QStringLiteral("CA") + sid;
    c.from = from;
    c.to = QStringLiteral("+918000000000");
    c.streamSecret = m_ws->engine().streamSecret(); // signed, as the engine's own TwiML would be
    auto caller = std::make_unique<telephony::StandInCaller>(c);
    caller->dial(true);
    return caller;
}

QString TestLiveCallsWorkspace::stateOf(const QString &callId) const
{
    const LiveCallRow *r = m_ws->feed().calls()->call(callId);
    return r ? r->state : QString();
}

void TestLiveCallsWorkspace::takeOverSayWhisperHandBackEnd()
{
    LiveFeed &feed = m_ws->feed();
    auto caller = dial(QStringLiteral("live1"), QStringLiteral("+919415012345"));
    const QString id = QStringLiteral("CAlive1");
    QVERIFY(QTest::qWaitFor([&] { return feed.calls()->call(id) != nullptr; }, 8000));

    QVERIFY(QTest::qWaitFor([&] { return m_ws->findChild<QLabel *>(QStringLiteral("live-hint"))->isHidden(); }, 3000));
    // The row: agent, masked customer, direction, state, language.
    auto *table = m_ws->findChild<QTableView *>(QStringLiteral("live-calls-table"));
    QVERIFY(table);
    const int row = feed.calls()->rowOf(id);
    const QString customer = feed.calls()->index(row, CallsModel::CustomerColumn).data().toString();
    QVERIFY2(customer.contains(QStringLiteral("2345")) && !customer.contains(QStringLiteral("9415012345")), qPrintable(customer));
    QCOMPARE(feed.calls()->index(row, CallsModel::StateColumn).data().toString(), QStringLiteral("AI"));
    QVERIFY(!feed.calls()->index(row, CallsModel::AgentColumn).data().toString().isEmpty());

    // Clicking the row shows its transcript.
    table->scrollTo(feed.calls()->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(feed.calls()->index(row, 0)).center());
    QCOMPARE(m_ws->shownCall(), id);
    auto *transcriptView = m_ws->findChild<QListView *>(QStringLiteral("live-transcript"));
    QVERIFY(QTest::qWaitFor([&] { return transcriptView->model() && transcriptView->model()->rowCount() > 0; }, 5000));
    QVERIFY(transcriptHas(feed, id, TranscriptEntry::Kind::Agent)); // the greeting

    caller->sayText(QStringLiteral("where is my order"));
    QVERIFY(QTest::qWaitFor([&] { return transcriptHas(feed, id, TranscriptEntry::Kind::Caller, QStringLiteral("where is my order")); }, 5000));

    // Say is refused before a take-over: the button is not even enabled.
    auto *text = m_ws->findChild<QLineEdit *>(QStringLiteral("live-operator-text"));
    QTest::keyClicks(text, QStringLiteral("hello"));
    QVERIFY(!m_ws->findChild<QPushButton *>(QStringLiteral("live-say"))->isEnabled());
    text->clear();

    // Listen: the call's audio on the speakers, or a plain statement that there is no device.
    auto *message = m_ws->findChild<QLabel *>(QStringLiteral("live-call-message"));
    QVERIFY(test::clickButton(m_ws.get(), QStringLiteral("live-listen")));
    QVERIFY(QTest::qWaitFor([&] {
        return message->text().contains(QStringLiteral("Listening on")) || message->text().contains(QStringLiteral("No audio output device"))
               || message->text().contains(QStringLiteral("cannot play"));
    }, 5000));
    QVERIFY(m_ws->findChild<QPushButton *>(QStringLiteral("live-listen"))->isChecked());
    QVERIFY(test::clickButton(m_ws.get(), QStringLiteral("live-listen")));
    QVERIFY(!m_ws->findChild<QPushButton *>(QStringLiteral("live-listen"))->isChecked());

    const qint64 clearsBefore = caller->stats().clears;
    QVERIFY(test::clickButton(m_ws.get(), QStringLiteral("live-take-over")));
    QVERIFY(QTest::qWaitFor([&] { return stateOf(id) == QLatin1String("taken_over"); }, 5000));
    QCOMPARE(feed.calls()->call(id)->operatorName, feed.operatorName());
    QVERIFY(QTest::qWaitFor([&] { return caller->stats().clears > clearsBefore; }, 5000)); // the agent fell silent
    // The feed shows numbers masked; the operator holding the call sees the whole one.
    QVERIFY(!feed.calls()->call(id)->phone.contains(caller->config().from));
    auto *title = m_ws->findChild<QLabel *>(QStringLiteral("live-call-title"));
    QVERIFY2(QTest::qWaitFor([&] { return title->text().contains(caller->config().from); }, 5000), qPrintable(title->text()));
    // The microphone opens for the operator, or the console says to type instead.
    QVERIFY(QTest::qWaitFor([&] { return message->text().contains(QStringLiteral("icrophone")); }, 5000));
    auto *banner = m_ws->findChild<QLabel *>(QStringLiteral("live-banner"));
    QVERIFY(banner->isVisible() && banner->text().contains(QStringLiteral("You have this call")));

    // The operator's typed line reaches the caller as audio, in the agent's voice.
    QVERIFY(QTest::qWaitFor([&] { return !caller->agentActive(telephony::StandInCaller::nowNs(), 100); }, 5000));
    const qint64 framesBefore = caller->stats().mediaFramesReceived;
    QTest::keyClicks(text, QStringLiteral("Your parcel arrives tomorrow"));
    QVERIFY(test::clickButton(m_ws.get(), QStringLiteral("live-say")));
    QVERIFY(QTest::qWaitFor([&] { return transcriptHas(feed, id, TranscriptEntry::Kind::Operator, QStringLiteral("parcel arrives tomorrow")); }, 5000));
    QVERIFY(QTest::qWaitFor([&] { return caller->stats().mediaFramesReceived > framesBefore + 25; }, 5000)); // > 0.5 s of speech
    QVERIFY(text->text().isEmpty());

    QTest::keyClicks(text, QStringLiteral("offer free delivery next time"));
    QVERIFY(test::clickButton(m_ws.get(), QStringLiteral("live-whisper")));
    QVERIFY(QTest::qWaitFor([&] { return transcriptHas(feed, id, TranscriptEntry::Kind::Whisper, QStringLiteral("free delivery")); }, 5000));

    QVERIFY(test::clickButton(m_ws.get(), QStringLiteral("live-hand-back")));
    QVERIFY(QTest::qWaitFor([&] { return stateOf(id) == QLatin1String("active"); }, 5000));
    QVERIFY(QTest::qWaitFor([&] { return transcriptHas(feed, id, TranscriptEntry::Kind::Control, QStringLiteral("handed the call back")); }, 5000));
    QVERIFY(!m_ws->findChild<QPushButton *>(QStringLiteral("live-hand-back"))->isEnabled());

    // End, recording the outcome the operator chose.
    QSignalSpy ended(&feed, &LiveFeed::callEnded);
    auto *outcome = m_ws->findChild<QComboBox *>(QStringLiteral("live-end-outcome"));
    QVERIFY(outcome && outcome->isEnabled());
    const int resolved = outcome->findData(QStringLiteral("resolved"));
    QVERIFY(resolved > 0);
    outcome->setCurrentIndex(resolved);
    QVERIFY(test::clickButton(m_ws.get(), QStringLiteral("live-end")));
    QVERIFY(QTest::qWaitFor([&] { return feed.calls()->call(id) == nullptr; }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return !ended.isEmpty(); }, 3000));
    QCOMPARE(ended.last().at(0).toString(), id);
    QCOMPARE(ended.last().at(1).toString(), QStringLiteral("resolved"));
    QVERIFY(QTest::qWaitFor([&] { return !caller->isOpen(); }, 5000));
    // The shown transcript stays, marked ended.
    QVERIFY(feed.transcript(id) && feed.transcript(id)->isEnded());
    QVERIFY(QTest::qWaitFor([&] { return banner->text().contains(QStringLiteral("ended")); }, 3000));
}

void TestLiveCallsWorkspace::escalationQueueAcceptRace()
{
    LiveFeed &feed = m_ws->feed();
    const int alertsBefore = m_ws->alert().raised();

    // A rival console on the same engine.
    MonitorClient rival;
    std::vector<json> rivalMessages;
    rival.setMessageSink([&](json m) { rivalMessages.push_back(std::move(m)); });
    MonitorEndpoint endpoint = m_ws->engine().endpoint();
    endpoint.token = m_ws->engine().operatorToken(QStringLiteral("rival"));
    endpoint.operatorName = QStringLiteral("rival");
    rival.open(endpoint);
    QVERIFY(QTest::qWaitFor([&] { return rival.state() == MonitorClient::State::Connected; }, 5000));

    auto first = dial(QStringLiteral("race1"), QStringLiteral("+919811098765"));
    QVERIFY(QTest::qWaitFor([&] { return feed.calls()->call(QStringLiteral("CArace1")) != nullptr; }, 8000));
    first->sayText(QStringLiteral("I want to talk to a human"));
    QVERIFY(QTest::qWaitFor([&] { return feed.queue()->rowOf(QStringLiteral("CArace1")) >= 0; }, 8000));
    QCOMPARE(m_ws->alert().raised(), alertsBefore + 1);
    QVERIFY(m_ws->alert().lastMessage().contains(QStringLiteral("waiting")));
    QCOMPARE(feed.calls()->index(feed.calls()->rowOf(QStringLiteral("CArace1")), CallsModel::StateColumn).data().toString(),
             QStringLiteral("Escalated"));
    QVERIFY(transcriptHas(feed, QStringLiteral("CArace1"), TranscriptEntry::Kind::Escalation));

    // Both consoles accept at once: exactly one wins, and the workspace says who.
    QVERIFY(rival.sendText(QByteArrayLiteral("{\"id\":\"r1\",\"command\":\"accept\",\"call_id\":\"CArace1\"}")));
    QVERIFY(test::clickButton(m_ws.get(), QStringLiteral("live-accept")));
    auto *queueMessage = m_ws->findChild<QLabel *>(QStringLiteral("live-queue-message"));
    json rivalAnswer;
    QVERIFY(QTest::qWaitFor([&] {
        for (const json &m : rivalMessages) {
            if (stringAt(m, "id") == QLatin1String("r1"))
                rivalAnswer = m;
        }
        return !rivalAnswer.is_null()
               && (queueMessage->text().contains(QStringLiteral("You won")) || queueMessage->text().contains(QStringLiteral("won the race")));
    }, 5000));
    const bool rivalWon = stringAt(rivalAnswer, "type") == QLatin1String("ack");
    const bool weWon = queueMessage->text().contains(QStringLiteral("You won"));
    QVERIFY2(rivalWon != weWon, qPrintable(queueMessage->text()));
    QVERIFY(QTest::qWaitFor([&] { return stateOf(QStringLiteral("CArace1")) == QLatin1String("taken_over"); }, 5000));
    if (rivalWon) {
        QVERIFY2(queueMessage->text().contains(QStringLiteral("rival")), qPrintable(queueMessage->text()));
        QCOMPARE(feed.calls()->call(QStringLiteral("CArace1"))->operatorName, QStringLiteral("rival"));
    } else {
        QCOMPARE(stringAt(rivalAnswer, "code"), QStringLiteral("already_accepted"));
        QVERIFY(stringAt(rivalAnswer, "message").contains(feed.operatorName()));
        QCOMPARE(feed.calls()->call(QStringLiteral("CArace1"))->operatorName, feed.operatorName());
    }
    QVERIFY(QTest::qWaitFor([&] { return feed.queue()->rowCount() == 0; }, 5000));

    // The next escalation is ours.
    auto second = dial(QStringLiteral("race2"), QStringLiteral("+919415012345"));
    QVERIFY(QTest::qWaitFor([&] { return feed.calls()->call(QStringLiteral("CArace2")) != nullptr; }, 8000));
    second->sayText(QStringLiteral("can I talk to a real person please"));
    QVERIFY(QTest::qWaitFor([&] { return feed.queue()->rowOf(QStringLiteral("CArace2")) >= 0; }, 8000));
    QCOMPARE(m_ws->alert().raised(), alertsBefore + 2);
    QVERIFY(QTest::qWaitFor([&] { return m_ws->findChild<QPushButton *>(QStringLiteral("live-accept"))->isEnabled(); }, 3000));
    QVERIFY(test::clickButton(m_ws.get(), QStringLiteral("live-accept")));
    QVERIFY(QTest::qWaitFor([&] { return queueMessage->text().contains(QStringLiteral("You won")); }, 5000));
    QCOMPARE(m_ws->shownCall(), QStringLiteral("CArace2"));
    QVERIFY(QTest::qWaitFor([&] { return stateOf(QStringLiteral("CArace2")) == QLatin1String("taken_over"); }, 5000));
    QCOMPARE(feed.calls()->call(QStringLiteral("CArace2"))->operatorName, feed.operatorName());
    // The rival saw us win.
    QVERIFY(QTest::qWaitFor([&] {
        for (const json &m : rivalMessages) {
            if (stringAt(m, "type") == QLatin1String("escalation_accepted") && stringAt(m, "call_id") == QLatin1String("CArace2"))
                return stringAt(m, "operator") == feed.operatorName();
        }
        return false;
    }, 5000));
    rival.close();
    first->hangUp();
    second->hangUp();
    QVERIFY(QTest::qWaitFor([&] { return feed.calls()->rowCount() == 0; }, 8000));
}

void TestLiveCallsWorkspace::remoteEngineFromSettings()
{
    // A second console set to "remote": the URL from Settings, the token from the keychain.
    QSettings ini(m_dir.filePath(QStringLiteral("remote.ini")), QSettings::IniFormat);
    ConsoleSettings settings(ini);
    settings.setEngineMode(ConsoleSettings::EngineMode::Remote);
    settings.setRemoteEngineUrl(m_ws->engine().endpoint().url);
    MemorySecretStore secrets;
    const QString key = engineTokenKey().keychainKey();
    secrets.write(key, QStringLiteral("not-the-token"));
    QVERIFY(QTest::qWaitFor([&] { return secrets.contents().value(key) == QLatin1String("not-the-token"); }, 2000));

    LiveCallsWorkspace remote(*m_backend, settings, secrets, Clock(), QString());
    remote.activated();
    QVERIFY(QTest::qWaitFor([&] { return remote.feed().state() == MonitorClient::State::Refused; }, 5000));
    QVERIFY2(remote.statusText().contains(QStringLiteral("refused the access token")), qPrintable(remote.statusText()));
    QVERIFY(!remote.engine().isRunning()); // remote: no engine of its own

    secrets.write(key, m_ws->engine().endpoint().token);
    QVERIFY(QTest::qWaitFor([&] { return secrets.contents().value(key) == m_ws->engine().endpoint().token; }, 2000));
    QVERIFY(test::clickButton(&remote, QStringLiteral("live-reconnect")));
    QVERIFY(QTest::qWaitFor([&] { return remote.feed().state() == MonitorClient::State::Connected; }, 5000));
    QVERIFY(QTest::qWaitFor([&] { return remote.statusText().contains(QStringLiteral("active call")); }, 3000));

    // A bad URL in Settings is named, and nothing is tried.
    settings.setRemoteEngineUrl(QUrl(QStringLiteral("http://example.com/monitor")));
    QVERIFY(test::clickButton(&remote, QStringLiteral("live-reconnect")));
    QVERIFY2(remote.statusText().contains(QStringLiteral("Remote engine URL")), qPrintable(remote.statusText()));
}

void TestLiveCallsWorkspace::anotherEnginesCallIsHeardFromThatEngine()
{
    // Several engines on one PostgreSQL: the console is attached to engine A, and A relays the
    // calls of engine B (here: the embedded engine) tagged with B's address. Listening to such a
    // call opens a second connection, to B itself, with the same token.
    const QString token = m_ws->engine().endpoint().token;
    QString error;
    auto dbA = Database::open(m_dir.filePath(QStringLiteral("engine-a.db")), &error);
    QVERIFY2(dbA, qPrintable(error));
    telephony::GatewayConfig config;
    config.workers = 1;
    config.speechRecognition = false;
    config.operators = { telephony::OperatorCredential::fromToken(QStringLiteral("asha"), token) };
    auto created = telephony::GatewayRuntime::create(*dbA, config);
    QVERIFY2(created.ok(), qPrintable(created.error()));
    auto engineA = created.value();
    const quint16 portA = engineA->listen(QHostAddress::LocalHost, 0, &error);
    QVERIFY2(portA != 0, qPrintable(error));

    auto caller = dial(QStringLiteral("other1"), QStringLiteral("+919415000001"));
    const QString id = QStringLiteral("CAother1");
    QVERIFY(QTest::qWaitFor([&] { return m_ws->feed().calls()->call(id) != nullptr; }, 8000));

    LiveFeed feed(20);
    feed.open({ QUrl(QStringLiteral("ws://127.0.0.1:%1/monitor").arg(portA)), token, QString() });
    QVERIFY(QTest::qWaitFor([&] { return feed.state() == MonitorClient::State::Connected; }, 5000));
    // What A's cluster view relays for B's call.
    feed.push({ { "type", "call_started" },
                { "engine", "engine-b" },
                { "call", { { "call_id", id.toStdString() }, { "agent", "order-tracker" }, { "state", "active" }, { "from", "+91 •••• ••0001" },
                            { "sample_rate", 8000 }, { "engine", "engine-b" }, { "engine_address", QStringLiteral("http://127.0.0.1:%1").arg(m_port).toStdString() } } } });
    QVERIFY(QTest::qWaitFor([&] { return feed.calls()->call(id) != nullptr; }, 3000));
    QCOMPARE(feed.calls()->call(id)->engineAddress, QStringLiteral("http://127.0.0.1:%1").arg(m_port));
    QCOMPARE(feed.calls()->index(feed.calls()->rowOf(id), CallsModel::EngineColumn).data().toString(), QStringLiteral("127.0.0.1:%1").arg(m_port));

    QSignalSpy answered(&feed, &LiveFeed::commandAnswered);
    feed.listen(id, 8000, true);
    QVERIFY(QTest::qWaitFor([&] {
        for (const auto &a : answered)
            if (a.at(1).toString() == QLatin1String("listen"))
                return true;
        return false;
    }, 5000));
    bool ok = false;
    for (const auto &a : answered)
        if (a.at(1).toString() == QLatin1String("listen"))
            ok = a.at(3).toBool();
    QVERIFY2(ok, "the holding engine did not take the listen command");
    // B counts this console among the call's listeners (A could not: it does not hold the call).
    QVERIFY(QTest::qWaitFor([&] {
        QWebSocket probe;
        QNetworkRequest request(QUrl(QStringLiteral("ws://127.0.0.1:%1/monitor").arg(m_port)));
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        json snapshot;
        connect(&probe, &QWebSocket::textMessageReceived, &probe, [&](const QString &t) {
            const json m = json::parse(t.toStdString(), nullptr, false);
            if (stringAt(m, "type") == QLatin1String("snapshot"))
                snapshot = m;
        });
        probe.open(request);
        if (!QTest::qWaitFor([&] { return snapshot.is_object(); }, 3000))
            return false;
        for (const json &c : snapshot["calls"])
            if (stringAt(c, "call_id") == id)
                return c.value("listeners", 0) == 1;
        return false;
    }, 5000));
    QCOMPARE(engineA->gateway().monitor().listeners(id), 0);

    feed.listen(id, 8000, false);
    caller->hangUp();
    QVERIFY(QTest::qWaitFor([&] { return m_ws->feed().calls()->call(id) == nullptr; }, 8000));
    feed.close();

    // The workspace shows the Engine column only while another engine's call is listed.
    auto *table = m_ws->findChild<QTableView *>(QStringLiteral("live-calls-table"));
    QVERIFY(table);
    QVERIFY(table->isColumnHidden(CallsModel::EngineColumn));
    m_ws->feed().push({ { "type", "call_started" },
                        { "call", { { "call_id", "CAelsewhere" }, { "agent", "order-tracker" }, { "state", "active" }, { "from", "+919415000002" },
                                    { "engine", "engine-b" }, { "engine_address", "http://10.0.0.7:8080" } } } });
    QVERIFY(QTest::qWaitFor([&] { return m_ws->feed().calls()->call(QStringLiteral("CAelsewhere")) != nullptr; }, 3000));
    QVERIFY(!table->isColumnHidden(CallsModel::EngineColumn));
    const int row = m_ws->feed().calls()->rowOf(QStringLiteral("CAelsewhere"));
    QCOMPARE(table->model()->index(row, CallsModel::EngineColumn).data().toString(), QStringLiteral("10.0.0.7:8080"));
    m_ws->feed().push({ { "type", "call_ended" }, { "call_id", "CAelsewhere" }, { "outcome", "engine_lost" } });
    QVERIFY(QTest::qWaitFor([&] { return table->isColumnHidden(CallsModel::EngineColumn); }, 3000));
}

QTEST_MAIN(TestLiveCallsWorkspace)
#include "tst_livecallsworkspace.moc"
