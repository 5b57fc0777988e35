#pragma once

#include <QHash>
#include <QObject>
#include <QString>

namespace ringside::ui {

// Where the console keeps secrets (provider API keys, the remote engine token): the OS keychain
// in the product (KeychainSecretStore), memory in tests and screenshots (MemorySecretStore).
// Every operation is asynchronous — keychains answer over D-Bus or a system service — and
// reports through one signal.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void read(const QString &key) = 0;
    virtual void write(const QString &key, const QString &value) = 0;
    virtual void remove(const QString &key) = 0;
    // "Secret Service (GNOME Keyring, KWallet)", "memory"…: shown in Settings.
    virtual QString backendName() const = 0;

Q_SIGNALS:
    // found is false when nothing is stored under `key` (not an error). `error` is empty on success.
    void readFinished(const QString &key, const QString &value, bool found, const QString &error);
    void writeFinished(const QString &key, const QString &error);
    void removeFinished(const QString &key, const QString &error);
};

// Keeps secrets in memory for the life of the process. Answers on the next event-loop turn, like
// a real keychain, so callers cannot come to rely on synchronous answers.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    void read(const QString &key) override;
    void write(const QString &key, const QString &value) override;
    void remove(const QString &key) override;
    QString backendName() const override;

    // For tests: what is stored right now.
    QHash<QString, QString> contents() const { return m_values; }

private:
    QHash<QString, QString> m_values;
};

} // namespace ringside::ui
