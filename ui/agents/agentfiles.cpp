#include "agentfiles.h"

#include "agent/agentcatalogue.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace ringside::ui::agentfiles {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ringside::ui::AgentFiles)
};
} // namespace

QString newAgentPath(const QString &folder, const QString &name)
{
    QString base = agentSlug(name);
    if (base.isEmpty())
        base = QStringLiteral("agent");
    const QDir dir(folder);
    const QDir shipped(AgentCatalogue::shippedFolder());
    for (int n = 1;; ++n) {
        const QString file = (n == 1 ? base : QStringLiteral("%1-%2").arg(base).arg(n)) + QStringLiteral(".json");
        if (!dir.exists(file) && !shipped.exists(file))
            return dir.filePath(file);
    }
}

QString readFile(const QString &path, QByteArray *bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Tr::tr("Cannot read %1: %2").arg(path, file.errorString());
    *bytes = file.readAll();
    return {};
}

QString writeFile(const QString &path, const QByteArray &bytes)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Tr::tr("Cannot create the folder %1").arg(info.absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Tr::tr("Cannot write %1: %2").arg(path, file.errorString());
    file.write(bytes);
    if (!file.commit())
        return Tr::tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

QString removeFile(const QString &path)
{
    QFile file(path);
    if (!file.remove())
        return Tr::tr("Cannot delete %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace ringside::ui::agentfiles
