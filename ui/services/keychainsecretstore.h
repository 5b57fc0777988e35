#pragma once

#include "secretstore.h"

namespace ringside::ui {

// Secrets in the OS keychain through QtKeychain: the freedesktop Secret Service (GNOME Keyring,
// KWallet) on Linux, Keychain on macOS, Credential Manager on Windows. Never falls back to a
// plain-text file: with no keychain service running, operations fail with a clear error and the
// console reads keys from the environment instead.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
public:
    // `service` groups Ringside's entries in the keychain ("Ringside").
    explicit KeychainSecretStore(QString service, QObject *parent = nullptr);

    void read(const QString &key) override;
    void write(const QString &key, const QString &value) override;
    void remove(const QString &key) override;
    QString backendName() const override;

private:
    QString m_service;
};

} // namespace ringside::ui
