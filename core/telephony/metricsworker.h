#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <vector>

namespace ringside {
class Database;
}

namespace ringside::telephony {

// Renders the analytics part of /metrics (SQLite queries over the call records) on a thread of its
// own, so a slow query or a locked database never holds up the server thread that carries every
// call's audio. Requests that arrive while a render runs share its result.
class MetricsWorker : public QObject
{
    Q_OBJECT
public:
    explicit MetricsWorker(Database &db, QObject *parent = nullptr);
    ~MetricsWorker() override;

    // `done(text, error)` runs on the caller's thread (the server's) once the text is ready;
    // `error` is non-empty when the records could not be read.
    void render(std::function<void(const QString &text, const QString &error)> done);

private:
    void finished(const QString &text, const QString &error);

    Database &m_db;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    std::vector<std::function<void(const QString &, const QString &)>> m_waiting;
};

} // namespace ringside::telephony
