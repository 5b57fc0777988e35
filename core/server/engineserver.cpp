#include "server/engineserver.h"

#include "campaigns/campaignservice.h"
#include "campaigns/shopcartcheck.h"
#include "platforms/credentials.h"
#include "server/platformruntime.h"
#include "storage/database.h"
#include "storage/enginepresence.h"
#include "storage/sqlutil.h"
#include "telephony/agentdirectory.h"
#include "telephony/clusterview.h"
#include "telephony/gatewayruntime.h"

#include <QSysInfo>

namespace ringside::server {

std::unique_ptr<EngineServer> EngineServer::start(Database &db, const ServeConfig &config, QStringList *notices,
                                                  StartFailure *failure)
{
    QStringList ignoredNotices;
    StartFailure ignoredFailure;
    if (!notices)
        notices = &ignoredNotices;
    if (!failure)
        failure = &ignoredFailure;
    auto runtime = telephony::GatewayRuntime::create(db, config.gateway, notices);
    if (!runtime.ok()) {
        *failure = { runtime.error(), false };
        return nullptr;
    }
    std::unique_ptr<EngineServer> server(new EngineServer);
    server->m_runtime = runtime.value();
    telephony::GatewayRuntime &rt = *server->m_runtime;
    const auto &routes = config.gateway.numberAgents;
    for (auto it = routes.cbegin(); it != routes.cend(); ++it) {
        const auto agent = rt.agents().find(it.value());
        if (!agent.ok()) {
            *failure = { QStringLiteral("--number %1: %2").arg(it.key(), agent.error()), true };
            return nullptr;
        }
    }
    QString error;
    server->m_port = rt.listen(config.host, config.port, &error);
    if (server->m_port == 0) {
        *failure = { error, false };
        return nullptr;
    }
    // This engine in the engines table (docs/scale-out.md): a beat every few seconds, so the other
    // engines on the database take its campaign leases back if it dies.
    // Its own address, not the public URL: behind a load balancer every engine shares that one,
    // and what reads this row (an operator, another engine) must reach this engine itself.
    EngineInfo me;
    const QHostAddress &host = config.host;
    QString hostText = host.toString();
    if (host == QHostAddress::AnyIPv4 || host == QHostAddress::AnyIPv6 || host == QHostAddress::Any)
        hostText = QSysInfo::machineHostName(); // listening everywhere: the name others know it by
    else if (host.protocol() == QAbstractSocket::IPv6Protocol)
        hostText = QStringLiteral("[%1]").arg(hostText);
    me.address = QStringLiteral("http://%1:%2").arg(hostText).arg(server->m_port);
    me.deadAfterMs = EnginePresence::deadAfterFromEnvironment();
    server->m_presence = std::make_unique<EnginePresence>(db, me, config.gateway.clock, EnginePresence::beatFor(me.deadAfterMs));
    try {
        server->m_presence->start();
    } catch (const StorageError &e) {
        *failure = { QStringLiteral("cannot register this engine: %1").arg(QString::fromUtf8(e.what())), false };
        return nullptr;
    }
    // One console view across the engines on one PostgreSQL: this engine's calls for the others'
    // consoles, theirs for its own, commands to whichever engine holds a call.
    if (db.isPostgres()) {
        const EngineInfo &self = server->m_presence->self();
        server->m_cluster = std::make_unique<telephony::ClusterView>(db, self.id, self.address, rt.gateway());
        if (!server->m_cluster->start())
            notices->append(QStringLiteral("cannot listen for the other engines' calls: consoles here see this engine's calls only"));
    }
    // The campaign dialer: plans and places outbound calls, takes /twilio/status and /exotel/status.
    if (config.campaignProvider) {
        QString notice;
        auto options = campaigns::CampaignService::fromEnvironment(*config.campaignProvider, config.gateway.publicUrl,
                                                                  config.gateway.clock, config.gateway.agentsFolder, &notice);
        if (!notice.isEmpty())
            notices->append(notice);
        // A cart-recovery call asks a connected shop first whether the checkout is still abandoned.
        options.dialer.cartCheck = campaigns::shopCartCheck(db, platforms::PlatformCredentials::fromEnvironment());
        options.dialer.owner = server->m_presence->self().id; // its leases are this engine's
        server->m_dialer = std::make_unique<campaigns::CampaignService>(db, rt.gateway(), rt.server(), std::move(options));
    }
    // Shop webhooks, the write-back outbox and the SMS sender (docs/platforms.md). An applied
    // webhook that changed orders or carts wakes the dialer's scan at once.
    campaigns::CampaignService *dialer = server->m_dialer.get();
    server->m_nudge = std::make_unique<campaigns::StoreChangeNudge>([dialer] {
        if (dialer)
            dialer->nudge();
    });
    server->m_platforms = std::make_unique<PlatformRuntime>(db, config.gateway.clock);
    server->m_platforms->serveWebhooks(rt.server(), server->m_nudge.get());
    notices->append(server->m_platforms->notices());
    if (config.gateway.streamSecret.isEmpty() && config.gateway.twilioAuthToken.isEmpty())
        notices->append(QStringLiteral("neither RINGSIDE_STREAM_SECRET nor TWILIO_AUTH_TOKEN is set: media streams are refused"));
    if (config.gateway.exotelCredentials.isEmpty())
        notices->append(QStringLiteral("EXOTEL_STREAM_CREDENTIALS is not set: Exotel streams are refused"));

    EngineServer *self = server.get();
    QObject::connect(&rt.gateway(), &telephony::Gateway::callEnded, &rt.gateway(), [self] { ++self->m_ended; });
    return server;
}

EngineServer::~EngineServer()
{
    m_platforms.reset();
    m_nudge.reset();
    m_dialer.reset(); // gives its leases back (CampaignService::stop)
    m_cluster.reset(); // publishes this engine's last events (its calls ending) first
    m_presence.reset(); // the row says stopped once nothing of this engine dials any more
}

QString EngineServer::engineId() const
{
    return m_presence->self().id;
}

QString EngineServer::generatedMonitorToken() const
{
    return m_runtime->server().generatedMonitorToken();
}

void EngineServer::shutdown(std::function<void()> done)
{
    telephony::Gateway &gateway = m_runtime->gateway();
    if (gateway.isShuttingDown())
        return;
    // Draining: nothing more is placed under this engine's leases; the calls it claimed and had
    // not placed are due again for the other engines at once (Dialer::releaseLeases).
    m_presence->drain();
    if (m_dialer)
        m_dialer->stop();
    m_runtime->server().stopListening();
    gateway.shutdown(std::move(done));
}

bool EngineServer::isShuttingDown() const
{
    return m_runtime->gateway().isShuttingDown();
}

int EngineServer::activeCalls() const
{
    return m_runtime->gateway().activeCalls();
}

} // namespace ringside::server
