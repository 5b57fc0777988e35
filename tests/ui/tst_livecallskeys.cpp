// The console's engines run on the provider keys kept in the keychain, not only on the process
// environment. Live Calls starts from Settings with the Chirp token and project and the Azure key
// and region saved in the (memory) keychain and none in the environment; a Hindi COD caller rings
// it, and the loopback Chirp and Azure fakes are reached with exactly those values. And in the whole
// console, a token and project typed into Settings → Provider keys are what Test Call's WAV caller
// reaches Chirp with.
#include "../telephony/cloudspeechfakes.h"

#include "agent/agent.h"
#include "livecalls/escalationalert.h"
#include "settings/providerkeysbox.h"
#include "settings/settingsworkspace.h"
#include "shell/console.h"
#include "speech/wavwriter.h"
#include "testcall/testcallworkspace.h"
#include "testcall/wavcaller.h"
#include "livecalls/livecallsworkspace.h"
#include "services/backend.h"
#include "services/consolesettings.h"
#include "services/secretstore.h"
#include "speechtestaudio.h"
#include "uitestutil.h"

#include "commerce/demostore.h"
#include "commerce/fixtureimporter.h"
#include "storage/database.h"
#include "telephony/standincaller.h"

#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ringside;
using namespace ringside::ui;

namespace {
const QString kNow = QStringLiteral("2026-11-26T10:00:00+05:30");
const QString kOrder = QStringLiteral("ORD-482950"); // a pending COD order in the demo store (seed 1)
} // namespace

