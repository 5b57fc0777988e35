#pragma once

#include "callerverification.h"

#include <QDateTime>
#include <QString>

namespace ringside {

// What a tool call knows about the conversation it runs in.
struct ToolContext {
    QDateTime now;                                 // invalid = the wall clock
    QString language = QStringLiteral("en-US");    // BCP 47; "hi-IN" gives romanized Hindi messages
    QString callerPhone;                           // the line's caller ID, for the session's own use
    QString customerId;                            // when the session already knows the customer
    VerificationPolicy verification;               // the agent's callerVerification (not required by default)
    CallerVerification *verificationState = nullptr; // the call's state; null: nothing is remembered
};

} // namespace ringside
