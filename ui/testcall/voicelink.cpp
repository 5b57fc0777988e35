#include "voicelink.h"

#include "voiceworker.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QAudioSource>
#include <QMediaDevices>
#include <QThread>

namespace ringside::ui {

namespace {

QAudioDevice findDevice(const QList<QAudioDevice> &devices, const QByteArray &id, const QAudioDevice &fallback)
{
    for (const QAudioDevice &d : devices)
        if (d.id() == id)
            return d;
    return fallback;
}

QAudioFormat pcm16Mono(int rate)
{
    QAudioFormat format;
    format.setSampleRate(rate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    return format;
}

} // namespace

VoiceLink::VoiceLink(QObject *parent)
    : QObject(parent)
{
}

VoiceLink::~VoiceLink()
{
    if (m_thread) {
        QMetaObject::invokeMethod(m_worker, &VoiceWorker::finish, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    }
}

VoiceDevices VoiceLink::systemDevices(const QByteArray &inputId, const QByteArray &outputId)
{
    VoiceDevices devices;
    const QAudioDevice in = findDevice(QMediaDevices::audioInputs(), inputId, QMediaDevices::defaultAudioInput());
    const QAudioDevice out = findDevice(QMediaDevices::audioOutputs(), outputId, QMediaDevices::defaultAudioOutput());
    // 16 kHz when the device offers it, else its own rate (the pipeline resamples).
    devices.inputRate = in.isFormatSupported(pcm16Mono(16000)) ? 16000 : in.preferredFormat().sampleRate();
    devices.outputRate = out.isFormatSupported(pcm16Mono(16000)) ? 16000 : out.preferredFormat().sampleRate();
    const int inRate = devices.inputRate;
    const int outRate = devices.outputRate;
    devices.openInput = [in, inRate](QObject *owner, QString *error) -> QIODevice * {
        if (in.isNull() || !in.isFormatSupported(pcm16Mono(inRate))) {
            *error = in.isNull() ? VoiceLink::tr("no microphone") : VoiceLink::tr("%1 does not record 16-bit mono audio").arg(in.description());
            return nullptr;
        }
        auto *source = new QAudioSource(in, pcm16Mono(inRate), owner);
        source->setBufferSize(inRate / 10 * 2);   // 100 ms: low latency, no dropouts at 20 ms ticks
        return source->start();
    };
    devices.openOutput = [out, outRate](QObject *owner, QString *error) -> QIODevice * {
        if (out.isNull() || !out.isFormatSupported(pcm16Mono(outRate))) {
            *error = VoiceLink::tr("no speaker: the agent's replies are shown as text only");
            return nullptr;
        }
        auto *sink = new QAudioSink(out, pcm16Mono(outRate), owner);
        sink->setBufferSize(outRate / 10 * 2);
        return sink->start();
    };
    return devices;
}

void VoiceLink::start(const Agent &agent, VoiceDevices devices)
{
    if (m_thread)
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("test-call voice"));
    m_worker = new VoiceWorker(m_environment);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &VoiceWorker::started, this, &VoiceLink::started);
    connect(m_worker, &VoiceWorker::level, this, &VoiceLink::level);
    connect(m_worker, &VoiceWorker::speakingChanged, this, &VoiceLink::speakingChanged);
    connect(m_worker, &VoiceWorker::partial, this, &VoiceLink::partial);
    connect(m_worker, &VoiceWorker::heard, this, &VoiceLink::heard);
    connect(m_worker, &VoiceWorker::interrupted, this, &VoiceLink::interrupted);
    connect(m_worker, &VoiceWorker::agentAudio, this, &VoiceLink::agentAudio);
    connect(m_worker, &VoiceWorker::stopped, this, [this] {
        m_thread->quit();
        m_thread->wait();
        m_thread->deleteLater();
        m_thread = nullptr;
        m_worker = nullptr;
        Q_EMIT stopped();
    });
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, agent, devices] { w->begin(agent, devices); });
}

void VoiceLink::speak(const QString &text)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [w = m_worker, text] { w->say(text); });
}

void VoiceLink::stop()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &VoiceWorker::finish);
}

} // namespace ringside::ui
