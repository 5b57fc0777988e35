// ringside-engine store init|import|export|stats: creates, fills, dumps and summarises the
// embedded store. The work lives in core/commerce; this file maps options to it.
#include "cliutil.h"

#include "analytics/demohistory.h"
#include "commerce/demostore.h"
#include "commerce/fixtureexporter.h"
#include "commerce/fixtureimporter.h"
#include "commerce/storestats.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QFile>

namespace ringside::cli {

// cmd_storeplatform.cpp
int runStorePlatform(const QString &sub, const QStringList &args, bool *handled);
QString platformStatsText(Database &db, const QDateTime &now, json *asJson);

namespace {
const QString kUsage = QStringLiteral(
    "Usage: ringside-engine store <init|import|export|stats|connect|disconnect|sync|events|outbox> --db PATH [options]\n\n"
    "  init        create or migrate the store; --demo fills an empty one with the demo store\n"
    "  import      load a fixture file (docs/fixture-format.md), all or nothing\n"
    "  export      write the store as a fixture file (stdout unless --out)\n"
    "  stats       counts per table and status (and the connected shop's sync, webhooks, write-back, SMS)\n"
    "  connect     connect a Shopify or WooCommerce shop (docs/platforms.md)\n"
    "  disconnect  forget the connected shop\n"
    "  sync        read the shop's customers, orders and checkouts into the store (resumable)\n"
    "  events      the latest webhook events and their outcome\n"
    "  outbox      the write-back to the shop: queued, done, failed (--run, --retry ID)\n\n"
    "Run 'ringside-engine store <subcommand> --help' for its options.");

int usageError(const QString &problem)
{
    return cli::usageError(QStringLiteral("store"), problem);
}

// --db is required by every subcommand; missing it is a usage error, not a failure.
bool hasDb(const QCommandLineParser &parser)
{
    return !parser.value(QStringLiteral("db")).isEmpty();
}

// Positional arguments after "store <subcommand>".
QStringList operands(const QCommandLineParser &parser)
{
    return parser.positionalArguments().mid(2);
}

int init(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Creates (or migrates) the store at --db. With --demo, fills an "
                                                    "empty store with the deterministic demo store (docs/demo-store.md)."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("demo"), QStringLiteral("Add the demo store (only into an empty store).") });
    parser.addOption({ QStringLiteral("seed"), QStringLiteral("Demo store seed (default 1)."), QStringLiteral("N"),
                       QStringLiteral("1") });
    int code = Ok;
    if (!parse(parser, args, &code, 2))
        return code;
    if (!operands(parser).isEmpty())
        return usageError(QStringLiteral("init takes no file arguments"));
    bool seedOk = false;
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&seedOk);
    if (!seedOk)
        return usageError(QStringLiteral("--seed: '%1' is not a non-negative whole number").arg(parser.value(QStringLiteral("seed"))));
    Clock clock;
    if (!clockFrom(parser, &clock))
        return Usage;
    if (!hasDb(parser))
        return usageError(QStringLiteral("--db PATH is required"));
    auto db = openDatabase(parser);
    if (!db)
        return Failed;

    const QString path = parser.value(QStringLiteral("db"));
    if (!parser.isSet(QStringLiteral("demo"))) {
        out(QStringLiteral("store ready: %1 (schema version %2)").arg(path).arg(db->schemaVersion()));
        return Ok;
    }
    if (const qint64 records = commerce::storeRecordCount(*db); records > 0) {
        err(QStringLiteral("error: --demo needs an empty store, and %1 already holds %2 records; "
                           "use a new --db file").arg(path).arg(records));
        return Failed;
    }
    commerce::ImportOptions options;
    options.now = clock.now();
    const commerce::ImportReport report =
            commerce::FixtureImporter(*db).importData(commerce::generateDemoStore(seed, clock.now()), options);
    if (!report.ok) {
        for (const QString &e : report.errors)
            err(QStringLiteral("error: demo store: %1").arg(e));
        return Failed;
    }
    // 90 days of calls ending now (and the COD orders behind the RTO figures), for the Analytics dashboards.
    const auto history = analytics::generateDemoCallHistory(*db, options.now, quint32(seed));
    if (!history) { err(QStringLiteral("error: demo call history: %1").arg(history.error())); return Failed; }
    out(QStringLiteral("demo store (seed %1) in %2: %3").arg(seed).arg(path, report.summary()));
    out(QStringLiteral("demo call history: %1 calls and %2 COD orders, %3 … %4").arg(history->calls).arg(history->orders).arg(history->firstDay.toString(Qt::ISODate), history->lastDay.toString(Qt::ISODate)));
    return Ok;
}

