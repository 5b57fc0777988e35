#include "commands.h"

#include <vector>

namespace ringside::cli {

// One declaration and one table row per command; the implementations live in cmd_<name>.cpp.
int runStore(const QStringList &args);
int runValidate(const QStringList &args);
int runKpi(const QStringList &args);
int runRoi(const QStringList &args);
int runExport(const QStringList &args);
int runTool(const QStringList &args);
int runChat(const QStringList &args);
int runTest(const QStringList &args);
int runNlu(const QStringList &args);
int runVoice(const QStringList &args);
int runServe(const QStringList &args);
int runCall(const QStringList &args);
int runLoadgen(const QStringList &args);
int runCampaigns(const QStringList &args);
int runDnd(const QStringList &args);

const std::vector<Command> &commands()
{
    static const std::vector<Command> table = {
        { "store", "Create, fill (demo or fixture file), export and count the embedded store", runStore },
        { "validate", "Check agent files and print every problem with its JSON pointer", runValidate },
        { "kpi", "KPIs of the calls in a date range (text or --json, with --series per day)", runKpi },
        { "roi", "Return on investment with every assumption shown and changeable", runRoi },
        { "export", "Export call records (export calls --format csv)", runExport },
        { "tool", "Run one agent tool against the store and print its JSON result (--list for names)", runTool },
        { "chat", "Talk to an agent (typed, or --script) through the engine; --jsonl prints every event", runChat },
        { "test", "Run regression scenarios (a file or folder) and print PASS/FAIL per scenario", runTest },
        { "nlu", "Show what the playbook NLU understands in utterances (English, Hinglish, Hindi) as JSON lines", runNlu },
        { "voice", "A spoken call from WAV files through the speech pipeline: agent audio per turn, latency measured on the audio", runVoice },
        { "serve", "Run the call gateway: Twilio/Exotel media, TwiML, the /monitor feed, /healthz, /metrics", runServe },
        { "call", "Place an outbound call through Twilio (or Exotel) to an agent on a running gateway", runCall },
        { "loadgen", "Stand-in Twilio callers against a gateway: answered calls, late frames, turn latency, engine CPU", runLoadgen },
        { "campaigns", "Outbound campaigns: list the planned calls, run the dialer once, pause/resume, cancel, rules", runCampaigns },
        { "dnd", "The do-not-call list: import an NCPR/DND export, check, add, remove a number", runDnd },
    };
    return table;
}

} // namespace ringside::cli
