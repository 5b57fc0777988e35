// ringside-engine store connect|disconnect|sync|events|outbox: the connected shop (Shopify or
// WooCommerce). The work lives in core/platforms; this file maps options to it. Secrets come only
// from the environment and never appear in output.
#include "cliutil.h"

#include "platforms/credentials.h"
#include "platforms/httpexchange.h"
#include "platforms/outbox.h"
#include "platforms/outboxworker.h"
#include "platforms/platformstatus.h"
#include "platforms/shopifyclient.h"
#include "platforms/shopprobe.h"
#include "platforms/smssender.h"
#include "platforms/storesync.h"
#include "platforms/syncclients.h"
#include "platforms/webhookevents.h"
#include "storage/database.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QLocale>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace ringside::cli {

using namespace platforms;

namespace {

int usageError(const QString &problem)
{
    return cli::usageError(QStringLiteral("store"), problem);
}

QStringList operands(const QCommandLineParser &parser)
{
    return parser.positionalArguments().mid(2);
}

int connect(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Connects the store to a shop: 'store connect --db DB shopify --shop NAME.myshopify.com' or "
            "'store connect --db DB woocommerce --site https://example.com'. One cheap request proves the credentials "
            "(SHOPIFY_ACCESS_TOKEN; WOOCOMMERCE_CONSUMER_KEY and WOOCOMMERCE_CONSUMER_SECRET) and stores the shop's name, "
            "currency and time zone. Secrets are read from the environment only and never stored. See docs/platforms.md."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("shop"), QStringLiteral("Shopify: NAME.myshopify.com."), QStringLiteral("DOMAIN") });
    parser.addOption({ QStringLiteral("site"), QStringLiteral("WooCommerce: the site's https URL."), QStringLiteral("URL") });
    parser.addOption({ QStringLiteral("api-version"), QStringLiteral("Shopify Admin API version (default %1).").arg(QLatin1String(kDefaultShopifyApiVersion)),
                       QStringLiteral("YYYY-MM"), QLatin1String(kDefaultShopifyApiVersion) });
    parser.addOption({ QStringLiteral("timeout"), QStringLiteral("Seconds to wait for the shop (default 15)."), QStringLiteral("S"), QStringLiteral("15") });
    parser.addPositionalArgument(QStringLiteral("PLATFORM"), QStringLiteral("shopify or woocommerce"));
    int code = Ok;
    if (!parse(parser, args, &code, 2))
        return code;
    const QStringList ops = operands(parser);
    if (ops.size() != 1)
        return usageError(QStringLiteral("connect takes one PLATFORM: shopify or woocommerce"));
    const auto platform = platformFromKey(ops.first());
    if (!platform)
        return usageError(QStringLiteral("connect: '%1' is not shopify or woocommerce").arg(ops.first()));
    if (parser.value(QStringLiteral("db")).isEmpty())
        return usageError(QStringLiteral("--db PATH is required"));
    Clock clock;
    if (!clockFrom(parser, &clock))
        return Usage;
    Connection c;
    c.platform = *platform;
    QString problem;
    if (*platform == Platform::Shopify) {
        if (parser.value(QStringLiteral("shop")).isEmpty())
            return usageError(QStringLiteral("connect shopify: --shop NAME.myshopify.com is required"));
        c.shop = normaliseShopDomain(parser.value(QStringLiteral("shop")), &problem);
        c.apiVersion = parser.value(QStringLiteral("api-version"));
        static const QRegularExpression version(QStringLiteral("^\\d{4}-(01|04|07|10)$"));
        if (!version.match(c.apiVersion).hasMatch() && c.apiVersion != QLatin1String("unstable"))
            return usageError(QStringLiteral("--api-version: '%1' is not a Shopify version like 2026-01").arg(c.apiVersion));
    } else {
        if (parser.value(QStringLiteral("site")).isEmpty())
            return usageError(QStringLiteral("connect woocommerce: --site https://example.com is required"));
        c.shop = normaliseSiteUrl(parser.value(QStringLiteral("site")), &problem);
    }
    if (c.shop.isEmpty())
        return usageError(problem);
    bool okTimeout = false;
    const int timeout = parser.value(QStringLiteral("timeout")).toInt(&okTimeout);
    if (!okTimeout || timeout < 1 || timeout > 300)
        return usageError(QStringLiteral("--timeout: whole seconds from 1 to 300"));
    const PlatformCredentials credentials = PlatformCredentials::fromEnvironment();
    if (const QString missing = credentials.missingApiSecret(c.platform); !missing.isEmpty())
        return usageError(QStringLiteral("%1: environment variable is not set (see docs/platforms.md for where to find it)").arg(missing));
    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    HttpExchange http;
    const ShopInfo info = probeShop(c, credentials, http, timeout * 1000);
    if (!info.error.ok()) {
        err(QStringLiteral("store connect: %1").arg(info.error.message));
        return Failed;
    }
    c.shopName = info.name;
    c.currency = info.currency;
    c.timezone = info.timezone;
    c.connectedAt = clock.now();
    c.lastCheckedAt = c.connectedAt;
    saveConnection(*db, c);
    out(QStringLiteral("connected to %1 %2: \"%3\", %4, %5").arg(platformTitle(c.platform), c.shop, c.shopName, c.currency,
                                                                  c.timezone.isEmpty() ? QStringLiteral("time zone unknown") : c.timezone));
    if (credentials.webhookSecret(c.platform).isEmpty())
        err(QStringLiteral("notice: %1 is not set, so serve will refuse this shop's webhooks until it is")
                    .arg(c.platform == Platform::Shopify ? QStringLiteral("SHOPIFY_WEBHOOK_SECRET") : QStringLiteral("WOOCOMMERCE_WEBHOOK_SECRET")));
    out(QStringLiteral("next: 'ringside-engine store sync --db %1', then point the shop's webhooks at https://YOUR-HOST/webhooks/%2")
                .arg(parser.value(QStringLiteral("db")), platformKey(c.platform)));
    return Ok;
}

