#pragma once

#include "telephony/mediaprotocol.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <deque>
#include <vector>

namespace ringside::telephony {

// Plays the provider's part of a media stream against a gateway, as Twilio (or Exotel) would:
// connects, sends `connected` and `start`, streams the caller's audio in 20 ms `media` frames at
// real-time pace (silence between utterances, as a phone line does), and listens — it "plays"
// what it receives through a simulated jitter buffer, echoes each `mark` once the audio before it
// has played, and on `clear` drops what is buffered and echoes the pending marks at once, as
// Twilio documents. It measures what a caller would notice: when the agent's audio starts after
// each utterance, and frames that arrive after the buffer ran dry (late: the caller heard a gap).
// Used by the load generator and by the gateway's end-to-end tests.
class StandInCaller : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QUrl url;                                // ws://host:port/twilio/media
        MediaProtocol protocol = MediaProtocol::Twilio;
        QString streamSid;
        QString callSid;
        QString accountSid = QStringLiteral("ACringsidestandin");
        QString from;
        QString to;
        QHash<QString, QString> customParameters;
        int sampleRate = 8000;
        bool sendSilence = true;                 // media frames between utterances, like a live line
        int jitterBufferMs = 60;                 // playback starts this long after the first frame
        QByteArray authorization;                // an Authorization header for the handshake (Exotel Basic)
        // The gateway's stream secret (RINGSIDE_STREAM_SECRET, else TWILIO_AUTH_TOKEN): the caller
        // signs its parameters as the gateway's TwiML does. Empty: sent as they are.
        QByteArray streamSecret;
    };

    struct Stats
    {
        bool answered = false;                   // agent audio arrived
        qint64 framesSent = 0;
        qint64 mediaFramesReceived = 0;
        qint64 lateFrames = 0;                   // arrived after the jitter buffer ran dry mid-speech
        qint64 gapMs = 0;                        // silence the caller heard inside the agent's speech
        qint64 marksReceived = 0;
        qint64 marksEchoed = 0;
        qint64 clears = 0;
        std::vector<int> turnLatenciesMs;        // end of the caller's words → first agent audio
        QStringList turnKinds;                   // the kind given to say() for each latency above
        qint64 sendLateTicks = 0;                // this process fell behind sending (client overload)
    };

    explicit StandInCaller(Config config, QObject *parent = nullptr);
    ~StandInCaller() override;

    // Connects; `connected`+`start` follow as soon as the socket opens. With ownClock the caller
    // paces itself with its own 10 ms timer; otherwise call tick() from a shared clock.
    void dial(bool ownClock = true);
    void tick(qint64 nowNs);

    // Queues an utterance (PCM16 at the stream's rate) after anything still being said; the turn
    // latency is measured from `speechEnd` (samples; default: the last sample above the noise floor)
    // and reported under `kind` (benchmarks group turns: "first", "id", "plain", …).
    void say(const std::vector<std::int16_t> &pcm, qint64 speechEnd = -1, const QString &kind = QString());
    // Sends {"event":"ringside.text"} (the gateway must allow text injection).
    void sayText(const QString &text);
    void pressDigit(const QString &digit);
    void sendRaw(const QByteArray &text);       // anything, for protocol tests
    void sendBinary(const QByteArray &bytes);
    void hangUp();                              // `stop`, then close
    void drop();                                // the TCP connection vanishes, no close frame

    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool isSpeaking() const { return m_playIndex < m_play.size(); }
    // True when the agent is audible now (buffered audio still playing) or spoke within `quietMs`.
    bool agentActive(qint64 nowNs, int quietMs) const;
    const Stats &stats() const { return m_stats; }
    const std::vector<std::int16_t> &receivedAudio() const { return m_received; }
    QStringList receivedEvents() const { return m_events; }
    int closeCode() const { return int(m_socket.closeCode()); }
    QString closeReason() const { return m_socket.closeReason(); }
    const Config &config() const { return m_config; }

    static qint64 nowNs();

Q_SIGNALS:
    void opened();
    void mediaReceived(int samples, bool speech);
    void markReceived(const QString &name);
    void cleared();
    void utteranceSent();
    void closed();

private:
    void onConnected();
    void onText(const QString &text);
    void sendStart();
    void sendFrame(const std::int16_t *pcm, std::size_t n);
    QByteArray sidKey() const;

    Config m_config;
    QWebSocket m_socket;
    QTimer m_clock;
    Stats m_stats;
    bool m_started = false;

    // Sending: the current utterance and where we are in it.
    std::vector<std::int16_t> m_play;
    std::size_t m_playIndex = 0;
    struct Queued
    {
        std::vector<std::int16_t> pcm;
        qint64 speechEnd = -1;
        QString kind;
    };
    std::deque<Queued> m_queue;
    qint64 m_speechEndSample = -1;
    QString m_kind;                            // of the utterance being said
    QString m_turnKind;                        // of the turn whose answer is awaited
    qint64 m_sendT0Ns = 0;
    qint64 m_framesDue = 0;
    qint64 m_seq = 1;
    qint64 m_chunk = 1;
    std::vector<std::int16_t> m_silence;

    // Receiving: the simulated playout.
    qint64 m_playEndNs = 0;                    // when the audio received so far will have played
    qint64 m_lastAudioNs = 0;
    bool m_inStretch = false;                  // between an agent frame and its "-end" mark
    qint64 m_turnEndNs = 0;                    // the caller's last words ended here (latency start)
    std::deque<std::pair<qint64, QString>> m_pendingMarks; // (due, name)
    std::vector<std::int16_t> m_received;
    QStringList m_events;
};

// Samples of `pcm` up to and including the last one louder than the noise floor.
qint64 speechEndOf(const std::vector<std::int16_t> &pcm, int sampleRate);

} // namespace ringside::telephony
