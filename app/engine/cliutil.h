#pragma once

#include <QCommandLineParser>
#include <QString>

#include <memory>
#include <optional>

#include "util/clock.h"
#include "util/jsonqt.h"

namespace ringside {
class Database;
}

namespace ringside::cli {

// Exit codes shared by every command.
enum ExitCode { Ok = 0, Failed = 1, Usage = 2 };

// UTF-8 to stdout / stderr, unbuffered enough for JSON Lines consumers.
void out(const QString &text);
void err(const QString &text);
void outJson(const json &value, bool pretty = false);

// Standard options: --db PATH and --now ISO.
QCommandLineOption dbOption();
QCommandLineOption nowOption();

// Parses; on error or --help prints and returns false with *exitCode set. The first
// `commandWords` arguments after the program name are the command ("serve"; "store init": 2),
// which --help's usage line names after the program.
bool parse(QCommandLineParser &parser, const QStringList &args, int *exitCode, int commandWords = 1);

// Opens --db (required); prints a clear error and returns nullptr on failure.
std::unique_ptr<Database> openDatabase(const QCommandLineParser &parser);
// Builds the clock from --now; prints a clear error and returns false on a bad value.
bool clockFrom(const QCommandLineParser &parser, Clock *clock);

// "<command>: <problem>" and "Try 'ringside-engine <command> --help'." (or `tryInstead`) on
// stderr; returns Usage.
int usageError(const QString &command, const QString &problem, const QString &tryInstead = QString());

// The option's value when it was given (even empty), nothing when it was not.
std::optional<QString> valueIfSet(const QCommandLineParser &parser, const QString &name);

// A whole number from min to max; false (and *value untouched) otherwise.
bool intIn(const QString &text, int min, int max, int *value);

} // namespace ringside::cli
