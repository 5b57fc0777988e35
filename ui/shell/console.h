#pragma once

#include "services/consolepaths.h"
#include "util/clock.h"

#include <QDateTime>
#include <QObject>
#include <QProcessEnvironment>

#include <memory>

class QSettings;

namespace ringside::ui {

class AgentsWorkspace;
class AnalyticsWorkspace;
class Backend;
class ConsoleSettings;
class MainWindow;
class SecretStore;
class SettingsWorkspace;
class TestCallWorkspace;

struct ConsoleOptions {
    QString dataFolder;      // empty: the XDG data folder
    QString databasePath;    // --db; empty: Settings' choice, else <data>/ringside.db
    bool demo = false;       // --demo: fill an empty database with the demo store
    QDateTime now;           // --now; invalid: the real clock
    bool memorySecrets = false;   // keep keys in memory only (screenshots, tests)
};

// The whole console wired together: the worker Backend, the settings, the secret store, the main
// window and its workspaces. app/console/main.cpp only parses options and calls start().
class Console final : public QObject
{
    Q_OBJECT
public:
    Console(ConsoleOptions options, QSettings &settings, QProcessEnvironment environment, QObject *parent = nullptr);
    ~Console() override;

    // Opens the database (and with --demo fills an empty one); emits ready() when data can be shown.
    void start();
    // Fills the open, empty database with the demo store and call history, with progress.
    void loadDemoStore();

    MainWindow *window() const { return m_window.get(); }
    Backend &backend() const { return *m_backend; }
    const Clock &clock() const { return m_clock; }
    const ConsolePaths &paths() const { return m_paths; }
    AgentsWorkspace *agents() const { return m_agents; }
    TestCallWorkspace *testCall() const { return m_testCall; }
    AnalyticsWorkspace *analytics() const { return m_analytics; }
    SettingsWorkspace *settingsWorkspace() const { return m_settingsWorkspace; }

Q_SIGNALS:
    // The database is open (ok) or could not be (the status bar says why).
    void ready(bool ok);
    void demoLoaded(bool ok);

private:
    void handleOpened(const QString &error);
    void showDatabaseStatus();
    // Test Call's speech engines get the environment plus the provider keys in the keychain;
    // again whenever a provider key is saved or removed.
    void refreshProviderEnvironment();

    ConsoleOptions m_options;
    ConsolePaths m_paths;
    Clock m_clock;
    std::unique_ptr<ConsoleSettings> m_settings;
    std::unique_ptr<Backend> m_backend;          // outlives the window: workspaces post to it
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<MainWindow> m_window;
    AgentsWorkspace *m_agents = nullptr;
    TestCallWorkspace *m_testCall = nullptr;
    AnalyticsWorkspace *m_analytics = nullptr;
    SettingsWorkspace *m_settingsWorkspace = nullptr;
    QProcessEnvironment m_environment;
    bool m_loadingDemo = false;
};

} // namespace ringside::ui
