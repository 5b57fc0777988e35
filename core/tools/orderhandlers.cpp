// get_order_status and get_tracking_details: read-only order lookups.
#include "handlers.h"
#include "orderstatus.h"

#include <algorithm>

namespace ringside {

namespace {

// More than this many orders are listed in the result but not read out: a caller cannot hold a
// long list in mind, and the newest orders are the ones people call about.
constexpr int kSpokenOrders = 3;

json describeMany(HandlerEnv &env, const std::vector<Order> &orders)
{
    // One customer behind one phone: speak their dates in their zone.
    const Speaker say = env.speakerFor(orders.front().customerId);
    json list = json::array();
    QString message = say.hindi() ? QStringLiteral("Mujhe aapke %1 orders mile. ").arg(orders.size())
                                  : QStringLiteral("I found %1 orders. ").arg(orders.size());
    if (int(orders.size()) > kSpokenOrders)
        message += say.hindi() ? QStringLiteral("Sabse naye %1: ").arg(kSpokenOrders)
                               : QStringLiteral("The %1 most recent: ").arg(kSpokenOrders);
    int n = 0;
    for (const Order &order : orders) {
        ++n;
        const QDate created = say.localDate(order.createdAt);
        // "items": what is in it, so a caller can pick "the running shoes one".
        list.push_back({ { "order_id", spellId(order.id) },
                         { "order_id_raw", order.id },
                         { "status", order.status },
                         { "date", say.date(created) },
                         { "created_at", say.iso(order.createdAt) },
                         { "items", say.list(itemNames(order.items, say.language())) } });
        if (n > kSpokenOrders)
            continue;
        message += say.hindi()
                ? QStringLiteral("Order %1: %2, %3 ko diya gaya, status %4. ")
                          .arg(n).arg(spellId(order.id), say.date(created), statusWords(order.status))
                : QStringLiteral("Order %1: %2, placed on %3, status %4. ")
                          .arg(n).arg(spellId(order.id), say.date(created), statusWords(order.status));
    }
    message += say.hindi() ? QStringLiteral("Aap kis order ke baare mein jaanna chahenge?")
                           : QStringLiteral("Which order would you like details on?");
    return { { "found", true }, { "multiple", true }, { "count", orders.size() }, { "orders", list },
             { "message", message } };
}

json describeOne(HandlerEnv &env, const Order &order)
{
    OrderDescriptionOptions options;
    options.processingTime = env.setting(QStringLiteral("processingTime"), QStringLiteral("1 to 2 business days"));
    bool ok = false;
    const int window = env.setting(QStringLiteral("returnWindowDays"), QStringLiteral("7")).toInt(&ok);
    if (ok && window >= 0)
        options.returnWindowDays = window;
    return describeOrder(order, env.speakerFor(order.customerId), options);
}

QStringList trackingCandidates(const QString &spoken)
{
    QStringList out = { spoken.trimmed() };
    QString squeezed;
    for (const QChar c : spoken) {
        if (c.isLetterOrNumber())
            squeezed.append(c.toUpper());
    }
    if (!squeezed.isEmpty() && !out.contains(squeezed))
        out << squeezed;
    return out;
}

} // namespace

json getOrderStatus(HandlerEnv &env)
{
    const QString orderId = env.arg("order_id");
    const QString phone = env.arg("phone_number");
    const bool hi = env.hindi();

    if (!orderId.isEmpty()) {
        if (const auto order = findOrder(env.backend, orderId))
            return describeOne(env, *order);
        // A misheard ID with a phone number alongside: the phone may still find it.
        if (phone.isEmpty()) {
            return notFound(hi ? QStringLiteral("Order %1 nahi mila. Kripya order number dobara bataiye.").arg(spellId(orderId))
                               : QStringLiteral("I couldn't find an order with the ID %1. Could you check the number and "
                                                "say it again?").arg(spellId(orderId)));
        }
    }
    const std::vector<Order> orders = env.backend.ordersByPhone(phone);
    if (orders.empty()) {
        return notFound(hi ? QStringLiteral("Is phone number par koi order nahi mila. Kripya number check kijiye ya order ID bataiye.")
                           : QStringLiteral("I couldn't find any orders for that phone number. Could you check the number "
                                            "or give me your order ID?"));
    }
    if (orders.size() == 1)
        return describeOne(env, orders.front());
    return describeMany(env, orders);
}

json getTrackingDetails(HandlerEnv &env)
{
    const QString number = env.arg("tracking_number");
    const QString carrier = env.arg("carrier");

    std::vector<Order> found;
    for (const QString &candidate : trackingCandidates(number)) {
        found = env.backend.ordersByTracking(candidate);
        if (!found.empty())
            break;
    }
    if (found.empty()) {
        return notFound(env.hindi() ? QStringLiteral("Tracking number %2 ka koi %1 shipment nahi mila. Kripya number check kijiye.")
                                              .arg(carrierDisplayName(carrier), spellId(number))
                                    : QStringLiteral("I couldn't find a %1 shipment with tracking number %2. Could you check the number?")
                                              .arg(carrierDisplayName(carrier), spellId(number)));
    }
    const auto match = std::find_if(found.begin(), found.end(), [&](const Order &o) { return o.carrier == carrier; });
    if (match == found.end()) {
        json result = notFound(env.hindi() ? QStringLiteral("Tracking number %1 %2 ka shipment nahi hai; yeh %3 ke paas hai.")
                                                     .arg(spellId(number), carrierDisplayName(carrier),
                                                          carrierDisplayName(found.front().carrier))
                                           : QStringLiteral("Tracking number %1 is not a %2 shipment; it is with %3.")
                                                     .arg(spellId(number), carrierDisplayName(carrier),
                                                          carrierDisplayName(found.front().carrier)));
        result["reason"] = "carrier_mismatch";
        result["actual_carrier"] = found.front().carrier;
        return result;
    }

    const Order &order = *match;
    const Speaker say = env.speakerFor(order.customerId);
    std::vector<TrackingEvent> events = order.trackingEvents;
    std::stable_sort(events.begin(), events.end(), [](const TrackingEvent &a, const TrackingEvent &b) { return a.at > b.at; });

    json list = json::array();
    for (const TrackingEvent &e : events)
        list.push_back({ { "at", say.iso(e.at) }, { "status", e.status }, { "location", e.location } });

    const QString carrierName = carrierDisplayName(order.carrier);
    QString message;
    if (say.hindi()) {
        if (events.empty()) {
            message = QStringLiteral("Is shipment ka %1 se abhi koi scan update nahi aaya hai.").arg(carrierName);
        } else {
            const TrackingEvent &latest = events.front();
            message = QStringLiteral("%1 ka sabse naya update: %2").arg(carrierName, statusWords(latest.status));
            if (!latest.location.isEmpty())
                message += QStringLiteral(", ") + latest.location + QStringLiteral(" mein");
            message += QStringLiteral(", %1 %2.").arg(onDay(say, say.localDate(latest.at)), say.time(latest.at));
        }
        if (order.status != QLatin1String("delivered") && order.estimatedDelivery.isValid())
            message += QStringLiteral(" Delivery %1 tak hone ki ummeed hai.").arg(say.day(order.estimatedDelivery));
    } else {
        if (events.empty()) {
            message = QStringLiteral("There are no scan updates from %1 for this shipment yet.").arg(carrierName);
        } else {
            const TrackingEvent &latest = events.front();
            message = QStringLiteral("The latest %1 update: %2").arg(carrierName, statusWords(latest.status));
            if (!latest.location.isEmpty())
                message += QStringLiteral(" at ") + latest.location;
            message += QStringLiteral(", %1 at %2.").arg(onDay(say, say.localDate(latest.at)), say.time(latest.at));
        }
        if (order.status != QLatin1String("delivered") && order.estimatedDelivery.isValid())
            message += QStringLiteral(" Expected delivery is %1.").arg(say.day(order.estimatedDelivery));
    }

    return { { "found", true },
             { "tracking_number", order.trackingNumber },
             { "tracking_number_spoken", spellId(order.trackingNumber) },
             { "carrier", order.carrier },
             { "carrier_name", carrierName },
             { "order_id", spellId(order.id) },
             { "order_id_raw", order.id },
             { "status", order.status },
             { "estimated_delivery", order.estimatedDelivery.isValid() ? json(say.iso(order.estimatedDelivery)) : json(nullptr) },
             { "events", list },
             { "latest_event", list.empty() ? json(nullptr) : list.front() },
             { "message", message } };
}

} // namespace ringside
