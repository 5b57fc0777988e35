#pragma once

#include <QStringList>

namespace ringside::cli {

// A subcommand of ringside-engine. `args` starts with the program name and the command
// ("ringside-engine", "store", …) so QCommandLineParser can process it as is.
// Returns the process exit code: 0 success, 1 failure/invalid input found, 2 usage or argument error.
struct Command {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
};

const std::vector<Command> &commands();

} // namespace ringside::cli
