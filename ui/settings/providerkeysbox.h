#pragma once

#include "services/providerkeys.h"

#include <QGroupBox>
#include <QProcessEnvironment>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ringside::ui {

class SecretStore;

// One row per provider key: where the key comes from now (keychain, environment, nowhere), a
// masked field to store a new one in the keychain, and a button to remove it. Keys never go to
// agent files or plain settings.
class ProviderKeysBox final : public QGroupBox
{
    Q_OBJECT
public:
    ProviderKeysBox(SecretStore &secrets, QProcessEnvironment environment, QWidget *parent = nullptr);

    // Reads every key's state from the keychain again.
    void reload();
    QString statusText(const QString &keyId) const;
    QLineEdit *keyEdit(const QString &keyId) const;
    QPushButton *saveButton(const QString &keyId) const;
    QPushButton *clearButton(const QString &keyId) const;

Q_SIGNALS:
    void statusChanged(const QString &keyId);

private:
    struct Row {
        ProviderKey key;
        QLabel *status = nullptr;
        QLineEdit *edit = nullptr;
        QPushButton *save = nullptr;
        QPushButton *clear = nullptr;
        bool inKeychain = false;
        QString keychainError;
    };
    Row *rowFor(const QString &keyId);
    const Row *rowFor(const QString &keyId) const;
    Row *rowForKeychainKey(const QString &keychainKey);
    void showStatus(Row &row);

    SecretStore &m_secrets;
    QProcessEnvironment m_environment;
    QList<Row> m_rows;
};

} // namespace ringside::ui
