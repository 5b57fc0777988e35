#pragma once
// Picks and configures a client from an agent's `llmProvider` and the environment.
// Keys and base URLs come only from environment variables, never from agent files.
//
//   gemini, gemini-2.5                        → GeminiClient (needs GEMINI_API_KEY or GOOGLE_API_KEY;
//                                               RINGSIDE_GEMINI_BASE_URL overrides the endpoint)
//   openai-compatible, ollama, llama.cpp, vllm → OpenAiCompatibleClient (OPENAI_API_KEY optional;
//                                               RINGSIDE_OPENAI_BASE_URL overrides the endpoint)

#include "engine/llm/llmclient.h"

#include <QProcessEnvironment>
#include <QStringList>

#include <memory>

namespace ringside {

enum class LlmProvider { Gemini, OpenAiCompatible };

// Case-insensitive; nullopt for a name we do not know.
std::optional<LlmProvider> parseLlmProvider(const QString &name);
// The providers reached over the network (the agent format also knows "embedded").
QStringList remoteLlmProviders();

// Where each provider name listens when RINGSIDE_*_BASE_URL is not set: Ollama :11434,
// llama-server :8080, vLLM :8000, Gemini's public endpoint.
QUrl defaultLlmBaseUrl(const QString &provider);

// Options for `provider` from `env`. On an unknown provider, a missing required key or a bad
// base URL: nullopt and *error names the variable and the problem.
std::optional<LlmClientOptions> llmOptionsFromEnvironment(const QString &provider, const QProcessEnvironment &env,
                                                          QString *error);

// A ready client, or nullptr with *error filled.
std::unique_ptr<LlmClient> createLlmClient(const QString &provider, const QProcessEnvironment &env, QString *error,
                                           QNetworkAccessManager *network = nullptr);
// The same, reading the process environment.
std::unique_ptr<LlmClient> createLlmClient(const QString &provider, QString *error);

} // namespace ringside
