#pragma once

#include "handlersupport.h"

namespace ringside {

// One function per tool; the registry validates arguments before calling them, so each may read
// its required arguments directly. Grouped by file: orderhandlers.cpp, codhandlers.cpp,
// returnhandlers.cpp, carthandlers.cpp, offerhandlers.cpp, verifyhandlers.cpp, sessionhandlers.cpp.

json getOrderStatus(HandlerEnv &env);
json getTrackingDetails(HandlerEnv &env);

json confirmCodOrder(HandlerEnv &env);
json cancelOrder(HandlerEnv &env);
json rescheduleDelivery(HandlerEnv &env);

json initiateReturn(HandlerEnv &env);
json schedulePickup(HandlerEnv &env);
json checkReturnStatus(HandlerEnv &env);

json getAbandonedCart(HandlerEnv &env);
json sendCheckoutLink(HandlerEnv &env);
json recordCartAbandonmentReason(HandlerEnv &env);

json checkAvailableOffers(HandlerEnv &env);
json applyDiscount(HandlerEnv &env);

json verifyCaller(HandlerEnv &env);

json transferToHuman(HandlerEnv &env);
json endCall(HandlerEnv &env);

} // namespace ringside
