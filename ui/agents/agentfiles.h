#pragma once
// The user's agent files on disk: names for new files, and reading, writing and removing them
// without ever leaving a half-written file behind.

#include <QByteArray>
#include <QString>

namespace ringside::ui::agentfiles {

// A path in `folder` for an agent called `name`: <slug>.json, or <slug>-2.json, -3, … when that is
// taken in the folder or by a shipped agent (so a copy never silently replaces a template).
QString newAgentPath(const QString &folder, const QString &name);

// Each returns an empty string on success, else a sentence naming the file and the problem.
QString readFile(const QString &path, QByteArray *bytes);
QString writeFile(const QString &path, const QByteArray &bytes);   // atomic (QSaveFile); creates the folder
QString removeFile(const QString &path);

} // namespace ringside::ui::agentfiles
