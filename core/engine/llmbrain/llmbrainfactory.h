#pragma once
// Builds the LLM brain for an agent: the client from the agent's llmProvider, keys and base URLs
// from the environment (docs/llm.md), the guards from LlmBrainOptions.

#include "engine/llmbrain/llmbrain.h"

#include <QProcessEnvironment>

#include <memory>

namespace ringside {

// nullptr with *error naming the field or variable when the agent cannot run on an LLM: the
// embedded provider (that is the playbook brain), no llmModel, an unknown provider, a missing key.
std::unique_ptr<LlmBrain> createLlmBrain(const Agent &agent, const QProcessEnvironment &env, QString *error,
                                         const LlmBrainOptions &options = {});
// The same, reading the process environment.
std::unique_ptr<LlmBrain> createLlmBrain(const Agent &agent, QString *error, const LlmBrainOptions &options = {});

} // namespace ringside
