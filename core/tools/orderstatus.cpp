#include "orderstatus.h"

#include "handlersupport.h"

namespace ringside {

namespace {

bool isClosed(const QString &status)
{
    return status == QLatin1String("delivered") || status == QLatin1String("cancelled")
            || status == QLatin1String("returned");
}

// The day the customer should expect the parcel: their rescheduled date wins over the estimate.
QDate expectedDate(const Order &order, const Speaker &say)
{
    return order.deliveryDate.isValid() ? order.deliveryDate : say.localDate(order.estimatedDelivery);
}

json isoOrNull(const Speaker &say, const QDateTime &t)
{
    return t.isValid() ? json(say.iso(t)) : json(nullptr);
}

// Store text such as a delay reason ("heavy rain in Mumbai", "Fog held the trucks.") as one
// sentence of its own: capitalised, ending in a full stop.
QString asSentence(const QString &text)
{
    QString s = text.trimmed();
    if (s.isEmpty())
        return s;
    s[0] = s.at(0).toUpper();
    if (!s.endsWith(QLatin1Char('.')) && !s.endsWith(QLatin1Char('!')) && !s.endsWith(QLatin1Char('?')))
        s += QLatin1Char('.');
    return s;
}

json textOrNull(const QString &s)
{
    return s.isEmpty() ? json(nullptr) : json(s);
}

// "Expected delivery is tomorrow, …" / rescheduled / running late, or empty when unknown.
QString expectationSentence(const Order &order, const Speaker &say)
{
    const bool hi = say.hindi();
    const QDate expected = expectedDate(order, say);
    if (!expected.isValid())
        return hi ? QStringLiteral("Delivery ki nayi tarikh abhi tay nahi hui hai.")
                  : QStringLiteral("I don't have a delivery date for it yet.");
    const int late = daysPastEstimate(order, say);
    if (late > 0) {
        return hi ? QStringLiteral("Yeh %1 tak aana tha, %2 din ki deri ho gayi hai.").arg(say.date(expected)).arg(late)
                  : QStringLiteral("It was expected on %1 and is running %2 %3 late.")
                            .arg(say.date(expected)).arg(late).arg(late == 1 ? QStringLiteral("day") : QStringLiteral("days"));
    }
    if (order.deliveryDate.isValid()) {
        const QString slot = say.slot(order.deliverySlot);
        return hi ? QStringLiteral("Delivery ab %1%2 ke liye tay hai.")
                            .arg(say.day(expected), slot.isEmpty() ? QString() : QLatin1Char(' ') + slot)
                  : QStringLiteral("Delivery is rescheduled for %1%2.")
                            .arg(say.day(expected), slot.isEmpty() ? QString() : QLatin1Char(' ') + slot);
    }
    if (order.status == QLatin1String("delayed"))
        return hi ? QStringLiteral("Nayi delivery date %1 hai.").arg(say.day(expected))
                  : QStringLiteral("The new expected delivery is %1.").arg(say.day(expected));
    return hi ? QStringLiteral("Delivery %1 tak ho jayegi.").arg(say.day(expected))
              : QStringLiteral("Expected delivery is %1.").arg(say.day(expected));
}

QString englishMessage(const Order &order, const Speaker &say, const OrderDescriptionOptions &options)
{
    const QString id = spellId(order.id);
    const QString status = order.status;
    if (status == QLatin1String("processing"))
        return QStringLiteral("Your order %1 is being prepared by our warehouse team. It should ship within %2.")
                .arg(id, options.processingTime);
    if (status == QLatin1String("shipped")) {
        QString s = QStringLiteral("Your order %1 shipped").arg(id);
        if (order.shippedAt.isValid())
            s += QLatin1Char(' ') + onDay(say, say.localDate(order.shippedAt));
        if (!order.carrier.isEmpty())
            s += QStringLiteral(" via ") + carrierDisplayName(order.carrier);
        s += QLatin1Char('.');
        if (!order.trackingNumber.isEmpty())
            s += QStringLiteral(" Your tracking number is %1.").arg(spellId(order.trackingNumber));
        return s + QLatin1Char(' ') + expectationSentence(order, say);
    }
    if (status == QLatin1String("out_for_delivery")) {
        const QString when = order.deliverySlot.isEmpty() ? QStringLiteral("by this evening") : say.slot(order.deliverySlot);
        return QStringLiteral("Your order %1 is out for delivery today and should arrive %2.").arg(id, when);
    }
    if (status == QLatin1String("delivered")) {
        QString s = QStringLiteral("Your order %1 was delivered").arg(id);
        if (order.deliveredAt.isValid())
            s += QStringLiteral(" %1 at %2").arg(onDay(say, say.localDate(order.deliveredAt)), say.time(order.deliveredAt));
        return s + QStringLiteral(". If you haven't received it, please check with your neighbours or building security.");
    }
    if (status == QLatin1String("delayed")) {
        QString s = QStringLiteral("I'm sorry, your order %1 has been delayed. ").arg(id);
        if (!order.delayReason.isEmpty())
            s += asSentence(order.delayReason) + QLatin1Char(' ');
        return s + expectationSentence(order, say);
    }
    if (status == QLatin1String("cancelled"))
        return QStringLiteral("Your order %1 has been cancelled.").arg(id);
    if (status == QLatin1String("returned"))
        return QStringLiteral("Your order %1 has been returned to us.").arg(id);
    if (status == QLatin1String("on_hold"))
        return QStringLiteral("Your order %1 is on hold while our team checks a detail. I can connect you with them if you like.").arg(id);
    if (status == QLatin1String("pending_payment"))
        return QStringLiteral("Your order %1 is waiting for payment and will be processed as soon as the payment goes through.").arg(id);
    return QStringLiteral("Your order %1 is %2.").arg(id, statusWords(status));
}

QString hindiMessage(const Order &order, const Speaker &say, const OrderDescriptionOptions &options)
{
    const QString id = spellId(order.id);
    const QString status = order.status;
    if (status == QLatin1String("processing"))
        return QStringLiteral("Aapka order %1 abhi taiyaar ho raha hai. Yeh %2 mein ship ho jayega.").arg(id, options.processingTime);
    if (status == QLatin1String("shipped")) {
        QString s = QStringLiteral("Aapka order %1").arg(id);
        if (order.shippedAt.isValid())
            s += QLatin1Char(' ') + onDay(say, say.localDate(order.shippedAt));
        if (!order.carrier.isEmpty())
            s += QLatin1Char(' ') + carrierDisplayName(order.carrier) + QStringLiteral(" se");
        s += QStringLiteral(" ship ho gaya hai.");
        if (!order.trackingNumber.isEmpty())
            s += QStringLiteral(" Tracking number hai %1.").arg(spellId(order.trackingNumber));
        return s + QLatin1Char(' ') + expectationSentence(order, say);
    }
    if (status == QLatin1String("out_for_delivery")) {
        const QString when = order.deliverySlot.isEmpty() ? QStringLiteral("shaam") : say.slot(order.deliverySlot);
        return QStringLiteral("Aapka order %1 aaj delivery ke liye nikal chuka hai aur %2 tak pahunch jayega.").arg(id, when);
    }
    if (status == QLatin1String("delivered")) {
        QString s = QStringLiteral("Aapka order %1").arg(id);
        if (order.deliveredAt.isValid())
            s += QStringLiteral(" %1 %2").arg(onDay(say, say.localDate(order.deliveredAt)), say.time(order.deliveredAt));
        return s + QStringLiteral(" deliver ho gaya tha. Agar aapko nahi mila, to kripya padosiyon ya building security se pooch lijiye.");
    }
    if (status == QLatin1String("delayed")) {
        QString s = QStringLiteral("Maaf kijiye, aapke order %1 mein deri ho gayi hai. ").arg(id);
        if (!order.delayReason.isEmpty())
            s += QStringLiteral("Wajah: ") + asSentence(order.delayReason) + QLatin1Char(' ');
        return s + expectationSentence(order, say);
    }
    if (status == QLatin1String("cancelled"))
        return QStringLiteral("Aapka order %1 cancel ho chuka hai.").arg(id);
    if (status == QLatin1String("returned"))
        return QStringLiteral("Aapka order %1 return ho chuka hai.").arg(id);
    if (status == QLatin1String("on_hold"))
        return QStringLiteral("Aapka order %1 abhi hold par hai, hamari team ek detail check kar rahi hai.").arg(id);
    if (status == QLatin1String("pending_payment"))
        return QStringLiteral("Aapke order %1 ka payment abhi baaki hai. Payment hote hi order process ho jayega.").arg(id);
    return QStringLiteral("Aapka order %1 abhi %2 hai.").arg(id, statusWords(status));
}

} // namespace

QString onDay(const Speaker &say, const QDate &date)
{
    const QString day = say.day(date);
    const qint64 delta = say.today().daysTo(date);
    const bool relative = delta == 0 || delta == -1;
    if (say.hindi())
        return relative ? day : day + QStringLiteral(" ko");
    return relative ? day : QStringLiteral("on ") + day;
}

int daysPastEstimate(const Order &order, const Speaker &say)
{
    if (isClosed(order.status))
        return 0;
    const QDate expected = expectedDate(order, say);
    if (!expected.isValid())
        return 0;
    const qint64 late = expected.daysTo(say.today());
    return late > 0 ? int(late) : 0;
}

json describeOrder(const Order &order, const Speaker &say, const OrderDescriptionOptions &options)
{
    const int late = daysPastEstimate(order, say);
    const bool escalate = late > options.escalateAfterDays;
    QString message = say.hindi() ? hindiMessage(order, say, options) : englishMessage(order, say, options);
    if (escalate) {
        message += say.hindi()
                ? QStringLiteral(" Ek hafte se zyada deri ho chuki hai, isliye main aapko hamari support team se jod deti hoon.")
                : QStringLiteral(" That is more than a week late, so let me connect you with our support team.");
    }
    json result = {
        { "found", true },
        { "order_id", spellId(order.id) },
        { "order_id_raw", order.id },
        { "status", order.status },
        { "message", message },
        { "payment_method", order.paymentMethod },
        { "cod_confirmation", textOrNull(order.codConfirmation) },
        { "total", decimalAmount(order.total()) },
        { "total_spoken", say.money(order.total()) },
        { "currency", order.currency },
        { "items", itemsJson(order.items, order.currency) },
        { "delivery_address", order.deliveryAddress },
        { "carrier", textOrNull(order.carrier) },
        { "carrier_name", order.carrier.isEmpty() ? json(nullptr) : json(carrierDisplayName(order.carrier)) },
        { "tracking_number", textOrNull(order.trackingNumber) },
        { "tracking_number_spoken", order.trackingNumber.isEmpty() ? json(nullptr) : json(spellId(order.trackingNumber)) },
        { "created_at", isoOrNull(say, order.createdAt) },
        { "shipped_at", isoOrNull(say, order.shippedAt) },
        { "estimated_delivery", isoOrNull(say, order.estimatedDelivery) },
        { "delivered_at", isoOrNull(say, order.deliveredAt) },
        { "delivery_date", order.deliveryDate.isValid() ? json(order.deliveryDate.toString(Qt::ISODate)) : json(nullptr) },
        { "delivery_slot", textOrNull(order.deliverySlot) },
        { "delay_reason", textOrNull(order.delayReason) },
        { "days_past_estimate", late },
        { "requires_escalation", escalate },
    };
    if (escalate)
        result["escalation_reason"] = "delayed_over_7_days";
    // A delivered order says at once whether it can still be returned, so an agent can tell the
    // caller before asking which item and why.
    if (order.status == QLatin1String("delivered") && order.deliveredAt.isValid()) {
        const QDate lastDay = say.localDate(order.deliveredAt).addDays(options.returnWindowDays);
        result["return_window_days"] = options.returnWindowDays;
        result["returnable_until"] = lastDay.toString(Qt::ISODate);
        result["return_window_open"] = say.today() <= lastDay;
    }
    return result;
}

} // namespace ringside
