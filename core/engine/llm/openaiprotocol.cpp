#include "engine/llm/openaiprotocol.h"
#include "util/remotejson.h"

#include "engine/llm/llmerrors.h"
#include "engine/llm/requestchecks.h"

namespace ringside {

namespace {

json toolCallJson(const LlmToolCall &call)
{
    // Echo the model's own arguments text when we have it, so the history shows exactly what it said.
    const QString arguments = call.rawArguments.isEmpty()
        ? qs(call.arguments.dump(-1, ' ', false, json::error_handler_t::replace))
        : call.rawArguments;
    return {{"id", call.id}, {"type", "function"}, {"function", {{"name", call.name}, {"arguments", arguments}}}};
}

LlmFinish finishFor(const QString &reason)
{
    if (reason == QLatin1String("stop"))
        return LlmFinish::Stop;
    if (reason == QLatin1String("tool_calls") || reason == QLatin1String("function_call"))
        return LlmFinish::ToolCalls;
    if (reason == QLatin1String("length"))
        return LlmFinish::Length;
    if (reason == QLatin1String("content_filter"))
        return LlmFinish::ContentFilter;
    return LlmFinish::Other;
}

int intOrMinusOne(const json &obj, const char *key)
{
    if (!obj.is_object())
        return -1;
    auto it = obj.find(key);
    return (it != obj.end() && it->is_number_integer()) ? it->get<int>() : -1;
}

std::optional<json> parseJson(const QByteArray &bytes, QString *error)
{
    if (!jsonDepthWithin(bytes)) {
        *error = QStringLiteral("nested deeper than %1 levels").arg(kMaxJsonDepth);
        return std::nullopt;
    }
    try {
        return json::parse(bytes.constData(), bytes.constData() + bytes.size());
    } catch (const json::exception &e) { // parse_error, or out_of_range for a number too large
        *error = qs(e.what());
        return std::nullopt;
    }
}

QString excerpt(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes.left(80)).simplified();
    return bytes.size() > 80 ? text + QStringLiteral("…") : text;
}

} // namespace

std::optional<LlmError> buildOpenAiBody(const LlmRequest &request, bool streaming, json *body)
{
    json messages = json::array();
    if (!request.systemPrompt.isEmpty())
        messages.push_back({{"role", "system"}, {"content", request.systemPrompt}});

    for (size_t i = 0; i < request.messages.size(); ++i) {
        const LlmMessage &m = request.messages[i];
        const QString where = QStringLiteral("messages[%1]").arg(i);
        json out = {{"role", roleName(m.role)}};
        switch (m.role) {
        case LlmRole::System:
        case LlmRole::User:
            out["content"] = m.text;
            break;
        case LlmRole::Assistant:
            // `content` may be left out when the turn is only tool calls (the API allows it, and
            // some chat templates choke on null).
            if (!m.text.isEmpty() || m.toolCalls.empty())
                out["content"] = m.text;
            if (!m.toolCalls.empty()) {
                json calls = json::array();
                for (size_t j = 0; j < m.toolCalls.size(); ++j) {
                    if (m.toolCalls[j].id.isEmpty())
                        return LlmError::make(LlmError::InvalidRequest,
                                              where % QStringLiteral(".toolCalls[%1].id: empty; results are matched to calls by id").arg(j));
                    calls.push_back(toolCallJson(m.toolCalls[j]));
                }
                out["tool_calls"] = std::move(calls);
            }
            break;
        case LlmRole::Tool:
            if (m.toolCallId.isEmpty())
                return LlmError::make(LlmError::InvalidRequest,
                                      where % QStringLiteral(".toolCallId: empty; OpenAI-compatible servers need the call's id"));
            out["tool_call_id"] = m.toolCallId;
            out["content"] = toolResultText(m);
            break;
        }
        messages.push_back(std::move(out));
    }

    json b = {{"model", request.model}, {"messages", std::move(messages)}, {"stream", streaming}};
    if (streaming)
        b["stream_options"] = {{"include_usage", true}};
    if (request.temperature)
        b["temperature"] = *request.temperature;
    if (request.maxTokens)
        b["max_tokens"] = *request.maxTokens;
    if (request.tools.is_array() && !request.tools.empty()) {
        b["tools"] = request.tools;
        b["tool_choice"] = request.toolChoice == LlmToolChoice::None       ? "none"
                           : request.toolChoice == LlmToolChoice::Required ? "required"
                                                                           : "auto";
    }
    *body = std::move(b);
    return std::nullopt;
}

LlmError OpenAiTurnParser::malformed(const QString &what) const
{
    return LlmError::make(LlmError::Malformed, m_endpoint % QStringLiteral(": ") % what);
}

std::optional<LlmError> OpenAiTurnParser::takeToolCalls(const json &calls, bool whole)
{
    if (!calls.is_array())
        return malformed(QStringLiteral("tool_calls is not an array"));
    for (size_t i = 0; i < calls.size(); ++i) {
        const json &c = calls[i];
        if (!c.is_object())
            return malformed(QStringLiteral("tool_calls[%1] is not an object").arg(i));
        // A whole message lists calls in order; a delta names its call by `index`.
        int index = whole ? int(i) : intOrMinusOne(c, "index");
        if (index < 0)
            index = int(i);
        PendingCall &pending = m_calls[index];
        const QString id = stringAt(c, "id");
        if (pending.id.isEmpty())
            pending.id = id;
        auto fn = c.find("function");
        if (fn == c.end() || fn->is_null())
            continue;
        if (!fn->is_object())
            return malformed(QStringLiteral("tool_calls[%1].function is not an object").arg(i));
        const QString name = stringAt(*fn, "name");
        if (pending.name.isEmpty())
            pending.name = name;
        auto args = fn->find("arguments");
        if (args == fn->end() || args->is_null())
            continue;
        if (args->is_string())
            pending.arguments += qs(args->get<std::string>());
        else // a few servers send an object; keep its text so nothing is lost
            pending.arguments += qs(args->dump(-1, ' ', false, json::error_handler_t::replace));
    }
    return std::nullopt;
}

