// confirm_cod_order, cancel_order, reschedule_delivery: the actions of the COD confirmation call
// (also used by order-status agents). Messages come in English and romanized Hindi.
#include "argumentvalidator.h"
#include "codmodification.h"
#include "handlers.h"
#include "orderstatus.h"
#include "writeback.h"

namespace ringside {

namespace {

constexpr int kRescheduleDaysAhead = 14;

json orderNotFound(const HandlerEnv &env, const QString &spokenId)
{
    return notFound(env.hindi() ? QStringLiteral("Order %1 nahi mila. Kripya order number dobara bataiye.").arg(spellId(spokenId))
                                : QStringLiteral("I couldn't find an order with the ID %1. Could you check the number?")
                                          .arg(spellId(spokenId)));
}

bool isCod(const Order &order)
{
    return order.paymentMethod.compare(QLatin1String("cod"), Qt::CaseInsensitive) == 0;
}

QDate expectedDate(const Order &order, const Speaker &say)
{
    return order.deliveryDate.isValid() ? order.deliveryDate : say.localDate(order.estimatedDelivery);
}

// Refusals shared by the three actions for orders that are past the point of change.
std::optional<json> closedOrderRefusal(const Order &order, const Speaker &say)
{
    const QString id = spellId(order.id);
    const bool hi = say.hindi();
    if (order.status == QLatin1String("cancelled"))
        return refusal("already_cancelled", hi ? QStringLiteral("Aapka order %1 pehle hi cancel ho chuka hai.").arg(id)
                                               : QStringLiteral("Your order %1 is already cancelled.").arg(id));
    if (order.status == QLatin1String("delivered"))
        return refusal("already_delivered",
                       hi ? QStringLiteral("Aapka order %1 deliver ho chuka hai, isliye ise badla ya cancel nahi kiya ja sakta. "
                                           "Main return karne mein madad kar sakti hoon.").arg(id)
                          : QStringLiteral("Your order %1 has already been delivered, so it can't be changed or cancelled. "
                                           "I can help you return it instead.").arg(id));
    if (order.status == QLatin1String("returned"))
        return refusal("already_returned", hi ? QStringLiteral("Aapka order %1 pehle hi return ho chuka hai.").arg(id)
                                              : QStringLiteral("Your order %1 has already been returned.").arg(id));
    return std::nullopt;
}

// Shipped, out for delivery, or delayed after leaving the warehouse: the parcel is with the carrier.
bool inTransit(const Order &order)
{
    if (order.status == QLatin1String("shipped") || order.status == QLatin1String("out_for_delivery"))
        return true;
    return order.status == QLatin1String("delayed") && (order.shippedAt.isValid() || !order.trackingNumber.isEmpty());
}

json orderIds(const Order &order)
{
    return { { "order_id", spellId(order.id) }, { "order_id_raw", order.id } };
}

} // namespace

json confirmCodOrder(HandlerEnv &env)
{
    const auto order = findOrder(env.backend, env.arg("order_id"));
    if (!order)
        return orderNotFound(env, env.arg("order_id"));
    const Speaker say = env.speakerFor(order->customerId);
    const bool hi = say.hindi();
    const QString id = spellId(order->id);

    if (!isCod(*order)) {
        return refusal("not_cod", hi ? QStringLiteral("Order %1 ka payment pehle hi ho chuka hai, ise cash on delivery "
                                                      "confirmation ki zaroorat nahi hai.").arg(id)
                                     : QStringLiteral("Order %1 is prepaid, so there is no cash-on-delivery confirmation "
                                                      "needed.").arg(id));
    }
    if (auto refused = closedOrderRefusal(*order, say))
        return *refused;

    json result = orderIds(*order);
    if (env.flag("confirmed")) {
        const bool already = order->codConfirmation == QLatin1String("confirmed");
        if (!already)
            env.backend.setCodConfirmation(order->id, QStringLiteral("confirmed"), true, QString(), env.now);
        const QStringList items = itemNames(order->items, say.language());
        const QDate when = expectedDate(*order, say);
        QString message;
        if (hi) {
            message = already ? QStringLiteral("Aapka order pehle se confirm hai.")
                              : QStringLiteral("Bahut dhanyavaad! Aapka order confirm ho gaya hai.");
            const QString what = items.isEmpty() ? QStringLiteral("Aapka order") : QStringLiteral("Aapka ") + say.list(items);
            if (!when.isValid())
                message += QStringLiteral(" %1 jald hi deliver ho jayega.").arg(what);
            else if (when == say.today())
                message += QStringLiteral(" %1 aaj deliver ho jayega.").arg(what);
            else
                message += QStringLiteral(" %1 %2 tak deliver ho jayega.").arg(what, say.day(when));
            message += QStringLiteral(" Kripya %1 taiyaar rakhiye. Delivery se pehle aapko SMS milega.").arg(say.money(order->total()));
        } else {
            message = already ? QStringLiteral("Your order is already confirmed.")
                              : QStringLiteral("Thank you! Your order is confirmed.");
            const QString what = items.isEmpty() ? QStringLiteral("Your order") : QStringLiteral("Your ") + say.list(items);
            if (!when.isValid())
                message += QStringLiteral(" %1 will be delivered soon.").arg(what);
            else if (when == say.today())
                message += QStringLiteral(" %1 will be delivered today.").arg(what);
            else
                message += QStringLiteral(" %1 will be delivered by %2.").arg(what, say.day(when));
            message += QStringLiteral(" Please keep %1 ready. You'll get an SMS before delivery.").arg(say.money(order->total()));
        }
        takeQueuedWrites(env).addTo(result);
        result.update({ { "success", true },
                        { "confirmed", true },
                        { "already_confirmed", already },
                        { "cod_confirmation", "confirmed" },
                        { "amount_due", decimalAmount(order->total()) },
                        { "currency", order->currency },
                        { "delivery_date", when.isValid() ? json(when.toString(Qt::ISODate)) : json(nullptr) },
                        { "message", message } });
        return result;
    }

    const QString modification = env.arg("modification_requested");
    if (modification.isEmpty()) {
        result.update(refusal("not_confirmed",
                              hi ? QStringLiteral("Koi baat nahi. Kya aap order mein kuch badalna chahenge, ya ise cancel karna chahenge?")
                                 : QStringLiteral("I understand. Would you like to change something in the order, or cancel it?")));
        return result;
    }

    // A change request keeps the order open: it is pending again until the change is made.
    env.backend.setCodConfirmation(order->id, QStringLiteral("pending"), false, modification, env.now);
    takeQueuedWrites(env).addTo(result);
    const CodModification kind = classifyCodModification(modification);
    result.update({ { "success", true },
                    { "confirmed", false },
                    { "action", kind.action },
                    { "modification_types", kind.types },
                    { "modification_requested", modification },
                    { "message", codModificationPrompt(kind.action, hi, kRescheduleDaysAhead) } });
    return result;
}

json cancelOrder(HandlerEnv &env)
{
    const auto order = findOrder(env.backend, env.arg("order_id"));
    if (!order)
        return orderNotFound(env, env.arg("order_id"));
    const Speaker say = env.speakerFor(order->customerId);
    const bool hi = say.hindi();
    const QString id = spellId(order->id);

    if (auto refused = closedOrderRefusal(*order, say))
        return *refused;
    if (inTransit(*order)) {
        const int window = env.setting(QStringLiteral("returnWindowDays"), QStringLiteral("7")).toInt();
        QString message = hi ? QStringLiteral("Aapka order %1 ship ho chuka hai, isliye ab cancel nahi ho sakta.").arg(id)
                             : QStringLiteral("Your order %1 has already shipped, so I can't cancel it now.").arg(id);
        if (isCod(*order))
            message += hi ? QStringLiteral(" Aap delivery ke waqt parcel lene se mana kar sakte hain, koi charge nahi lagega.")
                          : QStringLiteral(" You can refuse the parcel at the door and nothing will be charged.");
        else
            message += hi ? QStringLiteral(" Milne ke baad aap ise %1 din ke andar return kar sakte hain.").arg(window)
                          : QStringLiteral(" Once it arrives, you can return it within %1 days.").arg(window);
        json result = refusal("already_shipped", message);
        result.update(orderIds(*order));
        return result;
    }

    const QString reason = env.arg("reason");
    env.backend.cancelOrder(order->id, reason, env.arg("reason_details"), env.now);
    const QString cod = order->codConfirmation;
    if (isCod(*order) && (cod.isEmpty() || cod == QLatin1String("pending") || cod == QLatin1String("unconfirmed")))
        env.backend.setCodConfirmation(order->id, QStringLiteral("declined"), false, QString(), env.now);

    // A connected shop cancels when the outbox worker reaches it: say it is being done, not done.
    const QueuedWrites queued = takeQueuedWrites(env);
    // Money comes back only when it was taken: not for COD, not before payment went through.
    const bool refundDue = !isCod(*order) && order->status != QLatin1String("pending_payment") && order->totalMinor > 0;
    QString message;
    if (queued.any())
        message = hi ? QStringLiteral("Maine aapka order %1 cancel karne ka request shop ko bhej diya hai; confirmation aapko email par milega.").arg(id)
                     : QStringLiteral("I've put in the cancellation of your order %1 with the shop; you'll get their confirmation by email.").arg(id);
    else
        message = hi ? QStringLiteral("Aapka order %1 cancel kar diya gaya hai.").arg(id)
                     : QStringLiteral("Your order %1 has been cancelled.").arg(id);
    if (refundDue && queued.any())
        message += hi ? QStringLiteral(" Cancel hone ke baad aapke %1 aapke original payment method mein wapas aa jayenge.").arg(say.money(order->total()))
                      : QStringLiteral(" Once it goes through, your refund of %1 will go back to your original payment method.").arg(say.money(order->total()));
    else if (refundDue)
        message += hi ? QStringLiteral(" Aapke %1 aapke original payment method mein wapas aa jayenge.").arg(say.money(order->total()))
                      : QStringLiteral(" Your refund of %1 will go back to your original payment method.").arg(say.money(order->total()));
    else if (isCod(*order))
        message += hi ? QStringLiteral(" Yeh cash on delivery order tha, isliye koi payment ya refund nahi hai.")
                      : QStringLiteral(" As it was cash on delivery, there is nothing to pay or refund.");

    json result = orderIds(*order);
    queued.addTo(result);
    result.update({ { "success", true },
                    { "cancelled", true },
                    // Not "reason": in a result that key is the refusal code.
                    { "cancellation_reason", reason },
                    { "refund", refundDue ? json{ { "amount", decimalAmount(order->total()) },
                                                  { "currency", order->currency },
                                                  { "method", "original_payment" } }
                                          : json(nullptr) },
                    { "message", message } });
    return result;
}

json rescheduleDelivery(HandlerEnv &env)
{
    const auto order = findOrder(env.backend, env.arg("order_id"));
    if (!order)
        return orderNotFound(env, env.arg("order_id"));
    const Speaker say = env.speakerFor(order->customerId);
    const bool hi = say.hindi();
    if (auto refused = closedOrderRefusal(*order, say))
        return *refused;

    QDate date;
    parseIsoDate(env.arg("new_date"), &date);
    switch (fitDate(date, say.today(), kRescheduleDaysAhead)) {
    case DateFit::Past:
        return pastDateError("new_date", date, say.today());
    case DateFit::TooFar: {
        const QDate latest = say.today().addDays(kRescheduleDaysAhead);
        json result = refusal("date_too_far",
                              hi ? QStringLiteral("Main delivery sirf agle %1 din tak rakh sakti hoon, yaani %2 tak. "
                                                  "Usse pehle kaunsa din theek rahega?").arg(kRescheduleDaysAhead).arg(say.date(latest))
                                 : QStringLiteral("I can reschedule up to %1 days ahead, so the latest date is %2. "
                                                  "Which day before that works for you?").arg(kRescheduleDaysAhead).arg(say.date(latest)));
        result["latest_date"] = latest.toString(Qt::ISODate);
        return result;
    }
    case DateFit::Ok:
        break;
    }

    const QString slot = env.arg("time_slot");
    env.backend.rescheduleDelivery(order->id, date, slot, env.now);
    const QueuedWrites queued = takeQueuedWrites(env);
    const QString slotWords = slot.isEmpty() ? QString() : QLatin1Char(' ') + say.slot(slot);
    json result = orderIds(*order);
    queued.addTo(result);
    // With a connected shop the request goes to the shop, which arranges it with the courier.
    const QString message = queued.any()
            ? (hi ? QStringLiteral("Theek hai. Maine shop ko bata diya hai ki aapko delivery %1%2 chahiye; woh courier ke saath ise tay karenge.").arg(say.day(date), slotWords)
                  : QStringLiteral("All right. I've asked the shop to deliver on %1%2; they'll arrange it with the courier.").arg(say.day(date), slotWords))
            : (hi ? QStringLiteral("Ho gaya. Aapki delivery ab %1%2 hogi.").arg(say.day(date), slotWords)
                  : QStringLiteral("Done. Your delivery is now scheduled for %1%2.").arg(say.day(date), slotWords));
    result.update({ { "success", true },
                    { "rescheduled", true },
                    { "new_date", date.toString(Qt::ISODate) },
                    { "time_slot", slot.isEmpty() ? json(nullptr) : json(slot) },
                    { "message", message } });
    return result;
}

} // namespace ringside
