#pragma once
// One console view across the engines on one PostgreSQL (docs/scale-out.md "One console view").
// Everything this engine's MonitorHub broadcasts is published on the cluster bus, tagged with
// this engine's id and address; what the other engines publish is relayed to this engine's
// consoles, and their live calls, queue entries and ringing campaign calls are kept in a small
// table per engine so a console's snapshot shows them too. A command for a call another engine
// holds is forwarded to it and its answer comes back to the asking console. Audio does not cross
// the bus: a call's events carry its engine's address and the console connects there to listen.
// Lives on the gateway's thread; the database work (publishing, asking which engines are gone)
// runs on a thread of its own, and the bus hears on its own thread (ClusterBus).

#include "util/jsonqt.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>

#include <map>
#include <memory>

namespace ringside {
class ClusterBus;
class Database;
} // namespace ringside

namespace ringside::telephony {

class Gateway;
class ClusterPublisher;

class ClusterView : public QObject
{
    Q_OBJECT
public:
    // Channels (PostgreSQL identifiers) and the error code of a command nobody answered.
    static constexpr const char *kEventsChannel = "ringside_monitor";
    static constexpr const char *kCommandsChannel = "ringside_commands";
    static constexpr const char *kEngineUnreachable = "engine_unreachable";
    static constexpr const char *kOtherEngine = "other_engine";

    ClusterView(Database &db, QString engineId, QString address, Gateway &gateway, int commandTimeoutMs = 5000,
                QObject *parent = nullptr);
    ~ClusterView() override; // publishes what is queued, then detaches from the gateway

    // Starts listening and publishing; false on SQLite (no other engines to reach).
    bool start();

    // One of this engine's monitor events (a whole message as consoles see it), for the others.
    void publishEvent(const QByteArray &utf8);

    // Another engine's live call with this id: its engine id and address; empty when not known.
    QString holderOf(const QString &callId) const;
    QString holderAddress(const QString &callId) const;
    // The other engines' live calls (summaries as in a snapshot), queue entries and ringing
    // campaign calls, each tagged with "engine" and "engine_address".
    json remoteCalls() const;
    json remoteQueue() const;
    json remoteDialing() const;

    // Sends a console's command for a call another engine holds; the answer (or a timeout) reaches
    // the console through MonitorHub::completeCommand.
    void forward(int consumerId, const json &requestId, const QString &operatorName, const QString &command, const json &message);

    // A short tag of this engine (the random end of its id) for naming anonymous consoles.
    QString anonymousTag() const { return m_engineId.right(4); }

    // Drops the tables of engines found dead or stopped (also run by the periodic check).
    void dropEngines(const QStringList &engineIds);

private:
    struct RemoteEngine
    {
        QString address;
        std::map<QString, json> calls;   // live calls by id
        std::map<QString, json> dialing; // campaign calls ringing, by id
        json queue = json::array();      // its escalation queue as it last published it
    };
    struct Pending
    {
        int consumerId = 0;
        json requestId;
        QString command;
        QString engine;
        qint64 deadlineMs = 0;
    };

    void onReceived(const QString &channel, const QString &fromEngine, const QByteArray &event);
    // Returns true when that engine's queue changed.
    bool applyEvent(const QString &engine, RemoteEngine &remote, json message);
    void onCommand(const QString &fromEngine, const json &note);
    void onResult(const json &note);
    void expirePending();
    void publish(const char *channel, const json &note);

    Database &m_db;
    const QString m_engineId;
    const QString m_address;
    Gateway &m_gateway;
    const int m_commandTimeoutMs;
    std::unique_ptr<ClusterBus> m_bus;
    QThread m_thread;                        // publishing and the engines check
    ClusterPublisher *m_publisher = nullptr; // lives on m_thread
    std::map<QString, RemoteEngine> m_remote;
    QHash<QString, Pending> m_pending;       // forwarded commands by request id
    quint64 m_nextRequest = 0;
    QTimer m_pendingTimer;
    QElapsedTimer m_clock;
};

} // namespace ringside::telephony
