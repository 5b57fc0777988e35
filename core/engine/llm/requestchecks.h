#pragma once
// Checks an LlmRequest before anything goes on the wire, so a mistake in the brain or the tool
// catalogue surfaces as an InvalidRequest naming the field instead of a provider's 400.

#include "engine/llm/llmtypes.h"

#include <optional>

namespace ringside {

// Model present, temperature 0–2, maxTokens positive, at least one message, tools in the OpenAI
// function shape with names, tool messages answering a call (toolCallId or toolName).
std::optional<LlmError> checkRequest(const LlmRequest &request);

// The text to send for a tool message: the result's JSON (a string result as plain text), or
// `text` when no result was set.
QString toolResultText(const LlmMessage &message);

} // namespace ringside
