#pragma once
// The provider-neutral conversation model shared by every LLM client and the brain above them.
// Clients translate it to and from each wire format; nothing here knows about HTTP.

#include "util/jsonqt.h"

#include <QMetaType>
#include <QString>

#include <optional>
#include <vector>

namespace ringside {

// One function call the model asked for.
// OpenAI sends `arguments` as a JSON *string* that may be invalid; Gemini sends an object.
// Both are kept so the brain can answer an unparsable call with a structured error instead of
// guessing, and so the exact text can be echoed back to the model.
struct LlmToolCall
{
    QString id;             // provider's id, or one the client made up when the provider gave none
    QString name;
    json arguments = json::object(); // parsed object; {} when the text was not a JSON object
    QString rawArguments;   // the arguments exactly as received (OpenAI) or serialised (Gemini)
    bool argumentsValid = true;
    QString argumentsError; // why argumentsValid is false, e.g. "not valid JSON: unexpected end"
};

enum class LlmRole { System, User, Assistant, Tool };
QString roleName(LlmRole role);

// One turn of the conversation.
struct LlmMessage
{
    LlmRole role = LlmRole::User;
    QString text;
    std::vector<LlmToolCall> toolCalls; // assistant only
    QString toolCallId;                 // tool only: which call this answers
    QString toolName;                   // tool only: the function's name (Gemini needs it)
    json toolResult;                    // tool only: the registry's result; null → `text` is used
    // What a provider needs echoed back unchanged, keyed by provider. Gemini keeps the model's
    // whole content here ({"gemini":{"content":{...}}}) because parts may carry thoughtSignature.
    // Clear it if you edit `text` or `toolCalls` (e.g. after a barge-in cut the reply short).
    json providerData;

    static LlmMessage system(const QString &text);
    static LlmMessage user(const QString &text);
    static LlmMessage assistant(const QString &text);
    static LlmMessage toolResultFor(const LlmToolCall &call, const json &result);
};

// Whether the model may, must or must not call tools this round. None lets a brain that hit its
// tool-round cap ask for an answer in words while keeping the tools declared.
enum class LlmToolChoice { Auto, None, Required };

struct LlmRequest
{
    QString model;
    QString systemPrompt;               // sent as the system message / systemInstruction
    std::vector<LlmMessage> messages;
    json tools;                         // OpenAI shape: [{"type":"function","function":{...}}], or null
    std::optional<double> temperature;  // 0–2; unset → the server's default
    std::optional<int> maxTokens;       // unset → the server's default
    LlmToolChoice toolChoice = LlmToolChoice::Auto; // sent only when tools are declared
};

// Why the model stopped, in words every provider maps to. `finishReason` keeps the raw value.
enum class LlmFinish { Stop, ToolCalls, Length, ContentFilter, Other };
QString finishName(LlmFinish finish);

struct LlmResponse
{
    QString text;
    std::vector<LlmToolCall> toolCalls;
    LlmFinish finish = LlmFinish::Other;
    QString finishReason;   // as the provider said it: "stop", "tool_calls", "STOP", "SAFETY"…
    int inputTokens = -1;   // -1 when the provider did not say
    int outputTokens = -1;
    json usage;             // the provider's usage object as received
    json providerData;      // copied into assistantMessage() so the next request can echo it

    // The assistant turn to append to the history before sending tool results back.
    LlmMessage assistantMessage() const;
};

struct LlmError
{
    enum Kind {
        Network,        // refused, reset, DNS, closed mid-stream, stream ended without its end mark
        Timeout,        // no first byte, stalled stream, or over the total budget
        Http4xx,        // the server rejected the request (bad key, bad model, bad schema)
        Http5xx,        // the server failed (500, 502, 503, 504, an error sent mid-stream)
        RateLimited,    // 429 or RESOURCE_EXHAUSTED; retryAfterMs says when to try again if known
        Malformed,      // the server's output could not be understood (JSON, SSE, missing fields)
        Cancelled,      // cancel() was called
        Config,         // missing key, bad base URL, unknown provider
        InvalidRequest  // the LlmRequest itself is wrong (names the field); nothing was sent
    };
    Kind kind = Network;
    int httpStatus = 0;     // 0 when no HTTP status applies
    QString message;        // names the endpoint or field and what went wrong
    bool retryable = false;
    int retryAfterMs = -1;  // from Retry-After or Gemini RetryInfo; -1 when not given

    static LlmError make(Kind kind, const QString &message, int httpStatus = 0);
    QString describe() const; // "Http5xx (HTTP 503, retryable): …" for logs and the console
};
QString errorKindName(LlmError::Kind kind);
bool isRetryableByDefault(LlmError::Kind kind);

// A response or an error; what a parser or the blocking helper hands back.
struct LlmOutcome
{
    LlmResponse response;
    std::optional<LlmError> error;
    bool ok() const { return !error.has_value(); }
    static LlmOutcome success(LlmResponse response) { return {std::move(response), std::nullopt}; }
    static LlmOutcome failure(LlmError error) { return {LlmResponse{}, std::move(error)}; }
};

// Parses an OpenAI-style arguments string into `call` (arguments, argumentsValid, argumentsError).
// Empty text counts as {} because some servers send nothing for a call without parameters.
void parseToolArguments(const QString &raw, LlmToolCall *call);

} // namespace ringside

Q_DECLARE_METATYPE(ringside::LlmResponse)
Q_DECLARE_METATYPE(ringside::LlmError)
