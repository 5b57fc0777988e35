#include "cliutil.h"

#include "storage/database.h"
#include "util/wholenumber.h"

#include <QCoreApplication>

#include <cstdio>

namespace ringside::cli {

void out(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void err(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void outJson(const json &value, bool pretty)
{
    // error_handler::replace: a stray invalid byte must never abort a whole run.
    out(qs(value.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace)));
}

QCommandLineOption dbOption()
{
    return { QStringLiteral("db"), QStringLiteral("SQLite database file (created if missing), or postgresql://user@host:port/dbname."), QStringLiteral("PATH") };
}

QCommandLineOption nowOption()
{
    return { QStringLiteral("now"),
             QStringLiteral("Run as if the time were ISO (e.g. 2026-11-26T10:00:00+05:30); default: the real clock."),
             QStringLiteral("ISO") };
}

namespace {
// QCommandLineParser starts its usage line with the path the program was started by
// (./build/bin/ringside-engine); the reader needs the program's name and the command instead.
QString helpNamingTheCommand(QString text, const QStringList &command)
{
    const QString started = QStringLiteral("Usage: ") + QCoreApplication::arguments().value(0);
    if (text.startsWith(started))
        text.replace(0, started.size(), QStringLiteral("Usage: %1 %2").arg(QCoreApplication::applicationName(), command.join(u' ')));
    return text;
}
} // namespace

bool parse(QCommandLineParser &parser, const QStringList &args, int *exitCode, int commandWords)
{
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(args)) {
        err(QStringLiteral("%1: %2").arg(args.value(1), parser.errorText()));
        err(QStringLiteral("Try 'ringside-engine %1 --help'.").arg(args.value(1)));
        *exitCode = Usage;
        return false;
    }
    if (parser.isSet(help)) {
        out(helpNamingTheCommand(parser.helpText(), args.mid(1, commandWords)));
        *exitCode = Ok;
        return false;
    }
    return true;
}

std::unique_ptr<Database> openDatabase(const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty()) {
        err(QStringLiteral("error: --db PATH is required"));
        return nullptr;
    }
    QString error;
    auto db = Database::open(path, &error);
    if (!db)
        err(QStringLiteral("error: %1").arg(error));
    return db;
}

bool clockFrom(const QCommandLineParser &parser, Clock *clock)
{
    QString error;
    if (!Clock::fromOption(parser.value(QStringLiteral("now")), clock, &error)) {
        err(QStringLiteral("error: %1").arg(error));
        return false;
    }
    return true;
}

int usageError(const QString &command, const QString &problem, const QString &tryInstead)
{
    err(QStringLiteral("%1: %2").arg(command, problem));
    err(tryInstead.isEmpty() ? QStringLiteral("Try 'ringside-engine %1 --help'.").arg(command) : tryInstead);
    return Usage;
}

std::optional<QString> valueIfSet(const QCommandLineParser &parser, const QString &name)
{
    if (!parser.isSet(name))
        return std::nullopt;
    return parser.value(name);
}

bool intIn(const QString &text, int min, int max, int *value)
{
    const auto v = wholeNumberIn(text, min, max);
    if (v)
        *value = *v;
    return v.has_value();
}

} // namespace ringside::cli
