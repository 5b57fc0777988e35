#pragma once

#include "agent/agent.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QString>

#include <functional>

class QIODevice;
class QThread;

namespace ringside::ui {

class VoiceWorker;

// Where a spoken test call's audio comes from and goes to, opened on the voice thread: 16-bit
// mono PCM at `rate`. The console opens the microphone and speaker (systemDevices); tests give
// buffers. openOutput may return null (no speaker: the agent is only shown as text).
struct VoiceDevices {
    int inputRate = 16000;
    int outputRate = 16000;
    std::function<QIODevice *(QObject *owner, QString *error)> openInput;
    std::function<QIODevice *(QObject *owner, QString *error)> openOutput;
};

// A spoken test call: on a thread of its own, every 20 ms the caller's audio goes into a
// SpeechPipeline (VAD, endpointing, the agent's recognizer) and the agent's synthesized replies
// come out to the speaker; the caller talking over the agent stops it (barge-in). Reports input
// level, VAD state, partials and final transcripts; the workspace hands the finals to the Session
// and the Session's replies back to speak().
class VoiceLink final : public QObject
{
    Q_OBJECT
public:
    explicit VoiceLink(QObject *parent = nullptr);
    ~VoiceLink() override;   // stops and joins the voice thread

    // The default microphone and speaker through Qt Multimedia, or the devices with these ids.
    static VoiceDevices systemDevices(const QByteArray &inputId = {}, const QByteArray &outputId = {});

    // Cloud speech keys and endpoints for the next start() (the console adds the keychain's).
    void setEnvironment(QProcessEnvironment environment) { m_environment = std::move(environment); }
    void start(const Agent &agent, VoiceDevices devices);
    void speak(const QString &text);
    void stop();
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    void started(const QString &error);   // empty: listening
    void level(double dbfs);
    void speakingChanged(bool speaking);
    void partial(const QString &text);
    void heard(const QString &text);
    // The caller cut the agent off after `heardText` of its reply.
    void interrupted(const QString &heardText);
    void agentAudio(qint64 samples);      // agent speech samples played so far (for meters and tests)
    void stopped();

private:
    QThread *m_thread = nullptr;
    VoiceWorker *m_worker = nullptr;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
};

} // namespace ringside::ui
