#pragma once
// Everything `ringside-engine serve` runs, started from one ServeConfig: the gateway
// (telephony::GatewayRuntime) listening on its port, the campaign dialer on it, and the shop
// platforms' work beside it (webhooks, write-back outbox, SMS sender). Lives on the thread that
// owns the server (the main one); stopping it ends every call politely first.

#include "server/serveconfig.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace ringside {
class Database;
class EnginePresence;
namespace telephony {
class ClusterView;
class GatewayRuntime;
} // namespace telephony
namespace campaigns {
class CampaignService;
class StoreChangeNudge;
} // namespace campaigns
} // namespace ringside

namespace ringside::server {

class PlatformRuntime;

// Why start() failed; `usage` when the configuration is at fault (an option names a missing agent).
struct StartFailure
{
    QString message;
    bool usage = false;
};

class EngineServer
{
public:
    // Loads the gateway, checks every --number route names an agent, listens, starts the dialer
    // (when config.campaignProvider) and the shop platforms' work. Things worth telling the person
    // starting it (agents left out, missing secrets) go to *notices (may be null), also when it fails.
    static std::unique_ptr<EngineServer> start(Database &db, const ServeConfig &config, QStringList *notices,
                                               StartFailure *failure);
    ~EngineServer(); // stops the platforms' threads, then the dialer, marks the engine stopped, then the gateway

    quint16 port() const { return m_port; }
    // This engine's id in the engines table (EngineRegistry), also its campaign lease owner.
    QString engineId() const;
    // The /monitor token made up at start when none was configured (empty otherwise).
    QString generatedMonitorToken() const;

    // Stops dialing and listening and ends every call politely; `done` runs once the last call's
    // record is written. Once shutting down, further calls do nothing.
    void shutdown(std::function<void()> done);
    bool isShuttingDown() const;
    int activeCalls() const;
    quint64 endedCalls() const { return m_ended; }

private:
    EngineServer() = default;

    std::shared_ptr<telephony::GatewayRuntime> m_runtime;
    // The other engines on the same PostgreSQL (none on SQLite): after the runtime, so it goes first.
    std::unique_ptr<telephony::ClusterView> m_cluster;
    // Declared before the dialer: destroyed after it, so the row says stopped only once the
    // dialer has given its leases back.
    std::unique_ptr<EnginePresence> m_presence;
    std::unique_ptr<campaigns::CampaignService> m_dialer;
    // After the dialer: destroyed first, so a webhook's nudge never outlives the dialer.
    std::unique_ptr<campaigns::StoreChangeNudge> m_nudge;
    std::unique_ptr<PlatformRuntime> m_platforms;
    quint16 m_port = 0;
    quint64 m_ended = 0;
};

} // namespace ringside::server
