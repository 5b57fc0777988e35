#pragma once
// Internal to core/engine: checks a playbook document against docs/playbook-format.md and
// reports every problem with its JSON pointer.

#include "agent/jsonreader.h"

#include <QStringList>

namespace ringside::playbook {

struct ValidationInputs
{
    QStringList intentNames;   // the playbook's own and the built-in ones
    QStringList agentTools;    // empty: any tool of the catalogue
};

QList<JsonIssue> validatePlaybook(const ordered_json &document, const ValidationInputs &inputs);

} // namespace ringside::playbook