int disconnect(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Forgets the connected shop and its sync cursors. The mirrored records, "
                                                    "webhook events and outbox stay; calls use the embedded store again."));
    parser.addOption(dbOption());
    int code = Ok;
    if (!parse(parser, args, &code, 2))
        return code;
    if (parser.value(QStringLiteral("db")).isEmpty())
        return usageError(QStringLiteral("--db PATH is required"));
    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    const auto c = loadConnection(*db);
    removeConnection(*db);
    out(c ? QStringLiteral("disconnected from %1 %2").arg(platformTitle(c->platform), c->shop) : QStringLiteral("no shop was connected"));
    return Ok;
}

volatile std::sig_atomic_t g_stop = 0;
void onInterrupt(int) { g_stop = 1; }

int sync(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Reads the connected shop's customers, orders and abandoned checkouts into the store, page by page. Interrupted "
            "(Ctrl-C, kill -9, a network failure) it resumes where it stopped; run again, it asks only for what changed."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("since"), QStringLiteral("Start a fresh pass with records updated since this instant."), QStringLiteral("ISO") });
    parser.addOption({ QStringLiteral("page-size"), QStringLiteral("Orders per page (Shopify default 20, WooCommerce 100)."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Print the summary as JSON.") });
    int code = Ok;
    if (!parse(parser, args, &code, 2))
        return code;
    if (parser.value(QStringLiteral("db")).isEmpty())
        return usageError(QStringLiteral("--db PATH is required"));
    Clock clock;
    if (!clockFrom(parser, &clock))
        return Usage;
    SyncOptions options;
    if (parser.isSet(QStringLiteral("since"))) {
        options.since = parseIso(parser.value(QStringLiteral("since")));
        if (!options.since.isValid())
            return usageError(QStringLiteral("--since: '%1' is not an ISO-8601 time with an offset or Z").arg(parser.value(QStringLiteral("since"))));
    }
    int pageSize = 0;
    if (parser.isSet(QStringLiteral("page-size"))) {
        bool ok = false;
        pageSize = parser.value(QStringLiteral("page-size")).toInt(&ok);
        if (!ok || pageSize < 1 || pageSize > 250)
            return usageError(QStringLiteral("--page-size: a number from 1 to 250"));
    }
    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    const auto connection = loadConnection(*db);
    if (!connection) {
        err(QStringLiteral("store sync: no shop is connected; run 'ringside-engine store connect' first"));
        return Failed;
    }
    const PlatformCredentials credentials = PlatformCredentials::fromEnvironment();
    if (const QString missing = credentials.missingApiSecret(connection->platform); !missing.isEmpty())
        return usageError(QStringLiteral("%1: environment variable is not set").arg(missing));

    HttpExchange http;
    SyncClients clients = makeSyncClients(*connection, credentials, http, pageSize);
    ShopifyClient *shopify = clients.shopify.get();
    const bool tty = isatty(STDERR_FILENO);
    QElapsedTimer sinceLine;
    sinceLine.start();
    QString lastResource;
    options.now = clock.now();
    options.progress = [&](const SyncProgress &p) {
        const bool newResource = p.resource != lastResource;
        // Not a terminal: a line per resource, then at most one a second, and where it ended.
        if (!newResource && !tty && !p.finished && sinceLine.elapsed() < 1000)
            return;
        if (newResource && tty && !lastResource.isEmpty())
            std::fputs("\n", stderr);
        lastResource = p.resource;
        sinceLine.restart();
        const QString line = QStringLiteral("sync %1: %2%3 records, %4 pages%5")
                                     .arg(p.resource, QLocale::c().toString(p.records),
                                          p.total ? QStringLiteral(" of %1").arg(QLocale::c().toString(*p.total)) : QString())
                                     .arg(p.pages)
                                     .arg(p.resumed ? QStringLiteral(" (resumed)") : QString());
        std::fputs(qPrintable(tty ? QString(QStringLiteral("\r") + line + QStringLiteral("   ")) : QString(line + QLatin1Char('\n'))), stderr);
        std::fflush(stderr);
    };
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    options.stopRequested = [] { return g_stop != 0; };
    const SyncReport report = syncStore(*db, *clients.source, options);
    if (tty)
        std::fputs("\n", stderr);
    const double seconds = std::max<qint64>(1, report.elapsedMs) / 1000.0;
    if (parser.isSet(QStringLiteral("json"))) {
        json j = { { "ok", report.error.ok() }, { "elapsed_ms", report.elapsedMs }, { "records", report.records() } };
        json resources = json::object();
        for (const auto &r : report.resources)
            resources[r.resource.toStdString()] = { { "written", r.written }, { "unchanged", r.unchanged }, { "stale", r.stale },
                                                    { "skipped", r.skipped } };
        j["resources"] = resources;
        if (!report.error.ok())
            j["error"] = report.error.message;
        if (shopify)
            j["throttle_waits"] = shopify->throttleWaits();
        outJson(j);
    } else {
        out(formatSyncReport(report));
        out(QStringLiteral("%1 records in %2 s (%3 records/s)%4")
                    .arg(report.records())
                    .arg(seconds, 0, 'f', 1)
                    .arg(qint64(double(report.records()) / seconds))
                    .arg(shopify && shopify->throttleWaits() > 0
                                 ? QStringLiteral("; waited %1 times (%2 ms) for Shopify's rate limit").arg(shopify->throttleWaits()).arg(shopify->waitedMs())
                                 : QString()));
    }
    if (!report.error.ok()) {
        err(QStringLiteral("store sync: %1; what was stored is kept and the next sync resumes from there").arg(report.error.message));
        return Failed;
    }
    return Ok;
}

int events(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The latest webhook events: topic, platform id, received time and outcome "
                                                    "(applied, duplicate, stale, rejected, ignored, failed with why)."));
    parser.addOption(dbOption());
    parser.addOption({ QStringLiteral("json"), QStringLiteral("One JSON object per event.") });
    parser.addOption({ QStringLiteral("limit"), QStringLiteral("How many (default 20)."), QStringLiteral("N"), QStringLiteral("20") });
    int code = Ok;
    if (!parse(parser, args, &code, 2))
        return code;
    if (parser.value(QStringLiteral("db")).isEmpty())
        return usageError(QStringLiteral("--db PATH is required"));
    bool ok = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1 || limit > 10000)
        return usageError(QStringLiteral("--limit: a number from 1 to 10000"));
    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    const auto list = latestEvents(*db, limit);
    if (parser.isSet(QStringLiteral("json"))) {
        json all = json::array();
        for (const auto &e : list)
            all.push_back(e.toJson());
        outJson(all);
        return Ok;
    }
    if (list.empty())
        out(QStringLiteral("no webhook events yet"));
    for (const auto &e : list)
        out(QStringLiteral("%1  %2  %3  %4  %5%6").arg(QString::number(e.id).rightJustified(5), toIso(e.receivedAt),
                                                         e.topic.leftJustified(20), e.platformId.leftJustified(20), e.status,
                                                         e.detail.isEmpty() ? QString() : QString(QStringLiteral(": ") + e.detail)));
    return Ok;
}

