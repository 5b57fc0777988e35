#pragma once
// What a long-running engine command (serve, chat) runs for the shop platforms beside its own work:
// the write-back outbox worker and the SMS sender on their own threads, and — for serve — the
// webhook routes on the gateway's port with the worker that applies stored events.

#include "util/clock.h"

#include <QStringList>

#include <memory>

class QThread;

namespace ringside {
class Database;
namespace telephony {
class GatewayServer;
}
namespace platforms {
class OutboxWorker;
class SmsSender;
class StoreChangeListener;
class WebhookEndpoint;
class WebhookWorker;
}
} // namespace ringside

namespace ringside::server {

class PlatformRuntime
{
public:
    PlatformRuntime(Database &db, Clock clock);
    ~PlatformRuntime(); // stops the threads (an action in flight finishes first)

    // POST /webhooks/shopify, /webhooks/woocommerce and /sms/twilio/status on the server; each
    // applied webhook that wrote orders or carts is told to `listener` (the campaigns' dialer),
    // which must outlive this runtime.
    void serveWebhooks(telephony::GatewayServer &server, platforms::StoreChangeListener *listener = nullptr);
    // Things worth telling the person starting the command (missing secrets).
    QStringList notices() const { return m_notices; }

private:
    Database &m_db;
    Clock m_clock;
    QStringList m_notices;
    QThread *m_outboxThread = nullptr;
    QThread *m_smsThread = nullptr;
    QThread *m_webhookThread = nullptr;
    platforms::OutboxWorker *m_outbox = nullptr;
    platforms::SmsSender *m_sms = nullptr;
    platforms::WebhookWorker *m_webhooks = nullptr;
    std::unique_ptr<platforms::WebhookEndpoint> m_endpoint;
};

} // namespace ringside::server
