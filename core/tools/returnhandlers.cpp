// initiate_return, schedule_pickup, check_return_status.
#include "argumentvalidator.h"
#include "handlers.h"
#include "writeback.h"
#include "orderstatus.h"

#include <QHash>

#include <algorithm>

namespace ringside {

namespace {

constexpr int kPickupDaysAhead = 7;

// Returns that no longer hold items back: their quantities can be asked for again.
bool countsAgainstOrder(const ReturnRequest &r)
{
    return r.status != QLatin1String("rejected") && r.status != QLatin1String("cancelled");
}

const LineItem *lineFor(const Order &order, const QString &sku)
{
    for (const LineItem &item : order.items) {
        if (item.sku.compare(sku, Qt::CaseInsensitive) == 0)
            return &item;
    }
    return nullptr;
}

int orderedQuantity(const Order &order, const QString &sku)
{
    int n = 0;
    for (const LineItem &item : order.items)
        n += item.sku.compare(sku, Qt::CaseInsensitive) == 0 ? item.quantity : 0;
    return n;
}

int returnedQuantity(const std::vector<ReturnRequest> &returns, const QString &sku)
{
    int n = 0;
    for (const ReturnRequest &r : returns) {
        if (!countsAgainstOrder(r))
            continue;
        for (const ReturnItem &item : r.items)
            n += item.sku.compare(sku, Qt::CaseInsensitive) == 0 ? item.quantity : 0;
    }
    return n;
}

qint64 refundMinor(const Order &order, const std::vector<ReturnItem> &items)
{
    qint64 total = 0;
    for (const ReturnItem &item : items) {
        if (const LineItem *line = lineFor(order, item.sku))
            total += line->priceMinor * item.quantity;
    }
    return total;
}

// How the refund reaches the customer; `done` for a refund already paid.
QString refundPhrase(const QString &method, const Money &amount, bool paidCash, const Speaker &say, bool done = false)
{
    const QString money = say.money(amount);
    if (say.hindi()) {
        if (method == QLatin1String("store_credit"))
            return done ? QStringLiteral("Aapko %1 store credit ke roop mein mil chuke hain").arg(money)
                        : QStringLiteral("Aapko %1 store credit ke roop mein milenge").arg(money);
        if (method == QLatin1String("bank_transfer")) {
            const QString s = done ? QStringLiteral("%1 ka refund bank transfer se ho chuka hai").arg(money)
                                   : QStringLiteral("%1 ka refund bank transfer se hoga").arg(money);
            return paidCash ? QStringLiteral("Aapne cash on delivery se pay kiya tha, isliye ") + s : s;
        }
        return done ? QStringLiteral("%1 ka refund aapke original payment method mein wapas ja chuka hai").arg(money)
                    : QStringLiteral("%1 ka refund aapke original payment method mein wapas jayega").arg(money);
    }
    if (method == QLatin1String("store_credit"))
        return done ? QStringLiteral("You've received %1 as store credit").arg(money)
                    : QStringLiteral("You'll get %1 as store credit").arg(money);
    if (method == QLatin1String("bank_transfer")) {
        const QString s = done ? QStringLiteral("The refund of %1 has been made by bank transfer").arg(money)
                               : QStringLiteral("The refund of %1 will be made by bank transfer").arg(money);
        return paidCash ? QStringLiteral("As you paid cash on delivery, ") + s.at(0).toLower() + s.mid(1) : s;
    }
    return done ? QStringLiteral("The refund of %1 has gone back to your original payment method").arg(money)
                : QStringLiteral("The refund of %1 will go back to your original payment method").arg(money);
}

json returnItemsJson(const Order *order, const std::vector<ReturnItem> &items)
{
    json out = json::array();
    for (const ReturnItem &item : items) {
        const LineItem *line = order ? lineFor(*order, item.sku) : nullptr;
        out.push_back({ { "sku", item.sku },
                        { "name", line ? json(line->name) : json(nullptr) },
                        { "quantity", item.quantity },
                        { "reason", item.reason } });
    }
    return out;
}

json returnIds(const ReturnRequest &r)
{
    return { { "return_id", spellId(r.id) }, { "return_id_raw", r.id },
             { "order_id", spellId(r.orderId) }, { "order_id_raw", r.orderId } };
}

QString returnStatusEnglish(const ReturnRequest &r, const QString &id, const Money &refund, bool paidCash, const Speaker &say)
{
    const QString &s = r.status;
    QString message;
    if (s == QLatin1String("requested")) {
        message = QStringLiteral("Your return %1 is registered, but the pickup hasn't been booked yet. Shall I schedule it?").arg(id);
    } else if (s == QLatin1String("pickup_scheduled")) {
        message = r.pickupDate.isValid()
                ? QStringLiteral("The pickup for your return %1 is booked for %2%3.")
                          .arg(id, say.day(r.pickupDate), r.timeSlot.isEmpty() ? QString() : QLatin1Char(' ') + say.slot(r.timeSlot))
                : QStringLiteral("The pickup for your return %1 is booked.").arg(id);
    } else if (s == QLatin1String("picked_up")) {
        message = QStringLiteral("We've picked up your return %1. The refund will be processed once it reaches our warehouse.").arg(id);
    } else if (s == QLatin1String("received")) {
        message = QStringLiteral("We've received your return %1, and your refund of %2 is being processed.").arg(id, say.money(refund));
    } else if (s == QLatin1String("refunded")) {
        message = QStringLiteral("Your return %1 is complete. %2.").arg(id, refundPhrase(r.refundMethod, refund, paidCash, say, true));
    } else if (s == QLatin1String("rejected")) {
        message = QStringLiteral("Your return %1 was not accepted. I can connect you with our team to explain why.").arg(id);
    } else {
        message = QStringLiteral("Your return %1 is %2.").arg(id, statusWords(s));
    }

    return message;
}

QString returnStatusHindi(const ReturnRequest &r, const QString &id, const Money &refund, bool paidCash, const Speaker &say)
{
    const QString &s = r.status;
    if (s == QLatin1String("requested"))
        return QStringLiteral("Aapka return %1 darj ho gaya hai, lekin pickup abhi book nahi hua hai. Kya main pickup book kar doon?").arg(id);
    if (s == QLatin1String("pickup_scheduled"))
        return r.pickupDate.isValid()
                ? QStringLiteral("Aapke return %1 ka pickup %2%3 ko book hai.")
                          .arg(id, say.day(r.pickupDate), r.timeSlot.isEmpty() ? QString() : QLatin1Char(' ') + say.slot(r.timeSlot))
                : QStringLiteral("Aapke return %1 ka pickup book hai.").arg(id);
    if (s == QLatin1String("picked_up"))
        return QStringLiteral("Aapka return %1 pick ho gaya hai. Warehouse pahunchne ke baad refund process hoga.").arg(id);
    if (s == QLatin1String("received"))
        return QStringLiteral("Aapka return %1 hamein mil gaya hai, aur %2 ka refund process ho raha hai.").arg(id, say.money(refund));
    if (s == QLatin1String("refunded"))
        return QStringLiteral("Aapka return %1 poora ho gaya hai. %2.").arg(id, refundPhrase(r.refundMethod, refund, paidCash, say, true));
    if (s == QLatin1String("rejected"))
        return QStringLiteral("Aapka return %1 sweekar nahi hua. Main aapko hamari team se jod sakti hoon jo wajah batayegi.").arg(id);
    return QStringLiteral("Aapka return %1 abhi %2 hai.").arg(id, statusWords(s));
}

} // namespace

json initiateReturn(HandlerEnv &env)
{
    const auto order = findOrder(env.backend, env.arg("order_id"));
    if (!order)
        return orderNotFoundReply(env, env.arg("order_id"));
    const Speaker say = env.speakerFor(order->customerId);
    const bool hi = say.hindi();
    const QString id = spellId(order->id);

    if (order->status == QLatin1String("returned"))
        return refusal("already_returned", hi ? QStringLiteral("Aapka order %1 pehle hi return ho chuka hai.").arg(id)
                                              : QStringLiteral("Your order %1 has already been returned.").arg(id));
    if (order->status != QLatin1String("delivered"))
        return refusal("not_delivered",
                       hi ? QStringLiteral("Aapka order %1 abhi deliver nahi hua hai, isliye ise return nahi kiya ja sakta. "
                                           "Abhi yeh %2 hai.").arg(id, statusWords(order->status))
                          : QStringLiteral("Your order %1 hasn't been delivered yet, so it can't be returned. "
                                           "Its status is %2.").arg(id, statusWords(order->status)));
    if (!order->deliveredAt.isValid())
        return refusal("delivery_date_unknown",
                       hi ? QStringLiteral("Mujhe order %1 ki delivery ki tarikh nahi dikh rahi, isliye main return ki "
                                           "samay-seema check nahi kar sakti. Main aapko hamari team se jodti hoon.").arg(id)
                          : QStringLiteral("I can't see when order %1 was delivered, so I can't check the "
                                           "return window. Let me connect you with our team.").arg(id));

    bool windowOk = false;
    int window = env.setting(QStringLiteral("returnWindowDays"), QStringLiteral("7")).toInt(&windowOk);
    if (!windowOk || window < 0)
        window = 7;
    const QDate delivered = say.localDate(order->deliveredAt);
    const QDate lastDay = delivered.addDays(window);
    if (say.today() > lastDay) {
        json result = refusal("outside_return_window",
                              hi ? QStringLiteral("Aapka order %1 %2 ko deliver hua tha, aur return %3 din tak, %4 tak hi ho sakta tha. "
                                                  "Maaf kijiye, return ki samay-seema khatam ho chuki hai.")
                                           .arg(id, say.date(delivered)).arg(window).arg(say.date(lastDay))
                                 : QStringLiteral("Your order %1 was delivered on %2, and returns are open for %3 days, until %4. "
                                                  "I'm sorry, the return window has closed.")
                                           .arg(id, say.date(delivered)).arg(window).arg(say.date(lastDay)));
        result["last_eligible_date"] = lastDay.toString(Qt::ISODate);
        return result;
    }

    // Same SKU named twice counts once, with the quantities added.
    std::vector<ReturnItem> items;
    for (const json &entry : env.args.at("items")) {
        const QString sku = stringAt(entry, "sku").trimmed();
        const LineItem *line = lineFor(*order, sku);
        if (!line) {
            json result = refusal("sku_not_in_order",
                                  hi ? QStringLiteral("Item %1 order %2 mein nahi hai. Is order mein %3 hain.")
                                               .arg(sku, id, say.list(itemPhrases(order->items, say.language())))
                                     : QStringLiteral("Item %1 isn't in order %2. The order has %3.")
                                               .arg(sku, id, say.list(itemPhrases(order->items, say.language()))));
            result["sku"] = sku;
            return result;
        }
        const int quantity = entry.at("quantity").get<int>();
        auto same = std::find_if(items.begin(), items.end(), [&](const ReturnItem &i) { return i.sku == line->sku; });
        if (same != items.end())
            same->quantity += quantity;
        else
            items.push_back({ line->sku, quantity, stringAt(entry, "reason") });
    }

    const std::vector<ReturnRequest> existing = env.backend.returnsForOrder(order->id);
    for (const ReturnItem &item : items) {
        const int ordered = orderedQuantity(*order, item.sku);
        const int returned = returnedQuantity(existing, item.sku);
        const int returnable = std::max(0, ordered - returned);
        if (item.quantity <= returnable)
            continue;
        const QString name = lineFor(*order, item.sku)->name;
        QString message;
        if (hi && returnable == 0)
            message = QStringLiteral("Is order ka %1 pehle hi return ho chuka hai ya wapas aa raha hai.")
                              .arg(itemPhrase(name, ordered, say.language()));
        else if (hi)
            message = QStringLiteral("Aapne %1 mangwaye the aur %2 pehle se return mein hain, isliye aap zyada se zyada %3 "
                                     "return kar sakte hain.")
                              .arg(itemPhrase(name, ordered, say.language())).arg(returned).arg(returnable);
        else if (returnable == 0)
            message = ordered == 1 ? QStringLiteral("The %1 from this order is already returned or on its way back.").arg(name)
                                   : QStringLiteral("All %1 from this order are already returned or on their way back.")
                                             .arg(itemPhrase(name, ordered, say.language()));
        else
            message = QStringLiteral("You ordered %1 and %2 already being returned, so you can return up to %3.")
                              .arg(itemPhrase(name, ordered, say.language()),
                                   returned == 1 ? QStringLiteral("1 is") : QStringLiteral("%1 are").arg(returned))
                              .arg(returnable);
        json result = refusal("quantity_exceeds_returnable", message);
        result.update({ { "sku", item.sku }, { "ordered", ordered }, { "already_returned", returned }, { "returnable", returnable } });
        return result;
    }

    const bool paidCash = order->paymentMethod.compare(QLatin1String("cod"), Qt::CaseInsensitive) == 0;
    QString method = env.arg("refund_method");
    if (method.isEmpty())
        method = QStringLiteral("original_payment");
    // Cash cannot go back the way it came: a COD refund to the original payment is a bank transfer.
    if (paidCash && method == QLatin1String("original_payment"))
        method = QStringLiteral("bank_transfer");

    ReturnRequest request;
    request.orderId = order->id;
    request.status = QStringLiteral("requested");
    request.createdAt = env.now;
    request.refundMethod = method;
    request.pickupAddress = order->deliveryAddress;
    request.items = items;
    request.id = env.backend.createReturn(request);
    const QueuedWrites queued = takeQueuedWrites(env);

    const Money refund{ refundMinor(*order, items), order->currency };
    QStringList names;
    for (const ReturnItem &item : items)
        names << itemPhrase(lineFor(*order, item.sku)->name, item.quantity, say.language());
    const QString started = queued.any() ? (hi ? QStringLiteral("Maine dukaan se %1 ka return maang liya hai")
                                               : QStringLiteral("I've requested the return with the shop for %1"))
                                         : (hi ? QStringLiteral("Maine %1 ka return shuru kar diya hai")
                                               : QStringLiteral("I've started the return for %1"));
    const QString message =
            hi ? QStringLiteral("%1. Aapka return ID %2 hai. Saman milne ke baad %3. "
                                "Pickup kab karein? Main agle %4 din mein kisi bhi din pickup rakh sakti hoon.")
                         .arg(started.arg(say.list(names)), spellId(request.id), refundPhrase(method, refund, paidCash, say))
                         .arg(kPickupDaysAhead)
               : QStringLiteral("%1. Your return ID is %2. %3 once we receive it. "
                                "When should we pick it up? I can schedule any day in the next %4 days.")
                         .arg(started.arg(say.list(names)), spellId(request.id), refundPhrase(method, refund, paidCash, say))
                         .arg(kPickupDaysAhead);
    json result = returnIds(request);
    queued.addTo(result);
    result.update({ { "success", true },
                    { "status", request.status },
                    { "refund_method", method },
                    { "refund_amount", decimalAmount(refund) },
                    { "currency", order->currency },
                    { "items", returnItemsJson(&*order, items) },
                    { "last_eligible_date", lastDay.toString(Qt::ISODate) },
                    { "next_step", "schedule_pickup" },
                    { "message", message } });
    return result;
}

json schedulePickup(HandlerEnv &env)
{
    const auto ret = findReturn(env.backend, env.arg("return_id"));
    if (!ret)
        return returnNotFoundReply(env, env.arg("return_id"));
    const auto order = env.backend.orderById(ret->orderId);
    const Speaker say = env.speakerFor(order ? order->customerId : QString());
    const bool hi = say.hindi();
    const QString id = spellId(ret->id);

    if (ret->status != QLatin1String("requested") && ret->status != QLatin1String("pickup_scheduled")) {
        const bool closed = ret->status == QLatin1String("rejected") || ret->status == QLatin1String("cancelled");
        json result = refusal("not_schedulable",
                              hi ? (closed ? QStringLiteral("Return %1 %2 ho chuka hai, isliye pickup ke liye kuch nahi hai.")
                                                     .arg(id, statusWords(ret->status))
                                           : QStringLiteral("Return %1 ka pickup pehle hi ho chuka hai.").arg(id))
                                 : closed ? QStringLiteral("Return %1 was %2, so there is nothing to pick up.").arg(id, statusWords(ret->status))
                                          : QStringLiteral("Return %1 has already been picked up.").arg(id));
        result["status"] = ret->status;
        return result;
    }

    QDate date;
    parseIsoDate(env.arg("pickup_date"), &date);
    switch (fitDate(date, say.today(), kPickupDaysAhead)) {
    case DateFit::Past:
        return pastDateError("pickup_date", date, say.today());
    case DateFit::TooFar: {
        const QDate latest = say.today().addDays(kPickupDaysAhead);
        json result = refusal("date_too_far",
                              hi ? QStringLiteral("Pickup zyada se zyada %1 din aage rakha ja sakta hai, yaani %2 tak. "
                                                  "Us se pehle kaunsa din theek rahega?")
                                           .arg(kPickupDaysAhead).arg(say.date(latest))
                                 : QStringLiteral("I can book a pickup up to %1 days ahead, so the latest date is %2. "
                                                  "Which day before that works for you?")
                                           .arg(kPickupDaysAhead).arg(say.date(latest)));
        result["latest_date"] = latest.toString(Qt::ISODate);
        return result;
    }
    case DateFit::Ok:
        break;
    }

    const QString given = env.arg("address");
    QString address = given;
    if (address.isEmpty())
        address = !ret->pickupAddress.isEmpty() ? ret->pickupAddress : (order ? order->deliveryAddress : QString());
    const QString slot = env.arg("time_slot");
    env.backend.schedulePickup(ret->id, date, slot, address, env.now);
    const QueuedWrites queued = takeQueuedWrites(env);

    const QString slotWords = slot.isEmpty() ? QString() : QLatin1Char(' ') + say.slot(slot);
    const QString where = hi ? (given.isEmpty() ? QStringLiteral("aapke delivery address") : QStringLiteral("aapke diye hue address"))
                             : given.isEmpty() ? QStringLiteral("your delivery address") : QStringLiteral("the address you gave");
    json result = returnIds(*ret);
    queued.addTo(result);
    result.update({ { "success", true },
                    { "rescheduled", ret->status == QLatin1String("pickup_scheduled") },
                    { "pickup_date", date.toString(Qt::ISODate) },
                    { "time_slot", slot.isEmpty() ? json(nullptr) : json(slot) },
                    { "address", address },
                    { "message", queued.any()
                                         ? (hi ? QStringLiteral("Maine dukaan se return %1 ka pickup %2%3 ko %4 se karne ko kaha hai; woh courier se "
                                                                "confirm karenge. Kripya saman pack karke taiyaar rakhiye.").arg(id, say.day(date), slotWords, where)
                                               : QStringLiteral("I've asked the shop to pick up return %1 on %2%3, from %4; they'll confirm with the courier. "
                                                                "Please keep the item packed and ready.").arg(id, say.day(date), slotWords, where))
                                         : (hi ? QStringLiteral("Return %1 ka pickup %2%3 ko %4 se book ho gaya hai. Kripya saman pack "
                                                                "karke taiyaar rakhiye.").arg(id, say.day(date), slotWords, where)
                                               : QStringLiteral("Your pickup for return %1 is booked for %2%3, from %4. Please keep the item "
                                                                "packed and ready.").arg(id, say.day(date), slotWords, where)) } });
    return result;
}

json checkReturnStatus(HandlerEnv &env)
{
    std::optional<ReturnRequest> ret;
    const QString returnId = env.arg("return_id");
    const QString orderId = env.arg("order_id");
    if (!returnId.isEmpty())
        ret = findReturn(env.backend, returnId);
    if (!ret && !orderId.isEmpty()) {
        const auto order = findOrder(env.backend, orderId);
        if (!order && returnId.isEmpty())
            return orderNotFoundReply(env, orderId);
        if (order) {
            const std::vector<ReturnRequest> all = env.backend.returnsForOrder(order->id);
            const auto newest = std::max_element(all.begin(), all.end(), [](const ReturnRequest &a, const ReturnRequest &b) {
                return a.createdAt < b.createdAt;
            });
            if (newest != all.end())
                ret = *newest;
            else if (returnId.isEmpty())
                return notFound(env.hindi() ? QStringLiteral("Order %1 ka abhi koi return nahi hai. Kya aap return shuru karna chahenge?")
                                                      .arg(spellId(order->id))
                                            : QStringLiteral("There's no return for order %1 yet. Would you like to start one?")
                                                      .arg(spellId(order->id)));
        }
    }
    if (!ret)
        return returnNotFoundReply(env, returnId);

    const auto order = env.backend.orderById(ret->orderId);
    const Speaker say = env.speakerFor(order ? order->customerId : QString());
    const QString id = spellId(ret->id);
    const Money refund{ order ? refundMinor(*order, ret->items) : 0, order ? order->currency : QString() };
    const bool paidCash = order && order->paymentMethod.compare(QLatin1String("cod"), Qt::CaseInsensitive) == 0;
    const QString s = ret->status;
    const QString message = say.hindi() ? returnStatusHindi(*ret, id, refund, paidCash, say)
                                         : returnStatusEnglish(*ret, id, refund, paidCash, say);

    json result = returnIds(*ret);
    result.update({ { "found", true },
                    { "status", s },
                    { "refund_method", ret->refundMethod },
                    { "refund_amount", order ? json(decimalAmount(refund)) : json(nullptr) },
                    { "currency", order ? json(order->currency) : json(nullptr) },
                    { "pickup_date", ret->pickupDate.isValid() ? json(ret->pickupDate.toString(Qt::ISODate)) : json(nullptr) },
                    { "time_slot", ret->timeSlot.isEmpty() ? json(nullptr) : json(ret->timeSlot) },
                    { "items", returnItemsJson(order ? &*order : nullptr, ret->items) },
                    { "created_at", say.iso(ret->createdAt) },
                    { "message", message } });
    return result;
}

} // namespace ringside
