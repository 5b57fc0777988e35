#pragma once

#include "telephony/callworker.h"
#include "telephony/gatewayconfig.h"
#include "telephony/livecall.h"
#include "telephony/mediaprotocol.h"
#include "telephony/monitorhub.h"
#include "telephony/streamsigner.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QWebSocketProtocol>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <vector>

class QTcpSocket;
class QWebSocket;

namespace ringside::telephony {

class ClusterView;
class MediaConnection;
class MediaShard;
class MediaShards;
class RecordAlarm;

// What the server knows about a media WebSocket it hands over (GatewayServer), all optional.
struct MediaStreamHooks
{
    QTcpSocket *transport = nullptr;   // the TCP socket under it: moved with it to a media I/O thread
    std::function<void()> established; // its call has started (the connection is no stranger's now)
    std::function<void()> gone;        // the stream is gone (or refused at once); called once
};

// The call gateway on the server thread: takes provider media streams, hands each to the least
// busy media I/O thread (MediaShard: its socket I/O happens there), starts each call on the least
// busy worker thread, the audio moving between them through each call's CallChannel; keeps the consoles' view of every call (MonitorHub) and carries out their
// commands — take over, whisper, say, hand back, end, and the escalation queue with its SLA and
// its "first accept wins" rule. Holds no dialogue logic: that is the Session's.
class Gateway : public QObject
{
    Q_OBJECT
public:
    Gateway(GatewayConfig config, WorkerServices services, QObject *parent = nullptr);
    ~Gateway() override;

    // Starts the worker threads and the media I/O threads.
    void start();

    // A provider's media WebSocket (/twilio/media or /exotel/media), with what the server knows
    // of it (hooks run on this thread).
    void addMediaStream(std::unique_ptr<QWebSocket> socket, MediaProtocol protocol, MediaStreamHooks hooks = {});
    // A console on /monitor (already authenticated). `fixedName`: the name came from its token
    // and `hello` cannot change it.
    void addMonitor(std::unique_ptr<QWebSocket> socket, const QString &operatorName, bool fixedName = false);

    // Signs and checks stream parameters (the TwiML answer signs; a stream's `start` is checked).
    StreamSigner &signer() { return m_signer; }
    bool canVerifyStreams() const { return m_signer.canSign(); }

    // Stops taking calls, ends each politely (goodbye, then hang up), waits for the records and
    // then calls `done` (on this thread). Idempotent.
    void shutdown(std::function<void()> done);
    bool isShuttingDown() const { return m_shuttingDown; }

    int activeCalls() const { return int(m_calls.size()); }
    // Provider media WebSockets held (open, or closed and not yet let go): about activeCalls().
    int mediaConnections() const { return int(m_connections.size()); }
    // Media I/O threads carrying the provider sockets (0 before start()).
    int mediaThreads() const;
    int queueLength() const;
    int monitorCount() const { return m_monitor.consumerCount(); }
    int laggingMonitors() const { return m_monitor.laggingCount(); }
    int monitorLagEpisodes() const { return m_monitor.lagEpisodes(); }
    quint64 rejectedFrames() const { return m_rejectedFrames; }
    quint64 callsStarted() const { return m_callsStarted; }
    const SendStats &sendStats() const { return *m_sendStats; }
    const GatewayConfig &config() const { return m_config; }
    MonitorHub &monitor() { return m_monitor; }
    // The call records' writer (null without a database): /healthz and /metrics show what it holds back.
    const analytics::RecordWriteQueue *recordWrites() const { return m_services.recordWrites.get(); }

    // Campaign calls being dialled (gatewayoutbound.cpp): consoles see them from the moment the
    // provider accepts them ("outbound_dialing") until they are answered (call_started, same
    // call id) or end unanswered ("outbound_progress" with finished true).
    void announceOutbound(const json &call);
    void outboundProgress(const QString &callId, const QString &status, bool finished, const QString &outcome);

