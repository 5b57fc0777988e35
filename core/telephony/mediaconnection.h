#pragma once

#include "telephony/callchannel.h"
#include "telephony/gatewaylimits.h"
#include "telephony/mediaprotocol.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

#include <functional>
#include <memory>
#include <vector>

namespace ringside::telephony {

// One provider media WebSocket (Twilio or Exotel) on its media I/O thread (MediaShard). It validates
// every inbound frame before anything reaches a call — a malformed, binary or foreign frame is
// logged, counted and dropped, and only this connection ever sees it — copies the caller's audio
// into the call's channel, and sends what the call's worker queued (media, marks, clear) in order.
// Made on the gateway's thread and moved, with its WebSocket and the TCP socket under it, to its
// shard's thread (moveAllToThread), where everything else happens; the handlers are called there
// too (the gateway's forward themselves to its own thread).
class MediaConnection : public QObject
{
    Q_OBJECT
public:
    struct Handlers
    {
        // A valid `start`: the caller's audio streams into `channel` from now on; the gateway
        // answers with accept (MediaShard::accept) or refuse().
        std::function<void(MediaConnection *, const StreamStart &, std::shared_ptr<CallChannel> channel)> started;
        std::function<void(MediaConnection *, std::int64_t outputSample)> markPlayed;
        std::function<void(MediaConnection *, const QString &digit)> dtmf;
        std::function<void(MediaConnection *, const QString &text)> text;
        std::function<void(MediaConnection *)> callerLeft; // stop, or the connection dropped
        std::function<void(MediaConnection *)> closed;     // the socket is gone: forget it
    };

    // `transport`: the TCP socket under `socket` (Qt does not make it the WebSocket's child), or
    // null when unknown; the connection owns both.
    MediaConnection(std::unique_ptr<QWebSocket> socket, QTcpSocket *transport, const ParseOptions &options, const GatewayLimits &limits,
                    Handlers handlers);
    ~MediaConnection() override;

    // Whether moveAllToThread() can move everything it uses (a connected WebSocket whose TCP socket
    // is unknown cannot go).
    bool canMove() const;
    // On its current thread: moves itself, the WebSocket and the TCP socket to `thread`.
    void moveAllToThread(QThread *thread);
    // On its own thread, once: starts the `start` deadline and notices a socket already closed.
    void begin();

    MediaProtocol protocol() const { return m_options.protocol; }
    QString streamSid() const { return m_streamSid; }
    int worker() const { return m_worker; }
    void setWorker(int worker) { m_worker = worker; }

    // Sends whatever the worker queued. Returns false once the stream has been closed.
    bool drain();
    // Closes the stream (policy problems, shutdown).
    void close(QWebSocketProtocol::CloseCode code, const QString &reason);
    // The gateway did not take the stream's call: logged, and closed with the reason.
    void refuse(const QString &reason);

    int rejectedFrames() const { return m_rejected; }
    // Where sent frames are counted (frames sent, frames late against their slot).
    void setSendStats(std::shared_ptr<SendStats> stats) { m_sendStats = std::move(stats); }
    QString lastRejection() const { return m_lastRejection; }

Q_SIGNALS:
    void frameRejected(const QString &code, const QString &message);

private:
    void onText(const QString &message);
    void onBinary(const QByteArray &message);
    void onDisconnected();
    void reject(const QString &code, const QString &message);
    bool withinEventRate();
    void sendAudio(const std::int16_t *pcm, std::size_t n);
    void flushExotel(bool pad);
    void sendText(const QByteArray &utf8);
    void sendMedia(const char *payloadB64, std::size_t length);

    std::unique_ptr<QTcpSocket> m_transport; // declared first: deleted after the WebSocket on it
    std::unique_ptr<QWebSocket> m_socket;
    ParseOptions m_options;
    Handlers m_handlers;
    std::shared_ptr<CallChannel> m_channel;
    std::shared_ptr<SendStats> m_sendStats;
    QString m_streamSid;
    QByteArray m_sidBytes;
    int m_worker = -1;
    bool m_started = false;
    bool m_stopped = false;
    bool m_closed = false;
    bool m_gone = false; // onDisconnected() has run

    // Rejections: counted, logged at most once a second. Each adds one to a budget that drains one
    // a second (valid frames do not empty it): a stream that overdraws it is closed.
    GatewayLimits m_limits;
    int m_rejected = 0;
    double m_badLevel = 0;
    qint64 m_badLevelAtMs = 0;
    QString m_lastRejection;
    QElapsedTimer m_lastLog;
    QElapsedTimer m_sinceOpen;
    QTimer m_startDeadline{ this }; // a stream must send `start` soon after it opens (a child: moves with it)
    qint64 m_eventWindowMs = 0;
    int m_eventsInWindow = 0;

    // Pre-allocated scratch: decoding and encoding a frame allocates nothing here.
    std::vector<std::int16_t> m_pcm;
    std::vector<std::uint8_t> m_bytes;
    std::vector<char> m_b64;
    QString m_text; // the media message being sent (its buffer reused)
    std::vector<std::uint8_t> m_exotel; // PCM16 LE waiting to make a valid chunk
    std::size_t m_exotelFill = 0;
};

} // namespace ringside::telephony
