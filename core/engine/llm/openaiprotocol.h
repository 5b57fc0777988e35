#pragma once
// The OpenAI chat-completions wire format as Ollama, llama.cpp (llama-server --jinja), vLLM and
// OpenAI itself speak it: building the request body and reading streamed or whole answers.

#include "engine/llm/llmclient.h"

#include <map>

namespace ringside {

// The JSON body for POST {base}/chat/completions. Assumes checkRequest() passed; returns an
// InvalidRequest for what only this format cares about (tool calls and results need ids).
std::optional<LlmError> buildOpenAiBody(const LlmRequest &request, bool streaming, json *body);

class OpenAiTurnParser : public LlmTurnParser
{
public:
    explicit OpenAiTurnParser(QString endpoint) : m_endpoint(std::move(endpoint)) {}

    Step onEvent(const QByteArray &data) override;
    LlmOutcome finishStream() override;
    LlmOutcome parseBody(const QByteArray &body) override;

private:
    // A tool call being assembled from deltas: id and name come first, arguments in pieces.
    struct PendingCall
    {
        QString id;
        QString name;
        QString arguments;
    };
    std::optional<LlmError> takeToolCalls(const json &calls, bool whole);
    LlmOutcome build();
    LlmError malformed(const QString &what) const;

    QString m_endpoint;
    QString m_text;
    std::map<int, PendingCall> m_calls; // by the delta's `index`, which orders the calls
    QString m_finishReason;
    json m_usage;
    bool m_done = false;      // saw [DONE]
    bool m_sawChoice = false; // at least one chunk carried a choice
};

} // namespace ringside
