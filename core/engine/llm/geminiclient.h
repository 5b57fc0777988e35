#pragma once
// Gemini through the Generative Language API: POST {baseUrl}/models/{model}:streamGenerateContent?alt=sse
// (or :generateContent when not streaming) with the key in `x-goog-api-key`.

#include "engine/llm/llmclient.h"

namespace ringside {

class GeminiClient : public LlmClient
{
    Q_OBJECT
public:
    static QUrl defaultBaseUrl() { return QUrl(QStringLiteral("https://generativelanguage.googleapis.com/v1beta")); }

    explicit GeminiClient(LlmClientOptions options, QNetworkAccessManager *network = nullptr,
                          QObject *parent = nullptr);

    QString providerName() const override { return QStringLiteral("gemini"); }

protected:
    std::optional<LlmError> prepare(const LlmRequest &request, bool streaming, HttpCall *call) override;
    std::unique_ptr<LlmTurnParser> createParser(bool streaming) override;

private:
    QUrl m_base;
    QUrl m_url;        // of the request being sent
    quint64 m_turns = 0; // numbers the ids made up for function calls
};

} // namespace ringside
