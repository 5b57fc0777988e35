#pragma once
// Campaigns inside a running gateway (`ringside-engine serve`): the dialer on a thread of its
// own (its SQL and HTTP never touch the server thread that carries the media), fed by
//  - POST /twilio/status and /exotel/status on the gateway's port (verified on the server
//    thread, applied on the dialer's; answered at once),
//  - the gateway's calls: a conversation's end (its outcome and record) and anything a
//    customer says ("stop calling me" puts the number on the do-not-call list at once),
//  - nudge() when the store changed (a platform webhook), besides its timer;
// and telling the consoles about each campaign call as it is placed (Gateway::announceOutbound).

#include "campaigns/dialer.h"
#include "telephony/extraroute.h"

#include <QMutex>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace ringside::telephony {
class Gateway;
class GatewayServer;
} // namespace ringside::telephony

namespace ringside::campaigns {

class CampaignAgents;
class OptOutDetector;

class CampaignService : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        DialerOptions dialer;        // identity empty: plan and decide, place nothing (and say so)
        QString agentsFolder;
        int intervalMs = 1000;
        QByteArray twilioAuthToken;  // verifies /twilio/status
        QByteArray exotelSecret;     // verifies /exotel/status URLs (EXOTEL_API_TOKEN)
    };

    // What `serve` runs with: provider credentials and RINGSIDE_PUBLIC_URL (or `publicUrl`) from
    // the environment, as `ringside-engine call` reads them. When they are incomplete the service
    // still plans and decides calls but places none, and *notice says which variable is missing.
    static Options fromEnvironment(telephony::MediaProtocol provider, const QString &publicUrl, const Clock &clock,
                                   const QString &agentsFolder, QString *notice);

    // Call on the gateway's (server) thread; starts the dialer thread.
    CampaignService(Database &db, telephony::Gateway &gateway, telephony::GatewayServer &server, Options options,
                    QObject *parent = nullptr);
    ~CampaignService() override;

    // The store changed: plan and dial soon. Any thread (a platform's webhook worker).
    void nudge();
    // Stops the dialer and releases its leases (Dialer::releaseLeases): calls claimed but not sent
    // are due again at once; requests in flight are abandoned and their leases end after the
    // send margin, when another dialer asks the provider before placing them again.
    void stop();

    Dialer *dialer() const { return m_dialer; }

Q_SIGNALS:
    void optedOut(const QString &phone, const QString &heard);

private:
    telephony::ExtraReply statusRoute(bool twilio, const telephony::ExtraRequest &request);

    Database &m_db;
    telephony::Gateway &m_gateway;
    telephony::GatewayServer &m_server;
    Options m_options;
    QThread m_thread;
    std::unique_ptr<CampaignAgents> m_agents;
    std::unique_ptr<nlu::Analyser> m_analyser;
    std::unique_ptr<OptOutDetector> m_optOut;
    Dialer *m_dialer = nullptr;        // lives on m_thread
    QMutex m_nudgeLock;                // nudge() from other threads against stop()
    std::shared_ptr<std::atomic<int>> m_liveCalls = std::make_shared<std::atomic<int>>(0);
};

} // namespace ringside::campaigns
