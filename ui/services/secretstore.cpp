#include "secretstore.h"

#include <QMetaObject>

namespace ringside::ui {

void MemorySecretStore::read(const QString &key)
{
    const bool found = m_values.contains(key);
    const QString value = m_values.value(key);
    QMetaObject::invokeMethod(this, [this, key, value, found] {
        Q_EMIT readFinished(key, value, found, QString());
    }, Qt::QueuedConnection);
}

void MemorySecretStore::write(const QString &key, const QString &value)
{
    m_values.insert(key, value);
    QMetaObject::invokeMethod(this, [this, key] { Q_EMIT writeFinished(key, QString()); }, Qt::QueuedConnection);
}

void MemorySecretStore::remove(const QString &key)
{
    m_values.remove(key);
    QMetaObject::invokeMethod(this, [this, key] { Q_EMIT removeFinished(key, QString()); }, Qt::QueuedConnection);
}

QString MemorySecretStore::backendName() const
{
    return tr("memory only (not kept after the console closes)");
}

} // namespace ringside::ui
