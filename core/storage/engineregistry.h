#pragma once
// The engines sharing one database (table `engines`, docs/scale-out.md). Each `serve` announces
// itself (its id, the address consoles and other engines reach it at), beats every few seconds
// (EnginePresence) and marks itself draining, then stopped, when it shuts down. An engine that
// stops beating for longer than its own dead-after time is dead: markDead() hands each such engine
// to exactly one caller, however many engines ask at once, so its leases are returned once.

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <QSqlDatabase>

#include <functional>
#include <optional>
#include <vector>

namespace ringside {

class Database;

struct EngineInfo
{
    QString id;           // unique per start (newEngineId); the campaign dialer's lease owner
    QString address;      // http://host:port, or the public URL
    QString host;
    qint64 pid = 0;
    QString state;        // running | draining | stopped | dead
    QDateTime startedAt;
    QDateTime heartbeatAt;
    qint64 deadAfterMs = 0;
    QDateTime stoppedAt;  // drained, or found dead

    // Its last beat is older than its own dead-after time: the test markDead() makes in SQL, for
    // readers that hold the rows already (the console view forgets such an engine's calls).
    bool silentAt(qint64 nowMs) const
    {
        return heartbeatAt.isValid() && deadAfterMs > 0 && heartbeatAt.toMSecsSinceEpoch() + deadAfterMs < nowMs;
    }
};

namespace engine_state {
inline const QString running = QStringLiteral("running");
inline const QString draining = QStringLiteral("draining");
inline const QString stopped = QStringLiteral("stopped");
inline const QString dead = QStringLiteral("dead");
} // namespace engine_state

// "host:pid-xxxxxxxx": the random part keeps a restarted engine that got its old pid (pid 1 in a
// container) apart from the dead one it replaces. Never contains '#' (lease tokens append "#n").
QString newEngineId();

class EngineRegistry
{
public:
    explicit EngineRegistry(Database &db) : m_db(db) {}

    static constexpr qint64 kKeepGoneMs = 7LL * 24 * 3600 * 1000;

    // Adds or replaces this engine's row as running, beating now; removes the rows of engines
    // stopped or found dead more than kKeepGoneMs ago.
    void announce(const EngineInfo &self, const QDateTime &now);
    // Records a beat. A row found dead comes back to running (its old leases were already handed
    // back when it was marked). False when there is no row (removed by hand): announce again.
    bool heartbeat(const QString &id, const QDateTime &now);
    // Draining: no new calls are placed under its leases; stopped: gone for good.
    void setState(const QString &id, const QString &state, const QDateTime &now);

    // Marks every running or draining engine whose beat is older than its dead-after time as dead
    // and returns their ids. Each id is returned to one caller only (the update decides).
    // `release` runs for each engine marked, inside the transaction that marks it (the dialer ends
    // its leases there): a crash or an error in between leaves neither a dead engine still holding
    // leases nor released leases of a live one. When it throws, that engine stays as it was for
    // the next caller, and the exception propagates.
    using Release = std::function<void(const QSqlDatabase &db, const QString &deadEngine)>;
    QStringList markDead(const QDateTime &now, const Release &release = {});

    std::vector<EngineInfo> engines();
    std::optional<EngineInfo> byId(const QString &id);

    // SQL that is true when `column` (a lease owner) belongs to engine `id`: the id itself, or a
    // claim token "id#…". Its three values are ownedByValues(id), in order.
    static QString ownedBy(const QString &column);
    static QVariantList ownedByValues(const QString &id);

private:
    Database &m_db;
};

} // namespace ringside
