#include "providerkeysbox.h"

#include "services/secretstore.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace ringside::ui {

ProviderKeysBox::ProviderKeysBox(SecretStore &secrets, QProcessEnvironment environment, QWidget *parent)
    : QGroupBox(tr("Provider keys"), parent)
    , m_secrets(secrets)
    , m_environment(std::move(environment))
{
    auto *grid = new QGridLayout(this);
    auto *intro = new QLabel(tr("Keys for cloud speech and language providers are kept in %1, or read from the "
                                "environment. They are never written to agent files. Agents whose provider has no "
                                "key run on the embedded (offline) engine instead.")
                                     .arg(secrets.backendName()),
                             this);
    intro->setWordWrap(true);
    grid->addWidget(intro, 0, 0, 1, 5);
    QList<ProviderKey> keys = providerKeys();
    keys.append(engineTokenKey());
    int line = 1;
    for (const ProviderKey &key : keys) {
        Row row;
        row.key = key;
        auto *name = new QLabel(QStringLiteral("<b>%1</b><br><small>%2</small>").arg(key.label.toHtmlEscaped(),
                                                                                     key.usedFor.toHtmlEscaped()),
                                this);
        row.status = new QLabel(tr("Checking…"), this);
        row.status->setObjectName(QStringLiteral("keyStatus-") + key.id);
        row.status->setWordWrap(true);
        row.edit = new QLineEdit(this);
        row.edit->setObjectName(QStringLiteral("keyEdit-") + key.id);
        row.edit->setEchoMode(key.secret ? QLineEdit::Password : QLineEdit::Normal);
        row.edit->setPlaceholderText(key.secret ? tr("Paste a new key") : tr("Type a new value"));
        row.edit->setClearButtonEnabled(true);
        row.edit->setAccessibleName(tr("%1 key").arg(key.label));
        row.save = new QPushButton(tr("Save"), this);
        row.save->setObjectName(QStringLiteral("keySave-") + key.id);
        row.save->setEnabled(false);
        row.clear = new QPushButton(tr("Remove"), this);
        row.clear->setObjectName(QStringLiteral("keyClear-") + key.id);
        row.clear->setEnabled(false);
        grid->addWidget(name, line, 0);
        grid->addWidget(row.status, line, 1);
        grid->addWidget(row.edit, line, 2);
        grid->addWidget(row.save, line, 3);
        grid->addWidget(row.clear, line, 4);
        const QString id = key.id;
        connect(row.edit, &QLineEdit::textChanged, this, [this, id](const QString &text) {
            rowFor(id)->save->setEnabled(!text.trimmed().isEmpty());
        });
        connect(row.edit, &QLineEdit::returnPressed, row.save, &QPushButton::click);
        connect(row.save, &QPushButton::clicked, this, [this, id] {
            Row *r = rowFor(id);
            const QString value = r->edit->text().trimmed();
            if (value.isEmpty())
                return;
            r->save->setEnabled(false);
            r->status->setText(tr("Saving…"));
            m_secrets.write(r->key.keychainKey(), value);
        });
        connect(row.clear, &QPushButton::clicked, this, [this, id] {
            Row *r = rowFor(id);
            r->clear->setEnabled(false);
            m_secrets.remove(r->key.keychainKey());
        });
        m_rows.append(row);
        ++line;
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);

    connect(&m_secrets, &SecretStore::readFinished, this,
            [this](const QString &key, const QString &, bool found, const QString &error) {
                if (Row *r = rowForKeychainKey(key)) {
                    r->inKeychain = found;
                    r->keychainError = error;
                    showStatus(*r);
                }
            });
    connect(&m_secrets, &SecretStore::writeFinished, this, [this](const QString &key, const QString &error) {
        if (Row *r = rowForKeychainKey(key)) {
            r->keychainError = error;
            if (error.isEmpty()) {
                r->inKeychain = true;
                r->edit->clear();   // the key is not kept in the window once stored
            } else {
                r->save->setEnabled(true);   // keep what was typed: nothing lost
            }
            showStatus(*r);
        }
    });
    connect(&m_secrets, &SecretStore::removeFinished, this, [this](const QString &key, const QString &error) {
        if (Row *r = rowForKeychainKey(key)) {
            r->keychainError = error;
            if (error.isEmpty())
                r->inKeychain = false;
            showStatus(*r);
        }
    });
    reload();
}

void ProviderKeysBox::reload()
{
    for (const Row &row : std::as_const(m_rows))
        m_secrets.read(row.key.keychainKey());
}

void ProviderKeysBox::showStatus(Row &row)
{
    QString variable;
    const bool inEnvironment = !environmentValue(row.key, m_environment, &variable).isEmpty();
    QStringList parts;
    if (row.inKeychain)
        parts << tr("✓ Saved in the keychain");
    if (inEnvironment)
        parts << (row.inKeychain ? tr("also set in the environment (%1)").arg(variable)
                                 : tr("✓ From the environment (%1)").arg(variable));
    if (parts.isEmpty())
        parts << tr("Not set — set %1 or save a key here").arg(row.key.envVars.join(tr(" or ")));
    if (!row.keychainError.isEmpty())
        parts << tr("Keychain: %1").arg(row.keychainError);
    row.status->setText(parts.join(QStringLiteral("; ")));
    row.clear->setEnabled(row.inKeychain);
    Q_EMIT statusChanged(row.key.id);
}

QString ProviderKeysBox::statusText(const QString &keyId) const
{
    const Row *r = rowFor(keyId);
    return r ? r->status->text() : QString();
}

QLineEdit *ProviderKeysBox::keyEdit(const QString &keyId) const
{
    const Row *r = rowFor(keyId);
    return r ? r->edit : nullptr;
}

QPushButton *ProviderKeysBox::saveButton(const QString &keyId) const
{
    const Row *r = rowFor(keyId);
    return r ? r->save : nullptr;
}

QPushButton *ProviderKeysBox::clearButton(const QString &keyId) const
{
    const Row *r = rowFor(keyId);
    return r ? r->clear : nullptr;
}

ProviderKeysBox::Row *ProviderKeysBox::rowFor(const QString &keyId)
{
    for (Row &r : m_rows) {
        if (r.key.id == keyId)
            return &r;
    }
    return nullptr;
}

const ProviderKeysBox::Row *ProviderKeysBox::rowFor(const QString &keyId) const
{
    for (const Row &r : m_rows) {
        if (r.key.id == keyId)
            return &r;
    }
    return nullptr;
}

ProviderKeysBox::Row *ProviderKeysBox::rowForKeychainKey(const QString &keychainKey)
{
    for (Row &r : m_rows) {
        if (r.key.keychainKey() == keychainKey)
            return &r;
    }
    return nullptr;
}

} // namespace ringside::ui
