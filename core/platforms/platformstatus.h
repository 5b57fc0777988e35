#pragma once
// What `store stats` and the console's Store page show about the connected shop: the connection,
// where each sync stands, webhook outcomes, the write-back outbox and SMS delivery (with why
// messages are still waiting).

#include "util/jsonqt.h"

#include <QDateTime>

namespace ringside {
class Database;
}

namespace ringside::platforms {

struct SmsProviderConfig;

json platformStatus(Database &db, const SmsProviderConfig &sms, const QDateTime &now);
QString formatPlatformStatus(const json &status);

} // namespace ringside::platforms