LlmTurnParser::Step OpenAiTurnParser::onEvent(const QByteArray &data)
{
    Step step;
    if (data.trimmed() == "[DONE]") {
        m_done = true;
        step.done = true;
        return step;
    }
    QString parseError;
    const std::optional<json> chunk = parseJson(data, &parseError);
    if (!chunk) {
        step.error = malformed(QStringLiteral("a stream chunk is not JSON (%1): %2").arg(parseError, excerpt(data)));
        return step;
    }
    if (auto error = errorFromPayload(*chunk, m_endpoint)) {
        step.error = error;
        return step;
    }
    if (!chunk->is_object()) {
        step.error = malformed(QStringLiteral("a stream chunk is not a JSON object: %1").arg(excerpt(data)));
        return step;
    }
    if (auto usage = chunk->find("usage"); usage != chunk->end() && usage->is_object())
        m_usage = *usage;
    auto choices = chunk->find("choices");
    if (choices == chunk->end() || choices->is_null())
        return step; // e.g. the usage-only chunk at the end
    if (!choices->is_array()) {
        step.error = malformed(QStringLiteral("choices is not an array in a stream chunk"));
        return step;
    }
    if (choices->empty())
        return step;
    const json &choice = (*choices)[0];
    if (!choice.is_object()) {
        step.error = malformed(QStringLiteral("choices[0] is not an object in a stream chunk"));
        return step;
    }
    m_sawChoice = true;
    if (auto delta = choice.find("delta"); delta != choice.end() && delta->is_object()) {
        step.textDelta = stringAt(*delta, "content");
        m_text += step.textDelta;
        if (auto calls = delta->find("tool_calls"); calls != delta->end() && !calls->is_null()) {
            if (auto error = takeToolCalls(*calls, false)) {
                step.error = error;
                return step;
            }
        }
    }
    const QString finish = stringAt(choice, "finish_reason");
    if (!finish.isEmpty())
        m_finishReason = finish;
    return step;
}

LlmOutcome OpenAiTurnParser::finishStream()
{
    if (!m_done && m_finishReason.isEmpty())
        return LlmOutcome::failure(LlmError::make(
            LlmError::Network, m_endpoint % QStringLiteral(": the stream ended before [DONE] or a finish_reason")));
    if (!m_sawChoice)
        return LlmOutcome::failure(malformed(QStringLiteral("the stream ended without any choices")));
    return build();
}

LlmOutcome OpenAiTurnParser::parseBody(const QByteArray &body)
{
    QString parseError;
    const std::optional<json> answer = parseJson(body, &parseError);
    if (!answer)
        return LlmOutcome::failure(malformed(QStringLiteral("the answer is not JSON (%1): %2").arg(parseError, excerpt(body))));
    if (auto error = errorFromPayload(*answer, m_endpoint))
        return LlmOutcome::failure(*error);
    if (!answer->is_object())
        return LlmOutcome::failure(malformed(QStringLiteral("the answer is not a JSON object")));
    auto choices = answer->find("choices");
    if (choices == answer->end() || !choices->is_array() || choices->empty() || !(*choices)[0].is_object())
        return LlmOutcome::failure(malformed(QStringLiteral("the answer has no choices[0]")));
    const json &choice = (*choices)[0];
    auto message = choice.find("message");
    if (message == choice.end() || !message->is_object())
        return LlmOutcome::failure(malformed(QStringLiteral("the answer has no choices[0].message")));
    m_text = stringAt(*message, "content");
    if (auto calls = message->find("tool_calls"); calls != message->end() && !calls->is_null()) {
        if (auto error = takeToolCalls(*calls, true))
            return LlmOutcome::failure(*error);
    }
    m_finishReason = stringAt(choice, "finish_reason");
    if (auto usage = answer->find("usage"); usage != answer->end() && usage->is_object())
        m_usage = *usage;
    return build();
}

LlmOutcome OpenAiTurnParser::build()
{
    LlmResponse response;
    response.text = m_text;
    for (const auto &[index, pending] : m_calls) {
        if (pending.name.isEmpty())
            return LlmOutcome::failure(malformed(QStringLiteral("tool call at index %1 has no function name").arg(index)));
        LlmToolCall call;
        call.id = pending.id.isEmpty() ? QStringLiteral("call_%1").arg(index) : pending.id;
        call.name = pending.name;
        parseToolArguments(pending.arguments, &call);
        response.toolCalls.push_back(std::move(call));
    }
    response.finishReason = m_finishReason;
    response.finish = finishFor(m_finishReason);
    // Some servers say "stop" even when they called tools; the calls are what matters.
    if (!response.toolCalls.empty() && (response.finish == LlmFinish::Stop || response.finish == LlmFinish::Other))
        response.finish = LlmFinish::ToolCalls;
    response.usage = m_usage;
    response.inputTokens = intOrMinusOne(m_usage, "prompt_tokens");
    response.outputTokens = intOrMinusOne(m_usage, "completion_tokens");
    return LlmOutcome::success(std::move(response));
}

} // namespace ringside
