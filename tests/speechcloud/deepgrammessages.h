#pragma once
// Deepgram live server messages as the real service sends them (../shared/reference/protocols.md),
// for scripting FakeWebSocketServer.

#include <QString>

#include <nlohmann/json.hpp>

namespace ringside::testing {

inline nlohmann::json dgResults(const QString &transcript, bool isFinal, bool speechFinal, double confidence = 0.9,
                                bool fromFinalize = false)
{
    nlohmann::json alt = {{"transcript", transcript.toStdString()}, {"confidence", confidence}, {"words", nlohmann::json::array()}};
    nlohmann::json m = {{"type", "Results"},          {"channel_index", {0, 1}}, {"duration", 1.0},
                        {"start", 0.0},               {"is_final", isFinal},     {"speech_final", speechFinal},
                        {"channel", {{"alternatives", {alt}}}}};
    if (fromFinalize)
        m["from_finalize"] = true;
    return m;
}

inline nlohmann::json dgUtteranceEnd(double lastWordEnd = 2.5)
{
    return {{"type", "UtteranceEnd"}, {"channel", {0, 1}}, {"last_word_end", lastWordEnd}};
}

inline nlohmann::json dgMetadata()
{
    return {{"type", "Metadata"}, {"request_id", "5ad6c0d3-0000-4000-8000-000000000000"}, {"channels", 1}};
}

inline nlohmann::json dgSpeechStarted(double timestamp = 0.2)
{
    return {{"type", "SpeechStarted"}, {"channel", {0}}, {"timestamp", timestamp}};
}

} // namespace ringside::testing
