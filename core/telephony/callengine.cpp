#include "telephony/callengine.h"

#include "telephony/gatewaytexts.h"

#include "calls/callspeech.h"
#include "conversation/eventtype.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace ringside::telephony {

namespace {

constexpr qint64 kFrameNs = 20'000'000;
constexpr qint64 kDigitTimeoutNs = 2'000'000'000;
constexpr int kFramesPerMark = 10;   // a mark every 200 ms of speech: "how much was heard" to 200 ms
constexpr int kMaxCatchUpFrames = 10; // a worker that stalled skips ahead rather than bursting
// While the agent speaks, its frames are queued this far ahead of their slot: the first frame of
// a stretch leaves at once and the next ones right behind it, so the phone holds this much audio
// (a barge-in's `clear` drops it, and marks still say what was heard), and a worker held up for
// less than this (a call starting or ending on it, a busy core) leaves the caller no gap. Silence
// is paced in real time, so the lead is built again at the start of every stretch.
constexpr qint64 kLeadNs = 100'000'000;
constexpr qsizetype kMaxDigits = 32;  // keyed digits waiting for # or the pause

std::int16_t saturate(int v)
{
    return std::int16_t(std::clamp(v, -32768, 32767));
}

} // namespace

CallEngine::CallEngine(CallSetup setup, std::shared_ptr<CallChannel> channel, std::unique_ptr<Session> session,
                       const SpeechPipelineConfig &speech, std::unique_ptr<SttEngine> stt, std::shared_ptr<TtsEngine> tts,
                       EmitFn emitFn)
    : m_setup(std::move(setup))
    , m_channel(std::move(channel))
    , m_session(std::move(session))
    , m_tts(std::move(tts))
    , m_hasStt(stt != nullptr)
    , m_emit(std::move(emitFn))
    , m_hold(m_channel->sampleRate)
    , m_callerTap(m_channel->frameSamples * 12)
{
    m_pipeline = std::make_unique<SpeechPipeline>(speech, std::move(stt), m_tts.get(), [this](const SpeechEvent &e) { onSpeechEvent(e); });
    m_pipeline->setPlaybackReportedByMarks(true);
    m_in.resize(m_channel->frameSamples * 10);
    m_operator.resize(m_channel->frameSamples);
    m_mix.resize(m_channel->frameSamples);
    m_deferredSpeech.reserve(8);
    QObject::connect(m_session.get(), &Session::eventOccurred, m_session.get(), [this](const SessionEvent &e) { onSessionEvent(e); });
    QObject::connect(m_session.get(), &Session::turnFinished, m_session.get(), [this] { onTurnFinished(); });
}

CallEngine::~CallEngine()
{
    // The session writes its record if it is still live; nothing it says now can be played.
    QObject::disconnect(m_session.get(), nullptr, nullptr, nullptr);
    m_pipeline.reset();
}

void CallEngine::start(qint64 nowNs)
{
    m_t0Ns = nowNs;
    m_nowNs = nowNs;
    ++m_inPipeline;
    const bool hears = m_pipeline->start();
    --m_inPipeline;
    m_sttTrouble = false; // answered here, not by the first tick
    m_session->start();
    onTurnFinished();
    flushDeferred();
    if (m_hasStt && !hears)
        loseHearing(false); // the greeting plays, then the apology
}

bool CallEngine::stillHearing() const
{
    return m_pipeline->canHear() && (!m_stillHearing || m_stillHearing());
}

void CallEngine::checkHearing()
{
    if (!m_sttTrouble || m_inPipeline > 0)
        return;
    m_sttTrouble = false;
    if (m_hasStt && !m_hearingLost && !stillHearing())
        loseHearing(true);
}

// Nobody can hear the caller any more (a Hindi call without Chirp, or Chirp failed with no
// recognizer for the language behind it): rather than ask questions whose answers are lost, the
// agent apologises in the call's language and the call waits for an operator (the escalation
// queue, hold audio, the SLA's callback offer).
void CallEngine::loseHearing(bool cutShort)
{
    m_hearingLost = true;
    if (m_session->isEnded())
        return;
    if (cutShort) {
        // What the agent was saying asked for an answer it can no longer hear.
        ++m_inPipeline;
        m_pipeline->stopSpeaking();
        --m_inPipeline;
        m_deferredSpeech.clear();
        pushControl(OutFrame::Kind::Clear);
    }
    m_session->handToOperator(cannotHearText(m_session->config().agent.language), QStringLiteral("cannot_hear"));
    flushDeferred();
}

