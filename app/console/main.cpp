// ringside: the operator console. Parses options and wires; the console itself is ui/shell/console.h.
#include "agents/agenteditor.h"
#include "agents/agentsworkspace.h"
#include "shell/console.h"
#include "shell/mainwindow.h"
#include "shell/screenshotter.h"
#include "shell/workspace.h"
#include "services/consolelanguage.h"
#include "services/consolesettings.h"
#include "testcall/testcallworkspace.h"

#include "util/clock.h"

#include "ringside_version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace ringside;
using namespace ringside::ui;

namespace {
// The language is read before the options are parsed (--help is translated too); screenshots never
// read the user's settings, so they follow the system locale only.
void applyLanguage(QApplication &app)
{
    const QStringList args = QApplication::arguments();
    const bool screenshots = std::any_of(args.cbegin(), args.cend(), [](const QString &a) {
        return a == QLatin1String("--screenshot") || a.startsWith(QLatin1String("--screenshot="));
    });
    QString choice;
    if (!screenshots) {
        QSettings user;
        choice = ConsoleSettings(user).language();
    }
    ConsoleLanguage::apply(app, ConsoleLanguage::localeFor(choice, QLocale::system()), ConsoleLanguage::translationsFolder());
}

void printError(const QString &text)
{
    QTextStream(stderr) << text << Qt::endl;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ringside"));
    QApplication::setApplicationDisplayName(QStringLiteral("Ringside"));
    QApplication::setOrganizationName(QStringLiteral("Ringside"));
    QApplication::setApplicationVersion(QStringLiteral(RINGSIDE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.ringside.ringside"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.ringside.ringside")));
    applyLanguage(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Ringside operator console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
            QApplication::translate("main", "Fill an empty database with the demo store and 90 days of demo calls."));
    const QCommandLineOption dbOption(QStringLiteral("db"),
            QApplication::translate("main", "Use the database at PATH (created if missing)."), QStringLiteral("PATH"));
    const QCommandLineOption dataOption(QStringLiteral("data"),
            QApplication::translate("main", "Keep the console's data (database, agents) in DIR instead of the usual "
                                            "data folder."), QStringLiteral("DIR"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
            QApplication::translate("main", "Render every workspace with demo data into DIR as PNG files and exit. "
                                            "Without --db a temporary database is used."), QStringLiteral("DIR"));
    const QCommandLineOption nowOption(QStringLiteral("now"),
            QApplication::translate("main", "Pretend the time is ISO (e.g. 2026-11-20T10:00:00Z); for demos and "
                                            "reproducible screenshots."), QStringLiteral("ISO"));
    parser.addOptions({ demoOption, dbOption, dataOption, screenshotOption, nowOption });
    parser.process(app);

    ConsoleOptions options;
    options.demo = parser.isSet(demoOption);
    options.databasePath = parser.value(dbOption);
    options.dataFolder = parser.value(dataOption);
    if (parser.isSet(nowOption)) {
        Clock clock;
        QString error;
        if (!Clock::fromOption(parser.value(nowOption), &clock, &error)) {
            printError(QStringLiteral("ringside: --now: %1").arg(error));
            return 2;
        }
        options.now = clock.now();
    }
    const bool screenshots = parser.isSet(screenshotOption);
    QTemporaryDir scratch;   // screenshots without --db: a throwaway data folder
    std::unique_ptr<QSettings> settings;
    if (screenshots) {
        options.demo = true;
        options.memorySecrets = true;
        if (options.dataFolder.isEmpty())
            options.dataFolder = scratch.path();
        if (options.databasePath.isEmpty())
            options.databasePath = scratch.filePath(QStringLiteral("ringside.db"));
        // Screenshots never read or change the user's own settings.
        settings = std::make_unique<QSettings>(scratch.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    } else {
        settings = std::make_unique<QSettings>();
    }

    Console console(options, *settings, QProcessEnvironment::systemEnvironment());
    MainWindow *window = console.window();

    if (!screenshots) {
        window->show();
        console.start();
        return app.exec();
    }

    window->resize(1360, 860);
    window->show();
    Screenshotter shooter(*window, console.backend(), parser.value(screenshotOption));
    // Agents: the Hindi COD agent with its greeting preview filled in for a pending COD order.
    shooter.setPrepare([&console, window](int index) {
        const QString id = window->workspaceAt(index)->objectName();
        if (id == QLatin1String("agents")) {
            console.agents()->selectAgent(QStringLiteral(":/ringside/agents/cod-confirmation.json"));
            if (AgentEditor *editor = console.agents()->editor())
                editor->tabs()->setCurrentIndex(2);
        } else if (id == QLatin1String("test-call")) {
            // A typed WISMO call: a tool call on a demo order, then an escalation.
            console.testCall()->playScript(QStringLiteral("order-tracker"), QString(),
                                           { QStringLiteral("Where's my order?"), QStringLiteral("It's ORD 482913"),
                                             QStringLiteral("It shows delivered but I didn't get it") });
        }
    });
    int exitCode = 0;
    QObject::connect(&console, &Console::ready, &shooter, [&](bool ok) {
        if (!ok) {
            printError(QStringLiteral("ringside: %1").arg(window->statusText()));
            exitCode = 1;
            app.quit();
            return;
        }
        shooter.start();
    });
    QObject::connect(&shooter, &Screenshotter::finished, &app, [&](const QStringList &files, const QString &error) {
        for (const QString &f : files)
            QTextStream(stdout) << f << Qt::endl;
        if (!error.isEmpty()) {
            printError(QStringLiteral("ringside: %1").arg(error));
            exitCode = 1;
        }
        app.quit();
    });
    console.start();
    app.exec();
    return exitCode;
}
