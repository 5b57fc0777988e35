#pragma once
// Chat completions on an OpenAI-compatible server: Ollama, llama.cpp (llama-server --jinja), vLLM.
// POST {baseUrl}/chat/completions with an optional `Authorization: Bearer` key.

#include "engine/llm/llmclient.h"

namespace ringside {

class OpenAiCompatibleClient : public LlmClient
{
    Q_OBJECT
public:
    static QUrl defaultBaseUrl() { return QUrl(QStringLiteral("http://localhost:11434/v1")); }

    explicit OpenAiCompatibleClient(LlmClientOptions options, QNetworkAccessManager *network = nullptr,
                                    QObject *parent = nullptr);

    QString providerName() const override { return QStringLiteral("openai-compatible"); }

protected:
    std::optional<LlmError> prepare(const LlmRequest &request, bool streaming, HttpCall *call) override;
    std::unique_ptr<LlmTurnParser> createParser(bool streaming) override;

private:
    QUrl m_url;
};

} // namespace ringside
