#pragma once

#include "telephony/monitorprotocol.h"
#include "util/jsonqt.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <functional>

namespace ringside::ui {

// Where a console's monitor feed comes from: the embedded engine or a remote one.
struct MonitorEndpoint
{
    QUrl url;              // ws://host:port/monitor
    QString token;         // sent as "Authorization: Bearer …"; empty: none
    QString operatorName;  // announced with "hello"; empty: the engine picks one
};

// One console's connection to an engine's /monitor feed (docs/monitor-protocol.md). Lives on a
// network thread (never the UI's): parses each text message there and hands it to the message
// sink, audio frames to the audio sink, so the owner can batch them for the UI. Stays connected:
// after a drop it retries with growing pauses; a refusal (wrong token, no feed at that URL) is
// final until open() is called again, because retrying cannot fix it.
class MonitorClient : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting, Refused };
    Q_ENUM(State)

    using MessageSink = std::function<void(json message)>;
    using AudioSink = std::function<void(const telephony::monitor::AudioFrame &frame)>;

    explicit MonitorClient(QObject *parent = nullptr);
    ~MonitorClient() override;

    // Set before open(); called on this object's thread.
    void setMessageSink(MessageSink sink) { m_messageSink = std::move(sink); }
    void setAudioSink(AudioSink sink) { m_audioSink = std::move(sink); }
    // Pauses between reconnection attempts: first, doubling up to max.
    void setBackoff(int firstMs, int maxMs);

    void open(const MonitorEndpoint &endpoint);
    void close();
    // False (and nothing sent) while not connected.
    bool sendText(const QByteArray &utf8);
    bool sendBinary(const QByteArray &frame);

    State state() const { return m_state; }
    int attempts() const { return m_attempts; }
    int nextRetryMs() const { return m_nextDelayMs; }

Q_SIGNALS:
    // `detail` says why in words a person can act on ("the engine refused the token").
    void stateChanged(ringside::ui::MonitorClient::State state, const QString &detail);

private:
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void onText(const QString &text);
    void onBinary(const QByteArray &frame);
    void setState(State state, const QString &detail);
    void scheduleRetry(const QString &why);

    QWebSocket m_socket;
    QTimer m_retry;
    MonitorEndpoint m_endpoint;
    MessageSink m_messageSink;
    AudioSink m_audioSink;
    State m_state = State::Disconnected;
    QString m_lastError;
    bool m_wanted = false;     // open() was called and close() was not
    bool m_refused = false;
    int m_attempts = 0;
    int m_firstDelayMs = 500;
    int m_maxDelayMs = 15000;
    int m_nextDelayMs = 500;
};

// The HTTP status a refused WebSocket handshake reported (0 when the error was not a refusal).
int handshakeStatus(const QString &errorString);

} // namespace ringside::ui
