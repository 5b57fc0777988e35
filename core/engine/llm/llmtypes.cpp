#include "engine/llm/llmtypes.h"
#include "util/remotejson.h"

namespace ringside {

QString roleName(LlmRole role)
{
    switch (role) {
    case LlmRole::System: return QStringLiteral("system");
    case LlmRole::User: return QStringLiteral("user");
    case LlmRole::Assistant: return QStringLiteral("assistant");
    case LlmRole::Tool: return QStringLiteral("tool");
    }
    return QStringLiteral("unknown");
}

QString finishName(LlmFinish finish)
{
    switch (finish) {
    case LlmFinish::Stop: return QStringLiteral("stop");
    case LlmFinish::ToolCalls: return QStringLiteral("tool_calls");
    case LlmFinish::Length: return QStringLiteral("length");
    case LlmFinish::ContentFilter: return QStringLiteral("content_filter");
    case LlmFinish::Other: return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

LlmMessage LlmMessage::system(const QString &text)
{
    LlmMessage m;
    m.role = LlmRole::System;
    m.text = text;
    return m;
}

LlmMessage LlmMessage::user(const QString &text)
{
    LlmMessage m;
    m.role = LlmRole::User;
    m.text = text;
    return m;
}

LlmMessage LlmMessage::assistant(const QString &text)
{
    LlmMessage m;
    m.role = LlmRole::Assistant;
    m.text = text;
    return m;
}

LlmMessage LlmMessage::toolResultFor(const LlmToolCall &call, const json &result)
{
    LlmMessage m;
    m.role = LlmRole::Tool;
    m.toolCallId = call.id;
    m.toolName = call.name;
    m.toolResult = result;
    return m;
}

LlmMessage LlmResponse::assistantMessage() const
{
    LlmMessage m;
    m.role = LlmRole::Assistant;
    m.text = text;
    m.toolCalls = toolCalls;
    m.providerData = providerData;
    return m;
}

QString errorKindName(LlmError::Kind kind)
{
    switch (kind) {
    case LlmError::Network: return QStringLiteral("Network");
    case LlmError::Timeout: return QStringLiteral("Timeout");
    case LlmError::Http4xx: return QStringLiteral("Http4xx");
    case LlmError::Http5xx: return QStringLiteral("Http5xx");
    case LlmError::RateLimited: return QStringLiteral("RateLimited");
    case LlmError::Malformed: return QStringLiteral("Malformed");
    case LlmError::Cancelled: return QStringLiteral("Cancelled");
    case LlmError::Config: return QStringLiteral("Config");
    case LlmError::InvalidRequest: return QStringLiteral("InvalidRequest");
    }
    return QStringLiteral("Unknown");
}

bool isRetryableByDefault(LlmError::Kind kind)
{
    switch (kind) {
    case LlmError::Network:
    case LlmError::Timeout:
    case LlmError::Http5xx:
    case LlmError::RateLimited:
    case LlmError::Malformed: // a model's broken output is often fine on the next try
        return true;
    case LlmError::Http4xx:
    case LlmError::Cancelled:
    case LlmError::Config:
    case LlmError::InvalidRequest:
        return false;
    }
    return false;
}

LlmError LlmError::make(Kind kind, const QString &message, int httpStatus)
{
    LlmError e;
    e.kind = kind;
    e.message = message;
    e.httpStatus = httpStatus;
    e.retryable = isRetryableByDefault(kind);
    return e;
}

QString LlmError::describe() const
{
    QStringList facts;
    if (httpStatus > 0)
        facts << QStringLiteral("HTTP %1").arg(httpStatus);
    facts << (retryable ? QStringLiteral("retryable") : QStringLiteral("not retryable"));
    if (retryAfterMs >= 0)
        facts << QStringLiteral("retry after %1 ms").arg(retryAfterMs);
    return errorKindName(kind) % QStringLiteral(" (") % facts.join(QStringLiteral(", "))
        % QStringLiteral("): ") % message;
}

void parseToolArguments(const QString &raw, LlmToolCall *call)
{
    call->rawArguments = raw;
    call->arguments = json::object();
    call->argumentsValid = true;
    call->argumentsError.clear();
    if (raw.trimmed().isEmpty())
        return;
    if (!jsonDepthWithin(raw.toUtf8())) {
        call->argumentsValid = false;
        call->argumentsError = QStringLiteral("arguments nest deeper than %1 levels").arg(kMaxJsonDepth);
        return;
    }
    try {
        json parsed = json::parse(raw.toStdString());
        if (!parsed.is_object()) {
            call->argumentsValid = false;
            call->argumentsError = QStringLiteral("arguments must be a JSON object, got %1")
                                       .arg(qs(parsed.type_name()));
            return;
        }
        call->arguments = std::move(parsed);
    } catch (const json::exception &e) { // parse_error, or out_of_range for a number too large
        call->argumentsValid = false;
        call->argumentsError = QStringLiteral("arguments are not valid JSON: %1").arg(qs(e.what()));
    }
}

} // namespace ringside
