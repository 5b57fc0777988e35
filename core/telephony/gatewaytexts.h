#pragma once

#include <QString>

namespace ringside::telephony {

// What the gateway itself says to a caller (the agent's own words come from its brain), in the
// agent's language: English, or Hindi for hi-* agents.

// The escalation queue's SLA ran out: nobody could take the call.
QString callbackOfferText(const QString &language);

// The caller cannot be heard on this line (no recognizer for the language, or its cloud provider
// failed with nothing to take over): the call goes to an operator.
QString cannotHearText(const QString &language);

} // namespace ringside::telephony
