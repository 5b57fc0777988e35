// ringside-engine test PATH: runs regression scenarios (docs/scenario-format.md) and prints
// "PASS name" / "FAIL name: why" per scenario and "N passed, N failed". The work lives in
// core/engine/scenariorunner; this file maps options to it.
#include "cliutil.h"

#include "engine/nlu/analyser.h"
#include "scenarios/scenariorunner.h"

#include <QFileInfo>

namespace ringside::cli {

int runTest(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Runs the scenarios in PATH (a scenario file, or a folder of them) against fresh demo stores.\n"
            "Exit status: 0 when all pass, 1 when any fails (or a file cannot be read), 2 on a usage error."));
    parser.addOption({ QStringLiteral("verbose"), QStringLiteral("Print the events of each failed scenario.") });
    parser.addOption({ QStringLiteral("filter"), QStringLiteral("Run only scenarios whose name contains TEXT."), QStringLiteral("TEXT") });
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Scenario file or folder."), QStringLiteral("PATH..."));
    int code = Ok;
    if (!parse(parser, args, &code))
        return code;
    const QStringList paths = parser.positionalArguments().mid(1);
    if (paths.isEmpty()) {
        err(QStringLiteral("test: give a scenario file or folder"));
        err(QStringLiteral("Try 'ringside-engine test --help'."));
        return Usage;
    }
    for (const QString &p : paths) {
        if (!QFileInfo::exists(p)) {
            err(QStringLiteral("test: %1 does not exist").arg(p));
            return Usage;
        }
    }

    auto analyser = nlu::Analyser::builtin();
    if (!analyser.ok()) {
        err(QStringLiteral("error: NLU lexicon: %1").arg(analyser.error()));
        return Failed;
    }
    ScenarioRunner runner(std::make_shared<const nlu::Analyser>(std::move(analyser).value()));
    const QString filter = parser.value(QStringLiteral("filter"));
    const bool verbose = parser.isSet(QStringLiteral("verbose"));
    int passed = 0;
    int failed = 0;
    for (const QString &path : paths) {
        for (const QString &file : scenarioFiles(path)) {
            const ScenarioFile read = readScenarioFile(file);
            for (const QString &e : read.errors) {
                out(QStringLiteral("FAIL %1: %2").arg(QFileInfo(file).fileName(), e));
                ++failed;
            }
            for (const Scenario &scenario : read.scenarios) {
                if (!filter.isEmpty() && !scenario.name.contains(filter, Qt::CaseInsensitive))
                    continue;
                const ScenarioOutcome result = runner.run(scenario);
                if (result.passed) {
                    out(QStringLiteral("PASS %1").arg(result.name));
                    ++passed;
                    continue;
                }
                out(QStringLiteral("FAIL %1: %2").arg(result.name, result.failures.join(QStringLiteral("; "))));
                ++failed;
                if (verbose) {
                    for (const json &ev : result.transcript)
                        out(QStringLiteral("    ") + qs(ev.dump(-1, ' ', false, json::error_handler_t::replace)));
                }
            }
        }
    }
    out(QStringLiteral("%1 passed, %2 failed").arg(passed).arg(failed));
    return failed == 0 ? Ok : Failed;
}

} // namespace ringside::cli