bool CallEngine::tick(qint64 nowNs)
{
    m_nowNs = nowNs;
    const std::size_t before = m_channel->outbound.readAvailable();
    const bool listening = m_channel->listening.load(std::memory_order_relaxed);

    // The caller's audio, as much as arrived since the last tick.
    std::size_t n = 0;
    while ((n = m_channel->inbound.pop(m_in.data(), m_in.size())) > 0) {
        ++m_inPipeline;
        m_pipeline->pushCallerAudio(m_in.data(), n);
        --m_inPipeline;
        if (listening)
            m_callerTap.push(m_in.data(), n); // overflow (no output for a while) is dropped
        flushDeferred();
    }
    if (!m_digits.isEmpty() && nowNs - m_lastDigitNs > kDigitTimeoutNs)
        flushDigits();

    // One frame per 20 ms of wall time since the call started; while the agent speaks, up to
    // kLeadNs more.
    const std::int64_t due = (nowNs - m_t0Ns) / kFrameNs + 1;
    const std::int64_t dueAhead = (nowNs + kLeadNs - m_t0Ns) / kFrameNs + 1;
    if (due - m_framesPulled > kMaxCatchUpFrames)
        m_framesPulled = due - kMaxCatchUpFrames;
    while (m_framesPulled < due || (m_framesPulled < dueAhead && m_lastFrameSpoke)) {
        produceFrame();
        ++m_framesPulled;
    }
    flushDeferred();
    checkHearing();

    // The hang-up follows the last frame once its slot has come: the phone has played what was
    // queued ahead.
    const bool played = nowNs >= m_lastSentSlotNs;
    if (m_ending && !m_finished && ((!m_pipeline->isAgentSpeaking() && played) || nowNs >= m_hangupDeadlineNs)) {
        OutFrame &f = m_frame;
        f.kind = OutFrame::Kind::Hangup;
        f.count = 0;
        if (m_channel->outbound.tryPush(f))
            m_finished = true; // else: the ring is full, try again next tick
    }
    return m_channel->outbound.readAvailable() != before || listening;
}

void CallEngine::produceFrame()
{
    const std::size_t fs = m_channel->frameSamples;
    OutFrame &f = m_frame;
    f.kind = OutFrame::Kind::Audio;
    f.count = std::uint16_t(fs);
    f.slotNs = m_t0Ns + m_framesPulled * kFrameNs;
    ++m_inPipeline;
    const std::size_t spoken = m_pipeline->pullAgentAudio(f.pcm, fs);
    --m_inPipeline;
    m_lastFrameSpoke = spoken > 0;
    bool send = spoken > 0;

    const std::size_t op = m_channel->operatorAudio.pop(m_operator.data(), fs);
    if (op > 0) {
        for (std::size_t i = 0; i < op; ++i)
            f.pcm[i] = saturate(int(f.pcm[i]) + int(m_operator[i]));
        send = true;
    }
    if (!send && m_holding && !m_pipeline->isAgentSpeaking()) {
        m_hold.fill(f.pcm, fs);
        send = true;
    }

    if (m_channel->listening.load(std::memory_order_relaxed)) {
        const std::size_t got = m_callerTap.pop(m_mix.data(), fs);
        std::fill(m_mix.begin() + std::ptrdiff_t(got), m_mix.end(), std::int16_t(0));
        for (std::size_t i = 0; i < fs; ++i)
            m_mix[i] = saturate(int(m_mix[i]) + (send ? int(f.pcm[i]) : 0));
        m_channel->listen.push(m_mix.data(), fs);
    }

    if (send)
        f.queuedNs = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    if (send && !m_channel->outbound.tryPush(f))
        m_channel->outboundOverruns.fetch_add(1, std::memory_order_relaxed);
    if (send)
        m_lastSentSlotNs = f.slotNs;

    // Marks tell us what the caller has really heard: after each stretch of speech, and every
    // 200 ms inside a long one so a barge-in knows where the caller stopped listening.
    if (spoken > 0) {
        ++m_framesSinceMark;
        if (spoken < fs || m_framesSinceMark >= kFramesPerMark)
            pushMark(spoken < fs);
        m_wasSpeaking = spoken == fs;
    } else if (m_wasSpeaking) {
        pushMark(true);
        m_wasSpeaking = false;
    }
}

