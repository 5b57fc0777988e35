#pragma once

#include "speech/agentplayout.h"
#include "speech/bargeindetector.h"
#include "speech/echocanceller.h"
#include "speech/echogate.h"
#include "speech/endpointer.h"
#include "speech/resampler.h"
#include "speech/speechevent.h"
#include "speech/spscringbuffer.h"
#include "speech/sttengine.h"
#include "speech/ttsengine.h"
#include "speech/vad.h"

#include <QList>
#include <QString>

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace ringside {

struct SpeechPipelineConfig
{
    int inputRate = 8000;        // caller audio given to pushCallerAudio (8000 phones, 16000/48000 desktop)
    int outputRate = 8000;       // agent audio taken by pullAgentAudio
    SttConfig stt;               // language, keywords, phrases, interimResults, endpointing (→ endpointer)
    TtsConfig tts;               // voice, speed, language; rate and encoding are set by the pipeline
    EndpointerConfig endpointer; // digit extension and turn cap; endpointingMs comes from stt
    VadConfig vad;               // thresholds; the rate is set by the pipeline
    BargeInConfig bargeIn;       // allowInterruptions and how much speech counts as a barge-in
    bool echoCancellation = false; // desktop: the microphone hears the speakers
    int echoFilterMs = 200;
    int preRollMs = 300;         // audio before the VAD's onset that is still given to STT
};

// One call's speech, frame-driven and device-free: caller audio in → VAD → endpointing → STT
// events; reply text in → TTS chunks → agent audio out, with barge-in between the two. The Twilio
// and Exotel gateway, the `voice` CLI and the console's microphone test all drive it the same way:
// push what the caller said, pull what the caller should hear, in step with real time.
//
// Threading: every method is called from one thread (the call's speech thread) and events are
// delivered on it, from inside those calls. STT and TTS engines may answer on their own threads;
// their results wait in a small locked mailbox (not the device path) until the next push or pull.
// Sound devices stay outside: their callbacks should meet this thread at an SpscRingBuffer.
class SpeechPipeline
{
public:
    // `stt` is owned (one stream per call); `tts` is shared between calls and must outlive this.
    SpeechPipeline(const SpeechPipelineConfig &config, std::unique_ptr<SttEngine> stt, TtsEngine *tts,
                   SpeechEventHandler onEvent);
    ~SpeechPipeline();
    SpeechPipeline(const SpeechPipeline &) = delete;
    SpeechPipeline &operator=(const SpeechPipeline &) = delete;

    // Validates the configuration and opens the STT stream. Returns false when the caller cannot be
    // heard (bad rates, unsupported language: an SttError event says why); speaking still works,
    // so the console and CLI can fall back to typed input.
    bool start();
    bool canHear() const { return m_sttRunning; }
    QString hearingProblem() const { return m_hearingProblem; }

    // Caller audio at inputRate, any amount.
    void pushCallerAudio(const std::int16_t *samples, std::size_t n);
    void pushCallerMuLaw(const std::uint8_t *bytes, std::size_t n);
    // Exactly `n` samples of agent audio at outputRate (silence when there is nothing to say).
    // Returns how many were agent speech.
    std::size_t pullAgentAudio(std::int16_t *out, std::size_t n);
    std::size_t pullAgentMuLaw(std::uint8_t *out, std::size_t n);

    // Queues a reply after anything still playing; returns its TTS job id.
    quint64 speak(const QString &text);
    // Stops the agent at once (operator takeover, end of call).
    void stopSpeaking();

    void setExpectation(SttExpectation expectation);
    void setAllowInterruptions(bool allow) { m_config.bargeIn.allowInterruptions = allow; }
    // Phones buffer what was sent: the gateway reports what was really played (from `mark`
    // echoes) after calling setPlaybackReportedByMarks(true).
    void setPlaybackReportedByMarks(bool byMarks) { m_playout.setExternalPlayback(byMarks); }
    void markPlayed(std::int64_t outputSample);

    bool isAgentSpeaking() const { return m_playout.isSpeaking(); }
    // A reply is waiting for its next TTS audio (pulling now would play silence).
    bool isAwaitingAgentAudio() const { return m_playout.isAwaitingAudio(); }
    bool isUserSpeaking() const { return m_endpointer.inTurn(); }
    // A turn has ended and its final transcript has not arrived yet (recognizers may answer on
    // their own threads).
    bool isAwaitingFinal() const { return !m_turnsAwaitingFinal.empty(); }
    std::int64_t inputPosition() const { return m_inputPosition; }
    std::int64_t outputPosition() const { return m_playout.position(); }
    const SpeechPipelineConfig &config() const { return m_config; }

    // Delivers STT and TTS results that arrived from other threads (push and pull do this too).
    void pumpEvents();

private:
    struct SttMessage
    {
        enum class Kind { Partial, Final, Error } kind;
        QString text;
        double confidence = 0.0;
    };
    struct TtsMessage
    {
        TtsChunk chunk;
        bool error = false;
        QString text;
    };

    void processFrame(std::int16_t *frame);
    void feedPauseHeldBack();
    void handleBargeIn();
    void emitEvent(SpeechEvent e);
    void flushDeferred();
    void cancelJobs(const QList<quint64> &jobs);
    std::int64_t toInput(std::int64_t processingSample) const;

    SpeechPipelineConfig m_config;
    std::unique_ptr<SttEngine> m_stt;
    TtsEngine *m_tts = nullptr;
    SpeechEventHandler m_onEvent;
    bool m_started = false;
    bool m_sttRunning = false;
    QString m_hearingProblem;

    // Input side, all at the processing rate (16 kHz), 10 ms frames.
    Resampler m_inputResampler;
    Resampler m_echoResampler;       // agent output → processing rate, for the echo reference
    EchoCanceller m_echo;
    EchoGate m_echoGate;
    Vad m_vad;
    Endpointer m_endpointer;
    BargeInDetector m_bargeIn;
    std::vector<std::int16_t> m_resampled;
    std::vector<std::int16_t> m_frame;
    std::size_t m_frameFill = 0;
    std::vector<std::int16_t> m_preRoll;
    std::size_t m_preRollPos = 0;
    bool m_preRollFull = false;
    SpscRingBuffer<std::int16_t> m_farEnd;
    std::vector<std::int16_t> m_farFrame;
    std::vector<std::int16_t> m_outScratch;
    std::vector<std::int16_t> m_echoScratch;
    std::int64_t m_inputPosition = 0;
    std::deque<Endpointer::Event> m_turnsAwaitingFinal;
    int m_partialWords = 0;
    bool m_pauseJudged = false;     // judgePause() asked in this stretch of silence
    std::size_t m_heldBackSamples = 0; // samples of a judged pause not fed to the recognizer
    bool m_sttAwaitsSpeech = false; // the recognizer wants no silence until the caller speaks again

    AgentPlayout m_playout;
    std::deque<SpeechEvent> m_deferred;

    // Filled by engine callbacks (any thread), drained on the pipeline thread. Shared so a late
    // callback from a misbehaving engine still finds it alive.
    struct Mailbox
    {
        std::mutex lock;
        std::deque<SttMessage> stt;
        std::deque<TtsMessage> tts;
        // Messages waiting: the pipeline thread looks here first and takes the lock (and swaps
        // the queues, which allocates) only when there is something to take.
        std::atomic<int> waiting{ 0 };
    };
    std::shared_ptr<Mailbox> m_mail = std::make_shared<Mailbox>();
};

} // namespace ringside
