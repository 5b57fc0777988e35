// ringside-engine campaigns list|show|run|pause|resume|cancel|rules|consent: the outbound call
// queue from the command line (docs/campaigns.md). The work lives in core/campaigns.
#include "cliutil.h"

#include "campaigns/callqueue.h"
#include "campaigns/campaignagents.h"
#include "campaigns/campaignjson.h"
#include "campaigns/campaignsettings.h"
#include "campaigns/dndlist.h"
#include "campaigns/triggerscanner.h"
#include "engine/nlu/analyser.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QFile>

#include <functional>

#include <cstdio>

namespace ringside::cli {

int runCampaignsRun(const QStringList &args); // cmd_campaignsrun.cpp

namespace {

using namespace ringside::campaigns;

const QString kUsage = QStringLiteral(
        "Usage: ringside-engine campaigns <list|show|run|pause|resume|cancel|rules|consent> --db PATH [options]\n\n"
        "  list     the planned calls (plans what the store asks for first): id, use case, subject, due time, status\n"
        "  show     one call: every attempt of its trigger and its history\n"
        "  run      --once: place what is due now (or at --now) and exit\n"
        "  pause    stop placing calls (all, or --use-case U); planned calls wait\n"
        "  resume   place calls again\n"
        "  cancel   cancel a planned call by id\n"
        "  rules    print the rules as JSON; --set FILE stores new ones after checking them\n"
        "  consent  record (or --revoke) a number's consent to marketing calls\n\n"
        "Run 'ringside-engine campaigns <subcommand> --help' for its options.");

int usageError(const QString &problem)
{
    return cli::usageError(QStringLiteral("campaigns"), problem);
}

QStringList operands(const QCommandLineParser &parser)
{
    return parser.positionalArguments().mid(2);
}

QCommandLineOption useCaseOption()
{
    return { QStringLiteral("use-case"), QStringLiteral("cod_confirmation, delivery_update, cart_recovery or callback."), QStringLiteral("U") };
}

bool checkUseCase(const QCommandLineParser &parser, QString *useCase)
{
    *useCase = parser.value(QStringLiteral("use-case"));
    if (!useCase->isEmpty() && !useCases().contains(*useCase)) {
        usageError(QStringLiteral("--use-case: \"%1\" is not one of %2").arg(*useCase, useCases().join(QStringLiteral(", "))));
        return false;
    }
    return true;
}

// The common start: options parsed, --db open, the clock set.
struct Context
{
    std::unique_ptr<Database> db;
    Clock clock;
};

bool open(QCommandLineParser &parser, const QStringList &args, Context *ctx, int *code)
{
    if (!parse(parser, args, code, 2))
        return false;
    if (parser.value(QStringLiteral("db")).isEmpty()) {
        *code = usageError(QStringLiteral("--db PATH is required"));
        return false;
    }
    if (!clockFrom(parser, &ctx->clock)) {
        *code = Usage;
        return false;
    }
    ctx->db = openDatabase(parser);
    if (!ctx->db) {
        *code = Failed;
        return false;
    }
    return true;
}

// A subcommand's body with its options parsed, --db open and the clock set; a database failure
// is reported the same way for every subcommand.
int run(QCommandLineParser &parser, const QStringList &args, const std::function<int(Context &)> &body)
{
    Context ctx;
    int code = Ok;
    if (!open(parser, args, &ctx, &code))
        return code;
    try {
        return body(ctx);
    } catch (const StorageError &e) {
        err(QStringLiteral("campaigns: %1").arg(QString::fromUtf8(e.what())));
        return Failed;
    }
}

QString cell(const QString &s, int width)
{
    return s.size() > width ? s.left(width - 1) + QChar(0x2026) : s.leftJustified(width);
}

int list(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Lists the planned outbound calls, soonest first. First plans what the store asks for and is not planned yet "
            "(COD confirmations, delivery updates, cart recoveries, callbacks) as of --now; --no-scan only reads."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("json"), QStringLiteral("A JSON array, one object per call.") });
    parser.addOption({ QStringLiteral("status"), QStringLiteral("scheduled, dialing, done, skipped, failed or cancelled."), QStringLiteral("S") });
    parser.addOption(useCaseOption());
    parser.addOption({ QStringLiteral("limit"), QStringLiteral("A page of at most N calls (default 200 as text, 1000 as JSON; 0 = all)."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("after"), QStringLiteral("The next page: the calls after call ID (the last one listed)."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("no-scan"), QStringLiteral("Do not plan anything; only list.") });
    parser.addOption({ QStringLiteral("agents"), QStringLiteral("A folder of your agent files, beside the shipped ones."), QStringLiteral("DIR") });
    return run(parser, args, [&](Context &ctx) -> int {
        CallQueue::Filter filter;
        filter.status = parser.value(QStringLiteral("status"));
        if (!filter.status.isEmpty() && !statuses().contains(filter.status))
            return usageError(QStringLiteral("--status: \"%1\" is not one of %2").arg(filter.status, statuses().join(QStringLiteral(", "))));
        if (!checkUseCase(parser, &filter.useCase))
            return Usage;
        const bool asJson = parser.isSet(QStringLiteral("json"));
        bool ok = true;
        filter.limit = parser.isSet(QStringLiteral("limit")) ? parser.value(QStringLiteral("limit")).toInt(&ok) : (asJson ? 1000 : 200);
        if (!ok || filter.limit < 0)
            return usageError(QStringLiteral("--limit: \"%1\" is not a whole number").arg(parser.value(QStringLiteral("limit"))));
        if (parser.isSet(QStringLiteral("after"))) {
            filter.after = parser.value(QStringLiteral("after")).toLongLong(&ok);
            if (!ok || filter.after <= 0)
                return usageError(QStringLiteral("--after: \"%1\" is not a call ID").arg(parser.value(QStringLiteral("after"))));
            if (!CallQueue(*ctx.db).byId(filter.after)) {
                err(QStringLiteral("campaigns: --after: no planned call %1").arg(filter.after));
                return Failed;
            }
        }
        if (!parser.isSet(QStringLiteral("no-scan"))) {
            const CampaignAgents agents(parser.value(QStringLiteral("agents")));
            const auto analyser = nlu::Analyser::builtin();
            const ScanReport r = TriggerScanner(*ctx.db, agents, analyser.ok() ? &analyser.value() : nullptr).scan(ctx.clock.now());
            if (r.total() > 0 && !asJson)
                err(QStringLiteral("planned %1 new call(s): %2 COD, %3 delivery, %4 cart, %5 callback")
                            .arg(r.total()).arg(r.cod).arg(r.delivery).arg(r.cart).arg(r.callback));
        }
        CallQueue queue(*ctx.db);
        // One more than the page says whether another page follows.
        const int page = filter.limit;
        if (page > 0)
            ++filter.limit;
        std::vector<ScheduledCall> calls = queue.list(filter);
        const bool more = page > 0 && calls.size() > std::size_t(page);
        if (more)
            calls.pop_back();
        const QString nextPage = more ? QStringLiteral("… more after call %1: --after %1 for the next page (--limit 0 lists all)").arg(calls.back().id)
                                      : QString();
        CallJson view;
        if (asJson) {
            // Written row by row: 100,000 calls stay fast and never sit in one big document.
            std::string text = "[";
            bool first = true;
            for (const ScheduledCall &c : calls) {
                text += first ? "\n" : ",\n";
                first = false;
                view.appendJson(text, c);
                if (text.size() > (1 << 20)) {
                    std::fwrite(text.data(), 1, text.size(), stdout);
                    text.clear();
                }
            }
            text += first ? "]\n" : "\n]\n";
            std::fwrite(text.data(), 1, text.size(), stdout);
            std::fflush(stdout);
            if (more)
                err(nextPage);
            return Ok;
        }
        if (calls.empty()) {
            out(QStringLiteral("no planned calls%1").arg(filter.status.isEmpty() ? QString() : QStringLiteral(" with status %1").arg(filter.status)));
            return Ok;
        }
        out(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8").arg(cell(QStringLiteral("ID"), 7), cell(QStringLiteral("USE CASE"), 17), cell(QStringLiteral("SUBJECT"), 14),
                                                          cell(QStringLiteral("PHONE"), 14), cell(QStringLiteral("DUE (local)"), 26), cell(QStringLiteral("#"), 2),
                                                          cell(QStringLiteral("STATUS"), 10), QStringLiteral("REASON / OUTCOME")));
        for (const ScheduledCall &c : calls)
            out(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
                        .arg(cell(QString::number(c.id), 7), cell(c.useCase, 17), cell(c.subjectId(), 14), cell(c.phone, 14),
                             cell(view.local(c.dueAt, c.timezone), 26), cell(QString::number(c.attempt), 2), cell(c.status, 10),
                             c.reason.isEmpty() ? c.outcome : (c.outcome.isEmpty() ? c.reason : c.reason + QStringLiteral(" / ") + c.outcome)));
        if (more)
            out(nextPage);
        return Ok;
    });
}

// Parses the one call ID operand and finds it; prints the problem and returns nullopt otherwise.
std::optional<ScheduledCall> callOperand(const QCommandLineParser &parser, Context &ctx, const QString &subcommand, int *code)
{
    bool ok = false;
    const qint64 id = operands(parser).value(0).toLongLong(&ok);
    if (operands(parser).size() != 1 || !ok) {
        *code = usageError(QStringLiteral("%1 takes one call ID").arg(subcommand));
        return std::nullopt;
    }
    const auto call = CallQueue(*ctx.db).byId(id);
    if (!call) {
        err(QStringLiteral("campaigns: no planned call %1").arg(id));
        *code = Failed;
    }
    return call;
}

int show(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("One planned call with every attempt of its trigger and each attempt's history, as JSON."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The call's id (campaigns list)."));
    return run(parser, args, [&](Context &ctx) -> int {
        int code = Ok;
        const auto call = callOperand(parser, ctx, QStringLiteral("show"), &code);
        if (!call)
            return code;
        CallQueue queue(*ctx.db);
        CallJson view;
        json attempts = json::array();
        for (const ScheduledCall &a : queue.attempts(call->subjectKey)) {
            json j = view.toJson(a);
            json history = json::array();
            for (const CampaignEvent &e : queue.events(a.id))
                history.push_back(view.eventJson(e, a.timezone));
            j["history"] = history;
            attempts.push_back(j);
        }
        outJson({ { "subject", call->subjectKey }, { "attempts", attempts } }, true);
        return Ok;
    });
}

int pauseOrResume(const QStringList &args, bool pause)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(pause ? QStringLiteral("Stops placing calls (every use case, or --use-case). Planned calls stay planned.")
                                           : QStringLiteral("Places calls again (every use case, or --use-case); calls that fell due meanwhile go first."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption(useCaseOption());
    return run(parser, args, [&](Context &ctx) -> int {
        QString useCase;
        if (!checkUseCase(parser, &useCase))
            return Usage;
        CampaignSettings settings(*ctx.db);
        const QStringList changed = pause ? settings.pause(useCase, ctx.clock.now()) : settings.resume(useCase);
        const QStringList paused = settings.pausedUseCases();
        outJson({ { pause ? "paused" : "resumed", changed }, { "now_paused", paused } });
        return Ok;
    });
}

int cancel(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Cancels a planned call that is not being dialled yet."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The call's id (campaigns list)."));
    return run(parser, args, [&](Context &ctx) -> int {
        int code = Ok;
        const auto call = callOperand(parser, ctx, QStringLiteral("cancel"), &code);
        if (!call)
            return code;
        const qint64 id = call->id;
        CallQueue queue(*ctx.db);
        if (!queue.cancel(id, QStringLiteral("operator"), ctx.clock.now())) {
            err(QStringLiteral("campaigns: call %1 is %2; only scheduled calls can be cancelled").arg(id).arg(call->status));
            return Failed;
        }
        outJson({ { "cancelled", id } });
        return Ok;
    });
}

int rules(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Prints the campaign rules (defaults for what was never set) as JSON. "
                                                    "--set FILE checks a rules document and stores it; every problem is named by its field."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("set"), QStringLiteral("A rules JSON file (any subset of the fields)."), QStringLiteral("FILE") });
    return run(parser, args, [&](Context &ctx) -> int {
        CampaignSettings settings(*ctx.db);
        if (parser.isSet(QStringLiteral("set"))) {
            QFile file(parser.value(QStringLiteral("set")));
            if (!file.open(QIODevice::ReadOnly)) {
                err(QStringLiteral("campaigns: cannot read %1: %2").arg(file.fileName(), file.errorString()));
                return Failed;
            }
            const QByteArray text = file.readAll();
            const json doc = json::parse(text.constBegin(), text.constEnd(), nullptr, false);
            if (doc.is_discarded()) {
                err(QStringLiteral("campaigns: %1 is not JSON").arg(file.fileName()));
                return Failed;
            }
            QStringList problems;
            const CampaignRules merged = CampaignRules::fromJson(doc, &problems);
            if (problems.isEmpty())
                problems = settings.saveRules(merged, ctx.clock.now());
            if (!problems.isEmpty()) {
                for (const QString &p : problems)
                    err(QStringLiteral("error: %1").arg(p));
                err(QStringLiteral("campaigns: the rules were not changed"));
                return Failed;
            }
        }
        QStringList problems;
        const CampaignRules current = settings.rules(&problems);
        for (const QString &p : problems)
            err(QStringLiteral("warning: %1").arg(p));
        outJson(current.toJson(), true);
        return Ok;
    });
}

