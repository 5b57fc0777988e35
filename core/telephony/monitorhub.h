#pragma once

#include "telephony/monitorprotocol.h"

#include "util/jsonqt.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>
#include <QWebSocket>

#include <functional>
#include <map>
#include <memory>

namespace ringside::telephony {

// The /monitor side of the gateway, on the server thread: every connected console, what it
// listens to, and fair delivery. Each console has a bounded send buffer (the socket's unsent
// bytes): past the limit it is "lagged" — events for it are skipped and counted — and once it has
// caught up it gets {"type":"lagged","skipped":N} and a fresh snapshot; one that stays lagged
// past the timeout is disconnected. A slow console therefore never holds up the calls or the
// other consoles. Commands that touch calls go to `onCommand` (the gateway).
class MonitorHub : public QObject
{
    Q_OBJECT
public:
    struct Consumer
    {
        int id = 0;
        std::unique_ptr<QWebSocket> socket;
        QString operatorName;
        bool fixedName = false;       // the name came from the console's token
        QSet<QString> listening;
        qint64 windowStartMs = 0;     // commands per second
        int commandsInWindow = 0;
        bool lagging = false;
        qint64 skipped = 0;
        QElapsedTimer lagSince;
    };

    MonitorHub(int bufferLimitBytes, int lagTimeoutMs, int maxCommandsPerSecond = 50, QObject *parent = nullptr);
    ~MonitorHub() override;

    // The snapshot for one console (built by the gateway).
    std::function<json(const QString &operatorName)> snapshot;
    // A call command from a console: returns {} for an ack, or {"code":..,"message":..} for an
    // error; `extra` may be filled with fields for the ack. {"pending": true}: the answer comes
    // later through completeCommand() (a command forwarded to the engine holding the call).
    std::function<json(Consumer &consumer, const QString &command, const json &message, json *extra)> onCommand;
    // Operator audio (binary kind 2): returns an error message or empty.
    std::function<QString(Consumer &consumer, const monitor::AudioFrame &frame)> onOperatorAudio;
    // The number of consoles listening to a call changed.
    std::function<void(const QString &callId, int listeners)> onListenersChanged;
    // Every broadcast as the consoles without privileges see it, also when none is connected
    // (the other engines' consoles see it through the cluster, ClusterView).
    std::function<void(const QByteArray &utf8)> onBroadcast;

    void addConsumer(std::unique_ptr<QWebSocket> socket, const QString &operatorName, bool fixedName = false);
    // Names given to consoles that brought none become "operator-<tag>-N": with several engines
    // on one database, an anonymous name must not also belong to another engine's console, since
    // a take-over forwarded to the holding engine is matched by name (docs/scale-out.md).
    void setAnonymousTag(const QString &tag);
    // One event for every console.
    void broadcast(const json &message);
    // One event for every console; the consoles of `privilegedOperator` (when set) get
    // `privilegedUtf8` instead (the unmasked event of the call they hold).
    void broadcastRaw(const QByteArray &utf8, const QString &privilegedOperator = {}, const QByteArray &privilegedUtf8 = {});
    // An event from another engine for every console; not passed to onBroadcast (it is not ours).
    void relay(const QByteArray &utf8);
    // The late answer to a command onCommand left pending; nothing when the console is gone.
    void completeCommand(int consumerId, const json &requestId, const QString &command, const json &problem, const json &extra);
    // A call's audio for the consoles listening to it.
    void sendAudio(const QString &callId, const QByteArray &frame);
    int listeners(const QString &callId) const;
    int consumerCount() const { return int(m_consumers.size()); }
    int laggingCount() const;
    // How many times any console has started lagging since the hub was made: only rises, so a
    // test (or a metric) cannot miss a lag episode that ended before it looked.
    int lagEpisodes() const { return m_lagEpisodes; }
    // A call ended: its listeners stop listening.
    void forgetCall(const QString &callId);
    void closeAll(QWebSocketProtocol::CloseCode code, const QString &reason);

private:
    void onText(int id, const QString &text);
    void onBinary(int id, const QByteArray &frame);
    void onBytesWritten(int id);
    void remove(int id);
    bool deliver(Consumer &c, const QString &text);
    bool deliverBinary(Consumer &c, const QByteArray &frame);
    bool checkLag(Consumer &c);
    void dropIfStuck(Consumer &c);
    void onLagTick();
    void reply(Consumer &c, const json &message);
    void sendSnapshot(Consumer &c);

    const qint64 m_bufferLimit;
    const int m_lagTimeoutMs;
    int m_lagEpisodes = 0;
    const int m_maxCommandsPerSecond;
    QElapsedTimer m_clock;
    std::map<int, std::unique_ptr<Consumer>> m_consumers;
    QHash<QString, int> m_listenerCounts;
    int m_nextId = 1;
    int m_anonymous = 0;
    QString m_anonymousPrefix = QStringLiteral("operator-");
    QTimer m_lagTimer; // a lagged console with nothing more to send it is still dropped on time
};

} // namespace ringside::telephony
