#pragma once
// Creates the brain a session runs: "playbook" (the offline default) or "llm". The CLI, the
// console and the gateway all come through here, so a new brain kind is one branch in one place.

#include "agent/agent.h"
#include "conversation/brain.h"
#include "engine/playbook.h"
#include "util/result.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QString>

#include <memory>

namespace ringside {

namespace nlu {
class Analyser;
}

struct BrainSetup
{
    Agent agent;
    QString agentPath;                          // the agent file (":/ringside/agents/x.json" for shipped ones)
    QHash<QString, QString> variables;          // the call's template variables (VariableResolver)
    // Shared, immutable, built once per engine; created on the spot when null (~10 ms).
    std::shared_ptr<const nlu::Analyser> analyser;
    // A playbook already loaded (the console's editor, a cache); otherwise read from the agent's
    // "playbook" key (see playbookPathFor).
    std::shared_ptr<const Playbook> playbook;
    // Where the LLM brain's client reads its key and endpoint (llmOptionsFromEnvironment): the
    // process environment, or the console's, which adds the keys kept in the keychain.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
};

// Brain kinds accepted by createBrain.
QStringList brainKinds();

// nullptr with *error naming the problem ("agent "X" has no playbook: …", a playbook issue with
// its JSON pointer, an LLM provider without a key, …).
std::unique_ptr<Brain> createBrain(const QString &kind, const BrainSetup &setup, QString *error);

// The agent's playbook, loaded and checked against the agent's tools. Errors list every issue.
Result<std::shared_ptr<const Playbook>> loadAgentPlaybook(const Agent &agent, const QString &agentPath,
                                                          const nlu::Analyser &analyser);

} // namespace ringside
