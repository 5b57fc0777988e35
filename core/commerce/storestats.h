#pragma once

#include "util/jsonqt.h"

#include <QDateTime>
#include <QString>

namespace ringside {

class Database;

namespace commerce {

// Counts that tell a user what a store holds, computed by SQL:
// {"customers": {"total": n, "by_country": {...}, "by_type": {...}},
//  "orders": {"total": n, "by_status": {...}, "by_carrier": {...}, "cod_pending": n},
//  "carts": {"total": n, "by_status": {...}}, "offers": {"total": n, "expired": n},
//  "returns": {"total": n, "by_status": {...}}, "sms_outbox": {"total": n, "unsent": n}}
// Every status of the vocabulary is listed, with 0 where there is none. Throws StorageError.
json storeStatistics(Database &database, const QDateTime &now);

// Records in the store's own tables (customers, orders, carts, offers, returns), for "is it empty?".
qint64 storeRecordCount(Database &database);

// The statistics as a few readable lines.
QString formatStoreStatistics(const json &stats);

} // namespace commerce
} // namespace ringside
