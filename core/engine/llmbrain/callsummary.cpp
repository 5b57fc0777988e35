#include "engine/llmbrain/callsummary.h"

#include "tools/toolerror.h"

#include <QHash>
#include <QStringList>

namespace ringside {

namespace {

QString shorten(const QString &text, int max)
{
    const QString s = text.simplified();
    return s.size() <= max ? s : s.left(max - 1).trimmed() + QChar(0x2026);
}

// "get_order_status(order_id=ORD-482913) → shipped"
QString describeTool(const LlmToolCall &call, const json &result)
{
    QStringList args;
    if (call.arguments.is_object()) {
        for (auto it = call.arguments.begin(); it != call.arguments.end(); ++it) {
            if (it.value().is_string() || it.value().is_number() || it.value().is_boolean()) {
                const QString value = it.value().is_string() ? qs(it.value().get<std::string>()) : qs(it.value().dump());
                args << qs(it.key()) + QLatin1Char('=') + shorten(value, 24);
            }
        }
    }
    QString outcome = QStringLiteral("done");
    if (isToolError(result))
        outcome = QStringLiteral("error ") + toolErrorCode(result);
    else if (result.is_object() && result.contains("found") && result["found"] == false)
        outcome = QStringLiteral("not found");
    else if (!stringAt(result, "status").isEmpty())
        outcome = stringAt(result, "status");
    return call.name + QLatin1Char('(') + args.join(QStringLiteral(", ")) + QStringLiteral(") ")
           + QChar(0x2192) + QLatin1Char(' ') + outcome;
}

} // namespace

QString summarizeForOperator(const std::vector<LlmMessage> &history, const QString &problem, int maxLength)
{
    QHash<QString, LlmToolCall> calls;
    QStringList tools;
    QString first;
    QString last;
    int userTurns = 0;
    for (const LlmMessage &m : history) {
        if (m.role == LlmRole::User) {
            for (const QString &line : m.text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                if (first.isEmpty())
                    first = line;
                last = line;
                ++userTurns;
            }
        } else if (m.role == LlmRole::Assistant) {
            for (const LlmToolCall &c : m.toolCalls)
                calls.insert(c.id, c);
        } else if (m.role == LlmRole::Tool && calls.contains(m.toolCallId)) {
            tools << describeTool(calls.value(m.toolCallId), m.toolResult);
        }
    }

    // Longest form first; quotes and the tool list shrink until the line fits.
    for (int quote : {120, 60, 30}) {
        for (qsizetype keepTools = tools.size(); keepTools >= 0; --keepTools) {
            QString line = QStringLiteral("AI agent unavailable (%1).").arg(problem);
            if (!first.isEmpty()) {
                line += QStringLiteral(" Caller said: \"%1\"").arg(shorten(first, quote));
                if (last != first)
                    line += QStringLiteral("; latest: \"%1\"").arg(shorten(last, quote));
                line += QLatin1Char('.');
            } else {
                line += QStringLiteral(" The caller has not spoken yet.");
            }
            if (keepTools > 0) {
                line += QStringLiteral(" Tools: ") + tools.mid(tools.size() - keepTools).join(QStringLiteral("; "))
                        + QLatin1Char('.');
            }
            line += QStringLiteral(" %1 caller turn(s).").arg(userTurns);
            if (line.size() <= maxLength)
                return line;
        }
    }
    return shorten(QStringLiteral("AI agent unavailable (%1). Caller said: \"%2\"").arg(problem, first), maxLength);
}

QString describeFailure(const LlmError &error)
{
    switch (error.kind) {
    case LlmError::Timeout:
        return QStringLiteral("timeout");
    case LlmError::Http5xx:
        return error.httpStatus > 0 ? QStringLiteral("HTTP %1").arg(error.httpStatus) : QStringLiteral("server error");
    case LlmError::Http4xx:
        return QStringLiteral("HTTP %1").arg(error.httpStatus);
    case LlmError::RateLimited:
        return QStringLiteral("rate limited");
    case LlmError::Malformed:
        return QStringLiteral("malformed output");
    case LlmError::Network:
        return QStringLiteral("network error");
    case LlmError::Config:
        return QStringLiteral("configuration error");
    case LlmError::InvalidRequest:
        return QStringLiteral("invalid request");
    case LlmError::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("error");
}

} // namespace ringside
