#pragma once
// Gemini generateContent / streamGenerateContent?alt=sse: the request body and the answer.

#include "engine/llm/llmclient.h"

namespace ringside {

// The JSON body. Assistant turns that came from Gemini are sent back as the model's own content
// (from providerData, unchanged: parts may carry thoughtSignature); tool results become
// functionResponse parts, consecutive ones in one `user` content.
std::optional<LlmError> buildGeminiBody(const LlmRequest &request, json *body);

// Where an assistant message keeps the model's raw content.
const json *geminiContentOf(const LlmMessage &message);

class GeminiTurnParser : public LlmTurnParser
{
public:
    // `idPrefix` makes the ids we invent for calls unique across turns ("call_7_0", "call_7_1").
    GeminiTurnParser(QString endpoint, QString idPrefix)
        : m_endpoint(std::move(endpoint)), m_idPrefix(std::move(idPrefix)) {}

    Step onEvent(const QByteArray &data) override;
    LlmOutcome finishStream() override;
    LlmOutcome parseBody(const QByteArray &body) override;

private:
    // Takes one GenerateContentResponse (a stream chunk or the whole answer); returns its new text.
    std::optional<LlmError> absorb(const json &chunk, QString *text);
    LlmOutcome build();
    LlmError malformed(const QString &what) const;

    QString m_endpoint;
    QString m_idPrefix;
    QString m_text;
    std::vector<LlmToolCall> m_calls;
    json m_parts = json::array(); // every part as received, in order: the content to echo back
    QString m_finishReason;
    QString m_finishMessage;
    QString m_blockReason;
    json m_usage;
    bool m_sawCandidate = false;
};

} // namespace ringside
