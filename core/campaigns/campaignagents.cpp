#include "campaigns/campaignagents.h"

#include "agent/agentcatalogue.h"
#include "agent/agentschema.h"

namespace ringside::campaigns {

CampaignAgents::CampaignAgents(const QString &userFolder)
{
    const AgentCatalogue catalogue(userFolder);
    for (const CatalogueEntry &e : catalogue.entries()) {
        if (!e.issues.isEmpty() && e.agent.name.isEmpty())
            continue;
        m_bySlug.insert(e.slug, { e.agent.name, e.agent.language, useCaseName(e.agent.useCase) });
        m_slugByName.insert(e.agent.name.toLower(), e.slug);
    }
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
