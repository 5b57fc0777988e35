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
