#include "callaudio.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QAudioSource>
#include <QMediaDevices>

namespace ringside::ui {

namespace monitor = telephony::monitor;

namespace {

QAudioFormat pcm16(int rate)
{
    QAudioFormat f;
    f.setSampleRate(rate);
    f.setChannelCount(1);
    f.setSampleFormat(QAudioFormat::Int16);
    return f;
}

} // namespace

CallAudio::CallAudio(SendFn send, QObject *parent)
    : QObject(parent), m_send(std::move(send))
{
}

CallAudio::~CallAudio()
{
    stopListening();
    stopMicrophone();
}

void CallAudio::startListening(const QString &callId, int sampleRate)
{
    stopListening();
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (device.isNull()) {
        Q_EMIT listenStatus(callId, false, tr("No audio output device: follow the call in the transcript"));
        return;
    }
    const QAudioFormat format = pcm16(sampleRate);
    if (!device.isFormatSupported(format)) {
        Q_EMIT listenStatus(callId, false, tr("%1 cannot play %2 Hz mono audio").arg(device.description()).arg(sampleRate));
        return;
    }
    m_sink = new QAudioSink(device, format, this);
    m_sink->setBufferSize(sampleRate * 2 / 5); // 200 ms: enough against network jitter, little delay
    m_sinkIo = m_sink->start();
    if (!m_sinkIo) {
        delete m_sink;
        m_sink = nullptr;
        Q_EMIT listenStatus(callId, false, tr("%1 could not be opened").arg(device.description()));
        return;
    }
    m_listenCall = callId;
    m_listenRate = sampleRate;
    Q_EMIT listenStatus(callId, true, tr("Listening on %1").arg(device.description()));
}

void CallAudio::stopListening()
{
    if (!m_sink)
        return;
    const QString call = m_listenCall;
    m_sink->stop();
    delete m_sink;
    m_sink = nullptr;
    m_sinkIo = nullptr;
    m_listenCall.clear();
    Q_EMIT listenStatus(call, false, QString());
}

void CallAudio::play(const monitor::AudioFrame &frame)
{
    if (!m_sinkIo || frame.callId != m_listenCall || frame.sampleRate != m_listenRate)
        return;
    m_sinkIo->write(reinterpret_cast<const char *>(frame.samples.data()), qint64(frame.samples.size() * sizeof(std::int16_t)));
}

void CallAudio::startMicrophone(const QString &callId, int sampleRate)
{
    stopMicrophone();
    const QAudioDevice device = QMediaDevices::defaultAudioInput();
    if (device.isNull()) {
        Q_EMIT microphoneStatus(callId, false, tr("No microphone: type what the caller should hear and press Say"));
        return;
    }
    const QAudioFormat format = pcm16(sampleRate);
    if (!device.isFormatSupported(format)) {
        Q_EMIT microphoneStatus(callId, false, tr("%1 cannot record %2 Hz mono audio: type and press Say").arg(device.description()).arg(sampleRate));
        return;
    }
    m_source = new QAudioSource(device, format, this);
    m_sourceIo = m_source->start();
    if (!m_sourceIo) {
        delete m_source;
        m_source = nullptr;
        Q_EMIT microphoneStatus(callId, false, tr("%1 could not be opened: type and press Say").arg(device.description()));
        return;
    }
    m_micCall = callId;
    m_micRate = sampleRate;
    connect(m_sourceIo, &QIODevice::readyRead, this, &CallAudio::readMicrophone);
    Q_EMIT microphoneStatus(callId, true, tr("Your microphone (%1) reaches the caller").arg(device.description()));
}

void CallAudio::stopMicrophone()
{
    if (!m_source)
        return;
    const QString call = m_micCall;
    m_source->stop();
    delete m_source;
    m_source = nullptr;
    m_sourceIo = nullptr;
    m_micCall.clear();
    m_micPending.clear();
    Q_EMIT microphoneStatus(call, false, QString());
}

void CallAudio::readMicrophone()
{
    if (!m_sourceIo)
        return;
    m_micPending += m_sourceIo->readAll();
    // 20 ms frames, like the phone side, so the engine's jitter buffer sees a steady stream.
    const qsizetype frameBytes = qsizetype(m_micRate / 50) * qsizetype(sizeof(std::int16_t));
    while (frameBytes > 0 && m_micPending.size() >= frameBytes) {
        const auto *samples = reinterpret_cast<const std::int16_t *>(m_micPending.constData());
        m_send(monitor::encodeAudioFrame(monitor::AudioKind::OperatorAudio, m_micCall, m_micRate, samples, std::size_t(m_micRate / 50)));
        m_micPending.remove(0, frameBytes);
    }
}

} // namespace ringside::ui
