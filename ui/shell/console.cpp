#include "console.h"

#include "mainwindow.h"

#include "agents/agenteditor.h"
#include "agents/agentsworkspace.h"
#include "analytics/analyticsworkspace.h"
#include "campaigns/campaignsworkspace.h"
#include "services/backend.h"
#include "services/consolesettings.h"
#include "services/demodata.h"
#include "services/keychainsecretstore.h"
#include "services/providerkeys.h"
#include "services/secretstore.h"
#include "services/workerservices.h"
#include "livecalls/livecallsworkspace.h"
#include "settings/settingsworkspace.h"
#include "testcall/testcallworkspace.h"
#include "testcall/voicelink.h"
#include "testcall/wavcaller.h"

#include <QAction>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QStyle>

namespace ringside::ui {

Console::Console(ConsoleOptions options, QSettings &settings, QProcessEnvironment environment, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_paths(m_options.dataFolder.isEmpty() ? ConsolePaths::standard() : ConsolePaths::inFolder(m_options.dataFolder))
    , m_clock(m_options.now.isValid() ? Clock(m_options.now) : Clock())
    , m_settings(std::make_unique<ConsoleSettings>(settings))
    , m_backend(std::make_unique<Backend>())
    , m_environment(environment)
{
    if (m_options.memorySecrets)
        m_secrets = std::make_unique<MemorySecretStore>();
    else
        m_secrets = std::make_unique<KeychainSecretStore>(QStringLiteral("Ringside"));

    m_window = std::make_unique<MainWindow>();
    m_window->attachBackend(*m_backend);
    m_agents = new AgentsWorkspace(*m_backend, m_clock, m_paths.agentsFolder);
    m_analytics = new AnalyticsWorkspace(*m_backend, m_clock);
    m_settingsWorkspace = new SettingsWorkspace(*m_backend, *m_settings, *m_secrets, std::move(environment));
    m_testCall = new TestCallWorkspace(*m_backend, m_clock, m_paths.agentsFolder, m_paths.scenariosFolder);
    m_testCall->setVoiceDevices([settings = m_settings.get()] {
        return VoiceLink::systemDevices(settings->audioInput(), settings->audioOutput());
    });
    auto *liveCalls = new LiveCallsWorkspace(*m_backend, *m_settings, *m_secrets, m_clock, m_paths.agentsFolder);
    m_window->addWorkspace(m_agents);
    m_window->addWorkspace(m_testCall);
    m_window->addWorkspace(liveCalls);
    m_window->addWorkspace(new CampaignsWorkspace(*m_backend, m_clock));
    m_window->addWorkspace(m_analytics);
    m_window->addWorkspace(m_settingsWorkspace);

    QAction *demo = new QAction(tr("Load &Demo Store"), m_window.get());
    m_window->fileMenu()->insertAction(m_window->fileMenu()->actions().value(0), demo);
    m_window->fileMenu()->insertSeparator(m_window->fileMenu()->actions().value(1));
    connect(demo, &QAction::triggered, this, &Console::loadDemoStore);
    connect(m_analytics, &AnalyticsWorkspace::demoStoreRequested, this, &Console::loadDemoStore);
    connect(m_backend.get(), &Backend::databaseOpened, this, &Console::showDatabaseStatus);
    connect(m_backend.get(), &Backend::dataChanged, this, &Console::showDatabaseStatus);

    auto providerKeyChanged = [this](const QString &key, const QString &error) {
        if (error.isEmpty() && key.startsWith(QLatin1String("provider/")))
            refreshProviderEnvironment();
    };
    connect(m_secrets.get(), &SecretStore::writeFinished, this, providerKeyChanged);
    connect(m_secrets.get(), &SecretStore::removeFinished, this, providerKeyChanged);
    refreshProviderEnvironment();
}

void Console::refreshProviderEnvironment()
{
    loadProviderEnvironment(*m_secrets, m_environment, this, [this](const QProcessEnvironment &environment) {
        m_testCall->wavCaller()->setEnvironment(environment);
        m_testCall->voice()->setEnvironment(environment);
        // Test Call's chat assembles its calls on the worker thread: the LLM brain's key goes there.
        m_backend->run([environment](WorkerServices &services) { services.setProviderEnvironment(environment); });
    });
}

Console::~Console() = default;

void Console::start()
{
    QString path = m_options.databasePath;
    if (path.isEmpty())
        path = m_settings->databasePath();
    if (path.isEmpty())
        path = m_paths.databasePath;
    m_window->setStatusText(tr("Opening %1…").arg(path));
    whenReady(m_backend->openDatabase(path), this, [this](const QString &error) { handleOpened(error); });
}

void Console::handleOpened(const QString &error)
{
    if (!error.isEmpty()) {
        m_window->setStatusText(tr("No database: %1").arg(error));
        Q_EMIT ready(false);
        return;
    }
    if (!m_options.demo) {
        Q_EMIT ready(true);
        return;
    }
    // --demo: fill the database if it is empty, then say we are ready either way.
    whenReady(m_backend->run([](WorkerServices &s) { return probeStore(s); }), this,
              [this](const StoreStatus &status) {
                  if (!status.isEmpty()) {
                      Q_EMIT ready(true);
                      return;
                  }
                  connect(this, &Console::demoLoaded, this, [this](bool) { Q_EMIT ready(true); },
                          Qt::SingleShotConnection);
                  loadDemoStore();
              },
              [this](const QString &e) {
                  m_window->setStatusText(e);
                  Q_EMIT ready(false);
              });
}

void Console::loadDemoStore()
{
    if (m_loadingDemo || m_backend->databasePath().isEmpty())
        return;
    m_loadingDemo = true;
    m_window->setStatusText(tr("Loading the demo store…"));
    const QDateTime now = m_clock.now();
    whenReady(m_backend->run([now](WorkerServices &s) { return loadDemoData(s, now); }), this,
              [this](const DemoLoadReport &report) {
                  m_loadingDemo = false;
                  if (!report.loaded) {
                      m_window->setStatusText(report.error);
                      QMessageBox::information(m_window.get(), tr("Demo store"), report.error);
                      Q_EMIT demoLoaded(false);
                      return;
                  }
                  m_backend->notifyDataChanged();
                  m_window->setStatusText(report.summary);
                  Q_EMIT demoLoaded(true);
              },
              [this](const QString &error) {
                  m_loadingDemo = false;
                  m_window->setStatusText(tr("The demo store could not be loaded: %1").arg(error));
                  Q_EMIT demoLoaded(false);
              });
}

void Console::showDatabaseStatus()
{
    const QString path = m_backend->databasePath();
    m_window->setWindowTitle(path.isEmpty() ? tr("Ringside") : tr("%1 — Ringside").arg(QFileInfo(path).fileName()));
    if (m_loadingDemo)
        return;
    whenReady(m_backend->run([](WorkerServices &s) { return probeStore(s); }), this,
              [this, path](const StoreStatus &status) {
                  if (status.isEmpty())
                      m_window->setStatusText(tr("Database %1 is empty — File ▸ Load Demo Store to explore with sample data.")
                                                      .arg(path));
                  else
                      m_window->setStatusText(tr("Database %1%2").arg(path, status.storeName.isEmpty()
                                                                                ? QString()
                                                                                : tr(" · %1").arg(status.storeName)));
              });
}

} // namespace ringside::ui
