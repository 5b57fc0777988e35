#pragma once
// "Is this cart still abandoned?" asked of the shop itself right before a recovery call is placed
// (the campaigns scheduler calls it off the UI thread): a checkout completed since the last sync or
// webhook must not get a call. Blocks for one request.

#include "platforms/credentials.h"
#include "platforms/platformerror.h"

#include <QString>

namespace ringside {
class Database;
}

namespace ringside::platforms {

class HttpExchange;

enum class CheckoutState {
    StillAbandoned,
    Completed,      // the buyer finished the checkout (or paid the order standing in for it)
    Gone,           // the shop cancelled or deleted it: no call either
    Unknown,        // not a platform checkout, or the shop could not be asked (see error)
};

struct CheckoutCheck
{
    CheckoutState state = CheckoutState::Unknown;
    PlatformError error;
};

// `cartId` is the local cart id (CART-…). A completed checkout is also marked so in the mirror.
CheckoutCheck checkoutStillAbandoned(Database &db, const QString &cartId, const PlatformCredentials &credentials, HttpExchange &http);

} // namespace ringside::platforms
