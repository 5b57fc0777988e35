#include "engine/llm/openaicompatibleclient.h"

#include "engine/llm/openaiprotocol.h"
#include "engine/llm/requestchecks.h"

namespace ringside {

namespace {
// {base}/chat/completions, whether or not the base ends with a slash.
QUrl completionsUrl(const QUrl &base)
{
    QUrl url = base;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/chat/completions"));
    return url;
}
} // namespace

OpenAiCompatibleClient::OpenAiCompatibleClient(LlmClientOptions options, QNetworkAccessManager *network,
                                               QObject *parent)
    : LlmClient(std::move(options), network, parent)
{
    if (this->options().baseUrl.isEmpty())
        m_url = completionsUrl(defaultBaseUrl());
    else
        m_url = completionsUrl(this->options().baseUrl);
}

std::optional<LlmError> OpenAiCompatibleClient::prepare(const LlmRequest &request, bool streaming, HttpCall *call)
{
    if (!m_url.isValid() || m_url.host().isEmpty()
        || (m_url.scheme() != QLatin1String("http") && m_url.scheme() != QLatin1String("https")))
        return LlmError::make(LlmError::Config,
                              QStringLiteral("baseUrl: \"%1\" is not an http(s) URL").arg(options().baseUrl.toString()));
    if (auto error = checkRequest(request))
        return error;
    json body;
    if (auto error = buildOpenAiBody(request, streaming, &body))
        return error;
    call->request.setUrl(m_url);
    if (!options().apiKey.isEmpty())
        call->request.setRawHeader("Authorization", "Bearer " + options().apiKey.toUtf8());
    call->body = QByteArray::fromStdString(body.dump(-1, ' ', false, json::error_handler_t::replace));
    return std::nullopt;
}

std::unique_ptr<LlmTurnParser> OpenAiCompatibleClient::createParser(bool)
{
    return std::make_unique<OpenAiTurnParser>(endpointName(m_url));
}

} // namespace ringside
