#include "engine/variableresolver.h"

#include "agent/template.h"
#include "commerce/commercebackend.h"
#include "engine/subjectphrases.h"
#include "tools/handlersupport.h"
#include "tools/speaker.h"
#include "tools/speechformat.h"

namespace ringside {

namespace {

QString firstName(const QString &name)
{
    return name.trimmed().section(QLatin1Char(' '), 0, 0);
}

bool needsOrder(UseCase u) { return u == UseCase::DeliveryUpdate || u == UseCase::CodConfirmation; }

// A customer's order an outbound call is most likely about: for COD confirmation the newest COD
// order still awaiting confirmation, otherwise the newest order.
std::optional<Order> likelyOrder(CommerceBackend &store, const Customer &customer, UseCase useCase)
{
    const std::vector<Order> orders = store.ordersByPhone(customer.phone);
    if (useCase == UseCase::CodConfirmation) {
        for (const Order &o : orders) {
            if (o.customerId == customer.id && o.paymentMethod == QLatin1String("cod")
                && (o.codConfirmation.isEmpty() || o.codConfirmation == QLatin1String("pending")))
                return o;
        }
    }
    for (const Order &o : orders) {
        if (o.customerId == customer.id)
            return o;
    }
    return std::nullopt;
}

qint64 freeShippingThreshold(CommerceBackend &store, const QString &currency)
{
    bool ok = false;
    qint64 v = store.setting(QStringLiteral("freeShippingThreshold.") + currency).toLongLong(&ok);
    if (!ok && currency == store.setting(QStringLiteral("currency")))
        v = store.setting(QStringLiteral("freeShippingThreshold")).toLongLong(&ok);
    return ok ? v : -1;
}

} // namespace

QHash<QString, QString> storeVariables(CommerceBackend &store)
{
    QHash<QString, QString> v;
    for (const char *key : { "storeName", "orderIdFormat", "processingTime", "currency", "timezone", "returnWindowDays",
                             "supportHours", "storeDomain" }) {
        const QString value = store.setting(QLatin1String(key));
        if (!value.isEmpty())
            v.insert(QLatin1String(key), value);
    }
    return v;
}

Result<ResolvedCall> VariableResolver::resolve(const Agent &agent, const CallSubject &subject) const
{
    using R = Result<ResolvedCall>;
    const auto idOf = [&](const QString &given, const char *var) {
        return given.trimmed().isEmpty() ? subject.overrides.value(QLatin1String(var)).trimmed() : given.trimmed();
    };
    const QString customerKey = idOf(subject.customerId, "customerId");
    const QString orderKey = idOf(subject.orderId, "orderId");
    const QString cartKey = idOf(subject.cartId, "cartId");

    ResolvedCall out;
    std::optional<Customer> customer;
    std::optional<Order> order;
    std::optional<Cart> cart;
    if (!orderKey.isEmpty()) {
        order = findOrder(m_store, orderKey);
        if (!order)
            return R::failure(QStringLiteral("--order: no order \"%1\" in the store").arg(orderKey));
    }
    if (!cartKey.isEmpty()) {
        cart = findCart(m_store, cartKey);
        if (!cart)
            return R::failure(QStringLiteral("--cart: no cart \"%1\" in the store").arg(cartKey));
    }
    if (!customerKey.isEmpty()) {
        customer = m_store.customerById(customerKey.toUpper());
        if (!customer)
            return R::failure(QStringLiteral("--customer: no customer \"%1\" in the store").arg(customerKey));
    }
    if (!customer && order)
        customer = m_store.customerById(order->customerId);
    if (!customer && cart)
        customer = m_store.customerById(cart->customerId);
    if (!customer && !subject.callerPhone.isEmpty()) {
        customer = m_store.customerByPhone(subject.callerPhone);
        if (!customer)
            out.notices << QStringLiteral("caller %1 is not a known customer").arg(subject.callerPhone);
    }
    if (customer && order && order->customerId != customer->id)
        return R::failure(QStringLiteral("--order: order %1 belongs to customer %2, not %3").arg(order->id, order->customerId, customer->id));
    if (customer && cart && cart->customerId != customer->id)
        return R::failure(QStringLiteral("--cart: cart %1 belongs to customer %2, not %3").arg(cart->id, cart->customerId, customer->id));

    const bool outbound = agent.type == AgentType::Outbound;
    if (outbound && customer && !order && needsOrder(agent.useCase))
        order = likelyOrder(m_store, *customer, agent.useCase);
    if (outbound && customer && !cart && agent.useCase == UseCase::CartRecovery)
        cart = m_store.abandonedCartForCustomer(customer->id);

    QHash<QString, QString> &v = out.variables;
    v = storeVariables(m_store);
    const QString processingTime = v.value(QStringLiteral("processingTime"));
    const QTimeZone zone = zoneOrUtc(customer ? customer->timezone : v.value(QStringLiteral("timezone")));
    const Speaker say(agent.language, zone, m_now);
    if (customer) {
        out.customerId = customer->id;
        v.insert(QStringLiteral("customerId"), customer->id);
        v.insert(QStringLiteral("customerName"), firstName(customer->name));
        v.insert(QStringLiteral("customerFullName"), customer->name);
        v.insert(QStringLiteral("customerPhone"), customer->phone);
        v.insert(QStringLiteral("timezone"), customer->timezone);
    }
    // The cart's product names lead on a cart call; otherwise the order's.
    if (cart) {
        out.cartId = cart->id;
        v.insert(subject::cartVariables(*cart, say, freeShippingThreshold(m_store, cart->currency)));
        v.insert(QStringLiteral("currency"), cart->currency);
    }
    if (order) {
        out.orderId = order->id;
        QHash<QString, QString> ov = subject::orderVariables(*order, say, processingTime);
        if (cart && agent.useCase == UseCase::CartRecovery)
            ov.remove(QStringLiteral("productName"));
        v.insert(ov);
        v.insert(QStringLiteral("currency"), order->currency);
    }
    if (!subject.callerPhone.isEmpty())
        v.insert(QStringLiteral("callerPhone"), subject.callerPhone);
    for (auto it = subject.overrides.cbegin(); it != subject.overrides.cend(); ++it)
        v.insert(it.key(), it.value());

    if (outbound) {
        const bool missingOrder = needsOrder(agent.useCase) && !order;
        const bool missingCart = agent.useCase == UseCase::CartRecovery && !cart;
        const RenderResult greeting = renderTemplate(agent.greetingMessage, v);
        if ((missingOrder || missingCart) && !greeting.complete()) {
            return R::failure(missingCart
                    ? QStringLiteral("%1 calls about a cart: give --cart ID, or --customer ID with an abandoned cart "
                                     "(the greeting needs %2)").arg(agent.name, greeting.missing.join(QStringLiteral(", ")))
                    : QStringLiteral("%1 calls about an order: give --order ID, or --customer ID with an order "
                                     "(the greeting needs %2)").arg(agent.name, greeting.missing.join(QStringLiteral(", "))));
        }
    }
    return R(std::move(out));
}

} // namespace ringside
