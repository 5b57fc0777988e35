#include "enginepresence.h"

#include "database.h"
#include "sqlutil.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSysInfo>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcEngines, "ringside.engines")

namespace ringside {

EnginePresence::EnginePresence(Database &db, EngineInfo self, Clock clock, int beatMs)
    : m_db(db), m_self(std::move(self)), m_clock(std::move(clock)), m_beatMs(beatMs)
{
    if (m_self.id.isEmpty())
        m_self.id = newEngineId();
    if (m_self.host.isEmpty())
        m_self.host = QSysInfo::machineHostName();
    if (m_self.pid == 0)
        m_self.pid = QCoreApplication::applicationPid();
    if (m_self.deadAfterMs <= 0)
        m_self.deadAfterMs = kDeadAfterMs;
    m_thread.setObjectName(QStringLiteral("engine-beat"));
}

qint64 EnginePresence::deadAfterFromEnvironment()
{
    bool ok = false;
    const qint64 ms = qEnvironmentVariable("RINGSIDE_ENGINE_DEAD_AFTER_MS").toLongLong(&ok);
    if (!ok)
        return kDeadAfterMs;
    if (ms < 20000) {
        qCWarning(lcEngines, "RINGSIDE_ENGINE_DEAD_AFTER_MS=%lld is below 20000: 20000 is used", ms);
        return 20000;
    }
    return ms;
}

int EnginePresence::beatFor(qint64 deadAfterMs)
{
    return deadAfterMs == kDeadAfterMs ? kBeatMs : int(std::max<qint64>(500, deadAfterMs / 9));
}

EnginePresence::~EnginePresence()
{
    stop();
}

void EnginePresence::start()
{
    if (m_started)
        return;
    const QDateTime now = m_clock.now().toUTC();
    m_self.startedAt = now;
    EngineRegistry(m_db).announce(m_self, now);
    m_self.state = engine_state::running;
    m_started = true;
    auto *timer = new QTimer;
    timer->setInterval(m_beatMs);
    timer->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::started, timer, qOverload<>(&QTimer::start));
    QObject::connect(timer, &QTimer::timeout, timer, [this] { beat(); });
    QObject::connect(&m_thread, &QThread::finished, timer, &QObject::deleteLater);
    m_thread.start();
}

void EnginePresence::beat()
{
    try {
        EngineRegistry registry(m_db);
        const QDateTime now = m_clock.now().toUTC();
        if (!registry.heartbeat(m_self.id, now))
            registry.announce(m_self, now);
    } catch (const StorageError &e) {
        // The next beat tries again; missing nine in a row (kDeadAfterMs) makes the others take this engine's leases.
        qCWarning(lcEngines, "engine heartbeat not written: %s", e.what());
    }
}

void EnginePresence::drain()
{
    if (!m_started)
        return;
    try {
        EngineRegistry(m_db).setState(m_self.id, engine_state::draining, m_clock.now().toUTC());
        m_self.state = engine_state::draining;
    } catch (const StorageError &e) {
        qCWarning(lcEngines, "engine not marked draining: %s", e.what());
    }
}

void EnginePresence::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_thread.quit();
    m_thread.wait();
    try {
        EngineRegistry(m_db).setState(m_self.id, engine_state::stopped, m_clock.now().toUTC());
        m_self.state = engine_state::stopped;
    } catch (const StorageError &e) {
        qCWarning(lcEngines, "engine not marked stopped: %s", e.what());
    }
}

} // namespace ringside
