#pragma once
// What `ringside-engine call` checks before the provider is asked to ring anyone: the number, the
// agent, what the call is about (it must exist in the store the call will use, so the customer is
// never rung about a missing order), our number and the gateway's address, the provider's
// credentials; the result is the exact request outboundcall.h sends.

#include "telephony/mediaprotocol.h"
#include "telephony/outboundcall.h"
#include "util/result.h"

#include <QString>

#include <optional>

namespace ringside {
class Database;
}

namespace ringside::telephony {

// Each field is one `call` option, as given.
struct CallPlacementRequest
{
    MediaProtocol provider = MediaProtocol::Twilio; // --provider
    QString to;                     // --to: the customer's number, any spelling toE164() reads
    QString agent;                  // --agent: slug or name
    QString orderId;                // --order
    QString cartId;                 // --cart
    std::optional<QString> from;    // --from; unset: TWILIO_FROM_NUMBER or EXOTEL_CALLER_ID
    std::optional<QString> url;     // --url; unset: RINGSIDE_PUBLIC_URL
    QString statusCallback;         // --status-callback
};

struct PreparedCall
{
    OutboundCall call;
    OutboundRequest request;
};

// The call and its request, or the first problem as "--option: what is wrong" (or the missing
// environment variable). Reads the caller id, URL and credentials the options leave out from the
// environment. A store that cannot be read throws StorageError.
Result<PreparedCall> prepareOutboundCall(Database &db, const CallPlacementRequest &request);

} // namespace ringside::telephony
