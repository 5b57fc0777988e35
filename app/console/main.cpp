// ringside: the operator console.
#include "shell/mainwindow.h"
#include "shell/simpleworkspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStyle>

using namespace ringside::ui;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ringside"));
    QApplication::setApplicationDisplayName(QStringLiteral("Ringside"));
    QApplication::setOrganizationName(QStringLiteral("Ringside"));
    QApplication::setApplicationVersion(QStringLiteral(RINGSIDE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Ringside operator console"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    MainWindow window;
    QStyle *style = window.style();
    window.addWorkspace(new SimpleWorkspace(QApplication::translate("main", "Agents"),
        style->standardIcon(QStyle::SP_FileDialogDetailedView),
        QApplication::translate("main", "Design agents: prompts, tools and speech settings.")));
    window.addWorkspace(new SimpleWorkspace(QApplication::translate("main", "Test Call"),
        style->standardIcon(QStyle::SP_MediaPlay),
        QApplication::translate("main", "Talk to an agent through the microphone, or type.")));
    window.addWorkspace(new SimpleWorkspace(QApplication::translate("main", "Live Calls"),
        style->standardIcon(QStyle::SP_ComputerIcon),
        QApplication::translate("main", "Watch live calls, listen in, take over, whisper.")));
    window.addWorkspace(new SimpleWorkspace(QApplication::translate("main", "Analytics"),
        style->standardIcon(QStyle::SP_FileDialogInfoView),
        QApplication::translate("main", "KPI and ROI dashboards.")));
    window.show();
    return app.exec();
}