int import(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Loads FILE (docs/fixture-format.md) into the store in one transaction: a file with any error is "
            "rejected whole, with every problem named by its path. Unknown keys are warned about and ignored."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("replace"), QStringLiteral("Overwrite records whose id is already in the store "
                                                                 "(otherwise that is an error).") });
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Fixture JSON file."));
    int code = Ok;
    if (!parse(parser, args, &code, 2))
        return code;
    const QStringList files = operands(parser);
    if (files.size() != 1)
        return usageError(QStringLiteral("import takes exactly one FILE"));
    Clock clock;
    if (!clockFrom(parser, &clock))
        return Usage;
    if (!hasDb(parser))
        return usageError(QStringLiteral("--db PATH is required"));
    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    commerce::ImportOptions options;
    options.replace = parser.isSet(QStringLiteral("replace"));
    options.now = clock.now();
    const commerce::ImportReport report = commerce::FixtureImporter(*db).importFile(files.first(), options);
    for (const QString &w : report.warnings)
        err(QStringLiteral("warning: %1").arg(w));
    if (!report.ok) {
        err(QStringLiteral("error: %1 rejected, nothing was imported:").arg(files.first()));
        for (const QString &e : report.errors)
            err(QStringLiteral("  %1").arg(e));
        return Failed;
    }
    out(QStringLiteral("%1: %2%3").arg(files.first(), report.summary(),
                                       report.warnings.isEmpty() ? QString()
                                                                 : QStringLiteral(" (%1 warnings)").arg(report.warnings.size())));
    return Ok;
}

int exportStore(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes the store as a fixture file (docs/fixture-format.md)."));
    parser.addOption(dbOption());
    parser.addOption({ QStringLiteral("out"), QStringLiteral("Write to FILE instead of standard output."),
                       QStringLiteral("FILE") });
    int code = Ok;
    if (!parse(parser, args, &code, 2))
        return code;
    if (!operands(parser).isEmpty())
        return usageError(QStringLiteral("export takes no file arguments (use --out FILE)"));
    if (!hasDb(parser))
        return usageError(QStringLiteral("--db PATH is required"));
    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    const QByteArray text = commerce::exportFixture(*db);
    QFile file;
    const QString outPath = parser.value(QStringLiteral("out"));
    const bool opened = outPath.isEmpty() ? file.open(stdout, QIODevice::WriteOnly)
                                          : (file.setFileName(outPath), file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    if (!opened || file.write(text) != text.size() || !file.flush()) {
        err(QStringLiteral("error: cannot write %1: %2").arg(outPath.isEmpty() ? QStringLiteral("standard output") : outPath,
                                                             file.errorString()));
        return Failed;
    }
    return Ok;
}

int stats(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Counts the store's records per table and status."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Print the counts as JSON.") });
    int code = Ok;
    if (!parse(parser, args, &code, 2))
        return code;
    if (!operands(parser).isEmpty())
        return usageError(QStringLiteral("stats takes no file arguments"));
    Clock clock;
    if (!clockFrom(parser, &clock))
        return Usage;
    if (!hasDb(parser))
        return usageError(QStringLiteral("--db PATH is required"));
    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    json s = commerce::storeStatistics(*db, clock.now());
    json platform;
    const QString platformText = platformStatsText(*db, clock.now(), &platform);
    s["platform"] = platform;
    if (parser.isSet(QStringLiteral("json")))
        outJson(s, true);
    else
        out(commerce::formatStoreStatistics(s) + QLatin1Char('\n') + platformText);
    return Ok;
}
} // namespace

int runStore(const QStringList &args)
{
    const QString sub = args.value(2);
    if (sub.isEmpty())
        return usageError(QStringLiteral("say what to do: init, import, export or stats"));
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        out(kUsage);
        return Ok;
    }
    try {
        if (sub == QLatin1String("init"))
            return init(args);
        if (sub == QLatin1String("import"))
            return import(args);
        if (sub == QLatin1String("export"))
            return exportStore(args);
        if (sub == QLatin1String("stats"))
            return stats(args);
        bool handled = false;
        const int code = runStorePlatform(sub, args, &handled);
        if (handled)
            return code;
    } catch (const StorageError &e) {
        err(QStringLiteral("error: %1").arg(QString::fromUtf8(e.what())));
        return Failed;
    }
    return usageError(QStringLiteral("unknown subcommand '%1' (init, import, export, stats, connect, disconnect, sync, events, outbox)").arg(sub));
}

} // namespace ringside::cli
