#include "settingsworkspace.h"

#include "audiodevicesbox.h"
#include "languagebox.h"
#include "providerkeysbox.h"
#include "storebox.h"

#include "agents/fielderrors.h"
#include "common/format.h"
#include "services/backend.h"
#include "services/consolelanguage.h"
#include "services/consolesettings.h"
#include "services/demodata.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace ringside::ui {

SettingsWorkspace::SettingsWorkspace(Backend &backend, ConsoleSettings &settings, SecretStore &secrets,
                                     QProcessEnvironment environment, QWidget *parent)
    : Workspace(parent)
    , m_backend(backend)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("settings"));
    auto *outer = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    scroll->setWidget(page);

    // Engine
    auto *engine = new QGroupBox(tr("Engine"), page);
    auto *engineLayout = new QVBoxLayout(engine);
    m_embedded = new QRadioButton(tr("&Embedded — calls run inside this console"), engine);
    m_embedded->setObjectName(QStringLiteral("embeddedRadio"));
    m_remote = new QRadioButton(tr("&Remote — attach to ringside-engine serve on another machine"), engine);
    m_remote->setObjectName(QStringLiteral("remoteRadio"));
    m_url = new QLineEdit(engine);
    m_url->setObjectName(QStringLiteral("engineUrlEdit"));
    m_url->setPlaceholderText(QStringLiteral("wss://engine.example.com:8443/monitor"));
    m_urlError = makeErrorLabel(engine);
    m_urlError->setObjectName(QStringLiteral("engineUrlError"));
    m_applyEngine = new QPushButton(tr("Apply"), engine);
    m_applyEngine->setObjectName(QStringLiteral("applyEngineButton"));
    auto *urlRow = new QHBoxLayout;
    urlRow->addSpacing(24);
    urlRow->addWidget(new QLabel(tr("Address:"), engine));
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_applyEngine);
    auto *tokenNote = new QLabel(tr("The remote engine's access token is stored with the provider keys below."), engine);
    tokenNote->setEnabled(false);
    engineLayout->addWidget(m_embedded);
    engineLayout->addWidget(m_remote);
    engineLayout->addLayout(urlRow);
    engineLayout->addWidget(m_urlError);
    engineLayout->addWidget(tokenNote);
    layout->addWidget(engine);
    const bool remote = settings.engineMode() == ConsoleSettings::EngineMode::Remote;
    (remote ? m_remote : m_embedded)->setChecked(true);
    m_url->setText(settings.remoteEngineUrl().toString());
    m_url->setEnabled(remote);
    connect(m_remote, &QRadioButton::toggled, m_url, &QWidget::setEnabled);
    connect(m_applyEngine, &QPushButton::clicked, this, &SettingsWorkspace::applyEngine);
    connect(m_url, &QLineEdit::returnPressed, this, &SettingsWorkspace::applyEngine);

    // Database
    auto *database = new QGroupBox(tr("Database"), page);
    auto *dbLayout = new QVBoxLayout(database);
    auto *dbRow = new QHBoxLayout;
    m_databasePath = new QLineEdit(database);
    m_databasePath->setObjectName(QStringLiteral("databasePathEdit"));
    auto *browse = new QPushButton(tr("Browse…"), database);
    auto *open = new QPushButton(tr("Open"), database);
    open->setObjectName(QStringLiteral("openDatabaseButton"));
    dbRow->addWidget(m_databasePath, 1);
    dbRow->addWidget(browse);
    dbRow->addWidget(open);
    m_databaseStatus = new QLabel(database);
    m_databaseStatus->setObjectName(QStringLiteral("databaseStatus"));
    m_databaseStatus->setWordWrap(true);
    dbLayout->addWidget(new QLabel(tr("An SQLite file holding the store, the call history and the campaign queue. "
                                      "It is created if it does not exist."), database));
    dbLayout->addLayout(dbRow);
    dbLayout->addWidget(m_databaseStatus);
    layout->addWidget(database);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Choose a database"), m_databasePath->text(),
                                                          tr("SQLite databases (*.db);;All files (*)"), nullptr,
                                                          QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            m_databasePath->setText(path);
    });
    connect(open, &QPushButton::clicked, this, [this] { openDatabase(m_databasePath->text().trimmed()); });
    connect(&m_backend, &Backend::databaseOpened, this, &SettingsWorkspace::showDatabase);
    connect(&m_backend, &Backend::dataChanged, this, &SettingsWorkspace::showDatabase);

    // Store: the connected shop
    m_store = new StoreBox(backend, secrets, page);
    layout->addWidget(m_store);

    // Providers
    m_keys = new ProviderKeysBox(secrets, environment, page);
    layout->addWidget(m_keys);
    auto *openAi = new QGroupBox(tr("OpenAI-compatible server"), page);
    auto *openAiForm = new QFormLayout(openAi);
    m_openAiBase = new QLineEdit(openAi);
    m_openAiBase->setObjectName(QStringLiteral("openAiBaseEdit"));
    m_openAiBase->setPlaceholderText(QStringLiteral("http://localhost:11434/v1"));
    m_openAiBase->setText(settings.openAiBaseUrl());
    const QString fromEnvironment = environment.value(QStringLiteral("RINGSIDE_OPENAI_BASE_URL"));
    openAiForm->addRow(tr("Base &URL:"), m_openAiBase);
    if (!fromEnvironment.isEmpty()) {
        auto *note = new QLabel(tr("RINGSIDE_OPENAI_BASE_URL is set (%1) and takes precedence.").arg(fromEnvironment), openAi);
        note->setWordWrap(true);
        openAiForm->addRow(note);
    }
    connect(m_openAiBase, &QLineEdit::editingFinished, this, [this] {
        m_settings.setOpenAiBaseUrl(m_openAiBase->text().trimmed());
    });
    layout->addWidget(openAi);

    m_audio = new AudioDevicesBox(settings, page);
    layout->addWidget(m_audio);
    m_language = new LanguageBox(settings, ConsoleLanguage::available(ConsoleLanguage::translationsFolder()),
                                 QLocale::languageToCode(QLocale().language()), page);
    layout->addWidget(m_language);
    layout->addStretch(1);
    showDatabase();
}

