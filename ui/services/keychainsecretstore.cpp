#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

namespace ringside::ui {

namespace {
// QtKeychain's own messages are terse ("No keychain service available"); say what to do.
QString describe(const QKeychain::Job &job)
{
    if (job.error() == QKeychain::NoBackendAvailable)
        return KeychainSecretStore::tr("No keychain service is running (on Linux: GNOME Keyring or KWallet "
                                       "through the Secret Service). Keys can still come from environment variables.");
    if (job.error() == QKeychain::AccessDenied || job.error() == QKeychain::AccessDeniedByUser)
        return KeychainSecretStore::tr("The keychain refused access: %1").arg(job.errorString());
    return job.errorString();
}
} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{
}

void KeychainSecretStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (j->error() == QKeychain::EntryNotFound)
            Q_EMIT readFinished(key, QString(), false, QString());
        else if (j->error() != QKeychain::NoError)
            Q_EMIT readFinished(key, QString(), false, describe(*j));
        else
            Q_EMIT readFinished(key, readJob->textData(), true, QString());
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        Q_EMIT writeFinished(key, j->error() == QKeychain::NoError ? QString() : describe(*j));
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        Q_EMIT removeFinished(key, ok ? QString() : describe(*j));
    });
    job->start();
}

QString KeychainSecretStore::backendName() const
{
    return tr("the system keychain");
}

} // namespace ringside::ui
