#include "platforms/storesync.h"

#include "platforms/mirrorwriter.h"
#include "platforms/storechangelistener.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSync, "ringside.platforms.sync")

namespace ringside::platforms {

namespace {

struct PassState
{
    bool inProgress = false;
    QString cursor;
    QDateTime since;
    qint64 highWaterMs = 0;
    qint64 doneHighWaterMs = 0;
    qint64 records = 0;
    std::optional<qint64> total;
};

PassState loadState(QSqlDatabase db, const QString &resource)
{
    PassState s;
    QSqlQuery q = execOrThrow(db, QStringLiteral("SELECT cursor, pass_since, pass_high_water, done_high_water, pass_records, "
                                                 "pass_total, pass_started_at FROM platform_sync_state WHERE resource = ?"),
                              resource);
    if (!q.next())
        return s;
    s.cursor = q.value(0).toString();
    if (!q.value(1).isNull())
        s.since = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    s.highWaterMs = q.value(2).toLongLong();
    s.doneHighWaterMs = q.value(3).toLongLong();
    s.records = q.value(4).toLongLong();
    if (!q.value(5).isNull())
        s.total = q.value(5).toLongLong();
    s.inProgress = !q.value(6).isNull();
    return s;
}

void saveState(QSqlDatabase db, const QString &resource, const PassState &s, qint64 nowMs, bool finished)
{
    execOrThrow(db, QStringLiteral(
            "INSERT INTO platform_sync_state (resource, cursor, pass_since, pass_high_water, done_high_water, pass_records, "
            "pass_total, pass_started_at, finished_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(resource) DO UPDATE SET cursor = excluded.cursor, pass_since = excluded.pass_since, "
            "pass_high_water = excluded.pass_high_water, done_high_water = excluded.done_high_water, "
            "pass_records = excluded.pass_records, pass_total = excluded.pass_total, "
            "pass_started_at = COALESCE(excluded.pass_started_at, CASE WHEN excluded.finished_at IS NULL "
            "THEN platform_sync_state.pass_started_at END), finished_at = COALESCE(excluded.finished_at, platform_sync_state.finished_at), "
            "updated_at = excluded.updated_at"),
            resource, s.cursor.isEmpty() ? QVariant() : QVariant(s.cursor),
            s.since.isValid() ? QVariant(s.since.toMSecsSinceEpoch()) : QVariant(), s.highWaterMs, s.doneHighWaterMs,
            s.records, s.total ? QVariant(*s.total) : QVariant(), finished ? QVariant() : QVariant(nowMs),
            finished ? QVariant(nowMs) : QVariant(), nowMs);
}

void note(ResourceSummary &summary, MirrorOutcome outcome)
{
    switch (outcome) {
    case MirrorOutcome::Written: ++summary.written; break;
    case MirrorOutcome::Unchanged: ++summary.unchanged; break;
    case MirrorOutcome::Stale: ++summary.stale; break;
    }
}

qint64 newestOf(const SyncPage &page)
{
    qint64 newest = 0;
    auto seen = [&](const QDateTime &t) {
        if (t.isValid())
            newest = std::max(newest, t.toMSecsSinceEpoch());
    };
    for (const auto &c : page.customers)
        seen(c.updatedAt);
    for (const auto &o : page.orders)
        seen(o.updatedAt);
    for (const auto &c : page.carts)
        seen(c.updatedAt);
    return newest;
}

} // namespace

qint64 SyncReport::records() const
{
    qint64 n = 0;
    for (const auto &r : resources)
        n += r.written + r.unchanged + r.stale;
    return n;
}

SyncReport syncStore(Database &db, SyncSource &source, const SyncOptions &options)
{
    SyncReport report;
    QElapsedTimer timer;
    timer.start();
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
    for (const QString &resource : source.resources()) {
        ResourceSummary summary;
        summary.resource = resource;
        PassState state = loadState(db.connection(), resource);
        SyncProgress progress;
        progress.resource = resource;
        progress.resumed = state.inProgress && !options.since.isValid();
        if (!state.inProgress || options.since.isValid()) {
            // A fresh pass: from --since, else from where the last finished pass got to.
            state.inProgress = true;
            state.cursor.clear();
            state.records = 0;
            state.total.reset();
            state.highWaterMs = state.doneHighWaterMs;
            state.since = options.since.isValid() ? options.since.toUTC()
                    : state.doneHighWaterMs > 0 ? QDateTime::fromMSecsSinceEpoch(state.doneHighWaterMs, Qt::UTC)
                                                : QDateTime();
            db.transaction([&](QSqlDatabase sql) { saveState(sql, resource, state, now.toMSecsSinceEpoch(), false); return true; });
        }
        progress.records = state.records;
        progress.total = state.total;
        if (options.progress)
            options.progress(progress);
        for (;;) {
            if (options.stopRequested && options.stopRequested()) {
                report.error = PlatformError::make(PlatformError::Kind::Server, QStringLiteral("stopped; the next sync resumes here"));
                report.resources.push_back(summary);
                report.elapsedMs = timer.elapsed();
                return report;
            }
            const SyncPage page = source.fetch(resource, state.cursor, state.since);
            if (!page.error.ok()) {
                report.error = page.error;
                report.resources.push_back(summary);
                report.elapsedMs = timer.elapsed();
                return report;
            }
            summary.skipped << page.skipped;
            for (const QString &s : page.skipped)
                qCWarning(lcSync, "%s: skipped a record: %s", qPrintable(resource), qPrintable(s));
            QSet<QString> orders, carts;
            const bool committed = db.transaction([&](QSqlDatabase sql) {
                MirrorWriter writer(sql, now.toMSecsSinceEpoch());
                for (const auto &c : page.customers)
                    note(summary, writer.writeCustomer(c));
                for (const auto &o : page.orders)
                    note(summary, writer.writeOrder(o));
                for (const auto &c : page.carts)
                    note(summary, writer.writeCart(c));
                state.cursor = page.hasNext ? page.nextCursor : QString();
                state.records += page.size();
                if (page.total)
                    state.total = page.total;
                state.highWaterMs = std::max(state.highWaterMs, newestOf(page));
                if (!page.hasNext) {
                    state.doneHighWaterMs = std::max(state.doneHighWaterMs, state.highWaterMs);
                    state.since = QDateTime();
                }
                saveState(sql, resource, state, now.toMSecsSinceEpoch(), !page.hasNext);
                orders = writer.changedOrders();
                carts = writer.changedCarts();
                return true;
            });
            if (!committed)
                throw StorageError(QStringLiteral("sync %1: the page could not be committed").arg(resource));
            if (options.listener) {
                if (!orders.isEmpty())
                    options.listener->ordersChanged(QStringList(orders.cbegin(), orders.cend()));
                if (!carts.isEmpty())
                    options.listener->cartsChanged(QStringList(carts.cbegin(), carts.cend()));
            }
            ++progress.pages;
            progress.finished = !page.hasNext;
            progress.records = state.records;
            progress.total = state.total;
            if (options.progress)
                options.progress(progress);
            if (!page.hasNext)
                break;
        }
        report.resources.push_back(summary);
    }
    report.elapsedMs = timer.elapsed();
    return report;
}

QString formatSyncReport(const SyncReport &report)
{
    QStringList lines;
    for (const auto &r : report.resources) {
        lines << QStringLiteral("%1: %2 written, %3 unchanged, %4 stale%5")
                         .arg(r.resource)
                         .arg(r.written)
                         .arg(r.unchanged)
                         .arg(r.stale)
                         .arg(r.skipped.isEmpty() ? QString() : QStringLiteral(", %1 skipped (%2)").arg(r.skipped.size()).arg(r.skipped.first()));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace ringside::platforms
