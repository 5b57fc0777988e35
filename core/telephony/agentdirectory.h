#pragma once

#include "agent/agentcatalogue.h"
#include "engine/playbook.h"
#include "util/result.h"

#include <QHash>
#include <QString>

#include <memory>

namespace ringside::nlu {
class Analyser;
}

namespace ringside::telephony {

// The agents a gateway can put on a call, read once at start: the catalogue (shipped agents and
// an optional folder of the user's) with each agent's playbook loaded and checked, so a call
// starts without touching the disk. Immutable afterwards and shared by every worker thread.
class AgentDirectory
{
public:
    struct Agent
    {
        CatalogueEntry entry;
        std::shared_ptr<const Playbook> playbook; // null when the agent has none (LLM-only agents)
    };

    // Agents with issues, and playbooks that fail to load, are left out and reported in *problems.
    AgentDirectory(const QString &userFolder, const nlu::Analyser &analyser, QStringList *problems = nullptr);

    // By slug, name or file path (as AgentCatalogue::find). Files not in the catalogue are refused:
    // a stream's parameters must not make the gateway read arbitrary paths.
    Result<Agent> find(const QString &key) const;
    QStringList slugs() const;

private:
    AgentCatalogue m_catalogue;
    QHash<QString, Agent> m_bySlug;
};

} // namespace ringside::telephony
