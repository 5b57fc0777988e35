#pragma once
// Events between engines on one PostgreSQL (docs/scale-out.md): publish() sends a JSON event on a
// channel with NOTIFY; every engine listening on that channel gets it, except the one that sent
// it. A notification's payload must stay under PostgreSQL's 8000 bytes, so a larger event is
// written to cluster_events and the notification names its row; the listener reads it back.
// On SQLite there are no other engines to tell: publish() does nothing and nothing is heard.

#include <QObject>
#include <QThread>

#include <memory>

namespace ringside {

class Database;

class ClusterBus : public QObject
{
    Q_OBJECT
public:
    // Largest payload sent inline; PostgreSQL refuses 8000 bytes and more.
    static constexpr int kInlineLimit = 7800;

    ClusterBus(Database &db, QString engineId, QObject *parent = nullptr);
    ~ClusterBus() override; // stops listening

    bool isAvailable() const;

    // Sends `event` (a JSON object as UTF-8) to every other engine listening on `channel` (a
    // lower-case identifier). Throws StorageError when the database refuses it. Any thread.
    void publish(const QString &channel, const QByteArray &event);

    // Starts hearing `channel` on a connection of its own (its own thread). False on SQLite.
    bool listen(const QString &channel);

Q_SIGNALS:
    // Another engine's event, on the thread that owns this object.
    void received(const QString &channel, const QString &fromEngine, const QByteArray &event);

private:
    void heard(const QString &channel, const QString &payload);

    Database &m_db;
    QString m_engineId;
    QThread m_thread;
    QObject *m_listener = nullptr; // lives on m_thread
    bool m_driverConnected = false; // read and written on m_thread only
};

} // namespace ringside
