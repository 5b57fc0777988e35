#include "campaigns/campaignagents.h"

#include "agent/agentcatalogue.h"
#include "agent/agentschema.h"
#include "engine/callagent.h"

namespace ringside::campaigns {

CampaignAgents::CampaignAgents(const QString &userFolder)
{
    auto catalogue = std::make_shared<const AgentCatalogue>(userFolder);
    for (const CatalogueEntry &e : catalogue->entries()) {
        if (!e.issues.isEmpty() && e.agent.name.isEmpty())
            continue;
        m_bySlug.insert(e.slug, { e.agent.name, e.agent.language, useCaseName(e.agent.useCase) });
        m_slugByName.insert(e.agent.name.toLower(), e.slug);
    }
    // The catalogue's variant files (variants/<slug>.<language>.json, the user's first), by the rule
    // the gateway's CallAssembly applies to the call (engine/callagent.h): a variant the playbook
    // brain cannot speak is used only when an LLM is configured. The call carries the language to
    // the gateway, whose assembly runs that variant.
    m_variants = [catalogue](const QString &slug, const QString &language) -> std::optional<AgentChoice> {
        const auto found = catalogue->find(slug);
        if (!found.ok())
            return std::nullopt;
        const CallAgent call = agentForCall(*catalogue, found.value(), language, QStringLiteral("playbook"));
        if (call.entry.path == found->path)
            return std::nullopt;
        return AgentChoice{ slug, call.language, true };
    };
}

bool CampaignAgents::knows(const QString &slugOrName) const
{
    return !slugFor(slugOrName).isEmpty();
}

QString CampaignAgents::slugFor(const QString &slugOrName) const
{
    if (m_bySlug.contains(slugOrName))
        return slugOrName;
    const QString byName = m_slugByName.value(slugOrName.toLower());
    if (!byName.isEmpty())
        return byName;
    const QString slug = agentSlug(slugOrName);
    return m_bySlug.contains(slug) ? slug : QString();
}

QString CampaignAgents::nameOf(const QString &slug) const
{
    return m_bySlug.value(slug).name;
}

QString CampaignAgents::languageOf(const QString &slug) const
{
    return m_bySlug.value(slug).language;
}

QString CampaignAgents::useCaseOf(const QString &slug) const
{
    return m_bySlug.value(slug).useCase;
}

AgentChoice CampaignAgents::choose(const QString &slug, const QString &language) const
{
    if (m_variants) {
        if (const std::optional<AgentChoice> variant = m_variants(slug, language))
            return *variant;
    }
    const QString own = languageOf(slug);
    return { slug, own, false };
}

} // namespace ringside::campaigns
