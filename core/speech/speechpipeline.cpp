#include "speech/speechpipeline.h"

#include "speech/mulaw.h"

#include <algorithm>
#include <cmath>

namespace ringside {

namespace {
constexpr int kFrameMs = 10;
constexpr std::size_t kFrame = samplesPerFrame(kProcessingRate, kFrameMs);

double levelDbfs(const std::int16_t *x, std::size_t n)
{
    double e = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        e += double(x[i]) * double(x[i]);
    const double rms = std::sqrt(e / double(n));
    return rms > 0.5 ? 20.0 * std::log10(rms / 32768.0) : -100.0;
}
} // namespace

QString speechEventTypeName(SpeechEvent::Type type)
{
    switch (type) {
    case SpeechEvent::Type::UserSpeechStarted: return QStringLiteral("user_speech_started");
    case SpeechEvent::Type::Partial: return QStringLiteral("partial");
    case SpeechEvent::Type::Final: return QStringLiteral("final");
    case SpeechEvent::Type::AgentAudioStarted: return QStringLiteral("agent_audio_started");
    case SpeechEvent::Type::AgentAudioFinished: return QStringLiteral("agent_audio_finished");
    case SpeechEvent::Type::BargeIn: return QStringLiteral("barge_in");
    case SpeechEvent::Type::SttError: return QStringLiteral("stt_error");
    case SpeechEvent::Type::TtsError: return QStringLiteral("tts_error");
    }
    return QString();
}

SpeechPipeline::SpeechPipeline(const SpeechPipelineConfig &config, std::unique_ptr<SttEngine> stt, TtsEngine *tts,
                               SpeechEventHandler onEvent)
    : m_config(config)
    , m_stt(std::move(stt))
    , m_tts(tts)
    , m_onEvent(std::move(onEvent))
    , m_farEnd(std::size_t(kProcessingRate)) // one second of echo reference
{
    m_playout.onStarted = [this](quint64 job, const QString &text, std::int64_t outputSample) {
        SpeechEvent e;
        e.type = SpeechEvent::Type::AgentAudioStarted;
        e.job = job;
        e.text = text;
        e.outputSample = outputSample;
        m_deferred.push_back(e);
    };
    m_playout.onFinished = [this](const AgentPlayout::Finished &f) {
        SpeechEvent e;
        e.type = SpeechEvent::Type::AgentAudioFinished;
        e.job = f.job;
        e.heardText = f.heard.heardText;
        e.unheardText = f.heard.unheardText;
        e.interrupted = f.interrupted;
        e.outputSample = f.outputSample;
        m_deferred.push_back(e);
    };
}

SpeechPipeline::~SpeechPipeline()
{
    if (m_stt)
        m_stt->stop();
    m_playout.onStarted = nullptr;
    m_playout.onFinished = nullptr;
    cancelJobs(m_playout.stopNow());
}

bool SpeechPipeline::start()
{
    if (m_started)
        return m_sttRunning;
    m_started = true;
    auto problem = [this](const QString &message) {
        m_hearingProblem = message;
        SpeechEvent e;
        e.type = SpeechEvent::Type::SttError;
        e.text = message;
        emitEvent(e);
        return false;
    };
    QString error;
    if (!m_inputResampler.init(m_config.inputRate, kProcessingRate, 5, &error))
        return problem(QStringLiteral("inputRate: ") + error);
    if (m_config.outputRate < 8000 || m_config.outputRate > 48000)
        return problem(QStringLiteral("outputRate: %1 Hz is outside 8000–48000 Hz").arg(m_config.outputRate));
    if (m_config.echoCancellation) {
        if (!m_echo.init(kProcessingRate, kFrame, m_config.echoFilterMs, &error)
            || !m_echoResampler.init(m_config.outputRate, kProcessingRate, 3, &error))
            return problem(QStringLiteral("echoCancellation: ") + error);
    }
    m_config.vad.sampleRate = kProcessingRate;
    m_vad.init(m_config.vad);
    m_config.endpointer.endpointingMs = m_config.stt.endpointingMs;
    m_config.endpointer.identifierFormats = m_config.stt.identifierFormats;
    m_endpointer.init(m_config.endpointer, kProcessingRate);
    m_endpointer.setExpectation(m_config.stt.expectation);
    m_bargeIn.init(m_config.bargeIn, kProcessingRate);
    m_echoGate.reset();
    m_frame.assign(kFrame, 0);
    m_farFrame.assign(kFrame, 0);
    m_preRoll.assign(std::size_t(std::max(0, m_config.preRollMs)) * kProcessingRate / 1000, 0);
    m_resampled.reserve(m_inputResampler.maxOutput(std::size_t(m_config.inputRate) / 10));

    if (!m_stt)
        return problem(QStringLiteral("stt: no speech recognizer configured; use typed input"));
    SttConfig sttConfig = m_config.stt;
    sttConfig.sampleRate = kProcessingRate;
    sttConfig.interimResults = true; // partials drive digit endpointing and barge-in word counts
    std::weak_ptr<Mailbox> mail = m_mail;
    auto post = [mail](SttMessage m) {
        if (auto box = mail.lock()) {
            std::lock_guard lock(box->lock);
            box->stt.push_back(std::move(m));
            box->waiting.fetch_add(1, std::memory_order_release);
        }
    };
    SttEngine::Callbacks callbacks;
    callbacks.partial = [post](const QString &text) { post({SttMessage::Kind::Partial, text, 0.0}); };
    callbacks.final = [post](const QString &text, double confidence) { post({SttMessage::Kind::Final, text, confidence}); };
    callbacks.error = [post](const QString &message) { post({SttMessage::Kind::Error, message, 0.0}); };
    m_sttRunning = m_stt->start(sttConfig, callbacks);
    pumpEvents(); // an unsupported language reports through the error callback
    if (!m_sttRunning && m_hearingProblem.isEmpty())
        m_hearingProblem = QStringLiteral("stt: %1 could not start").arg(m_stt->name());
    return m_sttRunning;
}

std::int64_t SpeechPipeline::toInput(std::int64_t processingSample) const
{
    return processingSample * m_config.inputRate / kProcessingRate;
}

void SpeechPipeline::pushCallerMuLaw(const std::uint8_t *bytes, std::size_t n)
{
    std::int16_t pcm[1024];
    while (n > 0) {
        const std::size_t take = std::min<std::size_t>(n, 1024);
        muLawDecode(bytes, take, pcm);
        pushCallerAudio(pcm, take);
        bytes += take;
        n -= take;
    }
}

void SpeechPipeline::pushCallerAudio(const std::int16_t *samples, std::size_t n)
{
    if (!m_started || !m_inputResampler.isValid())
        return;
    m_inputPosition += std::int64_t(n);
    m_resampled.clear();
    m_inputResampler.process(samples, n, m_resampled);
    std::size_t pos = 0;
    while (pos < m_resampled.size()) {
        const std::size_t take = std::min(kFrame - m_frameFill, m_resampled.size() - pos);
        std::copy_n(m_resampled.data() + pos, take, m_frame.data() + m_frameFill);
        m_frameFill += take;
        pos += take;
        if (m_frameFill == kFrame) {
            processFrame(m_frame.data());
            m_frameFill = 0;
        }
    }
    pumpEvents();
}

void SpeechPipeline::processFrame(std::int16_t *frame)
{
    double farDbfs = -100.0;
    if (m_echo.isValid()) {
        // The reference is what was pulled for the speakers, in the same order; missing
        // reference (nothing played) is silence.
        const std::size_t got = m_farEnd.pop(m_farFrame.data(), kFrame);
        std::fill(m_farFrame.begin() + std::ptrdiff_t(got), m_farFrame.end(), std::int16_t(0));
        farDbfs = levelDbfs(m_farFrame.data(), kFrame);
        m_echo.process(frame, m_farFrame.data(), frame);
    }
    const VadDecision vad = m_vad.process(frame, kFrame);

    if (!m_preRoll.empty()) {
        for (std::size_t i = 0; i < kFrame; ++i) {
            m_preRoll[m_preRollPos] = frame[i];
            m_preRollPos = (m_preRollPos + 1) % m_preRoll.size();
        }
        m_preRollFull = m_preRollFull || m_preRollPos < kFrame;
    }

    const Endpointer::Event ev = m_endpointer.process(vad, kFrame);
    if (vad.active || ev.kind == Endpointer::Event::Kind::TurnStarted) {
        if (m_sttAwaitsSpeech && m_sttRunning && ev.kind == Endpointer::Event::Kind::None)
            feedPauseHeldBack(); // the caller speaks again: the recognizer goes on with the whole pause
        m_sttAwaitsSpeech = false;
        m_pauseJudged = false;
        m_heldBackSamples = 0;
    }
    if (ev.kind == Endpointer::Event::Kind::TurnStarted) {
        m_partialWords = 0;
        if (m_sttRunning) {
            // Hand STT the moments before the onset too, so the first consonant is not lost.
            if (m_preRollFull) {
                m_stt->feed(m_preRoll.data() + m_preRollPos, m_preRoll.size() - m_preRollPos);
                m_stt->feed(m_preRoll.data(), m_preRollPos);
            } else {
                m_stt->feed(m_preRoll.data(), m_preRollPos);
            }
        }
        SpeechEvent e;
        e.type = SpeechEvent::Type::UserSpeechStarted;
        e.speechStartSample = toInput(ev.speechStartSample);
        e.inputSample = m_inputPosition;
        emitEvent(e);
    } else if (m_endpointer.inTurn() || ev.kind == Endpointer::Event::Kind::TurnEnded) {
        if (m_sttRunning && !m_sttAwaitsSpeech)
            m_stt->feed(frame, kFrame);
        else if (m_sttAwaitsSpeech)
            m_heldBackSamples += kFrame;
    }
    if (ev.kind == Endpointer::Event::Kind::TurnEnded) {
        m_turnsAwaitingFinal.push_back(ev);
        if (m_sttRunning)
            m_stt->finalize(); // after a judged pause: the reading made then, nothing decoded again
        m_sttAwaitsSpeech = false;
        m_pauseJudged = false;
        m_heldBackSamples = 0;
    } else if (m_sttRunning && !m_pauseJudged && m_endpointer.pauseWorthJudging()) {
        // The caller paused where the endpointer would wait on for digits: let the recognizer say
        // whether an ID is being read at all (SttEngine::judgePause). Asked before the ordinary
        // silence is over, so the reading (a decoding of the whole turn) is usually there when
        // it is, and a turn of words ends after endpointingMs rather than endpointingMs + decoding.
        m_pauseJudged = true;
        m_sttAwaitsSpeech = m_stt->judgePause();
    }

    m_bargeIn.setPartialWordCount(m_partialWords);
    VadDecision forBargeIn = vad;
    if (m_echo.isValid())
        forBargeIn.active = m_echoGate.isCallerSpeech(farDbfs, vad.levelDbfs, vad.active);
    if (m_bargeIn.process(forBargeIn, kFrame, m_playout.isPlaying() && !m_playout.isStopping()))
        handleBargeIn();
    pumpEvents();
}

// The silence of a judged pause is not fed to the recognizer while it waits; when the caller goes
// on, the pause (as much of it as the pre-roll ring still holds, up to 290 ms) is fed before the
// frame that resumed it, so the recognizer hears the turn without a hole in it.
void SpeechPipeline::feedPauseHeldBack()
{
    if (m_preRoll.size() <= kFrame || m_heldBackSamples == 0)
        return;
    const std::size_t size = m_preRoll.size();
    const std::size_t n = std::min(m_heldBackSamples, size - kFrame);
    // The ring's newest frame (just written) is the resuming one; the pause ends right before it.
    const std::size_t end = (m_preRollPos + size - kFrame) % size;
    const std::size_t start = (end + size - n) % size;
    if (start < end) {
        m_stt->feed(m_preRoll.data() + start, n);
    } else {
        m_stt->feed(m_preRoll.data() + start, size - start);
        m_stt->feed(m_preRoll.data(), end);
    }
}

void SpeechPipeline::handleBargeIn()
{
    SpeechEvent e;
    e.type = SpeechEvent::Type::BargeIn;
    e.speechStartSample = toInput(m_bargeIn.speechStartSample());
    e.inputSample = m_inputPosition;
    e.outputSample = m_playout.position();
    e.interrupted = m_config.bargeIn.allowInterruptions;
    if (e.interrupted) {
        emitEvent(e); // first, so a gateway can send Twilio's `clear` before anything else
        cancelJobs(m_playout.stopNow());
        flushDeferred();
    } else {
        m_playout.stopAfterSentence();
        emitEvent(e);
    }
}

std::size_t SpeechPipeline::pullAgentAudio(std::int16_t *out, std::size_t n)
{
    pumpEvents();
    const std::size_t spoken = m_playout.pull(out, n);
    cancelJobs(m_playout.takeJobsToCancel());
    flushDeferred();
    if (m_echo.isValid()) {
        m_echoScratch.clear();
        m_echoResampler.process(out, n, m_echoScratch);
        m_farEnd.push(m_echoScratch.data(), m_echoScratch.size());
    }
    return spoken;
}

std::size_t SpeechPipeline::pullAgentMuLaw(std::uint8_t *out, std::size_t n)
{
    m_outScratch.resize(std::max(m_outScratch.size(), n));
    const std::size_t spoken = pullAgentAudio(m_outScratch.data(), n);
    muLawEncode(m_outScratch.data(), n, out);
    return spoken;
}

quint64 SpeechPipeline::speak(const QString &text)
{
    if (!m_tts) {
        SpeechEvent e;
        e.type = SpeechEvent::Type::TtsError;
        e.text = QStringLiteral("tts: no speech synthesizer configured");
        emitEvent(e);
        return 0;
    }
    TtsConfig cfg = m_config.tts;
    cfg.sampleRate = m_config.outputRate;
    cfg.encoding = AudioEncoding::Pcm16;
    std::weak_ptr<Mailbox> mail = m_mail;
    auto post = [mail](TtsMessage m) {
        if (auto box = mail.lock()) {
            std::lock_guard lock(box->lock);
            box->tts.push_back(std::move(m));
            box->waiting.fetch_add(1, std::memory_order_release);
        }
    };
    // The reply is registered before any chunk can arrive: chunks wait in the mailbox until the
    // next pull, which runs on this thread after addReply.
    const quint64 job = m_tts->synthesize(
        text, cfg, [post](const TtsChunk &chunk) { post({chunk, false, QString()}); },
        [post](quint64 job, const QString &message) {
            TtsMessage m;
            m.chunk.job = job;
            m.error = true;
            m.text = message;
            post(std::move(m));
        });
    m_playout.addReply(job, text);
    return job;
}

void SpeechPipeline::stopSpeaking()
{
    cancelJobs(m_playout.stopNow());
    flushDeferred();
}

void SpeechPipeline::setExpectation(SttExpectation expectation)
{
    m_config.stt.expectation = expectation;
    m_endpointer.setExpectation(expectation);
    if (m_sttRunning)
        m_stt->setExpectation(expectation);
}

void SpeechPipeline::markPlayed(std::int64_t outputSample)
{
    m_playout.markPlayed(outputSample);
    flushDeferred();
}

void SpeechPipeline::cancelJobs(const QList<quint64> &jobs)
{
    if (!m_tts)
        return;
    for (quint64 job : jobs)
        m_tts->cancel(job);
}

void SpeechPipeline::pumpEvents()
{
    if (m_mail->waiting.load(std::memory_order_acquire) == 0)
        return; // the usual case on every 10 ms frame: no lock, no allocation
    std::deque<SttMessage> stt;
    std::deque<TtsMessage> tts;
    {
        std::lock_guard lock(m_mail->lock);
        stt.swap(m_mail->stt);
        tts.swap(m_mail->tts);
        m_mail->waiting.store(0, std::memory_order_relaxed);
    }
    for (SttMessage &m : stt) {
        SpeechEvent e;
        e.inputSample = m_inputPosition;
        switch (m.kind) {
        case SttMessage::Kind::Partial:
            m_endpointer.setPartialTranscript(m.text);
            m_partialWords = int(m.text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
            if (!m_config.stt.interimResults)
                continue;
            e.type = SpeechEvent::Type::Partial;
            e.text = m.text;
            break;
        case SttMessage::Kind::Final:
            e.type = SpeechEvent::Type::Final;
            e.text = m.text;
            e.confidence = m.confidence;
            if (!m_turnsAwaitingFinal.empty()) {
                const Endpointer::Event turn = m_turnsAwaitingFinal.front();
                m_turnsAwaitingFinal.pop_front();
                e.reason = turn.reason;
                e.speechStartSample = toInput(turn.speechStartSample);
                e.speechEndSample = toInput(turn.speechEndSample);
            }
            break;
        case SttMessage::Kind::Error:
            e.type = SpeechEvent::Type::SttError;
            e.text = m.text;
            if (m_hearingProblem.isEmpty() && !m_sttRunning)
                m_hearingProblem = m.text;
            break;
        }
        emitEvent(e);
    }
    for (TtsMessage &m : tts) {
        if (m.error) {
            SpeechEvent e;
            e.type = SpeechEvent::Type::TtsError;
            e.job = m.chunk.job;
            e.text = m.text;
            emitEvent(e);
            m_playout.failReply(m.chunk.job);
            flushDeferred();
            continue;
        }
        m_playout.addChunk(std::move(m.chunk));
    }
}

// Playout events wait until the playout is consistent again, so a handler may call speak() or
// stopSpeaking() without pulling the queue from under it.
void SpeechPipeline::flushDeferred()
{
    while (!m_deferred.empty()) {
        SpeechEvent e = m_deferred.front();
        m_deferred.pop_front();
        emitEvent(e);
    }
}

void SpeechPipeline::emitEvent(SpeechEvent e)
{
    if (e.inputSample < 0)
        e.inputSample = m_inputPosition;
    if (m_onEvent)
        m_onEvent(e);
}

} // namespace ringside
