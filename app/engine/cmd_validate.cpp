// ringside-engine validate FILE...: checks agent files and prints one line per problem,
// "FILE: /json/pointer: message", so editors and CI can point at the exact field.
#include "cliutil.h"

#include "agent/agent.h"
#include "engine/playbook.h"
#include "tools/toolcatalogue.h"

namespace ringside::cli {

int runValidate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks agent files (docs/agent-format.md) and prints every problem as 'FILE: /pointer: message'.\n"
        "Exit status: 0 when every file is valid, 1 when any problem was found, 2 on a usage error."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Agent JSON files to check."),
                                 QStringLiteral("FILE..."));
    int exitCode = Ok;
    if (!parse(parser, args, &exitCode))
        return exitCode;
    const QStringList files = parser.positionalArguments().mid(1);   // the first one is "validate"
    if (files.isEmpty()) {
        err(QStringLiteral("validate: give at least one agent file"));
        err(QStringLiteral("Try 'ringside-engine validate --help'."));
        return Usage;
    }

    const QStringList knownTools = toolNames();
    qsizetype problems = 0;
    qsizetype badFiles = 0;
    for (const QString &file : files) {
        // Playbooks (*.playbook.json) go to the engine's playbook validator (docs/playbook-format.md).
        const AgentLoadResult loaded = isPlaybookFileName(file) ? AgentLoadResult{ {}, checkPlaybookFile(file) }
                                                                : loadAgentFile(file, knownTools);
        for (const AgentIssue &issue : loaded.issues)
            out(QStringLiteral("%1: %2").arg(file, formatIssue(issue)));
        problems += loaded.issues.size();
        badFiles += loaded.ok() ? 0 : 1;
    }
    if (problems == 0) {
        err(QStringLiteral("validate: %1 file(s), no problems").arg(files.size()));
        return Ok;
    }
    err(QStringLiteral("validate: %1 problem(s) in %2 of %3 file(s)").arg(problems).arg(badFiles).arg(files.size()));
    return Failed;
}

} // namespace ringside::cli
