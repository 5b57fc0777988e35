#include "campaigns/callplanner.h"

#include "campaigns/campaignagents.h"
#include "campaigns/languagechoice.h"

namespace ringside::campaigns {

CallKind callKindFor(const QString &useCase, const QString &agentUseCase)
{
    if (useCase == kCart || (useCase == kCallback && agentUseCase == kCart))
        return CallKind::Promotional;
    return CallKind::Service;
}

CalledParty CallPlanner::party(const Customer &customer) const
{
    return resolveCalledParty(&customer, customer.phone, m_storeZone);
}

WindowRule CallPlanner::window(const QString &useCase, const QString &agentUseCase, const CalledParty &party, bool businessCustomer) const
{
    const bool weekends = useCase == kCart && businessCustomer && m_rules.cart.skipWeekendsForBusiness;
    return windowFor(party, callKindFor(useCase, agentUseCase), m_rules.windowOpen, m_rules.windowClose, weekends);
}

ScheduledCall CallPlanner::plan(const QString &useCase, const QString &subjectKey, const QString &agentSlug, const Customer &customer) const
{
    ScheduledCall c;
    c.useCase = useCase;
    c.subjectKey = subjectKey;
    c.customerId = customer.id;
    c.phone = customer.phone;
    const CalledParty p = party(customer);
    c.timezone = p.zoneName();
    c.timezoneSource = p.zoneSource;
    const LanguageChoice language = chooseLanguage(&customer, p.country);
    c.language = language.language;
    c.languageSource = language.source;
    const AgentChoice agent = m_agents.choose(agentSlug, language.language);
    c.agent = agent.slug;
    c.agentLanguage = agent.language;
    return c;
}

} // namespace ringside::campaigns
