#include "clusterbus.h"

#include "database.h"
#include "sqlutil.h"

#include "util/jsonqt.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcCluster, "ringside.cluster")

namespace ringside {

namespace {

// Notification payload: {"from": engine, "event": {...}} inline, or {"from": engine, "ref": id}.
QByteArray envelope(const QString &from, const json &body)
{
    json j = body;
    j["from"] = from.toStdString();
    return QByteArray::fromStdString(j.dump());
}

} // namespace

ClusterBus::ClusterBus(Database &db, QString engineId, QObject *parent) : QObject(parent), m_db(db), m_engineId(std::move(engineId))
{
    m_thread.setObjectName(QStringLiteral("cluster-bus"));
}

ClusterBus::~ClusterBus()
{
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    }
}

bool ClusterBus::isAvailable() const
{
    return m_db.isPostgres();
}

void ClusterBus::publish(const QString &channel, const QByteArray &event)
{
    if (!isAvailable())
        return;
    const json parsed = json::parse(event.constBegin(), event.constEnd(), nullptr, false);
    if (!parsed.is_object())
        throw StorageError(QStringLiteral("a cluster event must be a JSON object"));
    const QByteArray inlinePayload = envelope(m_engineId, { { "event", parsed } });
    QByteArray payload = inlinePayload;
    if (inlinePayload.size() > kInlineLimit) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        qint64 id = 0;
        m_db.transaction([&](QSqlDatabase &db) {
            execOrThrow(db, QStringLiteral("DELETE FROM cluster_events WHERE at < ?"), now - 10 * 60 * 1000);
            QSqlQuery q = execOrThrow(db, QStringLiteral("INSERT INTO cluster_events (engine_id, channel, payload, at) VALUES (?, ?, ?, ?) RETURNING id"),
                                      m_engineId, channel, QString::fromUtf8(event), now);
            if (q.next())
                id = q.value(0).toLongLong();
            return true;
        });
        payload = envelope(m_engineId, { { "ref", id } });
    }
    execOrThrow(m_db.connection(), QStringLiteral("SELECT pg_notify(?, ?)"), channel, QString::fromUtf8(payload));
}

bool ClusterBus::listen(const QString &channel)
{
    if (!isAvailable())
        return false;
    if (!m_listener) {
        m_listener = new QObject;
        m_listener->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_listener, &QObject::deleteLater);
        m_thread.start();
    }
    bool ok = false;
    QMetaObject::invokeMethod(
            m_listener,
            [this, channel, &ok] {
                QSqlDriver *driver = m_db.connection().driver();
                ok = driver->subscribeToNotification(channel);
                if (!ok) {
                    qCWarning(lcCluster, "cannot listen on %s: %s", qPrintable(channel), qPrintable(driver->lastError().text()));
                    return;
                }
                if (m_driverConnected)
                    return; // one connection hears every channel this driver subscribed to
                m_driverConnected = true;
                connect(driver, &QSqlDriver::notification, m_listener,
                        [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) { heard(name, payload.toString()); });
            },
            Qt::BlockingQueuedConnection);
    return ok;
}

void ClusterBus::heard(const QString &channel, const QString &payload)
{
    const std::string text = payload.toStdString();
    const json note = json::parse(text, nullptr, false);
    const QString from = note.is_object() ? stringAt(note, "from") : QString();
    if (from.isEmpty() || from == m_engineId)
        return; // ours, or not a ClusterBus message
    QByteArray event;
    if (note.contains("ref") && note["ref"].is_number_integer()) {
        const qint64 ref = note["ref"].get<qint64>();
        try {
            QSqlQuery q = execOrThrow(m_db.connection(), QStringLiteral("SELECT payload FROM cluster_events WHERE id = ?"), ref);
            if (!q.next()) {
                qCWarning(lcCluster, "event %lld from %s is gone before it was read", ref, qPrintable(from));
                return;
            }
            event = q.value(0).toString().toUtf8();
        } catch (const StorageError &e) {
            qCWarning(lcCluster, "event from %s not read: %s", qPrintable(from), e.what());
            return;
        }
    } else if (note.contains("event") && note["event"].is_object()) {
        event = QByteArray::fromStdString(note["event"].dump());
    } else {
        return;
    }
    // Queued to the thread that owns this bus.
    QMetaObject::invokeMethod(this, [this, channel, from, event] { Q_EMIT received(channel, from, event); });
}

} // namespace ringside
