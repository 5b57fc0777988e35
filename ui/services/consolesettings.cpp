#include "consolesettings.h"

#include <QCoreApplication>
#include <QSettings>

namespace ringside::ui {

namespace {
const QString kEngineMode = QStringLiteral("engine/mode");
const QString kEngineUrl = QStringLiteral("engine/url");
const QString kDatabasePath = QStringLiteral("database/path");
const QString kOpenAiBaseUrl = QStringLiteral("providers/openaiBaseUrl");
const QString kAudioInput = QStringLiteral("audio/input");
const QString kAudioOutput = QStringLiteral("audio/output");
const QString kLanguage = QStringLiteral("ui/language");

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ringside::ui::ConsoleSettings)
};
} // namespace

ConsoleSettings::EngineMode ConsoleSettings::engineMode() const
{
    return m_settings.value(kEngineMode).toString() == QLatin1String("remote") ? EngineMode::Remote
                                                                                : EngineMode::Embedded;
}

void ConsoleSettings::setEngineMode(EngineMode mode)
{
    m_settings.setValue(kEngineMode, mode == EngineMode::Remote ? QStringLiteral("remote") : QStringLiteral("embedded"));
}

QUrl ConsoleSettings::remoteEngineUrl() const
{
    return QUrl(m_settings.value(kEngineUrl).toString());
}

void ConsoleSettings::setRemoteEngineUrl(const QUrl &url)
{
    m_settings.setValue(kEngineUrl, url.toString());
}

QString ConsoleSettings::databasePath() const
{
    return m_settings.value(kDatabasePath).toString();
}

void ConsoleSettings::setDatabasePath(const QString &path)
{
    if (path.isEmpty())
        m_settings.remove(kDatabasePath);
    else
        m_settings.setValue(kDatabasePath, path);
}

QString ConsoleSettings::openAiBaseUrl() const
{
    return m_settings.value(kOpenAiBaseUrl).toString();
}

void ConsoleSettings::setOpenAiBaseUrl(const QString &url)
{
    m_settings.setValue(kOpenAiBaseUrl, url);
}

QByteArray ConsoleSettings::audioInput() const
{
    return m_settings.value(kAudioInput).toByteArray();
}

void ConsoleSettings::setAudioInput(const QByteArray &id)
{
    m_settings.setValue(kAudioInput, id);
}

QByteArray ConsoleSettings::audioOutput() const
{
    return m_settings.value(kAudioOutput).toByteArray();
}

void ConsoleSettings::setAudioOutput(const QByteArray &id)
{
    m_settings.setValue(kAudioOutput, id);
}

QString ConsoleSettings::language() const
{
    return m_settings.value(kLanguage).toString();
}

void ConsoleSettings::setLanguage(const QString &code)
{
    if (code.isEmpty())
        m_settings.remove(kLanguage);
    else
        m_settings.setValue(kLanguage, code);
}

void ConsoleSettings::sync()
{
    m_settings.sync();
}

bool isValidEngineUrl(const QUrl &url, QString *error)
{
    QString problem;
    if (url.isEmpty())
        problem = Tr::tr("Enter the engine's address, e.g. wss://engine.example.com:8443/monitor.");
    else if (!url.isValid())
        problem = Tr::tr("This is not a valid address: %1").arg(url.errorString());
    else if (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))
        problem = Tr::tr("The address must start with ws:// or wss://, not %1://.").arg(url.scheme());
    else if (url.host().isEmpty())
        problem = Tr::tr("The address has no host name.");
    if (error)
        *error = problem;
    return problem.isEmpty();
}

} // namespace ringside::ui
