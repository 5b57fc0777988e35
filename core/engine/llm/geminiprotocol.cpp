#include "engine/llm/geminiprotocol.h"
#include "util/remotejson.h"

#include "engine/llm/geminischema.h"
#include "engine/llm/llmerrors.h"
#include "engine/llm/requestchecks.h"

#include <QHash>
#include <QSet>

namespace ringside {

namespace {

int intOrMinusOne(const json &obj, const char *key)
{
    if (!obj.is_object())
        return -1;
    auto it = obj.find(key);
    return (it != obj.end() && it->is_number_integer()) ? it->get<int>() : -1;
}

// functionResponse.response must be an object; anything else is wrapped as {"result": …}.
json responseObject(const LlmMessage &m)
{
    json result = m.toolResult;
    if (result.is_null()) {
        const std::string text = m.text.toStdString();
        result = parseRemoteJson(m.text.toUtf8());
        if (result.is_discarded())
            result = text;
    }
    return result.is_object() ? result : json{{"result", result}};
}

LlmFinish finishFor(const QString &reason, bool calledTools)
{
    if (reason == QLatin1String("STOP"))
        return calledTools ? LlmFinish::ToolCalls : LlmFinish::Stop;
    if (reason == QLatin1String("MAX_TOKENS"))
        return LlmFinish::Length;
    static const QSet<QString> filtered = {
        QStringLiteral("SAFETY"), QStringLiteral("RECITATION"), QStringLiteral("BLOCKLIST"),
        QStringLiteral("PROHIBITED_CONTENT"), QStringLiteral("SPII"), QStringLiteral("IMAGE_SAFETY"),
        QStringLiteral("LANGUAGE")};
    if (filtered.contains(reason))
        return LlmFinish::ContentFilter;
    return calledTools ? LlmFinish::ToolCalls : LlmFinish::Other;
}

QString excerpt(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes.left(80)).simplified();
    return bytes.size() > 80 ? text + QStringLiteral("…") : text;
}

} // namespace

const json *geminiContentOf(const LlmMessage &message)
{
    const json &data = message.providerData;
    if (!data.is_object() || !data.contains("gemini") || !data["gemini"].is_object())
        return nullptr;
    const json &gemini = data["gemini"];
    auto content = gemini.find("content");
    if (content == gemini.end() || !content->is_object() || !content->contains("parts")
        || !(*content)["parts"].is_array())
        return nullptr;
    return &*content;
}

