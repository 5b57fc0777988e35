#include "wavcaller.h"

#include "calls/callspeech.h"
#include "speech/cloud/speechproviders.h"
#include "speech/speechpipeline.h"
#include "speech/wavreader.h"

#include <QFileInfo>
#include <QThread>

#include <cmath>

namespace ringside::ui {

namespace {

constexpr int kFrameMs = 20;
constexpr int kTrailingSilenceMs = 1500;   // lets the endpointer close the last turn
constexpr int kFinalWaitMs = 5000;         // a recognizer answering on its own thread

double dbfs(const std::int16_t *samples, std::size_t n)
{
    if (n == 0)
        return -96.0;
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        sum += double(samples[i]) * samples[i];
    const double rms = std::sqrt(sum / double(n));
    return rms < 1.0 ? -96.0 : 20.0 * std::log10(rms / 32768.0);
}

} // namespace

WavCaller::WavCaller(QObject *parent)
    : QObject(parent)
{
}

WavCaller::~WavCaller()
{
    if (m_thread) {
        m_stop = true;
        m_thread->wait();
        delete m_thread;
    }
}

void WavCaller::play(const Agent &agent, const QStringList &files)
{
    if (m_thread || files.isEmpty())
        return;
    if (!m_providers)
        m_providers = std::make_shared<SpeechProviders>(m_environment);
    m_stop = false;
    m_thread = QThread::create([this, agent, files] {
        QString error;
        for (const QString &file : files) {
            if (m_stop)
                break;
            error = playOne(agent, file);
            if (!error.isEmpty())
                break;
        }
        m_error = error;   // read on the UI thread once this thread has finished
    });
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        Q_EMIT finished(m_error);
    });
    m_thread->start();
}

void WavCaller::setEnvironment(QProcessEnvironment environment)
{
    if (environment == m_environment)
        return;
    m_environment = std::move(environment);
    if (!m_thread)
        m_providers.reset(); // made again with these keys on the next play()
}

// Runs on the player's thread. Signals emitted here reach the UI thread queued.
QString WavCaller::playOne(const Agent &agent, const QString &file)
{
    const QString name = QFileInfo(file).fileName();
    auto wav = WavReader::read(file);
    if (!wav.ok())
        return tr("%1: %2").arg(name, wav.error());
    const int rate = wav->sampleRate;
    SpeechLine line;
    line.inputRate = rate;
    line.outputRate = 16000;
    line.alwaysInterim = true;   // the workspace shows partials whatever the agent says
    const CallSpeech speech = speechFor(agent, line);
    SpeechChoice choice = chooseEngines(*m_providers, speech);
    if (!choice.stt)
        return tr("%1: no recognizer for this agent: %2").arg(name, choice.sttProblem);

    bool speaking = false;
    QString lastError;
    SpeechPipeline pipeline(speech.pipeline, std::move(choice.stt), choice.tts.get(),
                            [&](const SpeechEvent &e) {
                                switch (e.type) {
                                case SpeechEvent::Type::UserSpeechStarted:
                                    speaking = true;
                                    Q_EMIT speakingChanged(true);
                                    break;
                                case SpeechEvent::Type::Partial:
                                    Q_EMIT partial(e.text);
                                    break;
                                case SpeechEvent::Type::Final:
                                    speaking = false;
                                    Q_EMIT speakingChanged(false);
                                    if (!e.text.trimmed().isEmpty())
                                        Q_EMIT heard(e.text.trimmed());
                                    break;
                                case SpeechEvent::Type::SttError:
                                    lastError = e.text;
                                    break;
                                default:
                                    break;
                                }
                            });
    if (!pipeline.start())
        return tr("%1: the recognizer cannot hear this file: %2").arg(name, pipeline.hearingProblem());

    std::vector<std::int16_t> audio = std::move(wav->samples);
    audio.resize(audio.size() + std::size_t(rate) * kTrailingSilenceMs / 1000, 0);
    const std::size_t frame = std::size_t(rate) * kFrameMs / 1000;
    std::vector<std::int16_t> agentOut(16000 * kFrameMs / 1000);
    for (std::size_t at = 0, n = 0; at < audio.size() && !m_stop; at += frame, ++n) {
        const std::size_t count = std::min(frame, audio.size() - at);
        pipeline.pushCallerAudio(audio.data() + at, count);
        pipeline.pullAgentAudio(agentOut.data(), agentOut.size());   // keeps the two timelines in step
        if (n % 5 == 4) {   // the level of the last 100 ms
            const std::size_t end = at + count;
            const std::size_t begin = end > frame * 5 ? end - frame * 5 : 0;
            Q_EMIT level(dbfs(audio.data() + begin, end - begin));
        }
    }
    // A turn still open or a final still on its way: give the recognizer a moment.
    for (int waited = 0; speaking && waited < kFinalWaitMs && !m_stop; waited += 10) {
        QThread::msleep(10);
        pipeline.pumpEvents();
    }
    Q_EMIT level(-96.0);
    if (speaking)
        Q_EMIT speakingChanged(false);
    return lastError.isEmpty() ? QString() : tr("%1: %2").arg(name, lastError);
}

} // namespace ringside::ui
