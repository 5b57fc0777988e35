#pragma once
// Caller verification: whether the person on an inbound line has shown they are the customer of
// the order they ask about. An agent that requires it (agent JSON "callerVerification") gets, for
// every caller whose number is not the order's phone: tool results with the delivery address,
// phone and email masked, actions on the order refused (reason "caller_not_verified"), and the
// verify_caller tool to prove who they are with the PIN code of the delivery address, the last
// four digits of the order's phone, or the order's email.

#include "commerce/commercetypes.h"
#include "util/jsonqt.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace ringside {

// What the agent asks for (from its "callerVerification" key).
struct VerificationPolicy {
    bool required = false;
    QStringList methods = { QStringLiteral("pin_code"), QStringLiteral("phone_last4"), QStringLiteral("email") };
    int maxAttempts = 2;
};

// The known methods, in the order they are documented.
QStringList verificationMethods();

// One call's verification state. Not thread-safe: a call's tool calls run one at a time.
class CallerVerification
{
public:
    bool isVerified(const QString &customerId) const { return m_verified.contains(customerId); }
    void markVerified(const QString &customerId) { m_verified.insert(customerId); }
    int failures(const QString &customerId) const { return m_failures.value(customerId); }
    void recordFailure(const QString &customerId) { ++m_failures[customerId]; }

private:
    QSet<QString> m_verified;
    QHash<QString, int> m_failures;
};

// Whether `callerPhone` (any format) is the customer's own number.
bool callerIsCustomer(const QString &callerPhone, const Customer &customer);

// The postal code at the end of an address ("…, Pune 411001" → "411001"), or empty.
QString postalCodeOf(const QString &address);

// Masked forms for an unverified caller: the address keeps only its city ("an address in Pune"),
// a phone only its country code, an email only its first letter and domain ending.
QString maskedAddress(const QString &address);
QString maskedPhone(const QString &phone);
QString maskedEmail(const QString &email);

// Replaces every personal field of a tool result in place (delivery_address, address, to_phone,
// phone, customer_phone, email) and removes the address text from `message`.
void maskPersonalFields(json &result);

} // namespace ringside
