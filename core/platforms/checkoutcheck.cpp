#include "platforms/checkoutcheck.h"

#include "platforms/httpexchange.h"
#include "platforms/shopifyclient.h"
#include "platforms/shopifyqueries.h"
#include "platforms/wooclient.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

namespace ringside::platforms {

CheckoutCheck checkoutStillAbandoned(Database &db, const QString &cartId, const PlatformCredentials &credentials, HttpExchange &http)
{
    CheckoutCheck result;
    const auto connection = loadConnection(db);
    QSqlQuery q = execOrThrow(db.connection(), QStringLiteral("SELECT platform_id FROM platform_records WHERE kind = 'checkout' AND local_id = ?"), cartId);
    if (!connection || !q.next()) {
        result.error = PlatformError::make(PlatformError::Kind::Rejected, QStringLiteral("%1 is not a checkout of a connected shop").arg(cartId));
        return result;
    }
    const QString platformId = q.value(0).toString();
    q.finish();
    bool completed = false;
    bool gone = false;
    if (connection->platform == Platform::Shopify) {
        ShopifyClient client(*connection, credentials, http);
        const GraphqlAnswer a = client.run(shopifygql::kCheckoutState, { { "query", QStringLiteral("id:%1").arg(platformId) } }, 5);
        if (!a.error.ok()) {
            result.error = a.error;
            return result;
        }
        const json nodes = a.data.is_object() ? a.data.value("abandonedCheckouts", json::object()).value("nodes", json::array()) : json::array();
        if (nodes.empty()) {
            // Shopify drops a checkout from abandonedCheckouts once it becomes an order.
            completed = true;
        } else {
            completed = !nodes[0].value("completedAt", json()).is_null();
        }
    } else {
        WooClient client(*connection, credentials, http);
        const WooAnswer a = client.get(QStringLiteral("/orders/") + platformId);
        if (!a.error.ok()) {
            result.error = a.error;
            return result;
        }
        const QString status = stringAt(a.body, "status");
        gone = status == QLatin1String("cancelled") || status == QLatin1String("trash") || status == QLatin1String("refunded");
        completed = !gone && status != QLatin1String("pending") && status != QLatin1String("failed");
    }
    if (completed) {
        execOrThrow(db.connection(), QStringLiteral("UPDATE carts SET status = CASE WHEN recovery_attempts > 0 OR discount_code IS NOT NULL "
                                                    "THEN 'recovered' ELSE 'completed' END WHERE id = ? AND status IN ('abandoned', 'active')"),
                    cartId);
    }
    if (gone)
        execOrThrow(db.connection(), QStringLiteral("UPDATE carts SET status = 'expired' WHERE id = ? AND status IN ('abandoned', 'active')"), cartId);
    result.state = completed ? CheckoutState::Completed : gone ? CheckoutState::Gone : CheckoutState::StillAbandoned;
    return result;
}

} // namespace ringside::platforms