std::optional<LlmError> buildGeminiBody(const LlmRequest &request, json *body)
{
    json systemParts = json::array();
    if (!request.systemPrompt.isEmpty())
        systemParts.push_back({{"text", request.systemPrompt}});

    json contents = json::array();
    QHash<QString, QString> callNames;  // tool call id → function name, for results without a name
    QSet<QString> geminiIds;            // ids Gemini itself gave (echoed in functionResponse.id)
    bool lastIsToolResults = false;

    for (size_t i = 0; i < request.messages.size(); ++i) {
        const LlmMessage &m = request.messages[i];
        const QString where = QStringLiteral("messages[%1]").arg(i);
        const bool toolResult = m.role == LlmRole::Tool;
        switch (m.role) {
        case LlmRole::System: // Gemini has no system turns: they join the instruction
            if (!m.text.isEmpty())
                systemParts.push_back({{"text", m.text}});
            break;
        case LlmRole::User:
            if (m.text.isEmpty())
                return LlmError::make(LlmError::InvalidRequest, where % QStringLiteral(".text: empty; Gemini rejects empty parts"));
            contents.push_back({{"role", "user"}, {"parts", json::array({{{"text", m.text}}})}});
            break;
        case LlmRole::Assistant: {
            for (const LlmToolCall &call : m.toolCalls)
                callNames.insert(call.id, call.name);
            if (const json *raw = geminiContentOf(m)) {
                json content = *raw;
                content["role"] = "model";
                for (const json &part : content["parts"]) {
                    if (part.is_object() && part.contains("functionCall") && part["functionCall"].is_object())
                        if (const QString id = stringAt(part["functionCall"], "id"); !id.isEmpty())
                            geminiIds.insert(id);
                }
                contents.push_back(std::move(content));
                break;
            }
            json parts = json::array();
            if (!m.text.isEmpty())
                parts.push_back({{"text", m.text}});
            for (const LlmToolCall &call : m.toolCalls) {
                const json args = call.arguments.is_object() ? call.arguments : json::object();
                parts.push_back({{"functionCall", {{"name", call.name}, {"args", args}}}});
            }
            if (!parts.empty()) // an empty reply has nothing Gemini would accept
                contents.push_back({{"role", "model"}, {"parts", std::move(parts)}});
            break;
        }
        case LlmRole::Tool: {
            QString name = m.toolName;
            if (name.isEmpty())
                name = callNames.value(m.toolCallId);
            if (name.isEmpty())
                return LlmError::make(LlmError::InvalidRequest,
                                      where % QStringLiteral(".toolName: empty, and no earlier tool call has id \"%1\"").arg(m.toolCallId));
            json fr = {{"name", name}, {"response", responseObject(m)}};
            if (geminiIds.contains(m.toolCallId))
                fr["id"] = m.toolCallId;
            json part = {{"functionResponse", std::move(fr)}};
            // Results for one round of calls go back together, in one user content.
            if (lastIsToolResults)
                contents.back()["parts"].push_back(std::move(part));
            else
                contents.push_back({{"role", "user"}, {"parts", json::array({std::move(part)})}});
            break;
        }
        }
        if (m.role != LlmRole::System)
            lastIsToolResults = toolResult;
    }
    if (contents.empty())
        return LlmError::make(LlmError::InvalidRequest, QStringLiteral("messages: no user, assistant or tool turn to send"));

    json b = {{"contents", std::move(contents)}};
    if (!systemParts.empty())
        b["systemInstruction"] = {{"parts", std::move(systemParts)}};
    if (request.tools.is_array() && !request.tools.empty()) {
        b["tools"] = json::array({{{"functionDeclarations", toGeminiFunctionDeclarations(request.tools)}}});
        const char *mode = request.toolChoice == LlmToolChoice::None       ? "NONE"
                           : request.toolChoice == LlmToolChoice::Required ? "ANY"
                                                                           : "AUTO";
        b["toolConfig"] = {{"functionCallingConfig", {{"mode", mode}}}};
    }
    json generation = json::object();
    if (request.temperature)
        generation["temperature"] = *request.temperature;
    if (request.maxTokens)
        generation["maxOutputTokens"] = *request.maxTokens;
    if (!generation.empty())
        b["generationConfig"] = std::move(generation);
    *body = std::move(b);
    return std::nullopt;
}

LlmError GeminiTurnParser::malformed(const QString &what) const
{
    return LlmError::make(LlmError::Malformed, m_endpoint % QStringLiteral(": ") % what);
}

std::optional<LlmError> GeminiTurnParser::absorb(const json &chunk, QString *text)
{
    if (auto error = errorFromPayload(chunk, m_endpoint))
        return error;
    if (!chunk.is_object())
        return malformed(QStringLiteral("the answer is not a JSON object"));
    if (auto usage = chunk.find("usageMetadata"); usage != chunk.end() && usage->is_object())
        m_usage = *usage;
    if (auto feedback = chunk.find("promptFeedback"); feedback != chunk.end() && feedback->is_object()) {
        const QString reason = stringAt(*feedback, "blockReason");
        if (!reason.isEmpty())
            m_blockReason = reason;
    }
    auto candidates = chunk.find("candidates");
    if (candidates == chunk.end() || candidates->is_null())
        return std::nullopt;
    if (!candidates->is_array())
        return malformed(QStringLiteral("candidates is not an array"));
    if (candidates->empty())
        return std::nullopt;
    const json &candidate = (*candidates)[0];
    if (!candidate.is_object())
        return malformed(QStringLiteral("candidates[0] is not an object"));
    m_sawCandidate = true;
    if (const QString finish = stringAt(candidate, "finishReason"); !finish.isEmpty())
        m_finishReason = finish;
    if (const QString message = stringAt(candidate, "finishMessage"); !message.isEmpty())
        m_finishMessage = message;

    auto content = candidate.find("content");
    if (content == candidate.end() || content->is_null())
        return std::nullopt;
    if (!content->is_object())
        return malformed(QStringLiteral("candidates[0].content is not an object"));
    auto parts = content->find("parts");
    if (parts == content->end() || parts->is_null())
        return std::nullopt;
    if (!parts->is_array())
        return malformed(QStringLiteral("candidates[0].content.parts is not an array"));

    for (const json &part : *parts) {
        if (!part.is_object())
            return malformed(QStringLiteral("a part of candidates[0].content is not an object"));
        m_parts.push_back(part);
        const bool thought = part.value("thought", json(false)) == json(true);
        if (auto t = part.find("text"); t != part.end() && t->is_string() && !thought) {
            const QString piece = qs(t->get<std::string>());
            m_text += piece;
            *text += piece;
        }
        auto fc = part.find("functionCall");
        if (fc == part.end())
            continue;
        if (!fc->is_object() || stringAt(*fc, "name").isEmpty())
            return malformed(QStringLiteral("a functionCall part has no name"));
        LlmToolCall call;
        call.name = stringAt(*fc, "name");
        call.id = stringAt(*fc, "id");
        if (call.id.isEmpty())
            call.id = QStringLiteral("call_%1_%2").arg(m_idPrefix).arg(m_calls.size());
        const json args = fc->value("args", json::object());
        call.rawArguments = qs(args.dump(-1, ' ', false, json::error_handler_t::replace));
        if (args.is_object()) {
            call.arguments = args;
        } else if (args.is_null()) {
            call.arguments = json::object();
        } else {
            call.argumentsValid = false;
            call.argumentsError = QStringLiteral("args must be an object, got %1").arg(qs(args.type_name()));
        }
        m_calls.push_back(std::move(call));
    }
    return std::nullopt;
}

