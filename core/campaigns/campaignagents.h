#pragma once
// The agents campaigns call with: slugs from names (call records keep the name), each agent's
// own language and use case, and the language variant to use when one exists. Built once from
// the catalogue (shipped agents and the user's folder); the variant lookup is pluggable so the
// conversation part's catalogue can answer it.

#include "campaigns/languagechoice.h"

#include <QHash>
#include <QString>

namespace ringside::campaigns {

class CampaignAgents
{
public:
    // Reads the catalogue (`userFolder` may be empty: shipped agents only); variants are looked up
    // in it unless setVariantLookup() says otherwise.
    explicit CampaignAgents(const QString &userFolder = QString());

    void setVariantLookup(AgentVariantLookup lookup) { m_variants = std::move(lookup); }

    bool knows(const QString &slugOrName) const;
    // "COD Confirmation" or "cod-confirmation" → "cod-confirmation"; '' when unknown.
    QString slugFor(const QString &slugOrName) const;
    QString nameOf(const QString &slug) const;
    QString languageOf(const QString &slug) const;
    QString useCaseOf(const QString &slug) const; // the agent's use case (analytics names)
    // The agent for a call in `language`: a variant when the lookup has one, else the agent itself.
    AgentChoice choose(const QString &slug, const QString &language) const;

private:
    struct Info
    {
        QString name;
        QString language;
        QString useCase;
    };
    QHash<QString, Info> m_bySlug;
    QHash<QString, QString> m_slugByName; // lower-case name → slug
    AgentVariantLookup m_variants;
};

} // namespace ringside::campaigns
