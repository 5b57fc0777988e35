#include "agent/agentcatalogue.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>

#include <algorithm>

#include <utility>

namespace ringside {

AgentCatalogue::AgentCatalogue(QString userFolder, QStringList knownTools)
    : m_userFolder(std::move(userFolder)), m_knownTools(std::move(knownTools))
{
    reload();
}

QString AgentCatalogue::shippedFolder()
{
    return QStringLiteral(":/ringside/agents");
}

bool AgentCatalogue::isAgentFileName(const QString &fileName)
{
    return fileName.endsWith(QLatin1String(".json")) && !fileName.endsWith(QLatin1String(".playbook.json"));
}

CatalogueEntry AgentCatalogue::loadEntry(const QString &path, bool shipped) const
{
    CatalogueEntry entry;
    entry.path = path;
    entry.shipped = shipped;
    entry.slug = QFileInfo(path).completeBaseName();
    AgentLoadResult loaded = loadAgentFile(path, m_knownTools);
    entry.agent = std::move(loaded.agent);
    entry.issues = std::move(loaded.issues);
    return entry;
}

QList<CatalogueEntry> AgentCatalogue::readFolder(const QString &folder, bool shipped) const
{
    QList<CatalogueEntry> entries;
    if (folder.isEmpty())
        return entries;
    const QDir dir(folder);
    const QStringList names = dir.entryList({ QStringLiteral("*.json") }, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &name : names) {
        if (isAgentFileName(name))
            entries.append(loadEntry(dir.filePath(name), shipped));
    }
    return entries;
}

void AgentCatalogue::reload()
{
    const QList<CatalogueEntry> user = readFolder(m_userFolder, false);
    m_entries.clear();
    for (CatalogueEntry &shipped : readFolder(shippedFolder(), true)) {
        const bool replaced = std::any_of(user.cbegin(), user.cend(),
                                          [&](const CatalogueEntry &u) { return u.slug == shipped.slug; });
        if (!replaced)
            m_entries.append(std::move(shipped));
    }
    m_entries.append(user);
}

Result<CatalogueEntry> AgentCatalogue::find(const QString &key) const
{
    const QString wanted = key.trimmed();
    for (const CatalogueEntry &e : m_entries) {
        if (e.slug == wanted)
            return e;
    }
    // Later entries are the user's: search backwards so they win a tie on name.
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
        if (!it->agent.name.isEmpty() && it->agent.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return *it;
    }
    const QFileInfo file(wanted);
    if (!wanted.isEmpty() && file.isFile()) {
        for (const CatalogueEntry &e : m_entries) {
            if (QFileInfo(e.path).canonicalFilePath() == file.canonicalFilePath())
                return e;
        }
        return loadEntry(wanted, false);
    }
    QStringList known;
    for (const CatalogueEntry &e : m_entries)
        known << QStringLiteral("%1 (%2)").arg(e.agent.name, e.slug);
    return Result<CatalogueEntry>::failure(QStringLiteral("no agent \"%1\": give a name, a slug or an agent file; known: %2")
                                               .arg(wanted, known.join(QStringLiteral(", "))));
}

namespace {

// "ta-IN" matches "ta-IN" and "ta"; "ta" matches any "ta-…".
bool sameLanguage(const QString &tag, const QString &wanted)
{
    if (tag.compare(wanted, Qt::CaseInsensitive) == 0)
        return true;
    const QString primary = wanted.section(QLatin1Char('-'), 0, 0);
    return !wanted.contains(QLatin1Char('-')) && tag.section(QLatin1Char('-'), 0, 0).compare(primary, Qt::CaseInsensitive) == 0;
}

// Variant files of one slug in one folder: language tag → path.
QMap<QString, QString> variantFiles(const QString &folder, const QString &slug)
{
    QMap<QString, QString> out;
    if (folder.isEmpty())
        return out;
    const QDir dir(QDir(folder).filePath(QStringLiteral("variants")));
    const QString prefix = slug + QLatin1Char('.');
    for (const QString &name : dir.entryList({ prefix + QStringLiteral("*.json") }, QDir::Files | QDir::Readable, QDir::Name)) {
        const QString language = name.mid(prefix.size(), name.size() - prefix.size() - 5);
        if (!language.isEmpty() && !language.contains(QLatin1Char('.')))
            out.insert(language, dir.filePath(name));
    }
    return out;
}

} // namespace

CatalogueEntry AgentCatalogue::variantFor(const CatalogueEntry &agent, const QString &languageCode, bool *found) const
{
    if (found)
        *found = false;
    const QString wanted = languageCode.trimmed();
    if (wanted.isEmpty() || sameLanguage(agent.agent.language, wanted)) {
        if (found)
            *found = !wanted.isEmpty();
        return agent;
    }
    for (const QString &folder : { m_userFolder, shippedFolder() }) {
        const QMap<QString, QString> files = variantFiles(folder, agent.slug);
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (!sameLanguage(it.key(), wanted))
                continue;
            CatalogueEntry variant = loadEntry(it.value(), folder == shippedFolder());
            variant.slug = agent.slug; // the same agent, in another language
            if (found)
                *found = true;
            return variant;
        }
    }
    return agent;
}

QStringList AgentCatalogue::variantLanguages(const CatalogueEntry &agent) const
{
    QStringList out;
    for (const QString &folder : { m_userFolder, shippedFolder() }) {
        const QMap<QString, QString> files = variantFiles(folder, agent.slug);
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (!out.contains(it.key()) && it.key().compare(agent.agent.language, Qt::CaseInsensitive) != 0)
                out << it.key();
        }
    }
    out.sort();
    return out;
}

QString agentSlug(const QString &name)
{
    QString slug;
    bool dash = false;
    for (const QChar c : name.toLower()) {
        if (c.isLetterOrNumber()) {
            if (dash && !slug.isEmpty())
                slug += u'-';
            slug += c;
            dash = false;
        } else {
            dash = true;
        }
    }
    return slug;
}

} // namespace ringside
