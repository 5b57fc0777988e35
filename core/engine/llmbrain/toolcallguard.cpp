#include "engine/llmbrain/toolcallguard.h"

#include "tools/toolerror.h"

namespace ringside {

ToolCallGuard::ToolCallGuard(QStringList allowedTools)
    : m_allowed(std::move(allowedTools))
{
}

ToolCallGuard::Verdict ToolCallGuard::check(const LlmToolCall &call) const
{
    if (!m_allowed.contains(call.name))
        return Verdict::NotAllowed;
    if (!call.argumentsValid)
        return Verdict::InvalidArguments;
    if (m_ranThisTurn.contains(canonicalKey(call)))
        return Verdict::Repeated;
    return Verdict::Run;
}

void ToolCallGuard::noteRan(const LlmToolCall &call)
{
    m_ranThisTurn.insert(canonicalKey(call));
}

json ToolCallGuard::refusal(Verdict verdict, const LlmToolCall &call) const
{
    ToolError error;
    switch (verdict) {
    case Verdict::InvalidArguments:
        error.code = QStringLiteral("invalid_arguments");
        error.message = QStringLiteral("The arguments of %1 were not a JSON object (%2). Call it again with a JSON "
                                       "object that matches its parameters.")
                            .arg(call.name, call.argumentsError.isEmpty() ? QStringLiteral("unreadable")
                                                                          : call.argumentsError);
        break;
    case Verdict::NotAllowed:
        error.code = QStringLiteral("unknown_tool");
        error.message = QStringLiteral("%1 is not available on this call. Available tools: %2.")
                            .arg(call.name, m_allowed.join(QStringLiteral(", ")));
        break;
    case Verdict::Repeated:
        error.code = QStringLiteral("repeated_call");
        error.message = QStringLiteral("%1 already ran with exactly these arguments during this reply; its result "
                                       "is earlier in the conversation. Use that result instead of calling again.")
                            .arg(call.name);
        break;
    case Verdict::Run:
        return json::object();
    }
    return error.toJson();
}

QString ToolCallGuard::canonicalKey(const LlmToolCall &call)
{
    // nlohmann::json keeps object keys in a std::map, so dump() is already key-sorted at every level.
    return call.name + QLatin1Char('\n') + qs(call.arguments.dump());
}

} // namespace ringside
