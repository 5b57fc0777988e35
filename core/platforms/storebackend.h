#pragma once
// The one place that decides which store the tools of a call use: the embedded SQL store, or — when
// a shop is connected (`store connect`) — PlatformStore over the same tables, which also queues every
// change for the shop.

#include "commerce/commercebackend.h"

#include <memory>

namespace ringside {
class Database;
}

namespace ringside::platforms {

std::unique_ptr<CommerceBackend> storeBackendFor(Database &db);

} // namespace ringside::platforms
