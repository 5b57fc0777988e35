#include "engine/llm/llmerrors.h"
#include "util/remotejson.h"

#include <QRegularExpression>

#include <cmath>

namespace ringside {

namespace {

constexpr qint64 kMaxRetryAfterMs = 24LL * 3600 * 1000; // anything longer is a server bug

// Keeps error text readable in logs when a server answers with a whole HTML page.
QString shortened(const QString &text)
{
    const QString simple = text.simplified();
    return simple.size() > 300 ? simple.left(300) + QStringLiteral("…") : simple;
}

LlmError::Kind kindForStatus(int status)
{
    if (status == 429)
        return LlmError::RateLimited;
    if (status == 408)
        return LlmError::Timeout;
    if (status >= 500 && status <= 599)
        return LlmError::Http5xx;
    if (status >= 400 && status <= 499)
        return LlmError::Http4xx;
    return LlmError::Malformed; // 1xx/3xx that reached us: not an answer we can use
}

// google.rpc status names, for error objects that carry no numeric code.
std::optional<LlmError::Kind> kindForRpcStatus(const QString &status)
{
    if (status == QLatin1String("RESOURCE_EXHAUSTED"))
        return LlmError::RateLimited;
    if (status == QLatin1String("DEADLINE_EXCEEDED"))
        return LlmError::Timeout;
    if (status == QLatin1String("UNAVAILABLE") || status == QLatin1String("INTERNAL")
        || status == QLatin1String("UNKNOWN") || status == QLatin1String("ABORTED"))
        return LlmError::Http5xx;
    if (!status.isEmpty())
        return LlmError::Http4xx;
    return std::nullopt;
}

} // namespace

QString providerErrorMessage(const json &body)
{
    if (!body.is_object())
        return {};
    auto it = body.find("error");
    if (it == body.end())
        return stringAt(body, "message");
    if (it->is_string())
        return qs(it->get<std::string>());
    if (it->is_object()) {
        QString message = stringAt(*it, "message");
        const QString status = stringAt(*it, "status");
        if (!status.isEmpty() && !message.contains(status))
            message = status % QStringLiteral(": ") % message;
        return message;
    }
    return {};
}

int parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const qlonglong seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : int(std::min<qint64>(seconds * 1000, kMaxRetryAfterMs));
    // HTTP-date (IMF-fixdate) says "GMT"; Qt's RFC 2822 parser wants a numeric zone.
    QString text = QString::fromLatin1(trimmed);
    if (text.endsWith(QLatin1String(" GMT")))
        text = text.chopped(4) + QStringLiteral(" +0000");
    const QDateTime at = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!at.isValid())
        return -1;
    return int(std::clamp<qint64>(now.msecsTo(at), 0, kMaxRetryAfterMs));
}

int retryDelayFromDetails(const json &error)
{
    if (!error.is_object())
        return -1;
    auto details = error.find("details");
    if (details == error.end() || !details->is_array())
        return -1;
    static const QRegularExpression delayPattern(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)s\\s*$"));
    for (const json &d : *details) {
        const QString delay = stringAt(d, "retryDelay");
        const auto match = delayPattern.match(delay);
        if (match.hasMatch()) {
            const double seconds = match.captured(1).toDouble();
            return int(std::min<double>(std::round(seconds * 1000.0), double(kMaxRetryAfterMs)));
        }
    }
    return -1;
}

LlmError errorFromHttpStatus(int status, const QByteArray &body, const QByteArray &retryAfter,
                             const QString &endpoint, const QDateTime &now)
{
    const json parsed = parseRemoteJson(body);
    QString detail = providerErrorMessage(parsed);
    if (detail.isEmpty())
        detail = shortened(QString::fromUtf8(body));
    QString message = QStringLiteral("HTTP %1 from %2").arg(status).arg(endpoint);
    if (!detail.isEmpty())
        message += QStringLiteral(": ") % shortened(detail);

    LlmError error = LlmError::make(kindForStatus(status), message, status);
    error.retryAfterMs = parseRetryAfter(retryAfter, now);
    if (error.retryAfterMs < 0 && parsed.is_object() && parsed.contains("error"))
        error.retryAfterMs = retryDelayFromDetails(parsed["error"]);
    return error;
}

std::optional<LlmError> errorFromPayload(const json &payload, const QString &endpoint)
{
    if (!payload.is_object())
        return std::nullopt;
    auto it = payload.find("error");
    if (it == payload.end() || it->is_null())
        return std::nullopt;

    int status = 0;
    std::optional<LlmError::Kind> kind;
    if (it->is_object()) {
        auto code = it->find("code");
        if (code != it->end() && code->is_number_integer())
            status = code->get<int>();
        else if (code != it->end() && code->is_string())
            status = qs(code->get<std::string>()).toInt();
        if (status >= 400 && status <= 599)
            kind = kindForStatus(status);
        else
            kind = kindForRpcStatus(stringAt(*it, "status"));
    }
    // An error with no usable code came from the server's side of the stream: treat it as a
    // server failure so the brain may retry.
    const LlmError::Kind finalKind = kind.value_or(LlmError::Http5xx);
    QString detail = providerErrorMessage(payload);
    if (detail.isEmpty())
        detail = qs(it->dump(-1, ' ', false, json::error_handler_t::replace));
    LlmError error = LlmError::make(
        finalKind, QStringLiteral("%1 reported an error inside its answer: %2").arg(endpoint, shortened(detail)),
        status >= 400 && status <= 599 ? status : 0);
    error.retryAfterMs = retryDelayFromDetails(*it);
    return error;
}

LlmError errorFromNetwork(QNetworkReply::NetworkError code, const QString &detail, const QString &endpoint)
{
    LlmError::Kind kind = LlmError::Network;
    bool retryable = true;
    switch (code) {
    case QNetworkReply::TimeoutError:
        kind = LlmError::Timeout;
        break;
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::UnknownContentError:
        kind = LlmError::Malformed; // the bytes that came back were not valid HTTP
        break;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        retryable = false; // trying again will not fix a certificate or a proxy login
        break;
    default:
        break;
    }
    LlmError error = LlmError::make(kind, QStringLiteral("%1: %2").arg(endpoint, detail));
    error.retryable = retryable && isRetryableByDefault(kind);
    return error;
}

} // namespace ringside
