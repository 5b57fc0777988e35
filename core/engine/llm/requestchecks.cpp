#include "engine/llm/requestchecks.h"

namespace ringside {

namespace {
LlmError invalid(const QString &message)
{
    return LlmError::make(LlmError::InvalidRequest, message);
}

std::optional<LlmError> checkTools(const json &tools)
{
    if (tools.is_null())
        return std::nullopt;
    if (!tools.is_array())
        return invalid(QStringLiteral("tools: must be an array of {\"type\":\"function\",\"function\":{…}}, got %1")
                           .arg(qs(tools.type_name())));
    for (size_t i = 0; i < tools.size(); ++i) {
        const json &tool = tools[i];
        const QString where = QStringLiteral("tools[%1]").arg(i);
        if (!tool.is_object())
            return invalid(where % QStringLiteral(": must be an object"));
        if (stringAt(tool, "type") != QLatin1String("function"))
            return invalid(where % QStringLiteral(".type: must be \"function\""));
        auto fn = tool.find("function");
        if (fn == tool.end() || !fn->is_object())
            return invalid(where % QStringLiteral(".function: missing or not an object"));
        if (stringAt(*fn, "name").isEmpty())
            return invalid(where % QStringLiteral(".function.name: missing or empty"));
        auto params = fn->find("parameters");
        if (params != fn->end() && !params->is_null() && !params->is_object())
            return invalid(where % QStringLiteral(".function.parameters: must be a JSON schema object"));
    }
    return std::nullopt;
}
} // namespace

std::optional<LlmError> checkRequest(const LlmRequest &request)
{
    if (request.model.trimmed().isEmpty())
        return invalid(QStringLiteral("model: empty; set the agent's llmModel"));
    if (request.temperature && !(*request.temperature >= 0.0 && *request.temperature <= 2.0))
        return invalid(QStringLiteral("temperature: %1 is outside 0–2").arg(*request.temperature));
    if (request.maxTokens && *request.maxTokens <= 0)
        return invalid(QStringLiteral("maxTokens: %1 must be positive").arg(*request.maxTokens));
    if (request.messages.empty())
        return invalid(QStringLiteral("messages: empty; a turn needs at least one message"));
    for (size_t i = 0; i < request.messages.size(); ++i) {
        const LlmMessage &m = request.messages[i];
        const QString where = QStringLiteral("messages[%1]").arg(i);
        if (m.role == LlmRole::Tool && m.toolCallId.isEmpty() && m.toolName.isEmpty())
            return invalid(where % QStringLiteral(": a tool result needs toolCallId or toolName"));
        for (size_t j = 0; j < m.toolCalls.size(); ++j) {
            if (m.toolCalls[j].name.isEmpty())
                return invalid(where % QStringLiteral(".toolCalls[%1].name: empty").arg(j));
        }
    }
    return checkTools(request.tools);
}

QString toolResultText(const LlmMessage &message)
{
    if (message.toolResult.is_null())
        return message.text;
    if (message.toolResult.is_string())
        return qs(message.toolResult.get<std::string>());
    return qs(message.toolResult.dump(-1, ' ', false, json::error_handler_t::replace));
}

} // namespace ringside
