// ringside-engine dnd import|check|add|remove|list: the do-not-call list (docs/campaigns.md).
#include "cliutil.h"

#include "campaigns/callingwindow.h"
#include "campaigns/campaignsettings.h"
#include "campaigns/dndlist.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QFile>

namespace ringside::cli {

namespace {

using namespace ringside::campaigns;

const QString kUsage = QStringLiteral(
        "Usage: ringside-engine dnd <import|check|add|remove> --db PATH [options]\n\n"
        "  import FILE   load an NCPR/DND export (CSV: a phone column, optional preference categories)\n"
        "  check PHONE   is the number listed, and which calls does that stop?\n"
        "  add PHONE     list a number for every campaign (--category C: only those NCPR categories)\n"
        "  remove PHONE  take a number off the list\n\n"
        "Run 'ringside-engine dnd <subcommand> --help' for its options.");

int usageError(const QString &problem)
{
    return cli::usageError(QStringLiteral("dnd"), problem);
}

struct Setup
{
    std::unique_ptr<Database> db;
    Clock clock;
    QString operand;
};

// Parses, requires --db and exactly one operand (`what` names it in the error).
bool setup(QCommandLineParser &parser, const QStringList &args, const QString &what, Setup *s, int *code)
{
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    if (!parse(parser, args, code, 2))
        return false;
    const QStringList ops = parser.positionalArguments().mid(2);
    if (ops.size() != 1) {
        *code = usageError(QStringLiteral("%1 takes exactly one %2").arg(args.value(2), what));
        return false;
    }
    s->operand = ops.first();
    if (parser.value(QStringLiteral("db")).isEmpty()) {
        *code = usageError(QStringLiteral("--db PATH is required"));
        return false;
    }
    if (!clockFrom(parser, &s->clock)) {
        *code = Usage;
        return false;
    }
    s->db = openDatabase(parser);
    if (!s->db) {
        *code = Failed;
        return false;
    }
    return true;
}

int importFile(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Loads an NCPR/DND export in one transaction: a phone column (\"Phone Number\", \"MSISDN\", \"Mobile\", or the first "
            "number-like column of a file without a header) and, if present, the preference categories (0 fully blocked, "
            "1–8 by sector). Numbers the customer or a person listed stay as they are. Lines without a usable number are "
            "counted and the first 20 named."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("CSV file."));
    Setup s;
    int code = Ok;
    if (!setup(parser, args, QStringLiteral("FILE"), &s, &code))
        return code;
    QFile file(s.operand);
    if (!file.open(QIODevice::ReadOnly)) {
        err(QStringLiteral("dnd: cannot read %1: %2").arg(s.operand, file.errorString()));
        return Failed;
    }
    try {
        const DndImportReport r = DndList(*s.db).importCsv(file, s.clock.now());
        for (const QString &p : r.problems)
            err(QStringLiteral("warning: %1").arg(p));
        outJson({ { "lines", r.lines }, { "added", r.added }, { "updated", r.updated }, { "kept", r.kept }, { "invalid", r.invalid } });
        return r.lines > 0 && r.invalid < r.lines ? Ok : Failed;
    } catch (const StorageError &e) {
        err(QStringLiteral("dnd: %1").arg(QString::fromUtf8(e.what())));
        return Failed;
    }
}

int check(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Says whether PHONE is listed and which calls that stops (exit 0 either way; 'listed' in the JSON)."));
    parser.addPositionalArgument(QStringLiteral("PHONE"), QStringLiteral("E.164, or ten digits for an Indian number."));
    Setup s;
    int code = Ok;
    if (!setup(parser, args, QStringLiteral("PHONE"), &s, &code))
        return code;
    try {
        const std::optional<DndEntry> e = DndList(*s.db).find(s.operand);
        if (!e) {
            outJson({ { "phone", s.operand }, { "listed", false } });
            return Ok;
        }
        const CampaignRules rules = CampaignSettings(*s.db).rules();
        const QString service = dndBlockReason(*e, CallKind::Service, rules.dnd);
        const QString promo = dndBlockReason(*e, CallKind::Promotional, rules.dnd);
        outJson({ { "phone", e->phone }, { "listed", true }, { "source", e->source }, { "categories", e->categories },
                  { "note", e->note }, { "added_at", toIso(e->addedAt) },
                  { "blocks", { { "service_calls", service.isEmpty() ? json(nullptr) : json(service) },
                                { "promotional_calls", promo.isEmpty() ? json(nullptr) : json(promo) } } } });
    } catch (const StorageError &e) {
        err(QStringLiteral("dnd: %1").arg(QString::fromUtf8(e.what())));
        return Failed;
    }
    return Ok;
}

int add(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists PHONE: no campaign calls it. --category limits it to those NCPR categories "
                                                    "(promotional calls only); --opt-out records it as the customer's own request."));
    parser.addPositionalArgument(QStringLiteral("PHONE"), QStringLiteral("E.164, or ten digits for an Indian number."));
    parser.addOption({ QStringLiteral("category"), QStringLiteral("NCPR categories, e.g. 0 or 1,5."), QStringLiteral("C") });
    parser.addOption({ QStringLiteral("note"), QStringLiteral("Why (kept with the entry)."), QStringLiteral("TEXT") });
    parser.addOption({ QStringLiteral("opt-out"), QStringLiteral("The customer asked not to be called.") });
    Setup s;
    int code = Ok;
    if (!setup(parser, args, QStringLiteral("PHONE"), &s, &code))
        return code;
    const QString source = parser.isSet(QStringLiteral("opt-out")) ? QStringLiteral("opt_out")
                           : parser.isSet(QStringLiteral("category")) ? QStringLiteral("ncpr")
                                                                      : QStringLiteral("manual");
    try {
        DndList list(*s.db);
        QString error;
        if (!list.add(s.operand, source, parser.value(QStringLiteral("category")), parser.value(QStringLiteral("note")), s.clock.now(), &error))
            return usageError(error);
        const auto e = list.find(s.operand);
        outJson({ { "phone", e ? e->phone : s.operand }, { "listed", true }, { "source", e ? e->source : source },
                  { "categories", e ? e->categories : QString() } });
    } catch (const StorageError &e) {
        err(QStringLiteral("dnd: %1").arg(QString::fromUtf8(e.what())));
        return Failed;
    }
    return Ok;
}

int remove(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Takes PHONE off the list (exit 1 when it was not listed)."));
    parser.addPositionalArgument(QStringLiteral("PHONE"), QStringLiteral("E.164, or ten digits for an Indian number."));
    Setup s;
    int code = Ok;
    if (!setup(parser, args, QStringLiteral("PHONE"), &s, &code))
        return code;
    try {
        const bool removed = DndList(*s.db).remove(s.operand);
        outJson({ { "phone", s.operand }, { "removed", removed } });
        return removed ? Ok : Failed;
    } catch (const StorageError &e) {
        err(QStringLiteral("dnd: %1").arg(QString::fromUtf8(e.what())));
        return Failed;
    }
}

} // namespace

int runDnd(const QStringList &args)
{
    const QString sub = args.value(2);
    if (sub.isEmpty())
        return usageError(QStringLiteral("say what to do: import, check, add or remove"));
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        out(kUsage);
        return Ok;
    }
    if (sub == QLatin1String("import"))
        return importFile(args);
    if (sub == QLatin1String("check"))
        return check(args);
    if (sub == QLatin1String("add"))
        return add(args);
    if (sub == QLatin1String("remove"))
        return remove(args);
    return usageError(QStringLiteral("unknown subcommand \"%1\"").arg(sub));
}

} // namespace ringside::cli
