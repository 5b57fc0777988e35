#include "providerkeys.h"

#include "services/secretstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <memory>

namespace ringside::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ringside::ui::ProviderKeys)
};

ProviderKey key(const char *id, const QString &label, const QString &usedFor, QStringList vars, bool secret = true)
{
    return ProviderKey { QString::fromLatin1(id), label, usedFor, std::move(vars), secret };
}
} // namespace

const QList<ProviderKey> &providerKeys()
{
    static const QList<ProviderKey> keys = {
        key("deepgram", QStringLiteral("Deepgram"), Tr::tr("speech recognition (sttProvider deepgram)"),
            { QStringLiteral("DEEPGRAM_API_KEY") }),
        // Chirp authenticates with an OAuth access token (not an API key) and bills a project.
        key("google-token", Tr::tr("Google Cloud access token"),
            Tr::tr("speech recognition (sttProvider google, Chirp); short-lived: gcloud auth print-access-token"),
            { QStringLiteral("GOOGLE_ACCESS_TOKEN") }),
        key("google-project", Tr::tr("Google Cloud project"), Tr::tr("speech recognition (sttProvider google): the project ID"),
            { QStringLiteral("GOOGLE_CLOUD_PROJECT") }, false),
        key("cartesia", QStringLiteral("Cartesia"), Tr::tr("speech synthesis (ttsProvider cartesia)"),
            { QStringLiteral("CARTESIA_API_KEY") }),
        key("azure", QStringLiteral("Azure Speech"), Tr::tr("speech synthesis (ttsProvider azure)"),
            { QStringLiteral("AZURE_SPEECH_KEY") }),
        key("azure-region", Tr::tr("Azure Speech region"), Tr::tr("speech synthesis (ttsProvider azure), e.g. centralindia"),
            { QStringLiteral("AZURE_SPEECH_REGION") }, false),
        key("gemini", QStringLiteral("Gemini"), Tr::tr("language model (llmProvider gemini)"),
            { QStringLiteral("GEMINI_API_KEY"), QStringLiteral("GOOGLE_API_KEY") }),
        key("openai", Tr::tr("OpenAI-compatible"), Tr::tr("language model (openai-compatible, ollama, llama.cpp, vllm)"),
            { QStringLiteral("OPENAI_API_KEY") }),
    };
    return keys;
}

ProviderKey engineTokenKey()
{
    ProviderKey k { QStringLiteral("engine"), Tr::tr("Remote engine token"), Tr::tr("connecting to a remote engine"),
                    { QStringLiteral("RINGSIDE_ENGINE_TOKEN") } };
    return k;
}

QString environmentValue(const ProviderKey &key, const QProcessEnvironment &env, QString *name)
{
    for (const QString &var : key.envVars) {
        const QString value = env.value(var).trimmed();
        if (!value.isEmpty()) {
            if (name)
                *name = var;
            return value;
        }
    }
    if (name)
        name->clear();
    return {};
}

QProcessEnvironment withStoredKeys(QProcessEnvironment env, const QHash<QString, QString> &stored)
{
    for (const ProviderKey &k : providerKeys()) {
        const QString value = stored.value(k.keychainKey()).trimmed();
        if (!value.isEmpty() && environmentValue(k, env).isEmpty())
            env.insert(k.envVars.constFirst(), value);
    }
    return env;
}

void loadProviderEnvironment(SecretStore &secrets, QProcessEnvironment env, QObject *context,
                             std::function<void(const QProcessEnvironment &)> done)
{
    struct Pending {
        QSet<QString> waiting;
        QHash<QString, QString> values;
        QMetaObject::Connection connection;
    };
    auto pending = std::make_shared<Pending>();
    for (const ProviderKey &k : providerKeys())
        pending->waiting.insert(k.keychainKey());
    // The store answers every reader on one signal: keep only our keys, once each.
    pending->connection = QObject::connect(
            &secrets, &SecretStore::readFinished, context,
            [pending, env = std::move(env), done = std::move(done)](const QString &key, const QString &value, bool found,
                                                                    const QString &) {
                if (!pending->waiting.remove(key))
                    return;
                if (found)
                    pending->values.insert(key, value);
                if (!pending->waiting.isEmpty())
                    return;
                QObject::disconnect(pending->connection);
                done(withStoredKeys(env, pending->values));
            });
    for (const ProviderKey &k : providerKeys())
        secrets.read(k.keychainKey());
}

} // namespace ringside::ui
