#pragma once
// What an OpenAI-compatible server (Ollama, llama.cpp, vLLM) and Gemini stream back, built the way
// /work/shared/reference/protocols.md and docs/llm.md describe them, plus the agent and brain the
// tests talk to.

#include "agent/agent.h"
#include "engine/llm/geminiclient.h"
#include "engine/llm/openaicompatibleclient.h"
#include "engine/llmbrain/llmbrain.h"
#include "fakehttpserver.h"

#include <QStringList>

#include <utility>

namespace ringside::testing {

using fakes::FakeHttpServer;
using fakes::ScriptedResponse;

inline json oaChunk(const json &delta, const json &finishReason = nullptr)
{
    return {{"id", "chatcmpl-42"}, {"object", "chat.completion.chunk"}, {"created", 1795670000},
            {"model", "qwen2.5:7b"},
            {"choices", json::array({{{"index", 0}, {"delta", delta}, {"finish_reason", finishReason}}})}};
}

// A streamed text answer, one content delta per piece, `delayMs` before each chunk.
inline ScriptedResponse oaText(const QStringList &pieces, int delayMs = 0)
{
    QList<json> chunks = {oaChunk({{"role", "assistant"}, {"content", ""}})};
    for (const QString &p : pieces)
        chunks << oaChunk({{"content", p}});
    chunks << oaChunk(json::object(), "stop");
    return ScriptedResponse::sseJson(chunks, delayMs).withChunk("data: [DONE]\n\n", delayMs);
}

struct OaCall
{
    QString name;
    QString rawArguments; // exactly as the model writes it: a JSON string, maybe broken
    QString id = {};      // empty: call_<n>, counted from 1 within the answer
};

// Tool calls (with optional text first), each call's id, name and arguments split over deltas
// as servers send them.
inline ScriptedResponse oaCalls(const QList<OaCall> &calls, const QString &text = {})
{
    QList<json> chunks = {oaChunk({{"role", "assistant"}, {"content", nullptr}})};
    if (!text.isEmpty())
        chunks << oaChunk({{"content", text}});
    for (int i = 0; i < calls.size(); ++i) {
        const QString id = calls[i].id.isEmpty() ? QStringLiteral("call_%1").arg(i + 1) : calls[i].id;
        chunks << oaChunk({{"tool_calls", json::array({{{"index", i}, {"id", id}, {"type", "function"},
                                                          {"function", {{"name", calls[i].name}, {"arguments", ""}}}}})}});
        const QString raw = calls[i].rawArguments;
        const qsizetype half = raw.size() / 2;
        for (const QString &piece : {raw.left(half), raw.mid(half)})
            chunks << oaChunk({{"tool_calls", json::array({{{"index", i}, {"function", {{"arguments", piece}}}}})}});
    }
    chunks << oaChunk(json::object(), "tool_calls");
    return ScriptedResponse::sseJson(chunks).withChunk("data: [DONE]\n\n");
}

inline ScriptedResponse oaCall(const QString &name, const json &arguments, const QString &text = {})
{
    return oaCalls({{name, qs(arguments.dump())}}, text);
}

inline json geminiChunk(const json &parts, const QString &finishReason = {})
{
    json candidate = {{"content", {{"role", "model"}, {"parts", parts}}}, {"index", 0}};
    if (!finishReason.isEmpty())
        candidate["finishReason"] = finishReason;
    return {{"candidates", json::array({candidate})}, {"modelVersion", "gemini-2.5-flash-lite"}};
}

// The messages the brain sent in request `index` (OpenAI shape).
inline json sentMessages(const FakeHttpServer &server, int index)
{
    return server.requests().at(index).json()["messages"];
}

// The order-tracking agent the tests run: a prompt with variables, the greeting, four tools.
inline Agent trackerAgent(const QString &language = QStringLiteral("en-US"))
{
    Agent a;
    a.name = QStringLiteral("Order Tracker");
    a.language = language;
    a.llmProvider = QStringLiteral("ollama");
    a.llmModel = QStringLiteral("qwen2.5:7b");
    a.llmTemperature = 0.3;
    a.greetingMessage = QStringLiteral("Hello! Thanks for calling {{storeName}}. What's your order number?");
    a.prompt = QStringLiteral("You help customers of {{storeName}} track their orders. Order IDs look like "
                              "{{orderIdFormat}}.");
    a.tools = {QStringLiteral("get_order_status"), QStringLiteral("get_tracking_details"),
               QStringLiteral("transfer_to_human"), QStringLiteral("end_call")};
    return a;
}

// Guards scaled down so failure paths finish in well under a second.
inline LlmBrainOptions quickOptions()
{
    LlmBrainOptions o;
    o.turnBudgetMs = 2000;
    o.hardTurnTimeoutMs = 4000;
    o.streamIdleMs = 2000;
    o.retryBaseDelayMs = 20;
    o.retryMaxDelayMs = 200;
    return o;
}

inline std::unique_ptr<LlmBrain> openAiBrain(const FakeHttpServer &server, const Agent &agent = trackerAgent(),
                                             const LlmBrainOptions &options = quickOptions())
{
    LlmClientOptions client;
    client.baseUrl = server.url(QStringLiteral("/v1"));
    return std::make_unique<LlmBrain>(agent, std::make_unique<OpenAiCompatibleClient>(client), options);
}

inline std::unique_ptr<LlmBrain> geminiBrain(const FakeHttpServer &server, const Agent &agent,
                                             const LlmBrainOptions &options = quickOptions())
{
    LlmClientOptions client;
    client.baseUrl = server.url(QStringLiteral("/v1beta"));
    client.apiKey = QStringLiteral("AIza-test-key");
    return std::make_unique<LlmBrain>(agent, std::make_unique<GeminiClient>(client), options);
}

} // namespace ringside::testing
