#pragma once
// Builders for what the real servers send, so each test states only what it is about.

#include "util/jsonqt.h"

#include <QByteArray>

namespace ringside::testing {

// One chat.completion.chunk with a delta for choice 0.
inline json openAiChunk(const json &delta, const json &finishReason = nullptr)
{
    return {{"id", "chatcmpl-7"}, {"object", "chat.completion.chunk"}, {"created", 1767225600},
            {"model", "qwen2.5:7b"},
            {"choices", json::array({{{"index", 0}, {"delta", delta}, {"finish_reason", finishReason}}})}};
}

// A tool-call delta piece: `index` always, id/name only when given, arguments piece when given.
inline json openAiToolDelta(int index, const QString &id, const QString &name, const QString &argumentsPiece)
{
    json call = {{"index", index}};
    json fn = json::object();
    if (!id.isEmpty()) {
        call["id"] = id;
        call["type"] = "function";
    }
    if (!name.isEmpty())
        fn["name"] = name;
    if (!argumentsPiece.isNull())
        fn["arguments"] = argumentsPiece;
    call["function"] = fn;
    return openAiChunk({{"tool_calls", json::array({call})}});
}

inline json geminiChunk(const json &parts, const QString &finishReason = {})
{
    json candidate = {{"content", {{"role", "model"}, {"parts", parts}}}, {"index", 0}};
    if (!finishReason.isEmpty())
        candidate["finishReason"] = finishReason;
    return {{"candidates", json::array({candidate})}, {"modelVersion", "gemini-2.5-flash-lite"}};
}

// Two tools from the seed's catalogue, in the OpenAI shape core/tools produces.
inline json seedTools()
{
    return json::parse(R"json([
      {"type":"function","function":{"name":"get_order_status",
        "description":"Get order status, tracking information, and delivery estimate",
        "parameters":{"type":"object","properties":{
          "order_id":{"type":"string","description":"Order ID (e.g., ORD-123456)"},
          "phone_number":{"type":"string","description":"Customer phone number to look up orders"}},
          "additionalProperties":false}}},
      {"type":"function","function":{"name":"get_tracking_details",
        "description":"Get real-time tracking information from shipping carrier",
        "parameters":{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{
          "tracking_number":{"type":"string","description":"Carrier tracking number","minLength":4},
          "carrier":{"type":"string","enum":["bluedart","delhivery","ecom_express","fedex","ups","dhl"],
                     "description":"Shipping carrier name"}},
          "required":["tracking_number","carrier"]}}}
    ])json");
}

// seedTools() as Gemini must receive them: OpenAPI subset, upper-case types, no extra keywords.
inline json seedToolsForGemini()
{
    return json::parse(R"json([{"functionDeclarations":[
      {"name":"get_order_status","description":"Get order status, tracking information, and delivery estimate",
       "parameters":{"type":"OBJECT","properties":{
         "order_id":{"type":"STRING","description":"Order ID (e.g., ORD-123456)"},
         "phone_number":{"type":"STRING","description":"Customer phone number to look up orders"}}}},
      {"name":"get_tracking_details","description":"Get real-time tracking information from shipping carrier",
       "parameters":{"type":"OBJECT","properties":{
         "tracking_number":{"type":"STRING","description":"Carrier tracking number"},
         "carrier":{"type":"STRING","description":"Shipping carrier name",
                    "enum":["bluedart","delhivery","ecom_express","fedex","ups","dhl"]}},
         "required":["tracking_number","carrier"]}}]}])json");
}

} // namespace ringside::testing
