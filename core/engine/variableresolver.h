#pragma once
// The template variables of one call (greetings, playbook replies, LLM prompts): store settings,
// plus the customer, order and cart the call is about, read from the store and phrased for speech
// in the agent's language; `overrides` (--var, script "vars") win over everything.

#include "agent/agent.h"
#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace ringside {

class CommerceBackend;

// What the call is about, as given on the command line, by a campaign or by the gateway.
struct CallSubject
{
    QString customerId;
    QString orderId;
    QString cartId;
    QString callerPhone;                 // caller ID of an inbound call: may identify the customer
    QHash<QString, QString> overrides;   // customerId/orderId/cartId here count as IDs too
};

struct ResolvedCall
{
    QHash<QString, QString> variables;
    QString customerId;   // canonical IDs found in the store (empty when none)
    QString orderId;
    QString cartId;
    QStringList notices;  // worth telling the operator, not the caller
};

class VariableResolver
{
public:
    VariableResolver(CommerceBackend &store, const QDateTime &now) : m_store(store), m_now(now) {}

    // Fails with a message naming the option when an ID is not in the store
    // ("--order: no order "ORD-999999" in the store"), or when an outbound agent lacks what its
    // use case needs and its greeting would miss variables
    // ("Cart Recovery calls about a cart: give --cart ID, or --customer ID with an abandoned cart").
    Result<ResolvedCall> resolve(const Agent &agent, const CallSubject &subject) const;

private:
    CommerceBackend &m_store;
    QDateTime m_now;
};

// The variables every call has, from store settings alone (storeName, orderIdFormat, …).
QHash<QString, QString> storeVariables(CommerceBackend &store);

} // namespace ringside
