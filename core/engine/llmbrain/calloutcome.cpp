#include "engine/llmbrain/calloutcome.h"

#include "tools/speechformat.h"
#include "tools/toolerror.h"

#include <cmath>

namespace ringside {

namespace {

// A major-unit amount from a tool result in minor units of `currency`; nullopt when absent.
std::optional<CallOutcome::Revenue> amountAt(const json &result, const char *key)
{
    const QString currency = stringAt(result, "currency");
    if (!result.contains(key) || !result.at(key).is_number() || currency.isEmpty())
        return std::nullopt;
    const double major = result.at(key).get<double>();
    return CallOutcome::Revenue{std::llround(major * std::pow(10.0, currencyExponent(currency))), currency};
}

bool succeeded(const json &result)
{
    return result.is_object() && !isToolError(result) && result.value("success", false) == true;
}

bool found(const json &result)
{
    return result.is_object() && !isToolError(result) && result.value("found", false) == true;
}

} // namespace

std::optional<QString> CallOutcome::propose(const QString &outcome, bool weak)
{
    // A weak outcome only fills a gap: looking an order up after cancelling it is still a cancellation.
    if (weak && !m_outcome.isEmpty() && m_outcome != QLatin1String("resolved"))
        return std::nullopt;
    if (m_outcome == outcome)
        return std::nullopt;
    m_outcome = outcome;
    return outcome;
}

CallOutcome::Change CallOutcome::noteTool(const QString &name, const json &arguments, const json &result)
{
    Change change;
    if (name == QLatin1String("get_order_status") || name == QLatin1String("get_tracking_details")
        || name == QLatin1String("check_return_status")) {
        if (found(result))
            change.outcome = propose(QStringLiteral("resolved"), true);
    } else if (name == QLatin1String("initiate_return") || name == QLatin1String("schedule_pickup")) {
        if (succeeded(result))
            change.outcome = propose(QStringLiteral("resolved"), true);
    } else if (name == QLatin1String("confirm_cod_order")) {
        if (succeeded(result)) {
            if (arguments.value("confirmed", false) == true) {
                change.outcome = propose(QStringLiteral("confirmed"), false);
                change.revenue = amountAt(result, "amount_due");
            } else {
                change.outcome = propose(QStringLiteral("modified"), false);
            }
        }
    } else if (name == QLatin1String("cancel_order")) {
        if (succeeded(result))
            change.outcome = propose(QStringLiteral("cancelled"), false);
    } else if (name == QLatin1String("reschedule_delivery")) {
        if (succeeded(result))
            change.outcome = propose(QStringLiteral("rescheduled"), false);
    } else if (name == QLatin1String("get_abandoned_cart")) {
        if (found(result))
            m_cartTotal = amountAt(result, "total");
    } else if (name == QLatin1String("apply_discount")) {
        if (succeeded(result))
            m_cartTotal = amountAt(result, "new_total");
    } else if (name == QLatin1String("send_checkout_link")) {
        if (succeeded(result)) {
            change.outcome = propose(QStringLiteral("recovered"), false);
            change.revenue = m_cartTotal;
        }
    } else if (name == QLatin1String("record_cart_abandonment_reason")) {
        if (succeeded(result))
            change.outcome = propose(QStringLiteral("not_interested"), true);
    }
    return change;
}

QString CallOutcome::endOutcome(const QString &reason) const
{
    // What the tools established wins; the model's reason speaks only when they said nothing
    // stronger than "resolved".
    if (!m_outcome.isEmpty() && m_outcome != QLatin1String("resolved"))
        return m_outcome;
    if (reason == QLatin1String("not_interested"))
        return QStringLiteral("not_interested");
    if (reason == QLatin1String("no_response"))
        return QStringLiteral("no_answer");
    if (reason == QLatin1String("callback_requested"))
        return QStringLiteral("callback");
    if (reason == QLatin1String("escalated"))
        return QStringLiteral("escalated");
    if (!m_outcome.isEmpty())
        return m_outcome;
    if (reason.isEmpty() || reason == QLatin1String("resolved") || reason == QLatin1String("customer_goodbye"))
        return QStringLiteral("resolved");
    return QStringLiteral("failed"); // wrong_number, other: nothing was achieved
}

} // namespace ringside