int consent(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Records a number's consent to marketing calls (US cart recovery needs one), "
                                                    "with where it was given; --revoke withdraws it."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("source"), QStringLiteral("Where it was given, e.g. \"checkout checkbox\"."), QStringLiteral("TEXT") });
    parser.addOption({ QStringLiteral("customer"), QStringLiteral("The customer id."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("revoke"), QStringLiteral("Withdraw the number's consents.") });
    parser.addPositionalArgument(QStringLiteral("PHONE"), QStringLiteral("E.164 number."));
    return run(parser, args, [&](Context &ctx) -> int {
        const QString phone = operands(parser).value(0);
        if (operands(parser).size() != 1)
            return usageError(QStringLiteral("consent takes one PHONE"));
        DndList lists(*ctx.db);
        if (parser.isSet(QStringLiteral("revoke"))) {
            outJson({ { "phone", phone }, { "revoked", lists.revokeConsents(phone, ctx.clock.now()) } });
            return Ok;
        }
        if (parser.value(QStringLiteral("source")).trimmed().isEmpty())
            return usageError(QStringLiteral("--source: say where the consent was given"));
        lists.addConsent(phone, parser.value(QStringLiteral("customer")), QStringLiteral("marketing"), parser.value(QStringLiteral("source")),
                         ctx.clock.now());
        outJson({ { "phone", phone }, { "consent", true }, { "source", parser.value(QStringLiteral("source")) } });
        return Ok;
    });
}

} // namespace

int runCampaigns(const QStringList &args)
{
    const QString sub = args.value(2);
    if (sub.isEmpty())
        return usageError(QStringLiteral("say what to do: list, show, run, pause, resume, cancel, rules or consent"));
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        out(kUsage);
        return Ok;
    }
    if (sub == QLatin1String("list"))
        return list(args);
    if (sub == QLatin1String("show"))
        return show(args);
    if (sub == QLatin1String("run"))
        return runCampaignsRun(args);
    if (sub == QLatin1String("pause"))
        return pauseOrResume(args, true);
    if (sub == QLatin1String("resume"))
        return pauseOrResume(args, false);
    if (sub == QLatin1String("cancel"))
        return cancel(args);
    if (sub == QLatin1String("rules"))
        return rules(args);
    if (sub == QLatin1String("consent"))
        return consent(args);
    return usageError(QStringLiteral("unknown subcommand \"%1\"").arg(sub));
}

} // namespace ringside::cli
