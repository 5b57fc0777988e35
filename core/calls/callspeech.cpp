#include "calls/callspeech.h"

#include "agent/agent.h"
#include "engine/session.h"
#include "speech/cloud/speechproviders.h"
#include "speech/identifierformat.h"

namespace ringside {

SttExpectation sttExpectationFor(ListenExpectation expectation)
{
    switch (expectation) {
    case ListenExpectation::DigitsAndLetters: return SttExpectation::DigitsAndLetters;
    case ListenExpectation::YesNo: return SttExpectation::YesNo;
    case ListenExpectation::General: break;
    }
    return SttExpectation::General;
}

SpeechHints speechHintsOf(Session &session)
{
    SpeechHints hints;
    hints.phrases = session.brain().expectedPhrases();
    hints.expectation = session.brain().expectation();
    // The store's setting may be prose ("ORD followed by six digits"); the recognizer wants patterns.
    hints.identifierFormats = storeIdentifierFormats(session.config().variables.value(QStringLiteral("orderIdFormat")));
    return hints;
}

CallSpeech speechFor(const Agent &agent, const SpeechLine &line, const SpeechHints &hints)
{
    CallSpeech s;
    SpeechPipelineConfig &c = s.pipeline;
    c.inputRate = line.inputRate;
    c.outputRate = line.outputRate;
    c.echoCancellation = line.echoCancellation;
    c.stt.language = agent.language;
    c.stt.endpointingMs = agent.endpointingMs;
    c.stt.interimResults = line.alwaysInterim || agent.interimResults;
    for (const KeywordBoost &k : agent.keywords)
        c.stt.keywords << k.toString();
    c.stt.phrases = hints.phrases;
    c.stt.expectation = sttExpectationFor(hints.expectation);
    c.stt.identifierFormats = hints.identifierFormats;
    c.tts.voice = agent.ttsVoice;
    c.tts.speed = agent.ttsSpeed;
    c.tts.language = agent.language;
    c.bargeIn.allowInterruptions = agent.allowInterruptions;
    s.engines = { agent.sttProvider, agent.sttModel, agent.ttsProvider };
    return s;
}

SpeechChoice chooseEngines(SpeechProviders &providers, const CallSpeech &speech, std::function<void(const QString &reason)> onTtsFallback)
{
    return providers.choose(speech.engines.sttProvider, speech.engines.sttModel, speech.engines.ttsProvider, std::move(onTtsFallback),
                            speech.pipeline.stt.language);
}

} // namespace ringside