int outbox(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The write-back outbox: what the shop still has to do, what was done and what "
                                                    "failed. --run carries out what is due now; --retry ID puts a failed action back."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("json"), QStringLiteral("As JSON.") });
    parser.addOption({ QStringLiteral("run"), QStringLiteral("Carry out the due actions now, then list.") });
    parser.addOption({ QStringLiteral("retry"), QStringLiteral("Queue a failed action again."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("limit"), QStringLiteral("How many (default 20)."), QStringLiteral("N"), QStringLiteral("20") });
    int code = Ok;
    if (!parse(parser, args, &code, 2))
        return code;
    if (parser.value(QStringLiteral("db")).isEmpty())
        return usageError(QStringLiteral("--db PATH is required"));
    Clock clock;
    if (!clockFrom(parser, &clock))
        return Usage;
    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    if (parser.isSet(QStringLiteral("retry"))) {
        if (!retryAction(*db, parser.value(QStringLiteral("retry")).toLongLong(), clock.nowMs())) {
            err(QStringLiteral("store outbox: no failed or queued action %1").arg(parser.value(QStringLiteral("retry"))));
            return Failed;
        }
        out(QStringLiteral("action %1 queued again").arg(parser.value(QStringLiteral("retry"))));
    }
    if (parser.isSet(QStringLiteral("run"))) {
        OutboxWorker worker(*db, PlatformCredentials::fromEnvironment(), clock);
        const int n = worker.runDue();
        err(QStringLiteral("ran %1 due action(s)").arg(n));
    }
    const auto list = listActions(*db, parser.value(QStringLiteral("limit")).toInt());
    if (parser.isSet(QStringLiteral("json"))) {
        json all = json::array();
        for (const auto &a : list)
            all.push_back(a.toJson());
        outJson(all);
        return Ok;
    }
    if (list.empty())
        out(QStringLiteral("the outbox is empty"));
    for (const auto &a : list)
        out(QStringLiteral("%1  %2  %3  %4  %5 (attempt %6)%7").arg(QString::number(a.id).rightJustified(5), toIso(a.createdAt),
                                                                   a.action.leftJustified(16), a.subject.leftJustified(14), a.status)
                    .arg(a.attempts)
                    .arg(a.lastError.isEmpty() ? QString() : QString(QStringLiteral(": ") + a.lastError)));
    return Ok;
}

} // namespace

// `store stats` adds this block when a shop is (or was) connected.
QString platformStatsText(Database &db, const QDateTime &now, json *asJson)
{
    const json s = platformStatus(db, SmsProviderConfig::fromEnvironment(), now);
    if (asJson)
        *asJson = s;
    return formatPlatformStatus(s);
}

int runStorePlatform(const QString &sub, const QStringList &args, bool *handled)
{
    *handled = true;
    if (sub == QLatin1String("connect"))
        return connect(args);
    if (sub == QLatin1String("disconnect"))
        return disconnect(args);
    if (sub == QLatin1String("sync"))
        return sync(args);
    if (sub == QLatin1String("events"))
        return events(args);
    if (sub == QLatin1String("outbox"))
        return outbox(args);
    *handled = false;
    return Ok;
}

} // namespace ringside::cli
