#pragma once
// The call's outcome and revenue, read from what the tools did. A playbook states outcomes in its
// steps; with a model in charge the tool results are the only trustworthy record of what
// happened (the model's words are not), so the LLM brain derives both from them.
//
//   get_order_status / get_tracking_details / check_return_status found, initiate_return,
//   schedule_pickup                          → resolved (never replaces a stronger outcome)
//   confirm_cod_order confirmed              → confirmed, revenue = amount due (COD protected)
//   confirm_cod_order modification recorded  → modified
//   cancel_order                             → cancelled
//   reschedule_delivery                      → rescheduled
//   send_checkout_link                       → recovered, revenue = the cart's latest total
//   record_cart_abandonment_reason           → not_interested (never replaces a stronger outcome)
// Only successful results count: refusals and errors change nothing.

#include "util/jsonqt.h"

#include <QString>

#include <optional>

namespace ringside {

class CallOutcome
{
public:
    struct Revenue
    {
        qint64 minor = 0;
        QString currency;
    };
    struct Change
    {
        std::optional<QString> outcome;
        std::optional<Revenue> revenue;
        bool any() const { return outcome || revenue; }
    };

    // What the tool's result changes (nothing for lookups that found nothing, refusals, errors).
    Change noteTool(const QString &name, const json &arguments, const json &result);

    // The outcome to end the call with when the model calls end_call with `reason`.
    QString endOutcome(const QString &reason) const;

    const QString &outcome() const { return m_outcome; }

private:
    std::optional<QString> propose(const QString &outcome, bool weak);

    QString m_outcome;
    std::optional<Revenue> m_cartTotal; // from get_abandoned_cart, updated by apply_discount
};

} // namespace ringside
