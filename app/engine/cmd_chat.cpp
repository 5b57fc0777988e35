// ringside-engine chat: a conversation with an agent, typed on stdin or run from a script, against
// the store at --db. The work lives in core/engine; this file maps options to a Session and prints
// what happens (the agent's lines, or every event as JSON Lines with --jsonl).
#include "clisession.h"
#include "cliutil.h"
#include "platformruntime.h"

#include "agent/agentcatalogue.h"
#include "analytics/callrecorder.h"
#include "analytics/callrecordstore.h"
#include "commerce/sqlstore.h"
#include "commerce/storestats.h"
#include "engine/callagent.h"
#include "engine/nlu/analyser.h"
#include "engine/sessionfactory.h"
#include "engine/turnwait.h"
#include "platforms/storebackend.h"
#include "storage/database.h"
#include "tools/toolcatalogue.h"
#include "tools/toolregistry.h"

#include <QFile>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace ringside::cli {

namespace {

int usageError(const QString &problem)
{
    err(QStringLiteral("chat: %1").arg(problem));
    err(QStringLiteral("Try 'ringside-engine chat --help'."));
    return Usage;
}

struct Script
{
    QHash<QString, QString> vars;
    QStringList turns;
};

// {"vars": {"k": "v"}, "turns": ["…", "…"]}
bool readScript(const QString &path, Script *script, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("--script: cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    json doc;
    try {
        doc = json::parse(file.readAll().toStdString());
    } catch (const json::parse_error &e) {
        *error = QStringLiteral("--script: %1 is not JSON: %2").arg(path, QString::fromUtf8(e.what()));
        return false;
    }
    if (!doc.is_object()) {
        *error = QStringLiteral("--script: %1: /: must be an object {\"vars\": {…}, \"turns\": […]}").arg(path);
        return false;
    }
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (it.key() != "vars" && it.key() != "turns") {
            *error = QStringLiteral("--script: %1: /%2: unknown key (known: vars, turns)").arg(path, qs(it.key()));
            return false;
        }
    }
    if (doc.contains("vars")) {
        if (!doc["vars"].is_object()) {
            *error = QStringLiteral("--script: %1: /vars: must be an object of strings").arg(path);
            return false;
        }
        for (auto it = doc["vars"].begin(); it != doc["vars"].end(); ++it) {
            if (!it->is_string()) {
                *error = QStringLiteral("--script: %1: /vars/%2: must be a string").arg(path, qs(it.key()));
                return false;
            }
            script->vars.insert(qs(it.key()), qs(it->get<std::string>()));
        }
    }
    if (!doc.contains("turns") || !doc["turns"].is_array()) {
        *error = QStringLiteral("--script: %1: /turns: required array of strings is missing").arg(path);
        return false;
    }
    for (size_t i = 0; i < doc["turns"].size(); ++i) {
        if (!doc["turns"][i].is_string()) {
            *error = QStringLiteral("--script: %1: /turns/%2: must be a string").arg(path).arg(i);
            return false;
        }
        script->turns << qs(doc["turns"][i].get<std::string>());
    }
    return true;
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

    Script script;
    const bool scripted = parser.isSet(QStringLiteral("script"));
    if (scripted) {
        QString error;
        if (!readScript(parser.value(QStringLiteral("script")), &script, &error))
            return usageError(error);
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
    QString brainKind = parser.value(QStringLiteral("brain"));
    if (parser.isSet(QStringLiteral("language"))) {
        const AgentCatalogue catalogue(QString(), toolNames());
        const CallAgent choice = agentForCall(catalogue, entry, parser.value(QStringLiteral("language")), brainKind);
        if (!choice.note.isEmpty())
            err(QStringLiteral("notice: %1").arg(choice.note));
        entry = choice.entry;
        brainKind = choice.brainKind;
    }

    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    if (commerce::storeRecordCount(*db) == 0)
        err(QStringLiteral("notice: the store at %1 is empty; 'ringside-engine store init --demo --db %1' fills it")
                    .arg(parser.value(QStringLiteral("db"))));
    // A connected shop's mirror (changes also queued for the shop, sent by the outbox worker), or the embedded store.
    const auto backend = platforms::storeBackendFor(*db);
    CommerceBackend &store = *backend;
    PlatformRuntime platformWork(*db, clock);
    ToolRegistry tools(store);
    analytics::CallRecordStore records(*db);
    auto analyser = nlu::Analyser::builtin();
    if (!analyser.ok()) {
        err(QStringLiteral("error: NLU lexicon: %1").arg(analyser.error()));
        return Failed;
    }

    SessionRequest request;
    request.agent = entry.agent;
    request.agentPath = entry.path;
    request.brainKind = brainKind;
    request.subject = subjectFrom(parser);
    request.subject.overrides = vars;
    request.channel = parser.value(QStringLiteral("channel"));
    request.clock = clock;
    analytics::CallRecorder recorder(records); // outlives the session
    EngineServices services{ store, tools, &recorder, std::make_shared<const nlu::Analyser>(std::move(analyser).value()) };
    QStringList notices;
    auto created = createSession(request, services, &notices);
    for (const QString &n : notices)
        err(QStringLiteral("notice: %1").arg(n));
    if (!created.ok()) {
        err(QStringLiteral("chat: %1").arg(created.error()));
        return Failed;
    }
    std::unique_ptr<Session> session = std::move(created).value();

    const bool jsonl = parser.isSet(QStringLiteral("jsonl"));
    QObject::connect(session.get(), &Session::event, session.get(), [jsonl](const SessionEvent &ev) {
        if (jsonl)
            outJson(ev.toJson());
        else
            printPlain(ev);
    });
    session->start();

    const bool prompt = !scripted && !jsonl && isatty(STDIN_FILENO);
    QTextStream in(stdin);
    int next = 0;
    while (!session->isEnded()) {
        recorder.flush(); // the record as of the last turn, before reading stdin blocks the event loop
        QString line;
        if (scripted) {
            if (next >= script.turns.size())
                break;
            line = script.turns.at(next++);
        } else {
            if (prompt) {
                std::fputs("> ", stdout);
                std::fflush(stdout);
            }
            if (!in.readLineInto(&line))
                break; // end of input: the caller hung up
        }
        if (!sayAndWait(*session, line)) {
            err(QStringLiteral("chat: the agent did not answer within 60 seconds; hanging up"));
            break;
        }
    }
    if (!session->isEnded())
        session->end(QStringLiteral("hangup"));
    if (!jsonl && !recorder.recordId().isEmpty())
        err(QStringLiteral("call record %1").arg(recorder.recordId()));
    return Ok;
}

} // namespace ringside::cli
