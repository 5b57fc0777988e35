#include "agent/agentschema.h"

#include <QRegularExpression>

namespace ringside {

namespace {

struct TypeName {
    AgentType type;
    const char *name;
};
constexpr TypeName typeNames[] = {
    { AgentType::Inbound, "inbound" },
    { AgentType::Outbound, "outbound" },
};

struct UseCaseName {
    UseCase useCase;
    const char *name;
};
constexpr UseCaseName useCaseNameTable[] = {
    { UseCase::Wismo, "wismo" },
    { UseCase::DeliveryUpdate, "delivery_update" },
    { UseCase::CodConfirmation, "cod_confirmation" },
    { UseCase::CartRecovery, "cart_recovery" },
    { UseCase::Returns, "returns" },
    { UseCase::Other, "other" },
};

} // namespace

QString agentTypeName(AgentType type)
{
    for (const TypeName &t : typeNames) {
        if (t.type == type)
            return QString::fromLatin1(t.name);
    }
    return {};
}

bool agentTypeFromName(const QString &name, AgentType *type)
{
    for (const TypeName &t : typeNames) {
        if (name == QLatin1String(t.name)) {
            *type = t.type;
            return true;
        }
    }
    return false;
}

QStringList agentTypeNames()
{
    QStringList names;
    for (const TypeName &t : typeNames)
        names << QString::fromLatin1(t.name);
    return names;
}

QString useCaseName(UseCase useCase)
{
    for (const UseCaseName &u : useCaseNameTable) {
        if (u.useCase == useCase)
            return QString::fromLatin1(u.name);
    }
    return {};
}

bool useCaseFromName(const QString &name, UseCase *useCase)
{
    for (const UseCaseName &u : useCaseNameTable) {
        if (name == QLatin1String(u.name)) {
            *useCase = u.useCase;
            return true;
        }
    }
    return false;
}

QStringList useCaseNames()
{
    QStringList names;
    for (const UseCaseName &u : useCaseNameTable)
        names << QString::fromLatin1(u.name);
    return names;
}

QStringList knownLlmProviders()
{
    // "gemini-2.5" is the seed's spelling; it means Gemini like "gemini".
    return { QStringLiteral("embedded"), QStringLiteral("gemini"), QStringLiteral("gemini-2.5"),
             QStringLiteral("openai-compatible"), QStringLiteral("ollama"), QStringLiteral("llama.cpp"),
             QStringLiteral("vllm") };
}

QStringList knownSttProviders()
{
    return { QStringLiteral("embedded"), QStringLiteral("deepgram"), QStringLiteral("google") };
}

QStringList knownTtsProviders()
{
    return { QStringLiteral("embedded"), QStringLiteral("cartesia"), QStringLiteral("azure") };
}

bool ttsSpeedRange(const QString &ttsProvider, SpeedRange *range)
{
    // Cartesia sonic-3 takes generation_config.speed 0.6–1.5; Azure prosody rates of -50%..+100%;
    // espeak-ng words-per-minute scaled by the same multiplier stays intelligible in 0.5–2.0.
    if (ttsProvider == QLatin1String("cartesia")) {
        *range = { 0.6, 1.5 };
        return true;
    }
    if (ttsProvider == QLatin1String("azure") || ttsProvider == QLatin1String("embedded")) {
        *range = { 0.5, 2.0 };
        return true;
    }
    return false;
}

QStringList builtInVariables()
{
    return { QStringLiteral("storeName"),       QStringLiteral("customerName"),
             QStringLiteral("orderId"),         QStringLiteral("productName"),
             QStringLiteral("orderTotal"),      QStringLiteral("deliveryDate"),
             QStringLiteral("deliveryAddress"), QStringLiteral("deliveryUpdate"),
             QStringLiteral("cartTotal"),       QStringLiteral("freeShippingThreshold"),
             QStringLiteral("suggestedItem"),   QStringLiteral("orderIdFormat"),
             QStringLiteral("processingTime"),  QStringLiteral("discountAmount") };
}

QStringList callerVerificationMethods()
{
    return { QStringLiteral("pin_code"), QStringLiteral("phone_last4"), QStringLiteral("email") };
}

bool isLanguageTag(const QString &tag)
{
    static const QRegularExpression shape(QStringLiteral("^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$"));
    return shape.match(tag).hasMatch();
}

bool isIdentifier(const QString &name)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return shape.match(name).hasMatch();
}

} // namespace ringside
