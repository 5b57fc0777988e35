#include "engine/llm/geminiclient.h"

#include "engine/llm/geminiprotocol.h"
#include "engine/llm/requestchecks.h"

#include <QRegularExpression>

namespace ringside {

GeminiClient::GeminiClient(LlmClientOptions options, QNetworkAccessManager *network, QObject *parent)
    : LlmClient(std::move(options), network, parent)
    , m_base(this->options().baseUrl.isEmpty() ? defaultBaseUrl() : this->options().baseUrl)
{
}

std::optional<LlmError> GeminiClient::prepare(const LlmRequest &request, bool streaming, HttpCall *call)
{
    if (!m_base.isValid() || m_base.host().isEmpty()
        || (m_base.scheme() != QLatin1String("http") && m_base.scheme() != QLatin1String("https")))
        return LlmError::make(LlmError::Config,
                              QStringLiteral("baseUrl: \"%1\" is not an http(s) URL").arg(m_base.toString()));
    if (options().apiKey.isEmpty())
        return LlmError::make(LlmError::Config,
                              QStringLiteral("Gemini needs an API key: set GEMINI_API_KEY (or GOOGLE_API_KEY)"));
    if (auto error = checkRequest(request))
        return error;

    QString model = request.model.trimmed();
    if (model.startsWith(QLatin1String("models/")))
        model.remove(0, 7);
    static const QRegularExpression modelId(QStringLiteral("^[A-Za-z0-9._-]+$"));
    if (!modelId.match(model).hasMatch())
        return LlmError::make(LlmError::InvalidRequest,
                              QStringLiteral("model: \"%1\" is not a Gemini model id").arg(request.model));

    json body;
    if (auto error = buildGeminiBody(request, &body))
        return error;

    m_url = m_base;
    QString path = m_url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const QString method = streaming ? QStringLiteral(":streamGenerateContent") : QStringLiteral(":generateContent");
    m_url.setPath(path % QStringLiteral("/models/") % model % method);
    if (streaming)
        m_url.setQuery(QStringLiteral("alt=sse"));
    call->request.setUrl(m_url);
    call->request.setRawHeader("x-goog-api-key", options().apiKey.toUtf8());
    call->body = QByteArray::fromStdString(body.dump(-1, ' ', false, json::error_handler_t::replace));
    return std::nullopt;
}

std::unique_ptr<LlmTurnParser> GeminiClient::createParser(bool)
{
    return std::make_unique<GeminiTurnParser>(endpointName(m_url), QString::number(++m_turns));
}

} // namespace ringside
