#include "toolregistry.h"

#include "argumentvalidator.h"
#include "handlers.h"
#include "storage/sqlutil.h"
#include "toolcatalogue.h"
#include "verificationgate.h"

#include <QHash>

namespace ringside {

namespace {

const QHash<QString, ToolHandler> &handlerTable()
{
    static const QHash<QString, ToolHandler> table = {
        { QStringLiteral("get_order_status"), &getOrderStatus },
        { QStringLiteral("get_tracking_details"), &getTrackingDetails },
        { QStringLiteral("confirm_cod_order"), &confirmCodOrder },
        { QStringLiteral("cancel_order"), &cancelOrder },
        { QStringLiteral("reschedule_delivery"), &rescheduleDelivery },
        { QStringLiteral("initiate_return"), &initiateReturn },
        { QStringLiteral("schedule_pickup"), &schedulePickup },
        { QStringLiteral("check_return_status"), &checkReturnStatus },
        { QStringLiteral("get_abandoned_cart"), &getAbandonedCart },
        { QStringLiteral("check_available_offers"), &checkAvailableOffers },
        { QStringLiteral("apply_discount"), &applyDiscount },
        { QStringLiteral("send_checkout_link"), &sendCheckoutLink },
        { QStringLiteral("record_cart_abandonment_reason"), &recordCartAbandonmentReason },
        { QStringLiteral("verify_caller"), &verifyCaller },
        { QStringLiteral("transfer_to_human"), &transferToHuman },
        { QStringLiteral("end_call"), &endCall },
    };
    return table;
}

json internalError(const QString &message)
{
    return ToolError{ QStringLiteral("internal"), message, QString() }.toJson();
}

} // namespace

ToolRegistry::ToolRegistry(CommerceBackend &backend)
    : m_backend(backend)
{
}

bool ToolRegistry::contains(const QString &name) const
{
    return findTool(name) && handlerTable().contains(name);
}

json ToolRegistry::call(const QString &name, const json &arguments, const ToolContext &context) noexcept
{
    try {
        return dispatch(name, arguments, context);
    } catch (const StorageError &e) {
        return internalError(QStringLiteral("%1: the store failed: %2").arg(name, QString::fromUtf8(e.what())));
    } catch (const std::exception &e) {
        return internalError(QStringLiteral("%1 failed: %2").arg(name, QString::fromUtf8(e.what())));
    } catch (...) {
        return internalError(QStringLiteral("%1 failed with an unknown error").arg(name));
    }
}

json ToolRegistry::dispatch(const QString &name, const json &arguments, const ToolContext &context)
{
    const ToolDefinition *tool = findTool(name);
    const auto handler = handlerTable().find(name);
    if (!tool || handler == handlerTable().end()) {
        return ToolError{ QStringLiteral("unknown_tool"),
                          QStringLiteral("unknown tool '%1'; available: %2").arg(name, toolNames().join(QStringLiteral(", "))),
                          QString() }
                .toJson();
    }
    const ValidatedArguments valid = validateArguments(*tool, arguments);
    if (!valid.ok())
        return valid.error->toJson();
    // An agent that verifies callers: actions need a verified caller, results mask personal fields.
    if (auto refused = refuseUnverified(name, valid.arguments, context, m_backend))
        return *refused;
    HandlerEnv env{ m_backend, context, valid.arguments,
                    context.now.isValid() ? context.now : QDateTime::currentDateTimeUtc() };
    json result = (*handler)(env);
    applyVerification(name, result, context, m_backend);
    return result;
}

} // namespace ringside
