#pragma once
// The fixed vocabulary of the agent format: enum spellings, known providers, ranges and the
// built-in template variables. One place, so the validator, the docs and the console agree.

#include <QString>
#include <QStringList>

namespace ringside {

enum class AgentType { Inbound, Outbound };

// What the agent is for; analytics groups calls by it.
enum class UseCase { Wismo, DeliveryUpdate, CodConfirmation, CartRecovery, Returns, Other };

QString agentTypeName(AgentType type);                 // "inbound", "outbound"
bool agentTypeFromName(const QString &name, AgentType *type);
QStringList agentTypeNames();

QString useCaseName(UseCase useCase);                  // "wismo", "delivery_update", …
bool useCaseFromName(const QString &name, UseCase *useCase);
QStringList useCaseNames();

// Provider names accepted in llmProvider / sttProvider / ttsProvider. "embedded" is the offline
// default of each (playbook brain, pocketsphinx, espeak-ng).
QStringList knownLlmProviders();
QStringList knownSttProviders();
QStringList knownTtsProviders();
inline QString embeddedProvider() { return QStringLiteral("embedded"); }

// The speaking-rate multipliers a TTS provider accepts (ttsConfig.speed).
struct SpeedRange {
    double min = 0;
    double max = 0;
};
// False when the provider is not known.
bool ttsSpeedRange(const QString &ttsProvider, SpeedRange *range);

// Limits that do not depend on the provider.
namespace agentlimits {
constexpr double minTemperature = 0.0;
constexpr double maxTemperature = 2.0;
constexpr double minKeywordBoost = -10.0;
constexpr double maxKeywordBoost = 10.0;
} // namespace agentlimits

// Defaults for omitted fields (docs/agent-format.md lists the same values).
namespace agentdefaults {
constexpr AgentType type = AgentType::Inbound;
constexpr UseCase useCase = UseCase::Other;
inline QString language() { return QStringLiteral("en-US"); }
constexpr double llmTemperature = 0.3;
constexpr int endpointingMs = 250;
constexpr bool interimResults = true;
constexpr double keywordBoost = 1.0;   // a bare "word" in sttConfig.keywords
constexpr double ttsSpeed = 1.0;
constexpr bool allowInterruptions = true;
constexpr int verificationAttempts = 2;
} // namespace agentdefaults

// callerVerification.methods: what a caller may confirm ("pin_code", "phone_last4", "email").
QStringList callerVerificationMethods();
namespace agentlimits {
constexpr int maxVerificationAttempts = 5;
} // namespace agentlimits

// Variables the engine fills from the store and the call; usable in any agent without declaring.
QStringList builtInVariables();

// BCP 47 shape: language[-Script][-REGION], e.g. en-US, en-IN, hi-IN, zh-Hant-TW.
bool isLanguageTag(const QString &tag);
// A template variable or tool name: letters, digits and '_', not starting with a digit.
bool isIdentifier(const QString &name);

} // namespace ringside
