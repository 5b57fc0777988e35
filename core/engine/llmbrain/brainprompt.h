#pragma once
// The system prompt an LLM brain sends: the agent's prompt with this call's variables filled
// in, then Ringside's house rules for speaking on a phone line, then (for calls that opened
// with a greeting) what the agent already said. The greeting lives here rather than as a first
// model turn because Gemini refuses contents that open with one.

#include <QString>
#include <QStringList>

#include <functional>

namespace ringside {

using VariableLookup = std::function<QString(const QString &name)>;

// `text` with every {{name}} replaced by lookup(name); empty values are removed and the
// sentence tidied (agent/template.h), so no brace reaches the model or the caller.
QString renderWithVariables(const QString &text, const VariableLookup &lookup);

// Rules every LLM-driven call follows, mentioning only the tools the agent has.
QString houseRules(const QStringList &tools);

// The whole system prompt. `greeting` is the rendered greeting already spoken (may be empty).
QString buildSystemPrompt(const QString &renderedPrompt, const QStringList &tools, const QString &greeting);

} // namespace ringside