    // Several engines on one PostgreSQL (clusterview.h): this engine's monitor events go to the
    // others through `view`, and their calls join this engine's snapshot, queue and commands.
    // nullptr detaches. The view must outlive the gateway or detach first.
    void attachClusterView(ClusterView *view);
    // The escalation queue of every engine, for this engine's consoles (another engine's changed).
    void relayQueue();
    // This engine's own live calls, queue and ringing campaign calls ({"type":"engine_snapshot"}),
    // for an engine that started after they began.
    json engineSnapshot() const;
    // A command another engine's console sent for a call held here, as that console's operator.
    json runForwardedCommand(const QString &operatorName, const QString &command, const json &message, json *extra);

Q_SIGNALS:
    void callStarted(const QString &callId);
    void callEnded(const QString &callId, const QString &outcome, const QString &recordId);
    // The customer said something on a call (final text), e.g. "stop calling me".
    void customerSaid(const QString &callId, const QString &customerPhone, const QString &text);

private:
    // A media connection as this thread knows it.
    struct MediaLink
    {
        MediaShard *shard = nullptr;
        MediaProtocol protocol = MediaProtocol::Twilio;
        QUrl url;      // the URL the provider connected to (its query: extra call parameters)
        QString callId; // once its call was taken
        MediaStreamHooks hooks;
    };
    void onStreamStarted(MediaConnection *connection, const StreamStart &start, std::shared_ptr<CallChannel> channel);
    QString takeCall(MediaConnection *connection, MediaLink &link, const StreamStart &start, std::shared_ptr<CallChannel> channel);
    void closeConnection(MediaConnection *connection, QWebSocketProtocol::CloseCode code, const QString &reason);
    void postToConnectionCall(MediaConnection *connection, std::function<void(CallEngine &, qint64)> fn);
    void onCallStarted(const QString &callId, const QByteArray &infoJson);
    void onCallFailed(const QString &callId, const QString &error);
    void onCallEvent(const QString &callId, const QString &type, const QByteArray &eventJson);
    void onCallFinished(const QString &callId, const QString &outcome, const QString &recordId);
    void onFramesReady(int worker);
    void onWorkerDrained(int worker);
    void onSlaTick();
    void onConnectionClosed(MediaConnection *connection);
    void postToCall(const QString &callId, std::function<void(CallEngine &, qint64)> fn);
    void setState(LiveCall &call, LiveCall::State state, const QString &operatorName = QString());
    void broadcastQueue();
    void finishShutdown();
    json snapshotFor(const QString &operatorName) const;
    json dialingSnapshot() const;
    QString shown(const QString &phone) const; // masked for logs unless configured otherwise
    json handleCommand(MonitorHub::Consumer &consumer, const QString &command, const json &message, json *extra, bool mayForward = true);
    json forwardCommand(MonitorHub::Consumer &consumer, const QString &command, const json &message);
    json queueMessage(const json &entries) const;
    json localQueueEntries() const;
    QString handleOperatorAudio(MonitorHub::Consumer &consumer, const monitor::AudioFrame &frame);
    qint64 nowMs() const { return m_config.clock.nowMs(); }
    int pickWorker(const MediaShard *shard) const;
    int workerCount() const;

    GatewayConfig m_config;
    WorkerServices m_services;
    ClusterView *m_cluster = nullptr; // the other engines, when on PostgreSQL with others
    StreamSigner m_signer;
    MonitorHub m_monitor;
    std::vector<QThread *> m_threads;
    std::vector<CallWorker *> m_workers;
    std::vector<int> m_load;                                 // calls per worker
    std::map<QString, LiveCall> m_calls;
    std::map<QString, json> m_dialing;                       // campaign calls ringing, by call id
    QHash<MediaConnection *, MediaLink> m_connections; // each lives on its link's shard
    std::unique_ptr<MediaShards> m_shards;
    QSet<QString> m_listened;                                // calls some console listens to
    std::atomic<int> m_listenedCount{ 0 };                   // its size, for the workers' threads
    QTimer m_slaTimer;
    int m_nextCallNumber = 1;
    quint64 m_rejectedFrames = 0;
    quint64 m_callsStarted = 0;
    std::shared_ptr<SendStats> m_sendStats = std::make_shared<SendStats>();
    std::vector<std::int16_t> m_listenScratch;

    bool m_shuttingDown = false;
    bool m_shutdownFinished = false;
    QSet<int> m_drainedWorkers;
    std::vector<std::function<void()>> m_shutdownDone;
    QTimer m_shutdownDeadline;
    std::unique_ptr<RecordAlarm> m_recordAlarm; // after m_monitor, which it broadcasts on
};

} // namespace ringside::telephony
