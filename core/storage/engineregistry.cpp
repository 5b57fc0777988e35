#include "engineregistry.h"

#include "database.h"
#include "sqlutil.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSysInfo>

namespace ringside {

namespace {

const QString kColumns = QStringLiteral("id, address, host, pid, state, started_at, heartbeat_at, dead_after_ms, stopped_at");

EngineInfo rowFrom(const QSqlQuery &q)
{
    EngineInfo e;
    e.id = q.value(0).toString();
    e.address = q.value(1).toString();
    e.host = q.value(2).toString();
    e.pid = q.value(3).toLongLong();
    e.state = q.value(4).toString();
    e.startedAt = utcFromEpochMs(q.value(5));
    e.heartbeatAt = utcFromEpochMs(q.value(6));
    e.deadAfterMs = q.value(7).toLongLong();
    e.stoppedAt = utcFromEpochMs(q.value(8));
    return e;
}

QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

QString newEngineId()
{
    QString host = QSysInfo::machineHostName();
    host.remove(QLatin1Char('#'));
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    return QStringLiteral("%1:%2-%3").arg(host).arg(QCoreApplication::applicationPid()).arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

void EngineRegistry::announce(const EngineInfo &self, const QDateTime &now)
{
    const qint64 t = now.toMSecsSinceEpoch();
    m_db.transaction([&](QSqlDatabase &db) {
        execOrThrow(db, QStringLiteral("DELETE FROM engines WHERE id = ?"), self.id);
        // Every start adds a row: the ones gone for a week are history nobody reads.
        execOrThrow(db, QStringLiteral("DELETE FROM engines WHERE state IN ('stopped', 'dead') AND stopped_at < ?"), t - kKeepGoneMs);
        execOrThrow(db, QStringLiteral("INSERT INTO engines (id, address, host, pid, state, started_at, heartbeat_at, dead_after_ms) "
                                       "VALUES (?, ?, ?, ?, 'running', ?, ?, ?)"),
                    self.id, text(self.address), text(self.host), self.pid, self.startedAt.isValid() ? self.startedAt.toMSecsSinceEpoch() : t, t,
                    self.deadAfterMs);
        return true;
    });
}

bool EngineRegistry::heartbeat(const QString &id, const QDateTime &now)
{
    QSqlQuery q = execOrThrow(m_db.connection(),
                              QStringLiteral("UPDATE engines SET heartbeat_at = ?, state = CASE WHEN state = 'dead' THEN 'running' ELSE state END, "
                                             "stopped_at = CASE WHEN state = 'dead' THEN NULL ELSE stopped_at END WHERE id = ?"),
                              now.toMSecsSinceEpoch(), id);
    return q.numRowsAffected() == 1;
}

void EngineRegistry::setState(const QString &id, const QString &state, const QDateTime &now)
{
    const bool finished = state == engine_state::stopped || state == engine_state::dead;
    execOrThrow(m_db.connection(), QStringLiteral("UPDATE engines SET state = ?, heartbeat_at = ?, stopped_at = ? WHERE id = ?"), state,
                now.toMSecsSinceEpoch(), finished ? QVariant(now.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong)), id);
}

QStringList EngineRegistry::markDead(const QDateTime &now, const Release &release)
{
    const qint64 t = now.toMSecsSinceEpoch();
    QStringList candidates;
    QSqlQuery q = execOrThrow(m_db.connection(),
                              QStringLiteral("SELECT id FROM engines WHERE state IN ('running', 'draining') AND heartbeat_at + dead_after_ms < ? ORDER BY id"), t);
    while (q.next())
        candidates << q.value(0).toString();
    q.finish();
    QStringList marked;
    for (const QString &id : std::as_const(candidates)) {
        bool changed = false;
        const bool committed = m_db.transaction([&](QSqlDatabase &db) {
            // The same condition again in the update: of several engines marking at once, only the
            // one whose update changes the row gets the id (PostgreSQL re-checks it after the row lock).
            QSqlQuery u = execOrThrow(db,
                                      QStringLiteral("UPDATE engines SET state = 'dead', stopped_at = ? WHERE id = ? AND state IN ('running', 'draining') "
                                                     "AND heartbeat_at + dead_after_ms < ?"),
                                      t, id, t);
            changed = u.numRowsAffected() == 1;
            if (changed && release)
                release(db, id);
            return true;
        });
        if (changed && committed)
            marked << id;
    }
    return marked;
}

std::vector<EngineInfo> EngineRegistry::engines()
{
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT %1 FROM engines ORDER BY started_at, id").arg(kColumns));
    std::vector<EngineInfo> out;
    while (q.next())
        out.push_back(rowFrom(q));
    return out;
}

std::optional<EngineInfo> EngineRegistry::byId(const QString &id)
{
    QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT %1 FROM engines WHERE id = ?").arg(kColumns), id);
    if (!q.next())
        return std::nullopt;
    return rowFrom(q);
}

QString EngineRegistry::ownedBy(const QString &column)
{
    return QStringLiteral("(%1 = ? OR substr(%1, 1, length(CAST(? AS TEXT))) = ?)").arg(column);
}

QVariantList EngineRegistry::ownedByValues(const QString &id)
{
    const QString token = id + QLatin1Char('#');
    return { id, token, token };
}

} // namespace ringside