void CallEngine::pushMark(bool endOfSpeech)
{
    m_framesSinceMark = 0;
    OutFrame &f = m_frame;
    f.kind = OutFrame::Kind::Mark;
    f.count = 0;
    f.outputSample = m_pipeline->outputPosition();
    f.endOfSpeech = endOfSpeech;
    if (!m_channel->outbound.tryPush(f))
        m_channel->outboundOverruns.fetch_add(1, std::memory_order_relaxed);
}

void CallEngine::pushControl(OutFrame::Kind kind)
{
    OutFrame &f = m_frame;
    f.kind = kind;
    f.count = 0;
    if (!m_channel->outbound.tryPush(f))
        m_channel->outboundOverruns.fetch_add(1, std::memory_order_relaxed);
}

void CallEngine::onSpeechEvent(const SpeechEvent &e)
{
    switch (e.type) {
    case SpeechEvent::Type::UserSpeechStarted:
        emitJson(eventTypeName(EventType::UserSpeechStarted), json::object());
        break;
    case SpeechEvent::Type::Partial:
        emitJson(eventTypeName(EventType::UserPartial), { { "text", e.text } });
        break;
    case SpeechEvent::Type::Final: {
        if (m_hearingLost || (e.text.isEmpty() && !stillHearing())) {
            // An empty turn from a recognizer that no longer hears: not a caller's silence to
            // re-prompt. The operator has (or is about to get) the call.
            m_sttTrouble = true;
            break;
        }
        // The caller stopped speaking this long before the final arrived.
        const std::int64_t behind = e.speechEndSample >= 0 ? m_pipeline->inputPosition() - e.speechEndSample : 0;
        m_turnEndNs = m_nowNs - behind * 1'000'000'000 / m_channel->sampleRate;
        emitJson(eventTypeName(EventType::UserFinal), { { "text", e.text }, { "confidence", e.confidence }, { "reason", turnEndReasonName(e.reason) } });
        m_session->userSaid(e.text);
        break;
    }
    case SpeechEvent::Type::BargeIn:
        if (e.interrupted) {
            pushControl(OutFrame::Kind::Clear); // first, so the phone drops its buffer at once
            m_bargeIn = true;
        }
        emitJson(eventTypeName(EventType::BargeIn), { { "interrupted", e.interrupted } });
        break;
    case SpeechEvent::Type::AgentAudioStarted:
        if (m_turnEndNs > 0) {
            emitJson(eventTypeName(EventType::TurnLatency), { { "ms", (m_nowNs - m_turnEndNs) / 1'000'000 } });
            m_turnEndNs = 0;
        }
        break;
    case SpeechEvent::Type::AgentAudioFinished:
        emitJson(eventTypeName(EventType::Played), { { "heard", e.heardText }, { "unheard", e.unheardText }, { "interrupted", e.interrupted } });
        if (e.interrupted && m_bargeIn) {
            m_bargeIn = false;
            m_session->agentInterrupted(e.heardText);
        }
        break;
    case SpeechEvent::Type::SttError:
        if (m_hasStt) {
            emitJson(eventTypeName(EventType::SpeechError), { { "message", e.text } });
            m_sttTrouble = true; // checked once out of the pipeline (this tick)
        }
        break;
    case SpeechEvent::Type::TtsError:
        emitJson(eventTypeName(EventType::SpeechError), { { "message", e.text } });
        break;
    }
}

void CallEngine::onSessionEvent(const SessionEvent &e)
{
    m_emit(e.type, QByteArray::fromStdString(e.toJson().dump()));
    if (e.is(EventType::Agent)) {
        speak(e.text());
    } else if (e.is(EventType::Escalation)) {
        m_holding = true; // the call waits for an operator (endOnEscalation is off in the gateway)
    } else if (e.is(EventType::End)) {
        m_holding = false;
        if (!m_ending)
            beginHangup(m_nowNs, 20000);
    }
}

void CallEngine::onTurnFinished()
{
    if (!m_session->isEnded())
        m_pipeline->setExpectation(sttExpectationFor(m_session->brain().expectation()));
}

