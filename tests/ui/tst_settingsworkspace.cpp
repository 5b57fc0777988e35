// The Settings workspace: provider keys saved to and removed from the secret store (never to the
// settings file), the environment-variable fallback shown, engine URL validation, opening another
// database on the worker, and an honest audio-device note.
#include "services/backend.h"
#include "services/consolesettings.h"
#include "services/secretstore.h"
#include "settings/audiodevicesbox.h"
#include "settings/providerkeysbox.h"
#include "settings/settingsworkspace.h"
#include "uitestutil.h"

#include "speech/cloud/speechproviders.h"

#include <QComboBox>
#include <QLineEdit>
#include <QAudioDevice>
#include <QMediaDevices>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace ringside;
using namespace ringside::ui;
using namespace ringside::ui::test;

class TestSettingsWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<ConsoleSettings> m_settings;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<SettingsWorkspace> m_workspace;

    QString settingsPath() const { return m_dir.filePath(QStringLiteral("settings.ini")); }

private Q_SLOTS:
    void init()
    {
        m_qsettings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
        m_settings = std::make_unique<ConsoleSettings>(*m_qsettings);
        m_backend = std::make_unique<Backend>();
        QCOMPARE(await(m_backend->openDatabase(m_dir.filePath(QStringLiteral("first.db")))), QString());
        m_secrets = std::make_unique<MemorySecretStore>();
        QProcessEnvironment env;
        env.insert(QStringLiteral("DEEPGRAM_API_KEY"), QStringLiteral("dg-from-env"));
        env.insert(QStringLiteral("GOOGLE_API_KEY"), QStringLiteral("google-from-env"));
        m_workspace = std::make_unique<SettingsWorkspace>(*m_backend, *m_settings, *m_secrets, env);
        m_workspace->resize(1100, 900);
        m_workspace->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
        QTRY_VERIFY(!m_workspace->keys()->statusText(QStringLiteral("deepgram")).contains(QStringLiteral("Checking")));
    }

    void cleanup()
    {
        m_workspace.reset();
        m_secrets.reset();
        m_backend.reset();
        m_settings.reset();
        m_qsettings.reset();
        QFile::remove(settingsPath());
    }

    void showsKeysFromTheEnvironment()
    {
        ProviderKeysBox *keys = m_workspace->keys();
        QVERIFY2(keys->statusText(QStringLiteral("deepgram")).contains(QStringLiteral("environment (DEEPGRAM_API_KEY)")),
                 qPrintable(keys->statusText(QStringLiteral("deepgram"))));
        // Gemini falls back to GOOGLE_API_KEY, as the engine does.
        QVERIFY(keys->statusText(QStringLiteral("gemini")).contains(QStringLiteral("GOOGLE_API_KEY")));
        QVERIFY(keys->statusText(QStringLiteral("cartesia")).startsWith(QStringLiteral("Not set")));
        QVERIFY(!keys->clearButton(QStringLiteral("cartesia"))->isEnabled());
        // GOOGLE_API_KEY is an API key; Chirp needs an access token: the speech row does not take it.
        QVERIFY2(keys->statusText(QStringLiteral("google-token")).startsWith(QStringLiteral("Not set — set GOOGLE_ACCESS_TOKEN")),
                 qPrintable(keys->statusText(QStringLiteral("google-token"))));
    }

    // What the panel asks for is exactly what the speech clients read: the values typed here reach
    // the engine's environment, and Chirp (hi-IN) and Azure are then chosen without a notice.
    void cloudSpeechRunsOnTheValuesTypedHere()
    {
        ProviderKeysBox *keys = m_workspace->keys();
        const QList<QPair<QString, QString>> typed = {
            { QStringLiteral("google-token"), QStringLiteral("ya29.typed-token") },
            { QStringLiteral("google-project"), QStringLiteral("shop-speech") },
            { QStringLiteral("azure"), QStringLiteral("azure-typed-key") },
            { QStringLiteral("azure-region"), QStringLiteral("centralindia") },
        };
        // A token and key are masked; a project and a region are shown as typed.
        QCOMPARE(keys->keyEdit(QStringLiteral("google-token"))->echoMode(), QLineEdit::Password);
        QCOMPARE(keys->keyEdit(QStringLiteral("google-project"))->echoMode(), QLineEdit::Normal);
        QCOMPARE(keys->keyEdit(QStringLiteral("azure-region"))->echoMode(), QLineEdit::Normal);
        for (const auto &[id, value] : typed) {
            QLineEdit *edit = keys->keyEdit(id);
            QVERIFY2(edit, qPrintable(id));
            QTest::keyClicks(edit, value);
            QVERIFY(clickButton(keys, QStringLiteral("keySave-") + id));
            QTRY_VERIFY(keys->statusText(id).contains(QStringLiteral("Saved in the keychain")));
        }

        QProcessEnvironment engineEnv;
        bool loaded = false;
        loadProviderEnvironment(*m_secrets, QProcessEnvironment(), this, [&](const QProcessEnvironment &env) {
            engineEnv = env;
            loaded = true;
        });
        QTRY_VERIFY(loaded);
        QCOMPARE(engineEnv.value(QStringLiteral("GOOGLE_ACCESS_TOKEN")), QStringLiteral("ya29.typed-token"));
        QCOMPARE(engineEnv.value(QStringLiteral("GOOGLE_CLOUD_PROJECT")), QStringLiteral("shop-speech"));
        QCOMPARE(engineEnv.value(QStringLiteral("AZURE_SPEECH_KEY")), QStringLiteral("azure-typed-key"));
        QCOMPARE(engineEnv.value(QStringLiteral("AZURE_SPEECH_REGION")), QStringLiteral("centralindia"));

        SpeechProviders providers(engineEnv);
        SpeechChoice choice = providers.choose(QStringLiteral("google"), QString(), QStringLiteral("azure"), {}, QStringLiteral("hi-IN"));
        QVERIFY2(choice.notices.isEmpty(), qPrintable(choice.notices.join(QStringLiteral("; "))));
        QVERIFY(choice.cloudStt);
        QCOMPARE(choice.stt->name(), QStringLiteral("google"));
        QVERIFY(choice.tts);
        QCOMPARE(choice.tts->name(), QStringLiteral("azure"));

        // A value set in the environment wins over the keychain's (as the man page says).
        QProcessEnvironment base;
        base.insert(QStringLiteral("GOOGLE_CLOUD_PROJECT"), QStringLiteral("from-env"));
        loaded = false;
        loadProviderEnvironment(*m_secrets, base, this, [&](const QProcessEnvironment &env) {
            engineEnv = env;
            loaded = true;
        });
        QTRY_VERIFY(loaded);
        QCOMPARE(engineEnv.value(QStringLiteral("GOOGLE_CLOUD_PROJECT")), QStringLiteral("from-env"));
        QCOMPARE(engineEnv.value(QStringLiteral("GOOGLE_ACCESS_TOKEN")), QStringLiteral("ya29.typed-token"));
    }

    void savesAndRemovesKeysInTheSecretStoreOnly()
    {
        ProviderKeysBox *keys = m_workspace->keys();
        QLineEdit *edit = keys->keyEdit(QStringLiteral("cartesia"));
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QVERIFY(!keys->saveButton(QStringLiteral("cartesia"))->isEnabled());
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("sk-cartesia-123"));
        QVERIFY(clickButton(keys, QStringLiteral("keySave-cartesia")));
        QTRY_VERIFY(keys->statusText(QStringLiteral("cartesia")).contains(QStringLiteral("Saved in the keychain")));
        QCOMPARE(m_secrets->contents().value(QStringLiteral("provider/cartesia")), QStringLiteral("sk-cartesia-123"));
        QVERIFY(edit->text().isEmpty());   // not kept on screen
        m_qsettings->sync();
        QFile file(settingsPath());
        if (file.open(QIODevice::ReadOnly))
            QVERIFY(!file.readAll().contains("sk-cartesia-123"));

        // A key in both places says so.
        QTest::keyClicks(keys->keyEdit(QStringLiteral("deepgram")), QStringLiteral("dg-stored"));
        QTest::keyClick(keys->keyEdit(QStringLiteral("deepgram")), Qt::Key_Return);
        QTRY_VERIFY(keys->statusText(QStringLiteral("deepgram")).contains(QStringLiteral("also set in the environment")));

        QVERIFY(clickButton(keys, QStringLiteral("keyClear-cartesia")));
        QTRY_VERIFY(keys->statusText(QStringLiteral("cartesia")).startsWith(QStringLiteral("Not set")));
        QVERIFY(!m_secrets->contents().contains(QStringLiteral("provider/cartesia")));
    }

    void validatesTheRemoteEngineAddress()
    {
        // A radio button only reacts on its indicator and label, not the empty width beside them.
        auto *remote = m_workspace->findChild<QRadioButton *>(QStringLiteral("remoteRadio"));
        QTest::mouseClick(remote, Qt::LeftButton, {}, QPoint(8, remote->height() / 2));
        auto *url = m_workspace->findChild<QLineEdit *>(QStringLiteral("engineUrlEdit"));
        QVERIFY(url->isEnabled());
        QTest::keyClicks(url, QStringLiteral("http://engine.local:8080"));
        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("applyEngineButton")));
        QVERIFY2(m_workspace->engineError().contains(QStringLiteral("ws://")), qPrintable(m_workspace->engineError()));
        QCOMPARE(m_settings->engineMode(), ConsoleSettings::EngineMode::Embedded);
        QCOMPARE(url->text(), QStringLiteral("http://engine.local:8080"));   // kept for fixing

        url->clear();
        QTest::keyClicks(url, QStringLiteral("wss://engine.example.com:8443/monitor"));
        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("applyEngineButton")));
        QVERIFY(m_workspace->engineError().isEmpty());
        QCOMPARE(m_settings->engineMode(), ConsoleSettings::EngineMode::Remote);
        QCOMPARE(m_settings->remoteEngineUrl(), QUrl(QStringLiteral("wss://engine.example.com:8443/monitor")));
    }

    void opensAnotherDatabaseOnTheWorker()
    {
        const QString second = m_dir.filePath(QStringLiteral("second.db"));
        auto *path = m_workspace->findChild<QLineEdit *>(QStringLiteral("databasePathEdit"));
        path->clear();
        QTest::keyClicks(path, second);
        QSignalSpy opened(m_backend.get(), &Backend::databaseOpened);
        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("openDatabaseButton")));
        QVERIFY(opened.wait(30000));
        QCOMPARE(m_backend->databasePath(), second);
        // The workspace saves the path from its own watcher on the same future, which may run after
        // databaseOpened has been delivered: wait for it (it must still happen).
        QTRY_COMPARE(m_settings->databasePath(), second);
        QTRY_VERIFY(m_workspace->databaseStatus().startsWith(QStringLiteral("Open: ") + second));

        path->clear();
        QTest::keyClicks(path, QStringLiteral("/proc/no-such-dir/x.db"));
        QVERIFY(clickButton(m_workspace.get(), QStringLiteral("openDatabaseButton")));
        QTRY_VERIFY(m_workspace->databaseStatus().startsWith(QStringLiteral("Could not open it")));
        QCOMPARE(m_settings->databasePath(), second);   // the last good choice stays remembered
    }

    void saysWhenThereAreNoAudioDevices()
    {
        AudioDevicesBox *audio = m_workspace->audio();
        QCOMPARE(audio->inputCombo()->itemText(0), QStringLiteral("System default"));
        QCOMPARE(audio->inputCombo()->count(), 1 + int(QMediaDevices::audioInputs().size()));
        QCOMPARE(audio->noteText().contains(QStringLiteral("No microphone")), QMediaDevices::audioInputs().isEmpty());
    }
};

QTEST_MAIN(TestSettingsWorkspace)
#include "tst_settingsworkspace.moc"
