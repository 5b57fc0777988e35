#pragma once
// One platform's way of reading its records a page at a time, already mapped to the store's terms.

#include "platforms/mirrorrecord.h"
#include "platforms/platformerror.h"

#include <QDateTime>
#include <QStringList>

#include <optional>
#include <vector>

namespace ringside::platforms {

struct SyncPage
{
    std::vector<MirrorCustomer> customers;
    std::vector<MirrorOrder> orders;
    std::vector<MirrorCart> carts;
    QStringList skipped;          // records that could not be mapped, with why (the rest of the page is kept)
    QString nextCursor;           // where the next page starts
    bool hasNext = false;
    std::optional<qint64> total;  // records in the whole pass, when the platform says
    PlatformError error;

    qsizetype size() const { return qsizetype(customers.size() + orders.size() + carts.size()); }
};

class SyncSource
{
public:
    virtual ~SyncSource() = default;
    // In the order they are synced: customers before the orders and checkouts that refer to them.
    virtual QStringList resources() const = 0;
    // The page at `cursor` (empty: the first) of records updated at or after `since` (invalid: all).
    virtual SyncPage fetch(const QString &resource, const QString &cursor, const QDateTime &since) = 0;
};

} // namespace ringside::platforms