void CallEngine::speak(const QString &text)
{
    if (m_inPipeline > 0) {
        m_deferredSpeech.push_back(text); // never change the playout from inside its own event
        return;
    }
    m_pipeline->speak(text);
}

void CallEngine::flushDeferred()
{
    while (!m_deferredSpeech.empty() && m_inPipeline == 0) {
        const QString text = m_deferredSpeech.front();
        m_deferredSpeech.erase(m_deferredSpeech.begin());
        m_pipeline->speak(text);
    }
}

void CallEngine::emitJson(const QString &type, json data)
{
    data["type"] = type;
    data["t_ms"] = (m_nowNs - m_t0Ns) / 1'000'000;
    m_emit(type, QByteArray::fromStdString(data.dump()));
}

void CallEngine::markPlayed(std::int64_t outputSample)
{
    ++m_inPipeline;
    m_pipeline->markPlayed(outputSample);
    --m_inPipeline;
    flushDeferred();
}

void CallEngine::dtmf(const QString &digit, qint64 nowNs)
{
    m_nowNs = nowNs;
    emitJson(eventTypeName(EventType::Dtmf), { { "digit", digit } });
    if (digit == QLatin1String("#")) {
        flushDigits();
        return;
    }
    // A keyed turn is an order number or a PIN: digits beyond the cap are dropped, not buffered.
    if (m_digits.size() < kMaxDigits)
        m_digits += digit;
    m_lastDigitNs = nowNs;
}

void CallEngine::flushDigits()
{
    if (m_digits.isEmpty())
        return;
    m_turnEndNs = m_nowNs;
    const QString digits = std::exchange(m_digits, QString());
    m_session->userSaid(digits);
}

void CallEngine::text(const QString &text, qint64 nowNs)
{
    m_nowNs = nowNs;
    m_turnEndNs = nowNs;
    m_session->userSaid(text);
}

void CallEngine::callerLeft()
{
    m_holding = false;
    m_ending = true;
    m_finished = true; // nobody to play to: no hang-up frame
    ++m_inPipeline;
    m_pipeline->stopSpeaking();
    --m_inPipeline;
    m_deferredSpeech.clear();
    m_session->end(QStringLiteral("hangup"));
}

void CallEngine::takeOver()
{
    m_holding = false;
    ++m_inPipeline;
    m_pipeline->stopSpeaking();
    --m_inPipeline;
    m_deferredSpeech.clear();
    pushControl(OutFrame::Kind::Clear);
    m_session->takeOver();
}

void CallEngine::handBack()
{
    m_session->handBack();
    onTurnFinished();
}

void CallEngine::whisper(const QString &text)
{
    m_session->whisper(text);
}

void CallEngine::operatorSay(const QString &text)
{
    m_session->operatorSay(text);
}

void CallEngine::endByOperator(const QString &outcome)
{
    // The operator decided: whatever the AI was saying stops; only the goodbye is played.
    m_holding = false;
    ++m_inPipeline;
    m_pipeline->stopSpeaking();
    --m_inPipeline;
    m_deferredSpeech.clear();
    pushControl(OutFrame::Kind::Clear);
    m_session->end(QStringLiteral("operator"), outcome);
}

void CallEngine::offerCallback(qint64 nowNs)
{
    m_nowNs = nowNs;
    if (m_session->isEnded())
        return;
    m_holding = false;
    m_callbackOffered = true;
    m_callbackText = callbackOfferText(m_session->config().agent.language);
    emitJson(eventTypeName(EventType::Agent), { { "text", m_callbackText }, { "by", "gateway" } });
    speak(m_callbackText);
    m_session->end(QStringLiteral("callback"), QStringLiteral("callback"));
}

void CallEngine::shutdown(qint64 nowNs, int graceMs)
{
    m_nowNs = nowNs;
    if (m_session->isEnded()) {
        if (!m_ending)
            beginHangup(nowNs, graceMs);
        else
            m_hangupDeadlineNs = std::min(m_hangupDeadlineNs, nowNs + qint64(graceMs) * 1'000'000);
        return;
    }
    m_holding = false;
    beginHangup(nowNs, graceMs);
    m_session->end(QStringLiteral("shutdown"));
}

void CallEngine::beginHangup(qint64 nowNs, int graceMs)
{
    m_ending = true;
    m_hangupDeadlineNs = nowNs + qint64(graceMs) * 1'000'000;
}

} // namespace ringside::telephony
