#pragma once

#include <QString>

namespace ringside::telephony {

// What the gateway itself says to a caller (the agent's own words come from its brain), in the
// agent's language: English, or Hindi for hi-* agents.

// The escalation queue's SLA ran out: nobody could take the call.
QString callbackOfferText(const QString &language);

} // namespace ringside::telephony
