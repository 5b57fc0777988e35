#pragma once
// The one line an operator reads when the LLM brain hands a call over because the model kept
// failing: what went wrong, what the caller wanted, and what the tools already found, so the
// person picking up does not have to ask again.

#include "engine/llm/llmtypes.h"

#include <QString>

#include <vector>

namespace ringside {

// `problem` says what failed ("HTTP 503 from the language model, 2 turns in a row").
// The line is at most `maxLength` characters; quotes from the caller are shortened to fit.
QString summarizeForOperator(const std::vector<LlmMessage> &history, const QString &problem, int maxLength = 320);

// A short description of an LLM failure for that line: "timeout", "HTTP 503", "malformed output".
QString describeFailure(const LlmError &error);

} // namespace ringside
