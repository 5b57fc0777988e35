// What an LLM server answers, streamed (SSE data payloads) or whole: OpenAI-compatible servers
// (Ollama, llama.cpp, vLLM) and Gemini.
#include "fuzzinput.h"

#include "engine/llm/geminiprotocol.h"
#include "engine/llm/openaiprotocol.h"
#include "engine/llm/sseparser.h"

#include <memory>

using namespace ringside;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const fuzz::Steered in = fuzz::steer(data, size);
    std::unique_ptr<LlmTurnParser> parser;
    if (in.control & 1)
        parser = std::make_unique<GeminiTurnParser>(QStringLiteral("fuzz"), QStringLiteral("call_1"));
    else
        parser = std::make_unique<OpenAiTurnParser>(QStringLiteral("fuzz"));
    if (in.control & 2) {
        (void)parser->parseBody(in.rest);
        return 0;
    }
    SseParser sse;
    QList<SseEvent> events = sse.feed(in.rest);
    events += sse.finish();
    for (const SseEvent &e : events) {
        const LlmTurnParser::Step step = parser->onEvent(e.data);
        if (step.error || step.done)
            break;
    }
    (void)parser->finishStream();
    return 0;
}
