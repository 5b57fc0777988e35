// Test Call: a typed call through the real engine Session on the worker, clicked through the real
// buttons — a tool call on a demo order, an escalation, saving the call as a scenario and
// replaying it with core/engine's scenario runner (and a tampered copy failing).
#include "common/messagebar.h"
#include "services/backend.h"
#include "services/demodata.h"
#include "testcall/scenariopanel.h"
#include "testcall/testcallengine.h"
#include "testcall/testcallworkspace.h"
#include "testcall/transcriptview.h"
#include "testcall/voicelink.h"
#include "testcall/wavcaller.h"
#include "uitestutil.h"

#include "speech/espeaktts.h"
#include "speech/wavwriter.h"
#include "speechtestaudio.h"
#include "util/clock.h"
#include "util/jsonqt.h"

#include <QBuffer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

using namespace ringside;
using namespace ringside::ui;
using namespace ringside::ui::test;
using namespace ringside::test;

namespace {

QDateTime callNow()
{
    return QDateTime::fromString(QStringLiteral("2026-11-26T10:00:00+05:30"), Qt::ISODate);
}

json readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return json();
    return json::parse(file.readAll().toStdString(), nullptr, false);
}

} // namespace

class TestTestCall : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Clock m_clock { callNow() };
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<TestCallWorkspace> m_workspace;
    QString m_saved;

    QString scenariosFolder() const { return m_dir.filePath(QStringLiteral("scenarios")); }

    // Types as the caller and presses Send; waits until the reply (and its tools) arrived.
    bool typeAndSend(const QString &text)
    {
        auto *input = m_workspace->findChild<QLineEdit *>(QStringLiteral("callerInput"));
        if (!input->isEnabled())
            return false;
        const qsizetype before = m_workspace->transcript()->events().size();
        QSignalSpy answered(m_workspace->engine(), &TestCallEngine::turnAnswered);
        QSignalSpy ended(m_workspace->engine(), &TestCallEngine::ended);
        QTest::keyClicks(input, text);
        if (!clickButton(m_workspace.get(), QStringLiteral("sendButton")))
            return false;
        if (!QTest::qWaitFor([&] { return answered.count() > 0 || ended.count() > 0; }, 20000))
            return false;
        return m_workspace->transcript()->events().size() > before;
    }

    bool hasEvent(const QString &type, const QString &field = {}, const QString &value = {}) const
    {
        for (const SessionEvent &e : m_workspace->transcript()->events()) {
            if (e.type == type && (field.isEmpty() || stringAt(e.data, field.toUtf8().constData()) == value))
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_backend = std::make_unique<Backend>();
        QCOMPARE(await(m_backend->openDatabase(m_dir.filePath(QStringLiteral("ringside.db")))), QString());
        const DemoLoadReport demo =
            await(m_backend->run([](WorkerServices &s) { return loadDemoData(s, callNow(), 1); }));
        QVERIFY2(demo.loaded, qPrintable(demo.error));
        m_workspace = std::make_unique<TestCallWorkspace>(*m_backend, m_clock, m_dir.filePath(QStringLiteral("agents")),
                                                          scenariosFolder());
        m_workspace->resize(1200, 800);
        m_workspace->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
        QSignalSpy reloaded(m_workspace.get(), &TestCallWorkspace::reloaded);
        m_workspace->activated();
        QVERIFY(reloaded.wait(20000));
        QVERIFY(m_workspace->isReady());
    }

    void nothingToSendBeforeACall()
    {
        QVERIFY(!m_workspace->findChild<QLineEdit *>(QStringLiteral("callerInput"))->isEnabled());
        QVERIFY(!m_workspace->findChild<QPushButton *>(QStringLiteral("endCallButton"))->isEnabled());
        QVERIFY(!m_workspace->findChild<QPushButton *>(QStringLiteral("saveScenarioButton"))->isEnabled());
        // This machine's sound devices are stated, whatever they are.
        QVERIFY(!m_workspace->findChild<QLabel *>(QStringLiteral("audioNote"))->text().isEmpty());
    }

    void typedCallWithAToolAndAnEscalation()
    {
        QVERIFY(m_workspace->selectAgent(QStringLiteral("order-tracker")));
        QSignalSpy started(m_workspace->engine(), &TestCallEngine::started);
        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("startCallButton")));
        QVERIFY(started.wait(20000));
        QCOMPARE(started.first().first().toString(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(hasEvent(QStringLiteral("agent")), 10000);   // the greeting
        QVERIFY(m_workspace->engine()->isActive());
        QVERIFY(!m_workspace->findChild<QPushButton *>(QStringLiteral("startCallButton"))->isEnabled());

        QVERIFY(typeAndSend(QStringLiteral("Where's my order?")));
        QVERIFY(!hasEvent(QStringLiteral("tool_call")));
        QVERIFY(typeAndSend(QStringLiteral("It's ORD 482913")));
        QVERIFY(hasEvent(QStringLiteral("tool_call"), QStringLiteral("name"), QStringLiteral("get_order_status")));
        QVERIFY(hasEvent(QStringLiteral("tool_result"), QStringLiteral("name"), QStringLiteral("get_order_status")));
        QVERIFY(m_workspace->transcript()->toPlainText().contains(QStringLiteral("get_order_status")));
        QVERIFY(m_workspace->latencyText().contains(QStringLiteral("ms")));
        QVERIFY(m_workspace->banner()->isHidden());

        QSignalSpy ended(m_workspace->engine(), &TestCallEngine::ended);
        QVERIFY(typeAndSend(QStringLiteral("It shows delivered but I didn't get it")));
        QVERIFY(hasEvent(QStringLiteral("escalation"), QStringLiteral("reason"), QStringLiteral("delivered_not_received")));
        QVERIFY(!m_workspace->banner()->isHidden());
        QVERIFY(m_workspace->banner()->text().contains(QStringLiteral("Escalated")));
        // Nobody takes over a test call: it ends once handed over, and a new one can start.
        QVERIFY(ended.count() > 0 || ended.wait(10000));
        QTRY_VERIFY(m_workspace->findChild<QPushButton *>(QStringLiteral("startCallButton"))->isEnabled());
        QVERIFY(!m_workspace->findChild<QLineEdit *>(QStringLiteral("callerInput"))->isEnabled());
    }

    void savesTheCallAsAScenarioThatReplays()
    {
        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("saveScenarioButton")));
        const QStringList files = QDir(scenariosFolder()).entryList({ QStringLiteral("*.json") }, QDir::Files);
        QCOMPARE(files.size(), 1);
        m_saved = QDir(scenariosFolder()).filePath(files.first());
        const json scenario = readJson(m_saved);
        QVERIFY(scenario.is_object());
        QCOMPARE(stringAt(scenario, "agent"), QStringLiteral("order-tracker"));
        QCOMPARE(scenario["turns"].size(), size_t(3));
        QCOMPARE(scenario["turns"][0]["expect"].value("noTools", false), true);
        QCOMPARE(stringAt(scenario["turns"][1]["expect"]["tool"], "name"), QStringLiteral("get_order_status"));
        QCOMPARE(stringAt(scenario["turns"][2]["expect"]["escalation"], "reason"),
                 QStringLiteral("delivered_not_received"));
        QCOMPARE(m_workspace->scenarios()->list()->count(), 1);

        QSignalSpy finished(m_workspace->scenarios(), &ScenarioPanel::finished);
        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("runScenariosButton")));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toInt(), 1);
        QCOMPARE(finished.first().at(1).toInt(), 0);
        QVERIFY(m_workspace->scenarios()->list()->item(0)->text().startsWith(QStringLiteral("PASS")));
    }

    void aScenarioThatNoLongerHoldsFails()
    {
        // Expect a different tool in the second turn: the replay must say FAIL, naming why.
        json scenario = readJson(m_saved);
        scenario["turns"][1]["expect"]["tool"] = { { "name", "track_shipment_by_awb" } };
        QFile file(m_saved);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray::fromStdString(scenario.dump(2)));
        file.close();
        QSignalSpy finished(m_workspace->scenarios(), &ScenarioPanel::finished);
        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("runScenariosButton")));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toInt(), 0);
        QCOMPARE(finished.first().at(1).toInt(), 1);
        QVERIFY(m_workspace->scenarios()->list()->item(0)->text().startsWith(QStringLiteral("FAIL")));
        QVERIFY(m_workspace->scenarios()->summaryText().contains(QStringLiteral("1 failed")));
    }

    void aRecordTheStoreDoesNotKnowIsReported()
    {
        // An outbound COD agent about a cart id that does not exist cannot place the call; the
        // reason is shown and the buttons stay usable.
        QVERIFY(m_workspace->selectAgent(QStringLiteral("cod-confirmation")));
        m_workspace->setRecord(QString());
        QSignalSpy started(m_workspace->engine(), &TestCallEngine::started);
        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("startCallButton")));
        QVERIFY(started.wait(20000));
        QVERIFY(!started.first().first().toString().isEmpty());
        QVERIFY(!m_workspace->engine()->isActive());
        QVERIFY(m_workspace->findChild<QPushButton *>(QStringLiteral("startCallButton"))->isEnabled());
    }

    void aSpokenLineFromAWavFileIsHeard()
    {
        // The caller's words as a WAV file (espeak-ng, 16 kHz, a little noise), played in through
        // the speech pipeline and the embedded recognizer during a running call.
        EspeakTts tts;
        QVERIFY2(tts.isAvailable(), qPrintable(tts.initError()));
        std::vector<std::int16_t> audio = silence(300, 16000);
        append(audio, speak(tts, QStringLiteral("Where is my order?"), QStringLiteral("en-us"), 1.0, 16000));
        append(audio, silence(300, 16000));
        addNoise(audio, 20.0, 3);
        const QString wav = m_dir.filePath(QStringLiteral("where.wav"));
        QString error;
        QVERIFY2(WavWriter::write(wav, audio, 16000, AudioEncoding::Pcm16, &error), qPrintable(error));

        QVERIFY(m_workspace->selectAgent(QStringLiteral("order-tracker")));
        m_workspace->setRecord(QString());
        QSignalSpy started(m_workspace->engine(), &TestCallEngine::started);
        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("startCallButton")));
        QVERIFY(started.wait(20000));
        QVERIFY(m_workspace->findChild<QPushButton *>(QStringLiteral("playWavButton"))->isEnabled());

        QSignalSpy speaking(m_workspace->wavCaller(), &WavCaller::speakingChanged);
        QSignalSpy played(m_workspace->wavCaller(), &WavCaller::finished);
        QSignalSpy answered(m_workspace->engine(), &TestCallEngine::turnAnswered);
        m_workspace->playWavFiles({ wav });
        QVERIFY(!m_workspace->findChild<QPushButton *>(QStringLiteral("playWavButton"))->isEnabled());
        QVERIFY(played.wait(30000));
        QCOMPARE(played.first().first().toString(), QString());
        QVERIFY(speaking.count() >= 2);   // speech started, then the turn ended
        QCOMPARE(speaking.first().first().toBool(), true);
        QVERIFY(answered.count() > 0 || answered.wait(10000));
        QString heard;
        for (const SessionEvent &e : m_workspace->transcript()->events())
            if (e.type == QLatin1String("user"))
                heard = e.text();
        QVERIFY2(normalizeTranscript(heard).contains(QStringLiteral("order")), qPrintable(heard));
        QCOMPARE(m_workspace->transcript()->events().last().type == QLatin1String("user"), false);   // answered
        QTRY_VERIFY(m_workspace->findChild<QPushButton *>(QStringLiteral("playWavButton"))->isEnabled());

        // A file that is not a WAV is refused by name; the call goes on.
        const QString bad = m_dir.filePath(QStringLiteral("notes.wav"));
        QFile text(bad);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not audio");
        text.close();
        QSignalSpy failed(m_workspace->wavCaller(), &WavCaller::finished);
        m_workspace->playWavFiles({ bad });
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().first().toString().startsWith(QStringLiteral("notes.wav: ")));
        QVERIFY(m_workspace->engine()->isActive());
        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("endCallButton")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->engine()->isActive(), 10000);
    }

    void talksThroughMicrophoneAndSpeakerDevices()
    {
        // The devices are buffers here (this machine has none): the caller's line as 16 kHz PCM
        // in, the agent's voice collected out — the same VoiceLink path the Talk button opens on
        // the system microphone and speaker.
        EspeakTts tts;
        std::vector<std::int16_t> caller = silence(300, 16000);
        append(caller, speak(tts, QStringLiteral("Where is my order?"), QStringLiteral("en-us"), 1.0, 16000));
        append(caller, silence(1500, 16000));
        addNoise(caller, 20.0, 5);
        auto spoken = std::make_shared<QByteArray>();
        VoiceDevices devices;
        devices.openInput = [caller](QObject *owner, QString *) -> QIODevice * {
            auto *mic = new QBuffer(owner);
            mic->setData(reinterpret_cast<const char *>(caller.data()), qsizetype(caller.size() * 2));
            mic->open(QIODevice::ReadOnly);
            return mic;
        };
        devices.openOutput = [spoken](QObject *owner, QString *) -> QIODevice * {
            auto *speaker = new QBuffer(spoken.get(), owner);
            speaker->open(QIODevice::WriteOnly);
            return speaker;
        };

        QVERIFY(m_workspace->selectAgent(QStringLiteral("order-tracker")));
        m_workspace->setRecord(QString());
        QSignalSpy started(m_workspace->engine(), &TestCallEngine::started);
        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("startCallButton")));
        QVERIFY(started.wait(20000));
        QSignalSpy listening(m_workspace->voice(), &VoiceLink::started);
        QSignalSpy agentAudio(m_workspace->voice(), &VoiceLink::agentAudio);
        QSignalSpy answered(m_workspace->engine(), &TestCallEngine::turnAnswered);
        m_workspace->startVoice(devices);
        QVERIFY(listening.wait(20000));
        QCOMPARE(listening.first().first().toString(), QString());
        QVERIFY(answered.wait(20000));   // heard, said to the Session, answered
        QString heard;
        for (const SessionEvent &e : m_workspace->transcript()->events())
            if (e.type == QLatin1String("user"))
                heard = e.text();
        QVERIFY2(normalizeTranscript(heard).contains(QStringLiteral("order")), qPrintable(heard));
        // The reply is synthesized and played to the speaker.
        QTRY_VERIFY_WITH_TIMEOUT(!agentAudio.isEmpty() && agentAudio.last().first().toLongLong() > 8000, 15000);
        QSignalSpy stopped(m_workspace->voice(), &VoiceLink::stopped);
        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("endCallButton")));
        QVERIFY(stopped.wait(10000));
        QVERIFY(!m_workspace->voice()->isRunning());
        const auto *samples = reinterpret_cast<const std::int16_t *>(spoken->constData());
        QVERIFY(rms(samples, std::size_t(spoken->size() / 2)) > 100.0);
    }

    void agentsSavedMeanwhileAppearWhenComingBack()
    {
        QVERIFY(!m_workspace->selectAgent(QStringLiteral("my-tracker")));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("agents"))));
        QFile shipped(QStringLiteral(":/ringside/agents/order-tracker.json"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        json agent = json::parse(shipped.readAll().toStdString());
        agent["name"] = "My Tracker";
        QFile mine(m_dir.filePath(QStringLiteral("agents/my-tracker.json")));
        QVERIFY(mine.open(QIODevice::WriteOnly));
        mine.write(QByteArray::fromStdString(agent.dump(2)));
        mine.close();
        QSignalSpy reloaded(m_workspace.get(), &TestCallWorkspace::reloaded);
        m_workspace->activated();
        QVERIFY(reloaded.wait(20000));
        QVERIFY(m_workspace->selectAgent(QStringLiteral("my-tracker")));
    }

    void cleanupTestCase()
    {
        m_workspace.reset();
        m_backend.reset();
    }
};

QTEST_MAIN(TestTestCall)
#include "tst_testcall.moc"
