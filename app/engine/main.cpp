// ringside-engine: Ringside's headless command line and server.
#include "commands.h"
#include "cliutil.h"

#include "ringside_version.h"

#include <QCoreApplication>

#include <algorithm>

using namespace ringside::cli;

namespace {

int usage(int code)
{
    QString text = QStringLiteral("Usage: ringside-engine <command> [options]\n\nCommands:\n");
    // At least two spaces after the longest name: the man page generator splits on them.
    qsizetype width = 0;
    for (const Command &c : commands())
        width = std::max(width, qsizetype(qstrlen(c.name)));
    for (const Command &c : commands())
        text += QStringLiteral("  %1%2\n").arg(QString::fromLatin1(c.name).leftJustified(width + 2), QString::fromUtf8(c.summary));
    text += QStringLiteral("\nRun 'ringside-engine <command> --help' for a command's options.");
    (code == 0 ? out : err)(text);
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ringside-engine"));
    QCoreApplication::setOrganizationName(QStringLiteral("Ringside"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RINGSIDE_VERSION));

    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2)
        return usage(Usage);
    const QString name = args.at(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help"))
        return usage(Ok);
    if (name == QLatin1String("--version")) {
        out(QStringLiteral("ringside-engine %1").arg(QCoreApplication::applicationVersion()));
        return Ok;
    }
    for (const Command &c : commands()) {
        if (name == QLatin1String(c.name))
            return c.run(args);
    }
    err(QStringLiteral("ringside-engine: unknown command '%1'").arg(name));
    return usage(Usage);
}
