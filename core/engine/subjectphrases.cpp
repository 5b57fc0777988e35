#include "engine/subjectphrases.h"

#include "tools/orderstatus.h"
#include "tools/speechformat.h"

namespace ringside::subject {

namespace {

QDate expectedDate(const Order &order, const Speaker &say)
{
    return order.deliveryDate.isValid() ? order.deliveryDate : say.localDate(order.estimatedDelivery);
}

QString englishUpdate(const Order &order, const Speaker &say, const QString &processingTime)
{
    const QString status = order.status;
    const QDate expected = expectedDate(order, say);
    if (status == QLatin1String("processing"))
        return QStringLiteral("It is being packed and should ship within %1").arg(processingTime);
    if (status == QLatin1String("shipped")) {
        QString s = QStringLiteral("It shipped");
        if (order.shippedAt.isValid())
            s += QLatin1Char(' ') + onDay(say, say.localDate(order.shippedAt));
        if (!order.carrier.isEmpty())
            s += QStringLiteral(" via ") + carrierDisplayName(order.carrier);
        if (expected.isValid())
            s += QStringLiteral(" and should arrive by ") + say.day(expected);
        return s;
    }
    if (status == QLatin1String("out_for_delivery")) {
        if (!order.deliverySlot.isEmpty())
            return QStringLiteral("It is out for delivery and should reach you in the %1").arg(say.slot(order.deliverySlot));
        if (order.estimatedDelivery.isValid())
            return QStringLiteral("It is out for delivery and should reach you by %1").arg(say.time(order.estimatedDelivery));
        return QStringLiteral("It is out for delivery and should reach you today");
    }
    if (status == QLatin1String("delivered")) {
        QString s = QStringLiteral("It was delivered");
        if (order.deliveredAt.isValid())
            s += QLatin1Char(' ') + onDay(say, say.localDate(order.deliveredAt)) + QStringLiteral(" at ") + say.time(order.deliveredAt);
        return s;
    }
    if (status == QLatin1String("delayed")) {
        QString s = QStringLiteral("It has been delayed");
        if (!order.delayReason.isEmpty())
            s += QStringLiteral(" because of ") + order.delayReason.left(1).toLower() + order.delayReason.mid(1);
        if (expected.isValid())
            s += QStringLiteral(", and the new expected delivery is ") + say.day(expected);
        return s;
    }
    if (status == QLatin1String("cancelled"))
        return QStringLiteral("It has been cancelled");
    return QStringLiteral("It is %1").arg(statusWords(status));
}

QString hindiUpdate(const Order &order, const Speaker &say, const QString &processingTime)
{
    const QString status = order.status;
    const QDate expected = expectedDate(order, say);
    if (status == QLatin1String("processing"))
        return QStringLiteral("Yeh pack ho raha hai aur %1 mein ship ho jayega").arg(processingTime);
    if (status == QLatin1String("shipped")) {
        QString s = QStringLiteral("Yeh");
        if (order.shippedAt.isValid())
            s += QLatin1Char(' ') + onDay(say, say.localDate(order.shippedAt));
        if (!order.carrier.isEmpty())
            s += QLatin1Char(' ') + carrierDisplayName(order.carrier) + QStringLiteral(" se");
        s += QStringLiteral(" ship ho gaya hai");
        if (expected.isValid())
            s += QStringLiteral(" aur %1 tak pahunch jayega").arg(say.day(expected));
        return s;
    }
    if (status == QLatin1String("out_for_delivery"))
        return QStringLiteral("Yeh aaj delivery ke liye nikal chuka hai");
    if (status == QLatin1String("delivered")) {
        QString s = QStringLiteral("Yeh");
        if (order.deliveredAt.isValid())
            s += QLatin1Char(' ') + onDay(say, say.localDate(order.deliveredAt));
        return s + QStringLiteral(" deliver ho gaya tha");
    }
    if (status == QLatin1String("delayed")) {
        QString s = QStringLiteral("Ismein deri ho gayi hai");
        if (expected.isValid())
            s += QStringLiteral(", nayi delivery %1 tak hogi").arg(say.day(expected));
        return s;
    }
    if (status == QLatin1String("cancelled"))
        return QStringLiteral("Yeh cancel ho chuka hai");
    return QStringLiteral("Iska status hai %1").arg(statusWords(status));
}

} // namespace

QString productName(const std::vector<LineItem> &items, const QString &language)
{
    if (items.empty())
        return {};
    const bool hi = isHindi(language);
    const QString first = items.front().name;
    if (items.size() == 1)
        return first;
    if (items.size() == 2)
        return first + (hi ? QStringLiteral(" aur ") : QStringLiteral(" and ")) + items.at(1).name;
    const qsizetype more = qsizetype(items.size()) - 1;
    return hi ? QStringLiteral("%1 aur %2 aur items").arg(first).arg(more)
              : QStringLiteral("%1 and %2 more items").arg(first).arg(more);
}

QString deliveryUpdate(const Order &order, const Speaker &say, const QString &processingTime)
{
    return say.hindi() ? hindiUpdate(order, say, processingTime) : englishUpdate(order, say, processingTime);
}

QHash<QString, QString> orderVariables(const Order &order, const Speaker &say, const QString &processingTime)
{
    QHash<QString, QString> v;
    v.insert(QStringLiteral("orderId"), order.id);
    v.insert(QStringLiteral("orderIdSpoken"), spellId(order.id));
    v.insert(QStringLiteral("productName"), productName(order.items, say.language()));
    v.insert(QStringLiteral("orderTotal"), say.money(order.total()));
    const QDate expected = expectedDate(order, say);
    if (expected.isValid())
        v.insert(QStringLiteral("deliveryDate"), say.date(expected));
    v.insert(QStringLiteral("deliveryAddress"), order.deliveryAddress);
    v.insert(QStringLiteral("deliveryUpdate"), deliveryUpdate(order, say, processingTime));
    v.insert(QStringLiteral("orderStatus"), order.status);
    v.insert(QStringLiteral("carrier"), order.carrier.isEmpty() ? QString() : carrierDisplayName(order.carrier));
    v.insert(QStringLiteral("trackingNumber"), order.trackingNumber);
    v.insert(QStringLiteral("paymentMethod"), order.paymentMethod);
    return v;
}

QHash<QString, QString> cartVariables(const Cart &cart, const Speaker &say, qint64 thresholdMinor)
{
    QHash<QString, QString> v;
    v.insert(QStringLiteral("cartId"), cart.id);
    v.insert(QStringLiteral("productName"), productName(cart.items, say.language()));
    v.insert(QStringLiteral("cartTotal"), say.money(cart.total()));
    int count = 0;
    for (const LineItem &item : cart.items)
        count += item.quantity;
    v.insert(QStringLiteral("cartItemCount"), QString::number(count));
    if (thresholdMinor >= 0) {
        v.insert(QStringLiteral("freeShippingThreshold"), say.money(Money{ thresholdMinor, cart.currency }));
        const qint64 shortBy = thresholdMinor - cart.totalMinor;
        if (shortBy > 0) {
            const QString amount = say.money(Money{ shortBy, cart.currency });
            v.insert(QStringLiteral("amountToFreeShipping"), amount);
            // No product catalogue behind the store interface: suggest by value, not by name.
            v.insert(QStringLiteral("suggestedItem"), say.hindi() ? QStringLiteral("%1 ya usse zyada ka koi item").arg(amount)
                                                                  : QStringLiteral("something worth %1 or more").arg(amount));
        }
    }
    return v;
}

} // namespace ringside::subject
