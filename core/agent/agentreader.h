#pragma once
// Internal to core/agent: turns a parsed agent document into typed fields and issues.

#include "agent/agent.h"

namespace ringside::agentdetail {

// Fills `agent`'s typed fields from `document` (defaults where a value is omitted or invalid)
// and appends one issue per problem. Does not touch agent->document.
void readAgentDocument(const ordered_json &document, const QStringList &knownTools, Agent *agent,
                       QList<AgentIssue> *issues);

// The keys of the agent object that this version understands, in the order new keys are written.
QStringList agentKeys();

} // namespace ringside::agentdetail
