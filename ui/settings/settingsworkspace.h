#pragma once

#include "shell/workspace.h"

#include <QProcessEnvironment>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace ringside::ui {

class AudioDevicesBox;
class LanguageBox;
class Backend;
class ConsoleSettings;
class ProviderKeysBox;
class SecretStore;
class StoreBox;

// Settings: which engine the console uses (embedded, or a remote one by URL), which database,
// provider keys (keychain or environment), the connected shop (Store), audio devices and the
// console's language.
class SettingsWorkspace final : public Workspace
{
    Q_OBJECT
public:
    SettingsWorkspace(Backend &backend, ConsoleSettings &settings, SecretStore &secrets,
                      QProcessEnvironment environment, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;

    // Opens `path` as the database (on the worker); remembered in the settings when it opens.
    void openDatabase(const QString &path);
    // Stores the engine choice; false (with the reason beside the field) for a bad URL.
    bool applyEngine();

    ProviderKeysBox *keys() const { return m_keys; }
    AudioDevicesBox *audio() const { return m_audio; }
    StoreBox *store() const { return m_store; }
    LanguageBox *language() const { return m_language; }
    QString databaseStatus() const;
    QString engineError() const;

private:
    void showDatabase();

    Backend &m_backend;
    ConsoleSettings &m_settings;
    QRadioButton *m_embedded = nullptr;
    QRadioButton *m_remote = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlError = nullptr;
    QPushButton *m_applyEngine = nullptr;
    QLineEdit *m_databasePath = nullptr;
    QLabel *m_databaseStatus = nullptr;
    QLineEdit *m_openAiBase = nullptr;
    ProviderKeysBox *m_keys = nullptr;
    AudioDevicesBox *m_audio = nullptr;
    StoreBox *m_store = nullptr;
    LanguageBox *m_language = nullptr;
};

} // namespace ringside::ui
