#pragma once
// The one agent → speech configuration. The gateway's calls, `voice`, the console's microphone
// Test Call and its WAV caller all turn an agent into recognizer and synthesizer settings here, so
// a new agent field (or a new speech provider) is read in one place.

#include "conversation/brain.h"
#include "speech/speechpipeline.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace ringside {

struct Agent;
class Session;
class SpeechProviders;
struct SpeechChoice;

// What the recognizer may expect next, from the session's brain and the store's order-ID format.
// Read on the session's thread; a plain value to hand to another.
struct SpeechHints
{
    QStringList phrases;
    ListenExpectation expectation = ListenExpectation::General;
    QStringList identifierFormats; // the store's order-ID format as patterns, e.g. "ORD-\\d{6}"
};
SpeechHints speechHintsOf(Session &session);

// Where the call's audio comes from and goes to.
struct SpeechLine
{
    int inputRate = 8000;
    int outputRate = 8000;
    bool alwaysInterim = false;    // partial transcripts whatever the agent says (the console shows them)
    bool echoCancellation = false; // the microphone hears the speaker (a desktop test call)
};

// The engines the agent names (sttProvider, sttModel, ttsProvider); SpeechProviders picks them,
// falling back to the embedded ones without a key.
struct SpeechEngines
{
    QString sttProvider;
    QString sttModel;
    QString ttsProvider;
};

struct CallSpeech
{
    SpeechPipelineConfig pipeline;
    SpeechEngines engines;
};

// Language, endpointing, keywords, voice, speed, barge-in and providers from the agent; rates and
// echo handling from the line; what to listen for from the hints.
CallSpeech speechFor(const Agent &agent, const SpeechLine &line, const SpeechHints &hints = {});

// The engines `speech` names, from `providers` (see SpeechProviders::choose).
SpeechChoice chooseEngines(SpeechProviders &providers, const CallSpeech &speech,
                           std::function<void(const QString &reason)> onTtsFallback = {});

SttExpectation sttExpectationFor(ListenExpectation expectation);

} // namespace ringside
