#include "providerchoices.h"

#include <QCoreApplication>

namespace ringside::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ringside::ui::ProviderChoices)
};
QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromLatin1(i);
    return out;
}
} // namespace

QStringList suggestedLlmModels(const QString &p)
{
    if (p.startsWith(QLatin1String("gemini")))
        return list({ "gemini-2.5-flash-lite", "gemini-2.5-flash", "gemini-2.5-pro" });
    if (p == QLatin1String("openai-compatible"))
        return list({ "gpt-4o-mini", "gpt-4.1-mini", "gpt-4o" });
    if (p == QLatin1String("ollama"))
        return list({ "llama3.1:8b", "qwen2.5:7b", "mistral:7b" });
    if (p == QLatin1String("llama.cpp") || p == QLatin1String("vllm"))
        return list({ "meta-llama/Llama-3.1-8B-Instruct", "Qwen/Qwen2.5-7B-Instruct" });
    return {};
}

QStringList suggestedSttModels(const QString &p)
{
    if (p == QLatin1String("deepgram"))
        return list({ "nova-3", "nova-2", "nova-2-phonecall" });
    if (p == QLatin1String("google"))
        return list({ "chirp", "chirp_2", "latest_long", "telephony" });
    return {};
}

QStringList suggestedTtsVoices(const QString &p, const QString &language)
{
    const bool hindi = language.startsWith(QLatin1String("hi"));
    if (p == QLatin1String("azure"))
        return hindi ? list({ "hi-IN-SwaraNeural", "hi-IN-MadhurNeural" })
                     : list({ "en-US-JennyNeural", "en-US-GuyNeural", "en-IN-NeerjaNeural", "en-IN-PrabhatNeural" });
    if (p == QLatin1String("cartesia"))
        return list({ "95856005-0332-41b0-935f-352e296aa0df" });
    if (p == QLatin1String("embedded"))
        return hindi ? list({ "hi" }) : list({ "en-us", "en-gb" });
    return {};
}

QStringList suggestedLanguages()
{
    return list({ "en-US", "en-IN", "hi-IN", "en-GB" });
}

QString providerLabel(const QString &provider)
{
    if (provider == QLatin1String("embedded"))
        return Tr::tr("Embedded (offline)");
    if (provider == QLatin1String("gemini"))
        return QStringLiteral("Gemini");
    if (provider == QLatin1String("gemini-2.5"))
        return QStringLiteral("Gemini 2.5");
    if (provider == QLatin1String("openai-compatible"))
        return Tr::tr("OpenAI-compatible");
    if (provider == QLatin1String("ollama"))
        return QStringLiteral("Ollama");
    if (provider == QLatin1String("vllm"))
        return QStringLiteral("vLLM");
    if (provider == QLatin1String("deepgram"))
        return QStringLiteral("Deepgram");
    if (provider == QLatin1String("google"))
        return QStringLiteral("Google Cloud Speech");
    if (provider == QLatin1String("cartesia"))
        return QStringLiteral("Cartesia");
    if (provider == QLatin1String("azure"))
        return QStringLiteral("Azure Speech");
    return provider;
}

} // namespace ringside::ui
