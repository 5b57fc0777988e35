// ringside-engine voice: a spoken call from WAV files. Each --in file is the caller's next line;
// CallAssembly puts the call together and calls/voicecall.h plays it (latency measured on the
// audio itself). This file maps options to them and prints what happens.
#include "clisession.h"
#include "conversation/eventtype.h"
#include "cliutil.h"

#include "agent/agentcatalogue.h"
#include "calls/callassembly.h"
#include "calls/voicecall.h"
#include "speech/cloud/speechproviders.h"
#include "speech/speechpipeline.h"
#include "storage/database.h"

#include <QDir>
#include <QProcessEnvironment>

namespace ringside::cli {

namespace {

int usageError(const QString &problem)
{
    return cli::usageError(QStringLiteral("voice"), problem);
}

// The session's events as `chat` prints them (the caller's side comes from VoiceCall's reports).
void printEvent(const SessionEvent &ev, bool jsonl)
{
    if (jsonl)
        outJson(ev.toJson());
    else if (ev.is(EventType::Agent))
        out(QStringLiteral("agent: %1").arg(ev.text()));
    else if (ev.is(EventType::Escalation))
        out(QStringLiteral("[handed to a person: %1]").arg(stringAt(ev.data, "reason")));
    else if (ev.is(EventType::End))
        out(QStringLiteral("[call ended: %1]").arg(stringAt(ev.data, "outcome")));
    else if (ev.is(EventType::Notice))
        err(QStringLiteral("notice: %1").arg(stringAt(ev.data, "message")));
}

} // namespace

int runVoice(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "A spoken call from WAV files: each --in file (any rate) is the caller's next line, played into the speech "
            "pipeline after the agent has finished speaking. Prints the chat events plus stt_final and, per turn, "
            "latency_ms measured on the audio (end of the caller's speech → first agent sound); writes turn-N.wav "
            "(the agent's answer to line N; turn-0.wav is the greeting) and call.wav to --out-dir."));
    parser.addOption(dbOption());
    parser.addOption(nowOption());
    parser.addOption({ QStringLiteral("agent"), QStringLiteral("Agent slug, name or file (e.g. order-tracker)."), QStringLiteral("NAME|FILE") });
    parser.addOption({ QStringLiteral("in"), QStringLiteral("The caller's next line as a WAV file (repeatable, in order)."), QStringLiteral("WAV") });
    parser.addOption({ QStringLiteral("out-dir"), QStringLiteral("Folder for the agent's audio (created if needed)."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("realtime"), QStringLiteral("Pace the call in real time (default: as fast as possible on the same timeline).") });
    parser.addOption({ QStringLiteral("brain"), QStringLiteral("playbook (default, offline) or llm."), QStringLiteral("KIND"), QStringLiteral("playbook") });
    parser.addOption({ QStringLiteral("caller"), QStringLiteral("Caller ID of an inbound call (may identify the customer)."), QStringLiteral("PHONE") });
    parser.addOption({ QStringLiteral("customer"), QStringLiteral("Customer the call is about."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("order"), QStringLiteral("Order the call is about."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("cart"), QStringLiteral("Cart the call is about."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("jsonl"), QStringLiteral("Print every event as one JSON object per line.") });
    int code = Ok;
    if (!parse(parser, args, &code))
        return code;
    if (!parser.positionalArguments().mid(1).isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parser.positionalArguments().value(1)));
    for (const char *required : { "db", "agent", "in", "out-dir" })
        if (parser.value(QLatin1String(required)).isEmpty())
            return usageError(QStringLiteral("--%1 is required").arg(QLatin1String(required)));
    Clock clock;
    if (!clockFrom(parser, &clock))
        return Usage;

    std::vector<CallerLine> lines;
    for (const QString &path : parser.values(QStringLiteral("in"))) {
        auto line = VoiceCall::loadLine(path);
        if (!line.ok())
            return usageError(QStringLiteral("--in %1").arg(line.error()));
        lines.push_back(std::move(line).value());
    }
    const QString outDir = parser.value(QStringLiteral("out-dir"));
    if (!QDir().mkpath(outDir))
        return usageError(QStringLiteral("--out-dir: cannot create %1").arg(outDir));

    CatalogueEntry entry;
    if (!agentFrom(parser, QStringLiteral("voice"), &entry, &code))
        return code;
    auto db = openDatabase(parser);
    if (!db)
        return Failed;
    CallAssembly assembly(*db, CallServices{ {}, clock });
    CallRequest request;
    request.agent = entry;
    request.brainKind = parser.value(QStringLiteral("brain"));
    request.subject = subjectFrom(parser);
    request.channel = QStringLiteral("voice");
    request.line = SpeechLine{ VoiceCall::kRate, VoiceCall::kRate };
    QStringList notices;
    auto assembled = assembly.assemble(request, &notices);
    for (const QString &n : notices)
        err(QStringLiteral("notice: %1").arg(n));
    if (!assembled.ok()) {
        err(QStringLiteral("voice: %1").arg(assembled.error()));
        return Failed;
    }
    AssembledCall assembledCall = std::move(assembled).value(); // the recorder outlives the session
    Session *const session = assembledCall.session.get();

    // Speech engines chosen by the agent's sttProvider / ttsProvider; without a key the embedded
    // engines serve, and a provider failing mid-call falls back to them.
    SpeechProviders providers(QProcessEnvironment::systemEnvironment());
    SpeechChoice choice = chooseEngines(providers, assembledCall.speech,
                                        [](const QString &reason) { err(QStringLiteral("notice: %1").arg(reason)); });
    for (const QString &n : choice.notices)
        err(QStringLiteral("notice: %1").arg(n));
    if (!choice.tts) {
        err(QStringLiteral("voice: %1").arg(choice.ttsProblem));
        return Failed;
    }

    const bool jsonl = parser.isSet(QStringLiteral("jsonl"));
    VoiceCall::Output output;
    output.report = [jsonl](const json &event, const QString &plain, bool warning) {
        if (jsonl)
            outJson(event);
        else if (!plain.isEmpty())
            warning ? err(plain) : out(plain);
    };
    output.warn = [](const QString &line) { err(line); };
    std::unique_ptr<SpeechPipeline> pipeline;
    std::unique_ptr<VoiceCall> call;
    pipeline = std::make_unique<SpeechPipeline>(assembledCall.speech.pipeline, std::move(choice.stt), choice.tts.get(),
                                                [&call](const SpeechEvent &e) {
                                                    if (call)
                                                        call->onSpeechEvent(e);
                                                });
    QObject::connect(session, &Session::eventOccurred, session, [jsonl](const SessionEvent &ev) { printEvent(ev, jsonl); });
    call = std::make_unique<VoiceCall>(*session, *pipeline, lines, parser.isSet(QStringLiteral("realtime")), outDir, output);
    if (!pipeline->start()) {
        err(QStringLiteral("voice: the caller cannot be heard: %1").arg(pipeline->hearingProblem()));
        err(QStringLiteral("voice: use 'ringside-engine chat --agent %1' to type the caller's words instead")
                    .arg(parser.value(QStringLiteral("agent"))));
        return Failed;
    }
    session->start();
    const bool ok = call->run();
    call.reset();
    pipeline.reset();
    if (!jsonl && !assembledCall.recordId().isEmpty())
        err(QStringLiteral("call record %1").arg(assembledCall.recordId()));
    return ok ? Ok : Failed;
}

} // namespace ringside::cli