LlmTurnParser::Step GeminiTurnParser::onEvent(const QByteArray &data)
{
    Step step;
    const json chunk = parseRemoteJson(data);
    if (chunk.is_discarded()) {
        step.error = malformed(QStringLiteral("a stream chunk is not JSON: %1").arg(excerpt(data)));
        return step;
    }
    step.error = absorb(chunk, &step.textDelta);
    return step;
}

LlmOutcome GeminiTurnParser::finishStream()
{
    // Gemini has no end mark: the last chunk carries finishReason. Without it the answer was cut.
    if (m_finishReason.isEmpty() && m_blockReason.isEmpty()) {
        if (!m_sawCandidate)
            return LlmOutcome::failure(malformed(QStringLiteral("the stream ended without any candidates")));
        return LlmOutcome::failure(LlmError::make(
            LlmError::Network, m_endpoint % QStringLiteral(": the stream ended before a finishReason")));
    }
    return build();
}

LlmOutcome GeminiTurnParser::parseBody(const QByteArray &body)
{
    const json answer = parseRemoteJson(body);
    if (answer.is_discarded())
        return LlmOutcome::failure(malformed(QStringLiteral("the answer is not JSON: %1").arg(excerpt(body))));
    QString text;
    if (auto error = absorb(answer, &text))
        return LlmOutcome::failure(*error);
    if (!m_sawCandidate && m_blockReason.isEmpty())
        return LlmOutcome::failure(malformed(QStringLiteral("the answer has no candidates")));
    return build();
}

LlmOutcome GeminiTurnParser::build()
{
    // The model tried to call a function and produced something unusable: no answer to speak.
    if (m_finishReason == QLatin1String("MALFORMED_FUNCTION_CALL") || m_finishReason == QLatin1String("UNEXPECTED_TOOL_CALL")) {
        QString what = QStringLiteral("the model produced an unusable function call (%1)").arg(m_finishReason);
        if (!m_finishMessage.isEmpty())
            what += QStringLiteral(": ") % m_finishMessage;
        return LlmOutcome::failure(malformed(what));
    }
    LlmResponse response;
    response.text = m_text;
    response.toolCalls = m_calls;
    if (!m_sawCandidate && !m_blockReason.isEmpty()) {
        response.finish = LlmFinish::ContentFilter;
        response.finishReason = QStringLiteral("blocked:") % m_blockReason;
    } else {
        response.finishReason = m_finishReason;
        response.finish = finishFor(m_finishReason, !m_calls.empty());
    }
    response.usage = m_usage;
    response.inputTokens = intOrMinusOne(m_usage, "promptTokenCount");
    const int candidates = intOrMinusOne(m_usage, "candidatesTokenCount");
    const int thoughts = intOrMinusOne(m_usage, "thoughtsTokenCount");
    response.outputTokens = candidates < 0 ? -1 : candidates + std::max(thoughts, 0);
    if (!m_parts.empty())
        response.providerData = {{"gemini", {{"content", {{"role", "model"}, {"parts", m_parts}}}}}};
    return LlmOutcome::success(std::move(response));
}

} // namespace ringside
