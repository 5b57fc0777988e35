#pragma once
// Fills in a planned call for a customer: the number, the called party's zone (and the source
// of it), the language by the seed's rule and the agent that speaks it.

#include "campaigns/calledparty.h"
#include "campaigns/callingwindow.h"
#include "campaigns/campaignrules.h"
#include "campaigns/scheduledcall.h"

#include "commerce/commercetypes.h"

namespace ringside::campaigns {

class CampaignAgents;

class CallPlanner
{
public:
    CallPlanner(const CampaignRules &rules, const QTimeZone &storeZone, const CampaignAgents &agents)
        : m_rules(rules), m_storeZone(storeZone), m_agents(agents)
    {
    }

    // `customer.phone` E.164 or empty.
    ScheduledCall plan(const QString &useCase, const QString &subjectKey, const QString &agentSlug, const Customer &customer) const;
    CalledParty party(const Customer &customer) const;
    // The window for a use case's calls to this party (cart recovery counts as promotional).
    WindowRule window(const QString &useCase, const QString &agentUseCase, const CalledParty &party, bool businessCustomer) const;

    const CampaignRules &rules() const { return m_rules; }

private:
    const CampaignRules &m_rules;
    QTimeZone m_storeZone;
    const CampaignAgents &m_agents;
};

// Cart recovery (and a callback on the cart agent) is a promotional call; the others are service calls.
CallKind callKindFor(const QString &useCase, const QString &agentUseCase);

} // namespace ringside::campaigns
