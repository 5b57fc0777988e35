#pragma once
// This process in the engines table (EngineRegistry): announced on start(), a beat every
// beatMs on a thread of its own (so a slow database never holds up the thread that carries the
// calls), draining and stopped when it shuts down. A beat that finds its row gone announces again.

#include "engineregistry.h"

#include "util/clock.h"

#include <QThread>

namespace ringside {

class EnginePresence
{
public:
    static constexpr int kBeatMs = 5000;
    // Nine beats missed. Longer than the campaign dialer's send margin (30 s at most) by three
    // beats: an engine sends a call only while its last beat keeps it alive past the margin.
    static constexpr qint64 kDeadAfterMs = 45000;

    // kDeadAfterMs, or RINGSIDE_ENGINE_DEAD_AFTER_MS (for tests only: a kill -9 found in seconds,
    // not 45 s; at least 20000, and the campaign lease must be short enough for its send margin
    // to fit, see Dialer::kMaxSendMarginMs). The beat that goes with it: nine per dead-after time.
    static qint64 deadAfterFromEnvironment();
    static int beatFor(qint64 deadAfterMs);

    // `self.id` empty: a new id (newEngineId()). Nothing is written until start().
    EnginePresence(Database &db, EngineInfo self, Clock clock, int beatMs = kBeatMs);
    ~EnginePresence(); // stop()

    // Announces (on the calling thread: the error reaches the caller) and starts beating.
    // Throws StorageError when the row cannot be written.
    void start();
    // No new calls are placed under this engine's leases from now on; it keeps beating.
    void drain();
    // Stops beating and marks the row stopped. Idempotent; errors are logged, not thrown.
    void stop();

    const EngineInfo &self() const { return m_self; }

private:
    void beat();

    Database &m_db;
    EngineInfo m_self;
    Clock m_clock;
    int m_beatMs;
    QThread m_thread;
    bool m_started = false;
};

} // namespace ringside
