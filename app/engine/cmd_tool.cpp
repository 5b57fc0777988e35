// ringside-engine tool: runs one agent tool against the store, as a brain would, and prints the
// result JSON. The work lives in core/tools; this file maps options to it.
#include "cliutil.h"

#include "calls/callassembly.h"
#include "storage/database.h"
#include "tools/toolcatalogue.h"
#include "tools/toolerror.h"
#include "tools/toolregistry.h"

namespace ringside::cli {

namespace {

int usageError(const QString &problem)
{
    return cli::usageError(QStringLiteral("tool"), problem, QStringLiteral("Try 'ringside-engine tool --help' or 'ringside-engine tool --list'."));
}

void listTools()
{
    for (const ToolDefinition &def : toolCatalogue())
        out(QStringLiteral("%1  %2").arg(def.name.leftJustified(31), def.description));
}

// An argument error is the caller's to fix (exit 2); a store failure is ours (exit 1).
int exitCodeFor(const json &result)
{
    const QString code = toolErrorCode(result);
    if (code.isEmpty())
        return Ok;
    return code == QLatin1String("internal") ? Failed : Usage;
}

} // namespace

int runTool(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Runs tool NAME with JSON-ARGS (an object; default {}) against the store at --db and prints the result.\n"
            "Exit codes: 0 a result (including refusals such as \"success\": false), 2 an argument error "
            "({\"error\":{code,message,field}}), 1 a store failure. See docs/tools.md."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("language"), QStringLiteral("Language of spoken messages: en-US (default) or hi-IN."),
                       QStringLiteral("TAG"), QStringLiteral("en-US") });
    parser.addOption({ QStringLiteral("pretty"), QStringLiteral("Indent the JSON.") });
    parser.addOption({ QStringLiteral("list"), QStringLiteral("List the tools and exit.") });
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Tool name, e.g. get_order_status."),
                                 QStringLiteral("tool NAME"));
    parser.addPositionalArgument(QStringLiteral("JSON-ARGS"),
                                 QStringLiteral("Arguments as a JSON object, e.g. '{\"order_id\":\"ORD-482913\"}'."),
                                 QStringLiteral("[JSON-ARGS]"));
    int code = Ok;
    if (!parse(parser, args, &code))
        return code;
    if (parser.isSet(QStringLiteral("list"))) {
        listTools();
        return Ok;
    }

    const QStringList operands = parser.positionalArguments().mid(1); // drop "tool"
    if (operands.isEmpty())
        return usageError(QStringLiteral("NAME is required"));
    if (operands.size() > 2)
        return usageError(QStringLiteral("expected NAME and one JSON-ARGS, got %1 arguments (quote the JSON)").arg(operands.size()));
    if (parser.value(QStringLiteral("db")).isEmpty())
        return usageError(QStringLiteral("--db PATH is required"));
    Clock clock;
    if (!clockFrom(parser, &clock))
        return Usage;

    json arguments = json::object();
    if (operands.size() == 2) {
        try {
            arguments = json::parse(operands.at(1).toStdString());
        } catch (const json::exception &e) { // parse_error, or out_of_range for a number too large
            outJson(ToolError{ QStringLiteral("invalid_arguments"),
                               QStringLiteral("JSON-ARGS is not valid JSON: %1").arg(QString::fromUtf8(e.what())), QString() }
                            .toJson(),
                    parser.isSet(QStringLiteral("pretty")));
            return Usage;
        }
    }

    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    // The tools over the store a call would use: a connected shop's mirror (changes are queued for
    // the shop; serve or 'store outbox --run' sends them), or the embedded store.
    CallAssembly assembly(*db, CallServices{ {}, clock });
    ToolRegistry &registry = assembly.tools();
    ToolContext context;
    context.now = clock.now();
    context.language = parser.value(QStringLiteral("language"));
    const json result = registry.call(operands.at(0), arguments, context);
    outJson(result, parser.isSet(QStringLiteral("pretty")));
    return exitCodeFor(result);
}

} // namespace ringside::cli
