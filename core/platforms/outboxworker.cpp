#include "platforms/outboxworker.h"

#include "platforms/httpexchange.h"
#include "platforms/outbox.h"
#include "platforms/platformactions.h"
#include "platforms/shopifyclient.h"
#include "platforms/wooclient.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QLoggingCategory>
#include <QMetaObject>
#include <QTimer>

Q_LOGGING_CATEGORY(lcOutbox, "ringside.platforms.outbox")

namespace ringside::platforms {

OutboxWorker::OutboxWorker(Database &db, PlatformCredentials credentials, Clock clock, QObject *parent)
    : QObject(parent), m_db(db), m_credentials(std::move(credentials)), m_clock(std::move(clock))
{
}

OutboxWorker::~OutboxWorker() = default;

void OutboxWorker::ensureClients()
{
    const auto connection = loadConnection(m_db);
    const QString key = connection ? platformKey(connection->platform) + connection->shop + connection->apiVersion : QString();
    if (key == m_connectionShop && m_http)
        return;
    m_connectionShop = key;
    m_shopify.reset();
    m_woo.reset();
    if (!m_http)
        m_http = std::make_unique<HttpExchange>();
    if (!connection)
        return;
    if (connection->platform == Platform::Shopify && m_credentials.missingApiSecret(Platform::Shopify).isEmpty())
        m_shopify = std::make_unique<ShopifyClient>(*connection, m_credentials, *m_http);
    if (connection->platform == Platform::WooCommerce && m_credentials.missingApiSecret(Platform::WooCommerce).isEmpty())
        m_woo = std::make_unique<WooClient>(*connection, m_credentials, *m_http);
}

int OutboxWorker::runDue()
{
    int attempted = 0;
    try {
        ensureClients();
        PlatformActions actions(m_db, m_shopify.get(), m_woo.get());
        for (;;) {
            bool inDoubt = false;
            const auto action = claimNextAction(m_db, m_clock.nowMs(), &inDoubt);
            if (!action)
                break;
            ++attempted;
            if (inDoubt)
                qCInfo(lcOutbox, "action %lld (%s %s) was interrupted; checking the shop before repeating it", action->id,
                       qPrintable(action->action), qPrintable(action->subject));
            const ActionOutcome outcome = actions.run(*action, inDoubt, m_clock.now());
            if (outcome.error.ok()) {
                completeAction(m_db, action->id, outcome.result, m_clock.nowMs());
                qCInfo(lcOutbox, "action %lld: %s %s done on the shop", action->id, qPrintable(action->action), qPrintable(action->subject));
                Q_EMIT actionFinished(action->id, QStringLiteral("done"), QString());
                continue;
            }
            const bool final = failAction(m_db, *action, outcome.error, m_clock.nowMs());
            qCWarning(lcOutbox, "action %lld: %s %s %s: %s", action->id, qPrintable(action->action), qPrintable(action->subject),
                      final ? "failed" : "will be retried", qPrintable(outcome.error.message));
            Q_EMIT actionFinished(action->id, final ? QStringLiteral("failed") : QStringLiteral("queued"), outcome.error.message);
            if (outcome.error.kind == PlatformError::Kind::Network && !outcome.error.inDoubt)
                break; // the shop is unreachable: the rest waits for the next round
        }
    } catch (const StorageError &e) {
        qCWarning(lcOutbox, "the outbox could not be read: %s", e.what());
    }
    return attempted;
}

void OutboxWorker::start(int pollMs)
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, [this] { runDue(); });
    }
    m_running = true;
    m_timer->start(pollMs);
    runDue();
}

void OutboxWorker::stop()
{
    m_running = false;
    if (m_timer)
        m_timer->stop();
}

void OutboxWorker::wake()
{
    QMetaObject::invokeMethod(this, [this] {
        if (m_running)
            runDue();
    }, Qt::QueuedConnection);
}

} // namespace ringside::platforms