class TestLiveCallsKeys : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void embeddedEngineCallsUseTheKeychainsKeys()
    {
        ringside::test::CloudSpeechFakes cloud;
        QVERIFY(cloud.listen());
        cloud.transcripts = { QStringLiteral("हाँ जी, कन्फर्म कर दीजिए") };
        // Endpoints point at the fakes; no key is in the environment.
        const QProcessEnvironment fakes = cloud.environment();
        for (const char *name : { "RINGSIDE_GOOGLE_SPEECH_URL", "RINGSIDE_AZURE_TTS_URL", "GOOGLE_SPEECH_LOCATION" })
            qputenv(name, fakes.value(QString::fromLatin1(name)).toUtf8());
        for (const char *name : { "GOOGLE_ACCESS_TOKEN", "GOOGLE_CLOUD_PROJECT", "AZURE_SPEECH_KEY", "AZURE_SPEECH_REGION" })
            qunsetenv(name);

        QTemporaryDir dir;
        const QString dbPath = dir.filePath(QStringLiteral("live.db"));
        {
            QString error;
            auto db = Database::open(dbPath, &error);
            QVERIFY2(db, qPrintable(error));
            commerce::ImportOptions options;
            options.now = parseIso(kNow);
            const auto report = commerce::FixtureImporter(*db).importData(commerce::generateDemoStore(1, options.now), options);
            QVERIFY2(report.ok, qPrintable(report.errors.join(QStringLiteral("; "))));
        }
        QSettings qsettings(dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
        ConsoleSettings settings(qsettings);
        Backend backend;
        QCOMPARE(ui::test::await(backend.openDatabase(dbPath)), QString());
        MemorySecretStore secrets;
        secrets.write(QStringLiteral("provider/google-token"), QStringLiteral("ya29.from-keychain"));
        secrets.write(QStringLiteral("provider/google-project"), QStringLiteral("keychain-project"));
        secrets.write(QStringLiteral("provider/azure"), QStringLiteral("azure-from-keychain"));
        secrets.write(QStringLiteral("provider/azure-region"), QStringLiteral("centralindia"));
        QTRY_COMPARE(secrets.contents().size(), 4);

        Clock clock;
        QVERIFY(Clock::fromOption(kNow, &clock, nullptr));
        LiveCallsWorkspace ws(backend, settings, secrets, clock, QString());
        ws.alert().setMuted(true);
        QSignalSpy started(&ws, &LiveCallsWorkspace::embeddedEngineStarted);
        ws.activated(); // as on the first visit: embedded, from Settings
        QVERIFY(started.wait(30000));
        const quint16 port = started.at(0).at(0).value<quint16>();

        telephony::StandInCaller::Config c;
        c.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/twilio/media").arg(port));
        c.streamSid = QStringLiteral("MZkeys1");
        c.callSid = QStringLiteral("CAkeys1");
        c.from = QStringLiteral("+919812345678");
        c.to = QStringLiteral("+918000000000");
        c.customParameters = { { QStringLiteral("agent"), QStringLiteral("cod-confirmation") }, { QStringLiteral("order"), kOrder } };
        c.streamSecret = ws.engine().streamSecret();
        telephony::StandInCaller caller(c);
        caller.dial(true);

        // The greeting is synthesized by Azure with the keychain's key.
        QTRY_VERIFY_WITH_TIMEOUT(cloud.azure->requests().size() >= 1, 20000);
        QCOMPARE(cloud.azure->requests().at(0).header("Ocp-Apim-Subscription-Key"), QByteArray("azure-from-keychain"));

        // The caller's Hindi goes to Chirp with the keychain's token, in the keychain's project.
        EspeakTts voice;
        QVERIFY2(voice.isAvailable(), "espeak-ng is needed");
        std::vector<std::int16_t> yes = ringside::test::silence(200, 8000);
        ringside::test::append(yes, ringside::test::speak(voice, QStringLiteral("हाँ जी कन्फर्म कर दीजिए"), QStringLiteral("hi"), 1.0, 8000));
        QVERIFY(QTest::qWaitFor([&] { return caller.stats().answered; }, 10000));
        QTest::qWait(3000); // let the greeting finish so the line is a turn, not a barge-in
        caller.say(yes);
        QTRY_VERIFY_WITH_TIMEOUT(cloud.chirp->requests().size() >= 1, 20000);
        const fakes::RecordedRequest &heard = cloud.chirp->requests().at(0);
        QCOMPARE(heard.header("Authorization"), QByteArray("Bearer ya29.from-keychain"));
        QVERIFY2(heard.path().startsWith(QStringLiteral("/v2/projects/keychain-project/locations/asia-south1/")), qPrintable(heard.path()));
    }

    void testCallHearsWithTheKeysTypedInSettings()
    {
        ringside::test::CloudSpeechFakes cloud;
        QVERIFY(cloud.listen());
        cloud.transcripts = { QStringLiteral("हाँ जी, कन्फर्म कर दीजिए") };
        // The console's environment has the fake's endpoint and no key.
        const QProcessEnvironment fakes = cloud.environment();
        QProcessEnvironment env;
        env.insert(QStringLiteral("RINGSIDE_GOOGLE_SPEECH_URL"), fakes.value(QStringLiteral("RINGSIDE_GOOGLE_SPEECH_URL")));
        env.insert(QStringLiteral("GOOGLE_SPEECH_LOCATION"), QStringLiteral("asia-south1"));

        QTemporaryDir dir;
        QSettings qsettings(dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
        ConsoleOptions options;
        options.memorySecrets = true;
        options.dataFolder = dir.path();
        Console console(options, qsettings, env);

        ProviderKeysBox *keys = console.settingsWorkspace()->keys();
        const QList<QPair<QString, QString>> typed = { { QStringLiteral("google-token"), QStringLiteral("ya29.typed-in-settings") },
                                                       { QStringLiteral("google-project"), QStringLiteral("typed-project") } };
        for (const auto &[id, value] : typed) {
            QTest::keyClicks(keys->keyEdit(id), value);
            QVERIFY(ui::test::clickButton(keys, QStringLiteral("keySave-") + id));
            QTRY_VERIFY(keys->statusText(id).contains(QStringLiteral("Saved in the keychain")));
        }
        WavCaller *wav = console.testCall()->wavCaller();
        QTRY_COMPARE(wav->environment().value(QStringLiteral("GOOGLE_CLOUD_PROJECT")), QStringLiteral("typed-project"));

        const AgentLoadResult cod = loadAgentFile(QStringLiteral(RINGSIDE_SOURCE_DIR "/resources/agents/cod-confirmation.json"));
        QVERIFY(cod.ok());
        EspeakTts voice;
        QVERIFY2(voice.isAvailable(), "espeak-ng is needed");
        std::vector<std::int16_t> yes = ringside::test::silence(300, 16000);
        ringside::test::append(yes, ringside::test::speak(voice, QStringLiteral("हाँ जी कन्फर्म कर दीजिए"), QStringLiteral("hi"), 1.0, 16000));
        const QString file = dir.filePath(QStringLiteral("yes.wav"));
        QString error;
        QVERIFY2(WavWriter::write(file, yes, 16000, AudioEncoding::Pcm16, &error), qPrintable(error));

        QSignalSpy heard(wav, &WavCaller::heard);
        QSignalSpy finished(wav, &WavCaller::finished);
        wav->play(cod.agent, { file });
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(0).at(0).toString(), QString());
        QCOMPARE(heard.size(), 1);
        QCOMPARE(heard.at(0).at(0).toString(), QStringLiteral("हाँ जी, कन्फर्म कर दीजिए"));
        QCOMPARE(cloud.chirp->requests().size(), 1);
        QCOMPARE(cloud.chirp->requests().at(0).header("Authorization"), QByteArray("Bearer ya29.typed-in-settings"));
        QVERIFY2(cloud.chirp->requests().at(0).path().startsWith(QStringLiteral("/v2/projects/typed-project/")),
                 qPrintable(cloud.chirp->requests().at(0).path()));
    }
};

QTEST_MAIN(TestLiveCallsKeys)
#include "tst_livecallskeys.moc"
