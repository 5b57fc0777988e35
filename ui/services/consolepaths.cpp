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
    return paths;
}

} // namespace ringside::ui
