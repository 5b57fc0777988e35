#pragma once

#include <QString>
#include <QUrl>

class QSettings;

namespace ringside::ui {

// The console's plain (non-secret) preferences. Secrets — the remote engine token and provider
// keys — never go here; they go to the keychain (SecretStore).
class ConsoleSettings
{
public:
    enum class EngineMode { Embedded, Remote };

    // `settings` is not owned; tests pass an INI file, the console the user's native settings.
    explicit ConsoleSettings(QSettings &settings) : m_settings(settings) {}

    EngineMode engineMode() const;
    void setEngineMode(EngineMode mode);
    QUrl remoteEngineUrl() const;
    void setRemoteEngineUrl(const QUrl &url);

    // Empty: the data folder's ringside.db.
    QString databasePath() const;
    void setDatabasePath(const QString &path);

    // OpenAI-compatible base URL (RINGSIDE_OPENAI_BASE_URL wins when set). Empty: the provider's default.
    QString openAiBaseUrl() const;
    void setOpenAiBaseUrl(const QString &url);

    // QAudioDevice ids; empty: the system default.
    QByteArray audioInput() const;
    void setAudioInput(const QByteArray &id);
    QByteArray audioOutput() const;
    void setAudioOutput(const QByteArray &id);

    // The console's language code ("en", "hi"); empty: follow the system. Read at start.
    QString language() const;
    void setLanguage(const QString &code);

    void sync();

private:
    QSettings &m_settings;
};

// "ws://host:port/…" or "wss://…" with a host; on failure *error says what is wrong.
bool isValidEngineUrl(const QUrl &url, QString *error);

} // namespace ringside::ui
