#pragma once
// `store sync`: reads every resource of the connected platform page by page into the mirror.
// Each page and the cursor after it are committed in one transaction, so an interrupted sync
// (Ctrl-C, kill -9, a network failure) resumes after the last stored page, and a record is never
// lost or doubled. A finished pass remembers the newest updated_at it saw; the next pass asks only
// for records updated since then. Writing is idempotent (MirrorWriter), so overlap is harmless.

#include "platforms/syncsource.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace ringside {
class Database;
}

namespace ringside::platforms {

class StoreChangeListener;

struct SyncProgress
{
    QString resource;
    qint64 records = 0;           // in this pass of the resource so far
    std::optional<qint64> total;  // when the platform says
    int pages = 0;                // in this run
    bool resumed = false;         // the pass started in an earlier, interrupted run
    bool finished = false;        // the resource's last page is stored
};

struct ResourceSummary
{
    QString resource;
    qint64 written = 0;
    qint64 unchanged = 0;
    qint64 stale = 0;
    QStringList skipped;
};

struct SyncReport
{
    std::vector<ResourceSummary> resources;
    PlatformError error;           // the failure that stopped the sync (its progress is kept)
    qint64 elapsedMs = 0;
    qint64 records() const;
};

struct SyncOptions
{
    QDateTime since;               // valid: start a fresh pass of every resource from this instant
    QDateTime now;
    std::function<void(const SyncProgress &)> progress;
    std::function<bool()> stopRequested; // checked between pages
    StoreChangeListener *listener = nullptr;
};

SyncReport syncStore(Database &db, SyncSource &source, const SyncOptions &options);

// "orders: 1,000 written, 0 unchanged, 0 stale" lines.
QString formatSyncReport(const SyncReport &report);

} // namespace ringside::platforms
