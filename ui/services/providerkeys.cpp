#include "providerkeys.h"

#include <QCoreApplication>

namespace ringside::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ringside::ui::ProviderKeys)
};

ProviderKey key(const char *id, const QString &label, const QString &usedFor, QStringList vars)
{
    return ProviderKey { QString::fromLatin1(id), label, usedFor, std::move(vars) };
}
} // namespace

const QList<ProviderKey> &providerKeys()
{
    static const QList<ProviderKey> keys = {
        key("deepgram", QStringLiteral("Deepgram"), Tr::tr("speech recognition (sttProvider deepgram)"),
            { QStringLiteral("DEEPGRAM_API_KEY") }),
        key("google", QStringLiteral("Google Cloud Speech"), Tr::tr("speech recognition (sttProvider google)"),
            { QStringLiteral("GOOGLE_SPEECH_API_KEY"), QStringLiteral("GOOGLE_API_KEY") }),
        key("cartesia", QStringLiteral("Cartesia"), Tr::tr("speech synthesis (ttsProvider cartesia)"),
            { QStringLiteral("CARTESIA_API_KEY") }),
        key("azure", QStringLiteral("Azure Speech"), Tr::tr("speech synthesis (ttsProvider azure)"),
            { QStringLiteral("AZURE_SPEECH_KEY") }),
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

} // namespace ringside::ui
