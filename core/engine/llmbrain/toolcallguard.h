#pragma once
// Decides, for each function call a model asks for, whether it may run. Hosted voice platforms
// run whatever the model asks; a small local model in a loop will happily look the same order
// up five times or send arguments that are not JSON. Refused calls never reach the registry: the
// model gets a structured error as the call's result and can correct itself.

#include "engine/llm/llmtypes.h"
#include "util/jsonqt.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace ringside {

class ToolCallGuard
{
public:
    enum class Verdict {
        Run,               // execute through the registry
        InvalidArguments,  // the arguments text was not a JSON object
        NotAllowed,        // not one of the agent's tools
        Repeated           // the same name and arguments already ran in this user turn
    };

    explicit ToolCallGuard(QStringList allowedTools);

    void beginTurn() { m_ranThisTurn.clear(); }
    Verdict check(const LlmToolCall &call) const;
    // Record that `call` ran, so an identical one later in the turn is refused.
    void noteRan(const LlmToolCall &call);

    // The result the model sees for a refused call: {"error":{"code","message","field"}}, the
    // same shape the registry uses for bad arguments.
    json refusal(Verdict verdict, const LlmToolCall &call) const;

    // Name plus arguments with keys sorted at every level, so {"a":1,"b":2} and {"b":2,"a":1} agree.
    static QString canonicalKey(const LlmToolCall &call);

private:
    QStringList m_allowed;
    QSet<QString> m_ranThisTurn;
};

} // namespace ringside
