#include "server/platformruntime.h"

#include "platforms/credentials.h"
#include "platforms/outboxworker.h"
#include "platforms/smssender.h"
#include "platforms/webhookendpoint.h"
#include "platforms/webhookworker.h"
#include "storage/database.h"
#include "telephony/gatewayserver.h"
#include "telephony/twilioweb.h"

#include <QMetaObject>
#include <QThread>
#include <QUrlQuery>

namespace ringside::server {

using namespace platforms;

namespace {
template <typename Worker>
QThread *startOn(Worker *worker, const char *name)
{
    auto *thread = new QThread;
    thread->setObjectName(QLatin1String(name));
    worker->moveToThread(thread);
    QObject::connect(thread, &QThread::finished, worker, &QObject::deleteLater);
    thread->start();
    return thread;
}

void stop(QThread *thread)
{
    if (!thread)
        return;
    thread->quit();
    thread->wait();
    delete thread;
}
} // namespace

PlatformRuntime::PlatformRuntime(Database &db, Clock clock) : m_db(db), m_clock(std::move(clock))
{
    const PlatformCredentials credentials = PlatformCredentials::fromEnvironment();
    const auto connection = loadConnection(db);
    if (connection && !credentials.missingApiSecret(connection->platform).isEmpty())
        m_notices << QStringLiteral("%1 is not set: changes callers ask for stay queued for %2 until it is")
                             .arg(credentials.missingApiSecret(connection->platform), connection->shop);
    m_outbox = new OutboxWorker(db, credentials, m_clock);
    m_outboxThread = startOn(m_outbox, "ringside-outbox");
    QMetaObject::invokeMethod(m_outbox, [w = m_outbox] { w->start(1000); }, Qt::QueuedConnection);

    const SmsProviderConfig sms = SmsProviderConfig::fromEnvironment();
    if (sms.provider.isEmpty()) {
        m_notices << QStringLiteral("no SMS provider: %1 is not set, so text messages stay queued").arg(sms.missing);
    } else {
        m_sms = new SmsSender(db, sms, m_clock);
        m_smsThread = startOn(m_sms, "ringside-sms");
        QMetaObject::invokeMethod(m_sms, [w = m_sms] { w->start(2000); }, Qt::QueuedConnection);
    }
}

PlatformRuntime::~PlatformRuntime()
{
    stop(m_webhookThread);
    stop(m_smsThread);
    stop(m_outboxThread);
}

void PlatformRuntime::serveWebhooks(telephony::GatewayServer &server, platforms::StoreChangeListener *listener)
{
    const PlatformCredentials credentials = PlatformCredentials::fromEnvironment();
    m_webhooks = new WebhookWorker(m_db, m_clock, listener);
    m_webhookThread = startOn(m_webhooks, "ringside-webhooks");
    m_webhooks->wake(); // what an earlier run stored and did not apply
    WebhookWorker *worker = m_webhooks;
    m_endpoint = std::make_unique<WebhookEndpoint>(m_db, credentials, m_clock, [worker](qint64) { worker->wake(); });
    for (const Platform platform : { Platform::Shopify, Platform::WooCommerce }) {
        if (credentials.webhookSecret(platform).isEmpty())
            m_notices << QStringLiteral("%1 is not set: POST /webhooks/%2 answers 503")
                                 .arg(platform == Platform::Shopify ? QStringLiteral("SHOPIFY_WEBHOOK_SECRET") : QStringLiteral("WOOCOMMERCE_WEBHOOK_SECRET"),
                                      platformKey(platform));
        WebhookEndpoint *endpoint = m_endpoint.get();
        server.addRoute(QStringLiteral("/webhooks/") + platformKey(platform), [endpoint, platform](const telephony::ExtraRequest &r) {
            const WebhookReply reply = endpoint->handle(platform, { r.method, r.headers, r.body, r.peer });
            return telephony::ExtraReply{ reply.status, reply.body, QByteArrayLiteral("application/json") };
        });
    }
    // Twilio's SMS delivery reports, signed like its voice webhooks when TWILIO_AUTH_TOKEN is set.
    const QByteArray token = qgetenv("TWILIO_AUTH_TOKEN");
    Database *db = &m_db;
    Clock clock = m_clock;
    server.addRoute(QStringLiteral("/sms/twilio/status"), [db, token, clock](const telephony::ExtraRequest &r) {
        const telephony::FormFields fields = telephony::parseForm(r.body);
        if (r.method != "POST")
            return telephony::ExtraReply{ 405, QByteArrayLiteral("{\"error\":\"use POST\"}") };
        if (token.isEmpty() || !telephony::verifyTwilioSignature(token, r.externalUrl, fields, r.headers.value("x-twilio-signature")))
            return telephony::ExtraReply{ 403, QByteArrayLiteral("{\"error\":\"X-Twilio-Signature missing or wrong\"}") };
        recordSmsStatus(*db, telephony::formValue(fields, QStringLiteral("MessageSid")), telephony::formValue(fields, QStringLiteral("MessageStatus")),
                        telephony::formValue(fields, QStringLiteral("ErrorCode")), clock.nowMs());
        return telephony::ExtraReply{ 200, QByteArrayLiteral("{\"ok\":true}") };
    });
}

} // namespace ringside::server
