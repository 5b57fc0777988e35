#pragma once
// Turns what went wrong on the wire (HTTP status, error bodies, socket errors, error objects sent
// inside a 200 stream) into an LlmError the brain can act on without knowing the provider.

#include "engine/llm/llmtypes.h"

#include <QDateTime>
#include <QNetworkReply>

#include <optional>

namespace ringside {

// A non-2xx answer. `body` is read for the provider's own message (OpenAI/vLLM/llama.cpp
// {"error":{"message"}}, Ollama {"error":"…"}, Gemini {"error":{"code","message","status"}});
// `retryAfter` is the Retry-After header, if any.
LlmError errorFromHttpStatus(int status, const QByteArray &body, const QByteArray &retryAfter,
                             const QString &endpoint, const QDateTime &now = QDateTime::currentDateTimeUtc());

// An {"error": …} object inside a successful stream or body (vLLM, llama.cpp and Gemini send
// these when generation fails after the headers went out). nullopt when `payload` has no error.
std::optional<LlmError> errorFromPayload(const json &payload, const QString &endpoint);

// A failed transfer with no usable HTTP status (refused, reset, DNS, TLS, garbled response).
LlmError errorFromNetwork(QNetworkReply::NetworkError code, const QString &detail, const QString &endpoint);

// Retry-After: delta-seconds or an HTTP-date. Milliseconds from `now`, or -1 if unparsable.
int parseRetryAfter(const QByteArray &value, const QDateTime &now);

// Gemini's google.rpc.RetryInfo delay ("37s", "1.5s") found in error.details, in ms, or -1.
int retryDelayFromDetails(const json &error);

// The provider's human message in an error body, or empty.
QString providerErrorMessage(const json &body);

} // namespace ringside
