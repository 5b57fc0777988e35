#include "demodata.h"

#include "workerservices.h"

#include "analytics/callrecordstore.h"
#include "analytics/demohistory.h"
#include "campaigns/democampaigns.h"
#include "commerce/demostore.h"
#include "commerce/fixtureimporter.h"
#include "commerce/storestats.h"
#include "commerce/commercebackend.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QLocale>

namespace ringside::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ringside::ui::DemoData)
};
constexpr quint64 kDemoSeed = 1;   // the CLI's default, so both give the same store
} // namespace

StoreStatus probeStore(WorkerServices &services)
{
    StoreStatus status;
    status.storeRecords = commerce::storeRecordCount(services.database());
    status.callRecords = services.calls().count(analytics::CallFilter {});
    status.storeName = services.store().setting(QStringLiteral("storeName"));
    return status;
}

DemoLoadReport loadDemoData(WorkerServices &services, const QDateTime &now, int historyDays)
{
    DemoLoadReport report;
    const StoreStatus before = probeStore(services);
    if (!before.isEmpty()) {
        report.error = Tr::tr("The database already holds %n record(s); the demo store only goes into an empty one.",
                              nullptr, int(before.storeRecords + before.callRecords));
        return report;
    }
    constexpr int steps = 4;
    services.reportProgress(Tr::tr("Generating the demo store…"), 0, steps);
    const commerce::StoreData data = commerce::generateDemoStore(kDemoSeed, now);
    if (services.stopRequested())
        return report;

    services.reportProgress(Tr::tr("Writing customers, orders and carts…"), 1, steps);
    commerce::ImportOptions options;
    options.now = now;
    const commerce::ImportReport imported = commerce::FixtureImporter(services.database()).importData(data, options);
    if (!imported.ok) {
        report.error = Tr::tr("The demo store could not be written: %1").arg(imported.errors.join(QStringLiteral("; ")));
        return report;
    }
    if (services.stopRequested())
        return report;

    services.reportProgress(Tr::tr("Creating %n day(s) of call history…", nullptr, historyDays), 2, steps);
    const Result<analytics::DemoHistoryStats> history =
            analytics::generateDemoCallHistory(services.database(), now, quint32(kDemoSeed), historyDays);
    if (!history) {
        report.error = Tr::tr("The demo store was written, but its call history failed: %1").arg(history.error());
        return report;
    }
    // A day of outbound campaigns on top, made by the real scheduler and rules.
    services.reportProgress(Tr::tr("Running a day of campaigns…"), 3, steps);
    const Result<campaigns::DemoCampaignStats> day = campaigns::generateDemoCampaigns(services.database(), now, quint32(kDemoSeed));
    services.reportProgress(Tr::tr("Done"), steps, steps);
    report.loaded = true;
    // Counts and days in the console's locale (core's summary() is English, for the CLI).
    const QLocale locale;
    report.summary = Tr::tr("Demo store: %1 customers, %2 orders, %3 carts; %Ln demo call(s) from %4 to %5.", nullptr,
                            history->calls)
                             .arg(locale.toString(imported.customers), locale.toString(imported.orders),
                                  locale.toString(imported.carts), locale.toString(history->firstDay, QLocale::ShortFormat),
                                  locale.toString(history->lastDay, QLocale::ShortFormat));
    if (day)
        report.summary += QLatin1Char(' ') + Tr::tr("Campaigns: %1 calls placed, %2 skipped, %3 planned ahead.")
                                                    .arg(locale.toString(day->placed), locale.toString(day->skipped),
                                                         locale.toString(day->scheduledAhead));
    return report;
}

} // namespace ringside::ui
