#include "platforms/storebackend.h"

#include "commerce/sqlstore.h"
#include "platforms/platform.h"
#include "platforms/platformstore.h"

namespace ringside::platforms {

std::unique_ptr<CommerceBackend> storeBackendFor(Database &db)
{
    if (auto connection = loadConnection(db))
        return std::make_unique<PlatformStore>(db, *connection);
    return std::make_unique<SqlStore>(db);
}

} // namespace ringside::platforms
