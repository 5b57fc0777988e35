// verify_caller: the caller proves they are the order's customer (see callerverification.h).
// The answer is compared, never echoed: a result says only whether it matched.
#include "handlers.h"

namespace ringside {

namespace {

QString digitsOf(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        if (c.isDigit())
            out += QChar(u'0' + c.digitValue());
    }
    return out;
}

// "priya dot sharma at gmail dot com" as well as "priya.sharma@gmail.com".
QString emailOf(QString s)
{
    s = s.trimmed().toLower();
    s.replace(QStringLiteral(" at the rate "), QStringLiteral("@"));
    s.replace(QStringLiteral(" at "), QStringLiteral("@"));
    s.replace(QStringLiteral(" dot "), QStringLiteral("."));
    s.replace(QStringLiteral(" underscore "), QStringLiteral("_"));
    s.remove(QLatin1Char(' '));
    return s;
}

} // namespace

json verifyCaller(HandlerEnv &env)
{
    const auto order = findOrder(env.backend, env.arg("order_id"));
    if (!order)
        return orderNotFoundReply(env, env.arg("order_id"));
    const auto customer = env.backend.customerById(order->customerId);
    const bool hi = env.hindi();
    CallerVerification *state = env.context.verificationState;
    const VerificationPolicy &policy = env.context.verification;

    QString method;
    for (const char *m : { "pin_code", "phone_last4", "email" }) {
        if (!env.arg(m).isEmpty()) {
            method = QLatin1String(m);
            break;
        }
    }
    if (policy.required && !policy.methods.contains(method)) {
        return argumentError("invalid_value", method,
                             QStringLiteral("%1: this agent verifies callers with %2").arg(method, policy.methods.join(QStringLiteral(", "))));
    }
    json result = { { "order_id", spellId(order->id) }, { "order_id_raw", order->id }, { "method", method } };
    if (state && state->isVerified(order->customerId)) {
        result.update({ { "verified", true }, { "already_verified", true },
                        { "message", hi ? QStringLiteral("Aap pehle hi verify ho chuke hain.") : QStringLiteral("You're already verified.") } });
        return result;
    }
    if (state && state->failures(order->customerId) >= policy.maxAttempts) {
        result.update({ { "verified", false }, { "attempts_left", 0 }, { "locked", true } });
        json refused = refusal("too_many_attempts",
                               hi ? QStringLiteral("Maaf kijiye, main phone par aapki pehchaan pakki nahi kar pa rahi. "
                                                   "Hamari team aapki madad kar sakti hai.")
                                  : QStringLiteral("I'm sorry, I can't verify you over the phone. Our team can help you with this."));
        refused.update(result);
        return refused;
    }

    bool matches = false;
    if (customer) {
        const QString given = env.arg(method.toLatin1().constData());
        if (method == QLatin1String("pin_code")) {
            const QString expected = postalCodeOf(order->deliveryAddress);
            matches = !expected.isEmpty() && digitsOf(given) == expected;
        } else if (method == QLatin1String("phone_last4")) {
            const QString phone = digitsOf(customer->phone);
            const QString said = digitsOf(given);
            matches = phone.size() >= 4 && said.size() == 4 && phone.endsWith(said);
        } else {
            matches = !customer->email.isEmpty() && emailOf(given) == customer->email.trimmed().toLower();
        }
    }
    if (matches) {
        if (state)
            state->markVerified(order->customerId);
        result.update({ { "verified", true },
                        { "message", hi ? QStringLiteral("Dhanyavaad, aapki pehchaan ho gayi.") : QStringLiteral("Thank you, that matches.") } });
        return result;
    }
    if (state)
        state->recordFailure(order->customerId);
    const int left = state ? std::max(0, policy.maxAttempts - state->failures(order->customerId)) : policy.maxAttempts;
    result.update({ { "verified", false }, { "attempts_left", left }, { "locked", left == 0 },
                    { "message", hi ? QStringLiteral("Yeh hamare record se match nahi hua.")
                                    : QStringLiteral("That doesn't match what we have on the order.") } });
    return result;
}

} // namespace ringside
