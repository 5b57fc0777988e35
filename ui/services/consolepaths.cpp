#include "consolepaths.h"

#include <QDir>
#include <QStandardPaths>

namespace ringside::ui {

ConsolePaths ConsolePaths::standard()
{
    return inFolder(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
}

ConsolePaths ConsolePaths::inFolder(const QString &folder)
{
    const QDir dir(folder);
    ConsolePaths paths;
    paths.dataFolder = dir.absolutePath();
    paths.databasePath = dir.absoluteFilePath(databaseFileName());
    paths.agentsFolder = dir.absoluteFilePath(QStringLiteral("agents"));
    paths.scenariosFolder = dir.absoluteFilePath(QStringLiteral("scenarios"));
    return paths;
}

} // namespace ringside::ui
