#include "platforms/webhookapplier.h"

#include "platforms/mirrorwriter.h"
#include "platforms/shopifymapper.h"
#include "platforms/woomapper.h"
#include "storage/database.h"
#include "storage/sqlutil.h"
#include "util/clock.h"

namespace ringside::platforms {

namespace {

ApplyResult outcome(MirrorOutcome o, const QString &what)
{
    switch (o) {
    case MirrorOutcome::Written: return { QStringLiteral("applied"), what, {}, {} };
    case MirrorOutcome::Unchanged: return { QStringLiteral("applied"), what + QStringLiteral(" (already up to date)"), {}, {} };
    case MirrorOutcome::Stale: return { QStringLiteral("stale"), QStringLiteral("older than the stored copy of ") + what, {}, {} };
    }
    return {};
}

// fulfillments/create and /update: the parcel's state on an order already mirrored.
ApplyResult applyFulfillment(QSqlDatabase sql, const json &p, qint64 nowMs)
{
    const QString orderPlatformId = idText(p.value("order_id", json()));
    QSqlQuery q = execOrThrow(sql, QStringLiteral("SELECT local_id, details FROM platform_records WHERE kind = 'order' AND platform_id = ?"),
                              orderPlatformId);
    if (!q.next())
        return { QStringLiteral("ignored"), QStringLiteral("order %1 is not in the mirror yet (the next sync brings it)").arg(orderPlatformId), {}, {} };
    const QString localId = q.value(0).toString();
    json details = json::parse(q.value(1).toString().toStdString(), nullptr, false);
    if (!details.is_object())
        details = json::object();
    q.finish();
    const QDateTime updated = parseIso(stringAt(p, "updated_at")).toUTC();
    const qint64 known = details.value("fulfillment_updated_at", qint64(0));
    if (updated.isValid() && updated.toMSecsSinceEpoch() < known)
        return { QStringLiteral("stale"), QStringLiteral("older than the stored fulfillment of order %1").arg(localId), {}, {} };
    ShopifyOrderFacts facts;
    facts.fulfillment = QStringLiteral("FULFILLED");
    facts.shipment = stringAt(p, "shipment_status").toUpper();
    if (stringAt(p, "status") == QLatin1String("cancelled"))
        return { QStringLiteral("applied"), QStringLiteral("fulfillment cancelled; order %1 unchanged").arg(localId), {}, {} };
    const QString status = shopifyStatus(facts);
    QString tracking = stringAt(p, "tracking_number");
    if (tracking.isEmpty() && p.contains("tracking_numbers") && p["tracking_numbers"].is_array() && !p["tracking_numbers"].empty()
        && p["tracking_numbers"][0].is_string())
        tracking = qs(p["tracking_numbers"][0].get<std::string>());
    const QDateTime created = parseIso(stringAt(p, "created_at")).toUTC();
    execOrThrow(sql, QStringLiteral(
            "UPDATE orders SET status = CASE WHEN status IN ('cancelled', 'returned') THEN status ELSE ? END, "
            "tracking_number = CASE WHEN ? <> '' THEN ? ELSE tracking_number END, carrier = CASE WHEN ? <> '' THEN ? ELSE carrier END, "
            "shipped_at = COALESCE(shipped_at, ?), delivered_at = CASE WHEN ? = 'delivered' THEN COALESCE(delivered_at, ?) ELSE delivered_at END, "
            "updated_at = ? WHERE id = ?"),
            status, tracking, tracking, carrierKey(stringAt(p, "tracking_company")), carrierKey(stringAt(p, "tracking_company")),
            created.isValid() ? QVariant(created.toMSecsSinceEpoch()) : QVariant(), status,
            updated.isValid() ? QVariant(updated.toMSecsSinceEpoch()) : QVariant(nowMs), nowMs, localId);
    details["fulfillment_updated_at"] = updated.isValid() ? updated.toMSecsSinceEpoch() : nowMs;
    execOrThrow(sql, QStringLiteral("UPDATE platform_records SET details = ? WHERE kind = 'order' AND platform_id = ?"),
                QString::fromStdString(details.dump()), orderPlatformId);
    return { QStringLiteral("applied"), QStringLiteral("order %1 is %2").arg(localId, status), { localId }, {} };
}

} // namespace

ApplyResult WebhookApplier::apply(const WebhookEvent &event, const QDateTime &now)
{
    ApplyResult result;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const auto connection = loadConnection(m_db);
    const QString zone = connection ? connection->timezone : QString();
    const json payload = json::parse(event.body.constBegin(), event.body.constEnd(), nullptr, false);
    const QString topic = event.topic;
    const bool committed = m_db.transaction([&](QSqlDatabase sql) {
        // Another worker (or an earlier run) may have applied it meanwhile.
        QSqlQuery still = execOrThrow(sql, QStringLiteral("SELECT status FROM webhook_events WHERE id = ?"), event.id);
        if (!still.next() || still.value(0).toString() != QLatin1String("received")) {
            result = { QStringLiteral("skipped"), QString(), {}, {} };
            return false;
        }
        still.finish();
        MirrorWriter writer(sql, nowMs);
        if (!payload.is_object()) {
            result = { QStringLiteral("failed"), QStringLiteral("the body is not a JSON object"), {}, {} };
        } else if (event.platform == Platform::Shopify) {
            if (topic.startsWith(QLatin1String("orders/"))) {
                auto m = shopifyOrderFromRest(payload, zone);
                result = m.ok() ? outcome(writer.writeOrder(m.value()), QStringLiteral("order %1").arg(m->number))
                                : ApplyResult{ QStringLiteral("failed"), m.error(), {}, {} };
            } else if (topic.startsWith(QLatin1String("fulfillments/"))) {
                result = applyFulfillment(sql, payload, nowMs);
            } else if (topic.startsWith(QLatin1String("checkouts/"))) {
                auto m = shopifyCheckoutFromRest(payload, zone);
                result = m.ok() ? outcome(writer.writeCart(m.value()), QStringLiteral("checkout %1").arg(m->platformId))
                                : ApplyResult{ QStringLiteral("failed"), m.error(), {}, {} };
            } else if (topic.startsWith(QLatin1String("customers/"))) {
                auto m = shopifyCustomerFromRest(payload, zone);
                result = m.ok() ? outcome(writer.writeCustomer(m.value()), QStringLiteral("customer %1").arg(m->customer.id))
                                : ApplyResult{ QStringLiteral("failed"), m.error(), {}, {} };
            } else if (topic == QLatin1String("app/uninstalled")) {
                execOrThrow(sql, QStringLiteral("INSERT INTO operator_tasks (kind, subject, detail, created_at) VALUES "
                                                "('app_uninstalled', ?, ?, ?)"),
                            stringAt(payload, "domain"),
                            QStringLiteral("The Ringside app was uninstalled from the shop: write-backs will fail until it is "
                                           "installed again and 'store connect' is run."),
                            nowMs);
                result = { QStringLiteral("applied"), QStringLiteral("app uninstalled; an operator task was created"), {}, {} };
            } else {
                result = { QStringLiteral("ignored"), QStringLiteral("topic not used by Ringside"), {}, {} };
            }
        } else {
            if (topic == QLatin1String("order.deleted")) {
                result = outcome(writer.markOrderDeleted(idText(payload.value("id", json())), now), QStringLiteral("deleted order"));
            } else if (topic.startsWith(QLatin1String("order."))) {
                auto m = wooOrderFromRest(payload, zone);
                if (m.ok()) {
                    result = outcome(writer.writeOrder(m->order), QStringLiteral("order %1").arg(m->order.number));
                    if (m->cart)
                        writer.writeCart(*m->cart);
                } else {
                    result = { QStringLiteral("failed"), m.error(), {}, {} };
                }
            } else if (topic.startsWith(QLatin1String("customer."))) {
                auto m = wooCustomerFromRest(payload, zone);
                result = m.ok() ? outcome(writer.writeCustomer(m.value()), QStringLiteral("customer %1").arg(m->customer.id))
                                : ApplyResult{ QStringLiteral("failed"), m.error(), {}, {} };
            } else {
                result = { QStringLiteral("ignored"), QStringLiteral("topic not used by Ringside"), {}, {} };
            }
        }
        for (const QString &id : writer.changedOrders())
            if (!result.orders.contains(id))
                result.orders << id;
        for (const QString &id : writer.changedCarts())
            result.carts << id;
        execOrThrow(sql, QStringLiteral("UPDATE webhook_events SET status = ?, detail = ?, applied_at = ? WHERE id = ?"),
                    result.status, result.detail, nowMs, event.id);
        return true;
    });
    if (!committed && result.status != QLatin1String("skipped"))
        result = { QStringLiteral("failed"), QStringLiteral("the transaction could not be committed"), {}, {} };
    return result;
}

} // namespace ringside::platforms
