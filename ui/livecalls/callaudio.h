#pragma once

#include "telephony/monitorprotocol.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <vector>

class QAudioSink;
class QAudioSource;
class QIODevice;

namespace ringside::ui {

// The operator's ears and voice on a live call, on the feed's network thread (never the UI's):
// Listen plays the call's audio (monitor frames, kind 1) through a QAudioSink; after a take-over
// the microphone (QAudioSource) streams the operator's voice back as kind 2 frames. With no
// device it says so and the console falls back to the transcript and typed lines.
class CallAudio : public QObject
{
    Q_OBJECT
public:
    using SendFn = std::function<bool(const QByteArray &frame)>;

    explicit CallAudio(SendFn send, QObject *parent = nullptr);
    ~CallAudio() override;

    void startListening(const QString &callId, int sampleRate);
    void stopListening();
    // A frame from the feed; played when it belongs to the call being listened to.
    void play(const telephony::monitor::AudioFrame &frame);

    void startMicrophone(const QString &callId, int sampleRate);
    void stopMicrophone();

    QString listeningTo() const { return m_listenCall; }
    QString speakingTo() const { return m_micCall; }

Q_SIGNALS:
    void listenStatus(const QString &callId, bool playing, const QString &message);
    void microphoneStatus(const QString &callId, bool open, const QString &message);

private:
    void readMicrophone();

    SendFn m_send;
    QString m_listenCall;
    int m_listenRate = 0;
    QAudioSink *m_sink = nullptr;
    QIODevice *m_sinkIo = nullptr;
    QString m_micCall;
    int m_micRate = 0;
    QAudioSource *m_source = nullptr;
    QIODevice *m_sourceIo = nullptr;
    QByteArray m_micPending;
};

} // namespace ringside::ui
