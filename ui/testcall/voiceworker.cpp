#include "voiceworker.h"

#include "calls/callspeech.h"
#include "speech/cloud/speechproviders.h"
#include "speech/speechpipeline.h"

#include <QIODevice>
#include <QTimer>

#include <cmath>
#include <cstring>

namespace ringside::ui {

namespace {
constexpr int kTickMs = 20;

double dbfs(const std::int16_t *samples, std::size_t n)
{
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        sum += double(samples[i]) * samples[i];
    const double rms = n ? std::sqrt(sum / double(n)) : 0.0;
    return rms < 1.0 ? -96.0 : 20.0 * std::log10(rms / 32768.0);
}
} // namespace

VoiceWorker::VoiceWorker(QProcessEnvironment environment)
    : m_environment(std::move(environment))
{
}

VoiceWorker::~VoiceWorker()
{
    m_pipeline.reset();   // before the TTS engine it uses
}

void VoiceWorker::begin(const Agent &agent, const VoiceDevices &devices)
{
    QString error;
    m_input = devices.openInput ? devices.openInput(this, &error) : nullptr;
    if (!m_input) {
        Q_EMIT started(error.isEmpty() ? tr("no microphone") : error);
        return;
    }
    if (devices.openOutput)
        m_output = devices.openOutput(this, &error);   // null: no speaker, the replies are text only
    m_outputRate = devices.outputRate;

    m_providers = std::make_unique<SpeechProviders>(m_environment);
    SpeechLine line;
    line.inputRate = devices.inputRate;
    line.outputRate = devices.outputRate;
    line.alwaysInterim = true;      // the workspace shows partials whatever the agent says
    line.echoCancellation = true;   // the microphone hears the speaker
    const CallSpeech speech = speechFor(agent, line);
    SpeechChoice choice = chooseEngines(*m_providers, speech);
    if (!choice.stt || !choice.tts) {
        Q_EMIT started(!choice.stt ? choice.sttProblem : choice.ttsProblem);
        return;
    }
    m_tts = choice.tts;
    m_pipeline = std::make_unique<SpeechPipeline>(speech.pipeline, std::move(choice.stt), m_tts.get(),
                                                  [this](const SpeechEvent &e) { onSpeechEvent(e); });
    if (!m_pipeline->start()) {
        Q_EMIT started(m_pipeline->hearingProblem());
        m_pipeline.reset();
        return;
    }
    m_out.resize(std::size_t(m_outputRate) * kTickMs / 1000);
    m_timer = new QTimer(this);
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &VoiceWorker::tick);
    m_timer->start();
    Q_EMIT started(QString());
}

void VoiceWorker::say(const QString &text)
{
    if (m_pipeline && !text.trimmed().isEmpty())
        m_pipeline->speak(text);
}

void VoiceWorker::finish()
{
    if (m_timer)
        m_timer->stop();
    if (m_pipeline)
        m_pipeline->stopSpeaking();
    m_pipeline.reset();
    Q_EMIT stopped();
}

void VoiceWorker::tick()
{
    if (!m_pipeline)
        return;
    // Whatever the microphone gathered since the last tick.
    QByteArray bytes = m_pendingByte + m_input->readAll();
    m_pendingByte.clear();
    if (bytes.size() % 2)
        m_pendingByte = bytes.right(1), bytes.chop(1);
    const std::size_t n = std::size_t(bytes.size()) / 2;
    if (n) {
        m_in.resize(n);
        std::memcpy(m_in.data(), bytes.constData(), n * 2);
        m_pipeline->pushCallerAudio(m_in.data(), n);
        if (++m_ticks % 5 == 0)
            Q_EMIT level(dbfs(m_in.data(), n));
    } else {
        m_pipeline->pumpEvents();
    }
    // 20 ms of the agent for the speaker (silence between replies keeps the device fed).
    const std::size_t spoken = m_pipeline->pullAgentAudio(m_out.data(), m_out.size());
    if (spoken) {
        m_agentSamples += qint64(spoken);
        Q_EMIT agentAudio(m_agentSamples);
    }
    if (m_output)
        m_output->write(reinterpret_cast<const char *>(m_out.data()), qint64(m_out.size() * 2));
}

void VoiceWorker::onSpeechEvent(const SpeechEvent &e)
{
    switch (e.type) {
    case SpeechEvent::Type::UserSpeechStarted:
        Q_EMIT speakingChanged(true);
        break;
    case SpeechEvent::Type::Partial:
        Q_EMIT partial(e.text);
        break;
    case SpeechEvent::Type::Final:
        Q_EMIT speakingChanged(false);
        if (!e.text.trimmed().isEmpty())
            Q_EMIT heard(e.text.trimmed());
        break;
    case SpeechEvent::Type::AgentAudioFinished:
        if (e.interrupted)
            Q_EMIT interrupted(e.heardText);
        break;
    default:
        break;
    }
}

} // namespace ringside::ui
