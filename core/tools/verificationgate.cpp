#include "verificationgate.h"

#include "handlersupport.h"

namespace ringside {

namespace {

// Verified already, or calling from the customer's own number (remembered for the rest of the call).
bool verifiedFor(const ToolContext &context, CommerceBackend &backend, const QString &customerId)
{
    if (customerId.isEmpty())
        return false;
    if (context.verificationState && context.verificationState->isVerified(customerId))
        return true;
    const auto customer = backend.customerById(customerId);
    if (customer && callerIsCustomer(context.callerPhone, *customer)) {
        if (context.verificationState)
            context.verificationState->markVerified(customerId);
        return true;
    }
    return false;
}

std::optional<Order> orderNamedBy(const json &arguments, CommerceBackend &backend)
{
    const QString orderId = stringAt(arguments, "order_id").trimmed();
    if (!orderId.isEmpty())
        return findOrder(backend, orderId);
    const QString returnId = stringAt(arguments, "return_id").trimmed();
    if (!returnId.isEmpty()) {
        if (const auto ret = findReturn(backend, returnId))
            return backend.orderById(ret->orderId);
    }
    return std::nullopt;
}

QString askFor(const QString &method, bool hindi)
{
    if (method == QLatin1String("phone_last4"))
        return hindi ? QStringLiteral("order wale phone number ke aakhri 4 ank") : QStringLiteral("the last 4 digits of the phone number on the order");
    if (method == QLatin1String("email"))
        return hindi ? QStringLiteral("order wala email") : QStringLiteral("the email address on the order");
    return hindi ? QStringLiteral("delivery address ka PIN code") : QStringLiteral("the PIN code of the delivery address");
}

} // namespace

bool changesOrder(const QString &tool)
{
    static const QStringList tools = { QStringLiteral("cancel_order"), QStringLiteral("reschedule_delivery"),
                                       QStringLiteral("confirm_cod_order"), QStringLiteral("initiate_return"),
                                       QStringLiteral("schedule_pickup") };
    return tools.contains(tool);
}

std::optional<json> refuseUnverified(const QString &tool, const json &arguments, const ToolContext &context,
                                     CommerceBackend &backend)
{
    if (!context.verification.required || !changesOrder(tool))
        return std::nullopt;
    const auto order = orderNamedBy(arguments, backend);
    if (!order || verifiedFor(context, backend, order->customerId))
        return std::nullopt; // an unknown order is the handler's "not found"
    const bool hindi = isHindi(context.language);
    const QString method = context.verification.methods.value(0, QStringLiteral("pin_code"));
    json result = refusal("caller_not_verified",
                          hindi ? QStringLiteral("Order mein kuch bhi badalne se pehle mujhe aapki pehchaan pakki karni hogi. "
                                                 "Kya aap %1 bata sakte hain?").arg(askFor(method, true))
                                : QStringLiteral("Before I can change anything on this order, I need to confirm it's you. "
                                                 "Could you tell me %1?").arg(askFor(method, false)));
    result["order_id"] = spellId(order->id);
    result["order_id_raw"] = order->id;
    result["caller_verified"] = false;
    result["verify_with"] = json(context.verification.methods);
    return result;
}

void applyVerification(const QString &tool, json &result, const ToolContext &context, CommerceBackend &backend)
{
    if (!context.verification.required || tool == QLatin1String("verify_caller") || !result.is_object())
        return;
    QString orderId = stringAt(result, "order_id_raw");
    if (orderId.isEmpty() && result.contains("orders") && result["orders"].is_array() && !result["orders"].empty())
        orderId = stringAt(result["orders"][0], "order_id_raw"); // several orders on one phone: one customer
    if (orderId.isEmpty())
        return;
    const auto order = backend.orderById(orderId);
    if (!order)
        return;
    const bool verified = verifiedFor(context, backend, order->customerId);
    result["caller_verified"] = verified;
    if (!verified) {
        maskPersonalFields(result);
        result["verify_with"] = json(context.verification.methods);
    }
}

} // namespace ringside
