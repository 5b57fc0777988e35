#include "engine/llm/llmfactory.h"

#include "engine/llm/geminiclient.h"
#include "engine/llm/openaicompatibleclient.h"

namespace ringside {

namespace {
void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// Reads a base URL variable; empty means "use the default".
bool readBaseUrl(const QProcessEnvironment &env, const QString &variable, QUrl *url, QString *error)
{
    const QString value = env.value(variable).trimmed();
    if (value.isEmpty())
        return true;
    const QUrl parsed(value, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty()
        || (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https"))) {
        setError(error, QStringLiteral("%1: \"%2\" is not an http(s) URL such as http://localhost:11434/v1")
                            .arg(variable, value));
        return false;
    }
    *url = parsed;
    return true;
}
} // namespace

QStringList remoteLlmProviders()
{
    return {QStringLiteral("gemini"), QStringLiteral("gemini-2.5"), QStringLiteral("openai-compatible"),
            QStringLiteral("ollama"), QStringLiteral("llama.cpp"), QStringLiteral("vllm")};
}

std::optional<LlmProvider> parseLlmProvider(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("gemini") || n == QLatin1String("gemini-2.5"))
        return LlmProvider::Gemini;
    if (n == QLatin1String("openai-compatible") || n == QLatin1String("ollama") || n == QLatin1String("llama.cpp")
        || n == QLatin1String("vllm"))
        return LlmProvider::OpenAiCompatible;
    return std::nullopt;
}

QUrl defaultLlmBaseUrl(const QString &provider)
{
    const QString n = provider.trimmed().toLower();
    if (parseLlmProvider(n) == LlmProvider::Gemini)
        return GeminiClient::defaultBaseUrl();
    if (n == QLatin1String("llama.cpp"))
        return QUrl(QStringLiteral("http://localhost:8080/v1"));
    if (n == QLatin1String("vllm"))
        return QUrl(QStringLiteral("http://localhost:8000/v1"));
    return OpenAiCompatibleClient::defaultBaseUrl();
}

std::optional<LlmClientOptions> llmOptionsFromEnvironment(const QString &provider, const QProcessEnvironment &env,
                                                          QString *error)
{
    const std::optional<LlmProvider> kind = parseLlmProvider(provider);
    if (!kind) {
        setError(error, QStringLiteral("llmProvider: \"%1\" is not known; use one of %2")
                            .arg(provider, remoteLlmProviders().join(QStringLiteral(", "))));
        return std::nullopt;
    }
    LlmClientOptions options;
    options.baseUrl = defaultLlmBaseUrl(provider);
    if (*kind == LlmProvider::Gemini) {
        if (!readBaseUrl(env, QStringLiteral("RINGSIDE_GEMINI_BASE_URL"), &options.baseUrl, error))
            return std::nullopt;
        options.apiKey = env.value(QStringLiteral("GEMINI_API_KEY")).trimmed();
        if (options.apiKey.isEmpty())
            options.apiKey = env.value(QStringLiteral("GOOGLE_API_KEY")).trimmed();
        if (options.apiKey.isEmpty()) {
            setError(error, QStringLiteral("llmProvider \"%1\" needs an API key: set GEMINI_API_KEY (or GOOGLE_API_KEY)")
                                .arg(provider));
            return std::nullopt;
        }
    } else {
        if (!readBaseUrl(env, QStringLiteral("RINGSIDE_OPENAI_BASE_URL"), &options.baseUrl, error))
            return std::nullopt;
        options.apiKey = env.value(QStringLiteral("OPENAI_API_KEY")).trimmed(); // local servers need none
    }
    return options;
}

std::unique_ptr<LlmClient> createLlmClient(const QString &provider, const QProcessEnvironment &env, QString *error,
                                           QNetworkAccessManager *network)
{
    std::optional<LlmClientOptions> options = llmOptionsFromEnvironment(provider, env, error);
    if (!options)
        return nullptr;
    if (parseLlmProvider(provider) == LlmProvider::Gemini)
        return std::make_unique<GeminiClient>(*options, network);
    return std::make_unique<OpenAiCompatibleClient>(*options, network);
}

std::unique_ptr<LlmClient> createLlmClient(const QString &provider, QString *error)
{
    return createLlmClient(provider, QProcessEnvironment::systemEnvironment(), error);
}

} // namespace ringside
