#include "telephony/agentdirectory.h"

#include "engine/brainfactory.h"
#include "tools/toolcatalogue.h"

namespace ringside::telephony {

AgentDirectory::AgentDirectory(const QString &userFolder, const nlu::Analyser &analyser, QStringList *problems)
    : m_catalogue(userFolder, toolNames())
{
    for (const CatalogueEntry &e : m_catalogue.entries()) {
        if (!e.issues.isEmpty()) {
            if (problems)
                *problems << QStringLiteral("agent %1: %2 problem(s), left out (ringside-engine validate shows them)").arg(e.path).arg(e.issues.size());
            continue;
        }
        Agent a;
        a.entry = e;
        if (!e.agent.playbook.isEmpty()) {
            auto playbook = loadAgentPlaybook(e.agent, e.path, analyser);
            if (!playbook.ok()) {
                if (problems)
                    *problems << QStringLiteral("agent %1: playbook: %2").arg(e.slug, playbook.error());
                continue;
            }
            a.playbook = playbook.value();
        }
        m_bySlug.insert(e.slug, a);
    }
}

Result<AgentDirectory::Agent> AgentDirectory::find(const QString &key) const
{
    const QString k = key.trimmed();
    if (m_bySlug.contains(k))
        return m_bySlug.value(k);
    for (const Agent &a : m_bySlug) {
        if (a.entry.agent.name.compare(k, Qt::CaseInsensitive) == 0 || agentSlug(k) == a.entry.slug)
            return a;
    }
    return Result<Agent>::failure(QStringLiteral("no agent \"%1\" (known: %2)").arg(k.left(80), slugs().join(QStringLiteral(", "))));
}

QStringList AgentDirectory::slugs() const
{
    QStringList s = m_bySlug.keys();
    s.sort();
    return s;
}

} // namespace ringside::telephony