QString SettingsWorkspace::title() const
{
    return tr("Settings");
}

QIcon SettingsWorkspace::icon() const
{
    return style()->standardIcon(QStyle::SP_FileDialogContentsView);
}

bool SettingsWorkspace::applyEngine()
{
    if (m_remote->isChecked()) {
        QString error;
        const QUrl url(m_url->text().trimmed());
        if (!isValidEngineUrl(url, &error)) {
            m_urlError->setText(error);
            m_urlError->show();
            return false;
        }
        m_settings.setRemoteEngineUrl(url);
        m_settings.setEngineMode(ConsoleSettings::EngineMode::Remote);
    } else {
        m_settings.setEngineMode(ConsoleSettings::EngineMode::Embedded);
    }
    m_urlError->hide();
    m_settings.sync();
    return true;
}

QString SettingsWorkspace::engineError() const
{
    return m_urlError->isHidden() ? QString() : m_urlError->text();
}

void SettingsWorkspace::openDatabase(const QString &path)
{
    if (path.isEmpty()) {
        m_databaseStatus->setText(tr("Enter the path of a database file."));
        return;
    }
    m_databaseStatus->setText(tr("Opening %1…").arg(path));
    whenReady(m_backend.openDatabase(path), this, [this, path](const QString &error) {
        if (!error.isEmpty()) {
            // The previous database is closed by a failed open; say so rather than pretend.
            m_databaseStatus->setText(tr("Could not open it: %1").arg(error));
            return;
        }
        m_settings.setDatabasePath(path);
        m_settings.sync();
        m_backend.notifyDataChanged();
    });
}

void SettingsWorkspace::showDatabase()
{
    const QString path = m_backend.databasePath();
    if (path.isEmpty()) {
        m_databaseStatus->setText(tr("No database is open."));
        return;
    }
    if (m_databasePath->text().isEmpty() || !m_databasePath->hasFocus())
        m_databasePath->setText(path);
    whenReady(m_backend.run([](WorkerServices &s) { return probeStore(s); }), this,
              [this, path](const StoreStatus &status) {
                  m_databaseStatus->setText(tr("Open: %1 — %2 store records, %3 calls%4")
                                                    .arg(path, formatCount(status.storeRecords),
                                                         formatCount(status.callRecords),
                                                         status.storeName.isEmpty() ? QString()
                                                                                    : tr(" (%1)").arg(status.storeName)));
              },
              [this](const QString &error) { m_databaseStatus->setText(error); });
}

QString SettingsWorkspace::databaseStatus() const
{
    return m_databaseStatus->text();
}

} // namespace ringside::ui
