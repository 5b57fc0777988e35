#include "handlersupport.h"

#include "toolerror.h"

#include <QRegularExpression>

namespace ringside {

namespace {

// Letters and digits only, upper-cased: what is left of an ID once speech and typing noise go.
QString squeeze(const QString &spoken)
{
    QString out;
    for (const QChar c : spoken) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out.append(c.toUpper());
    }
    return out;
}

void addUnique(QStringList &list, const QString &s)
{
    if (!s.isEmpty() && !list.contains(s))
        list << s;
}

} // namespace

namespace {

// The customer's zone; without a customer record, the store's own zone, else UTC.
QTimeZone customerZone(CommerceBackend &backend, const QString &customerId)
{
    if (!customerId.isEmpty()) {
        if (const auto customer = backend.customerById(customerId))
            return zoneOrUtc(customer->timezone);
    }
    return zoneOrUtc(backend.setting(QStringLiteral("timezone"), QString()));
}

} // namespace

Speaker HandlerEnv::speakerFor(const QString &customerId) const
{
    return Speaker(context.language, customerZone(backend, customerId), now);
}

json notFound(const QString &message)
{
    return { { "found", false }, { "message", message } };
}

json orderNotFoundReply(const HandlerEnv &env, const QString &spokenId)
{
    return notFound(env.hindi() ? QStringLiteral("Order %1 nahi mila. Kripya order number dobara bataiye.").arg(spellId(spokenId))
                                : QStringLiteral("I couldn't find an order with the ID %1. Could you check the number?")
                                          .arg(spellId(spokenId)));
}

json returnNotFoundReply(const HandlerEnv &env, const QString &spokenId)
{
    return notFound(env.hindi() ? QStringLiteral("Return %1 nahi mila. Kripya return ID dobara bataiye.").arg(spellId(spokenId))
                                : QStringLiteral("I couldn't find a return with the ID %1. Could you check it?").arg(spellId(spokenId)));
}

json refusal(const char *reason, const QString &message)
{
    return { { "success", false }, { "reason", reason }, { "message", message } };
}

json argumentError(const char *code, const QString &field, const QString &message)
{
    return ToolError{ QLatin1String(code), message, field }.toJson();
}

QStringList orderIdCandidates(const QString &spoken)
{
    // Words callers put before the number ("order number 482913") are not part of the ID.
    static const QRegularExpression shape(QStringLiteral("^(ORD|ORDER|ORDERNO|ORDERNUMBER|ORDNO|NO|NUMBER)?(\\d+)$"));
    QStringList out;
    addUnique(out, spoken.trimmed());
    const QString s = squeeze(spoken);
    const auto m = shape.match(s);
    if (m.hasMatch())
        addUnique(out, QStringLiteral("ORD-") + m.captured(2));
    for (const QString &c : idCandidates(spoken))
        addUnique(out, c);
    return out;
}

QStringList idCandidates(const QString &spoken)
{
    static const QRegularExpression prefixed(QStringLiteral("^([A-Z]+)(\\d+)$"));
    QStringList out;
    addUnique(out, spoken.trimmed());
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QString upper = spoken.trimmed().toUpper();
    upper.remove(spaces);
    addUnique(out, upper);
    const auto m = prefixed.match(squeeze(spoken));
    if (m.hasMatch())
        addUnique(out, m.captured(1) + QLatin1Char('-') + m.captured(2));
    return out;
}

std::optional<Order> findOrder(CommerceBackend &backend, const QString &spoken)
{
    for (const QString &id : orderIdCandidates(spoken)) {
        if (auto order = backend.orderById(id))
            return order;
    }
    return std::nullopt;
}

std::optional<ReturnRequest> findReturn(CommerceBackend &backend, const QString &spoken)
{
    for (const QString &id : idCandidates(spoken)) {
        if (auto r = backend.returnById(id))
            return r;
    }
    return std::nullopt;
}

std::optional<Cart> findCart(CommerceBackend &backend, const QString &spoken)
{
    for (const QString &id : idCandidates(spoken)) {
        if (auto cart = backend.cartById(id))
            return cart;
    }
    return std::nullopt;
}

json itemsJson(const std::vector<LineItem> &items, const QString &currency)
{
    json out = json::array();
    for (const LineItem &item : items) {
        out.push_back({ { "sku", item.sku },
                        { "name", item.name },
                        { "quantity", item.quantity },
                        { "price", decimalAmount({ item.priceMinor, currency }) },
                        { "category", item.category } });
    }
    return out;
}

QStringList itemPhrases(const std::vector<LineItem> &items, const QString &language)
{
    QStringList out;
    for (const LineItem &item : items)
        out << itemPhrase(item.name, item.quantity, language);
    return out;
}

QStringList itemNames(const std::vector<LineItem> &items, const QString &language)
{
    QStringList out;
    for (const LineItem &item : items)
        out << (item.quantity > 1 ? itemPhrase(item.name, item.quantity, language) : item.name);
    return out;
}

DateFit fitDate(const QDate &date, const QDate &today, int maxDaysAhead)
{
    const qint64 ahead = today.daysTo(date);
    if (ahead < 0)
        return DateFit::Past;
    return ahead > maxDaysAhead ? DateFit::TooFar : DateFit::Ok;
}

json pastDateError(const char *field, const QDate &date, const QDate &today)
{
    return argumentError("invalid_value", QLatin1String(field),
                         QStringLiteral("%1: %2 is in the past (today is %3 in the customer's timezone)")
                                 .arg(QLatin1String(field), date.toString(Qt::ISODate), today.toString(Qt::ISODate)));
}

} // namespace ringside
