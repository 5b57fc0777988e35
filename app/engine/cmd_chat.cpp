// ringside-engine chat: a conversation with an agent, typed on stdin or run from a script, against
// the store at --db. CallAssembly puts the call together and calls/typedcall.h runs it; this file
// maps options to them and prints what happens (the agent's lines, or every event as JSON Lines).
#include "clisession.h"
#include "cliutil.h"

#include "agent/agentcatalogue.h"
#include "analytics/callrecorder.h"
#include "calls/callassembly.h"
#include "commerce/storestats.h"
#include "calls/typedcall.h"
#include "server/platformruntime.h"
#include "storage/database.h"

#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace ringside::cli {

namespace {

int usageError(const QString &problem)
{
    return cli::usageError(QStringLiteral("chat"), problem);
}

// Plain output: the agent's words, and a bracketed line for what a caller would not hear.
void printPlain(const SessionEvent &ev)
{
    const EventType t = ev.kind();
    if (t == EventType::Agent)
        out(ev.text());
    else if (t == EventType::Escalation)
        out(QStringLiteral("[handed to a person: %1 — %2]").arg(stringAt(ev.data, "reason"), stringAt(ev.data, "summary")));
    else if (t == EventType::End)
        out(QStringLiteral("[call ended: %1]").arg(stringAt(ev.data, "outcome")));
    else if (t == EventType::Notice)
        err(QStringLiteral("notice: %1").arg(stringAt(ev.data, "message")));
}

} // namespace

int runChat(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Talks to an agent through the engine: type the caller's words (an empty line is silence, end of input "
            "hangs up), or run --script FILE ({\"vars\": {…}, \"turns\": […]}). Prints the agent's lines, or every event "
            "as JSON Lines with --jsonl (docs/engine.md). Writes a call record to the store."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("agent"), QStringLiteral("Agent slug, name or file (e.g. order-tracker)."), QStringLiteral("NAME|FILE") });
    parser.addOption({ QStringLiteral("brain"), QStringLiteral("playbook (default, offline) or llm."), QStringLiteral("KIND"),
                       QStringLiteral("playbook") });
    parser.addOption({ QStringLiteral("var"), QStringLiteral("A template variable, overriding the store (repeatable)."), QStringLiteral("K=V") });
    parser.addOption({ QStringLiteral("customer"), QStringLiteral("Customer the call is about."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("order"), QStringLiteral("Order the call is about."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("cart"), QStringLiteral("Cart the call is about."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("caller"), QStringLiteral("Caller ID of an inbound call (may identify the customer)."), QStringLiteral("PHONE") });
    parser.addOption({ QStringLiteral("language"),
                       QStringLiteral("Hold the call in this language (e.g. ta-IN): the agent's variant for it. The playbook brain speaks "
                                      "English and Hindi, so another language goes to the llm brain when one is configured, else "
                                      "the call runs in the agent's own language."),
                       QStringLiteral("CODE") });
    parser.addOption({ QStringLiteral("channel"), QStringLiteral("Channel on the call record (default chat)."), QStringLiteral("NAME"),
                       QStringLiteral("chat") });
    parser.addOption({ QStringLiteral("script"), QStringLiteral("Run this script to the end instead of reading stdin."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("jsonl"), QStringLiteral("Print every event as one JSON object per line.") });
    int code = Ok;
    if (!parse(parser, args, &code))
        return code;
    if (!parser.positionalArguments().mid(1).isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parser.positionalArguments().value(1)));
    if (parser.value(QStringLiteral("db")).isEmpty())
        return usageError(QStringLiteral("--db PATH is required"));
    if (parser.value(QStringLiteral("agent")).isEmpty())
        return usageError(QStringLiteral("--agent NAME|FILE is required"));
    Clock clock;
    if (!clockFrom(parser, &clock))
        return Usage;

    ChatScript script;
    const bool scripted = parser.isSet(QStringLiteral("script"));
    if (scripted) {
        auto read = readChatScript(parser.value(QStringLiteral("script")));
        if (!read.ok())
            return usageError(QStringLiteral("--script: %1").arg(read.error()));
        script = std::move(read).value();
    }
    QHash<QString, QString> vars = script.vars;
    for (const QString &kv : parser.values(QStringLiteral("var"))) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usageError(QStringLiteral("--var: \"%1\" is not NAME=VALUE").arg(kv));
        vars.insert(kv.left(eq).trimmed(), kv.mid(eq + 1));
    }

    CatalogueEntry entry;
    if (!agentFrom(parser, QStringLiteral("chat"), &entry, &code))
        return code;
    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    if (commerce::storeRecordCount(*db) == 0)
        err(QStringLiteral("notice: the store at %1 is empty; 'ringside-engine store init --demo --db %1' fills it")
                    .arg(parser.value(QStringLiteral("db"))));
    // The store is a connected shop's mirror (changes also queued for the shop, sent by the outbox
    // worker), or the embedded store: CallAssembly chooses.
    CallAssembly assembly(*db, CallServices{ {}, clock });
    server::PlatformRuntime platformWork(*db, clock);
    CallRequest request;
    request.agent = entry;
    request.brainKind = parser.value(QStringLiteral("brain"));
    request.language = parser.value(QStringLiteral("language")); // the agent's variant for it, when there is one
    request.subject = subjectFrom(parser);
    request.subject.overrides = vars;
    request.channel = parser.value(QStringLiteral("channel"));
    QStringList notices;
    auto assembled = assembly.assemble(request, &notices);
    for (const QString &n : notices)
        err(QStringLiteral("notice: %1").arg(n));
    if (!assembled.ok()) {
        err(QStringLiteral("chat: %1").arg(assembled.error()));
        return Failed;
    }
    AssembledCall call = std::move(assembled).value(); // the recorder outlives the session
    Session *const session = call.session.get();
    analytics::CallRecorder &recorder = *call.recorder;

    const bool jsonl = parser.isSet(QStringLiteral("jsonl"));
    QObject::connect(session, &Session::eventOccurred, session, [jsonl](const SessionEvent &ev) {
        if (jsonl)
            outJson(ev.toJson());
        else
            printPlain(ev);
    });
    session->start();

    const bool prompt = !scripted && !jsonl && isatty(STDIN_FILENO);
    QTextStream in(stdin);
    int next = 0;
    const TypedCallEnd end = runTypedCall(*session, [&]() -> std::optional<QString> {
        recorder.flush(); // the record as of the last turn, before reading stdin blocks the event loop
        if (scripted)
            return next < script.turns.size() ? std::optional<QString>(script.turns.at(next++)) : std::nullopt;
        if (prompt) {
            std::fputs("> ", stdout);
            std::fflush(stdout);
        }
        QString line;
        if (!in.readLineInto(&line))
            return std::nullopt; // end of input: the caller hung up
        return line;
    });
    if (end == TypedCallEnd::NoAnswer)
        err(QStringLiteral("chat: the agent did not answer within 60 seconds; hanging up"));
    if (!jsonl && !recorder.recordId().isEmpty())
        err(QStringLiteral("call record %1").arg(recorder.recordId()));
    return Ok;
}

} // namespace ringside::cli
