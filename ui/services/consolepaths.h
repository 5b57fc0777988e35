#pragma once

#include <QString>

namespace ringside::ui {

// Where the console keeps its data: one folder (XDG data location by default) holding the
// database and the user's agent files.
struct ConsolePaths {
    QString dataFolder;
    QString databasePath;   // <data>/ringside.db unless overridden (--db, Settings)
    QString agentsFolder;   // <data>/agents: the user's agents, *.json
    QString scenariosFolder;   // <data>/scenarios: test calls saved as regression scenarios

    // QStandardPaths::AppDataLocation (~/.local/share/Ringside/ringside on Linux).
    static ConsolePaths standard();
    static ConsolePaths inFolder(const QString &folder);
    static QString databaseFileName() { return QStringLiteral("ringside.db"); }
};

} // namespace ringside::ui
