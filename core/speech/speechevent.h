#pragma once

#include "speech/endpointer.h"

#include <QString>

#include <cstdint>
#include <functional>

namespace ringside {

// What a SpeechPipeline reports, with sample-accurate positions: inputSample counts caller samples
// pushed so far (at the input rate), outputSample counts agent samples pulled so far (at the output
// rate). A caller that pushes and pulls in step with real time can subtract the two timelines,
// e.g. "end of caller speech → first agent sample" = AgentAudioStarted.outputSample / outputRate
// − Final.speechEndSample / inputRate.
struct SpeechEvent
{
    enum class Type {
        UserSpeechStarted,  // speechStartSample
        Partial,            // text (only when sttConfig.interimResults is on)
        Final,              // text, confidence, reason, speechStartSample, speechEndSample
        AgentAudioStarted,  // job, text (the reply), outputSample of its first sample
        AgentAudioFinished, // job, heardText, unheardText, interrupted, outputSample
        BargeIn,            // speechStartSample, interrupted (stopped now) or not (finishing the sentence)
        SttError,           // text: e.g. "unsupported language: hi-IN …" — offer typed input
        TtsError,           // job, text
    };

    Type type = Type::Partial;
    QString text;
    double confidence = 0.0;
    TurnEndReason reason = TurnEndReason::Silence;
    quint64 job = 0;
    QString heardText;
    QString unheardText;
    bool interrupted = false;
    std::int64_t speechStartSample = -1; // input timeline
    std::int64_t speechEndSample = -1;   // input timeline
    std::int64_t inputSample = -1;       // input position when the event was raised
    std::int64_t outputSample = -1;      // output position the event refers to
};

QString speechEventTypeName(SpeechEvent::Type type); // "user_speech_started", "final", …

using SpeechEventHandler = std::function<void(const SpeechEvent &event)>;

} // namespace ringside
