#pragma once

#include "telephony/callchannel.h"
#include "telephony/callsetup.h"
#include "telephony/holdaudio.h"

#include "engine/session.h"
#include "speech/speechpipeline.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace ringside::telephony {

// One live call's engine side, on its worker thread: the Session (what to say) and the
// SpeechPipeline (hearing and speaking), glued together and driven by the worker's clock:
//   caller audio (channel.inbound) → pipeline → final text → session.userSaid
//   session "agent" events → pipeline.speak → 20 ms frames (channel.outbound), a mark after each
//   stretch of speech and every 200 ms within it, `clear` on barge-in
// plus hold audio while the call waits for an operator, and the operator controls.
// Everything it learns goes out as JSON events through `emit` (the monitor feed).
class CallEngine
{
public:
    using EmitFn = std::function<void(const QString &type, const QByteArray &json)>;

    // `stt` may be null (text-only calls: nothing is recognized, everything else works); `tts` may
    // be shared with other calls (the embedded synthesizer) or the call's own (a cloud one).
    CallEngine(CallSetup setup, std::shared_ptr<CallChannel> channel, std::unique_ptr<Session> session,
               const SpeechPipelineConfig &speech, std::unique_ptr<SttEngine> stt, std::shared_ptr<TtsEngine> tts, EmitFn emitFn);
    ~CallEngine();
    CallEngine(const CallEngine &) = delete;
    CallEngine &operator=(const CallEngine &) = delete;

    // For a recognizer that can lose its provider mid-call (a cloud one with nothing behind it):
    // whether the caller is still heard, asked on this thread after a speech error. Before start().
    void setHearingCheck(std::function<bool()> stillHearing) { m_stillHearing = std::move(stillHearing); }

    // Opens the speech pipeline and says the greeting. A call with a recognizer that cannot hear
    // the caller (no recognizer for the language) is handed to an operator after the greeting.
    void start(qint64 nowNs);

    // The worker's clock: takes the caller's audio, produces the frames that are due.
    // Returns true when something was queued for the network side.
    bool tick(qint64 nowNs);

    // From the caller's side.
    void markPlayed(std::int64_t outputSample);
    void dtmf(const QString &digit, qint64 nowNs);
    void text(const QString &text, qint64 nowNs);
    void callerLeft(); // stop event or a dropped connection

    // From operators.
    void takeOver();
    void handBack();
    void whisper(const QString &text);
    void operatorSay(const QString &text);
    void endByOperator(const QString &outcome);
    // The SLA ran out: the agent offers a callback and the call ends with outcome "callback".
    void offerCallback(qint64 nowNs);
    // Gateway shutdown: a goodbye, then the stream is closed once it has played (or after `graceMs`).
    void shutdown(qint64 nowNs, int graceMs);

    bool isFinished() const { return m_finished; }
    // The caller could not be heard (from the start, or after the recognizer's provider failed
    // with nothing to take over): the call was handed to an operator.
    bool hearingLost() const { return m_hearingLost; }
    QString outcome() const { return m_session->outcome(); }
    bool callbackOffered() const { return m_callbackOffered; }
    QString callbackText() const { return m_callbackText; }
    const CallSetup &setup() const { return m_setup; }
    Session &session() { return *m_session; }

private:
    void onSpeechEvent(const SpeechEvent &e);
    void onSessionEvent(const SessionEvent &e);
    void onTurnFinished();
    void speak(const QString &text);
    void flushDeferred();
    void emitJson(const QString &type, json data);
    void produceFrame();
    void pushMark(bool endOfSpeech);
    void pushControl(OutFrame::Kind kind);
    void beginHangup(qint64 nowNs, int graceMs);
    void flushDigits();
    bool stillHearing() const;
    void checkHearing();
    void loseHearing(bool cutShort);

    CallSetup m_setup;
    std::shared_ptr<CallChannel> m_channel;
    std::unique_ptr<Session> m_session;
    std::shared_ptr<TtsEngine> m_tts;   // outlives the pipeline that speaks through it
    std::unique_ptr<SpeechPipeline> m_pipeline;
    bool m_hasStt = false;
    bool m_sttTrouble = false;          // an STT error arrived: is the caller still heard?
    bool m_hearingLost = false;
    std::function<bool()> m_stillHearing;
    EmitFn m_emit;
    HoldAudio m_hold;

    qint64 m_t0Ns = 0;
    qint64 m_nowNs = 0;
    std::int64_t m_framesPulled = 0;
    qint64 m_lastSentSlotNs = 0; // the slot of the last frame queued with sound in it
    bool m_lastFrameSpoke = false; // the agent's audio filled the last frame: pull ahead
    int m_inPipeline = 0;               // > 0 while inside a pipeline call: speak() waits
    std::vector<QString> m_deferredSpeech;

    // Pre-allocated per call: nothing below allocates per frame.
    std::vector<std::int16_t> m_in;     // caller audio taken from the channel
    OutFrame m_frame;
    std::vector<std::int16_t> m_operator;
    SpscRingBuffer<std::int16_t> m_callerTap; // caller audio waiting to be mixed for listeners
    std::vector<std::int16_t> m_mix;

    bool m_wasSpeaking = false;
    int m_framesSinceMark = 0;
    bool m_holding = false;
    bool m_bargeIn = false;
    qint64 m_turnEndNs = 0;             // when the caller's last turn ended (latency start)
    QString m_digits;
    qint64 m_lastDigitNs = 0;

    bool m_ending = false;              // the session ended: finish playing, then hang up
    qint64 m_hangupDeadlineNs = 0;
    bool m_finished = false;
    bool m_callbackOffered = false;
    QString m_callbackText;
};

} // namespace ringside::telephony
