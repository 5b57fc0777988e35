#pragma once
// What `chat` and `voice` share before a call starts: the agent named by --agent and what the
// call is about (--customer, --order, --cart, --caller).

#include "agent/agentcatalogue.h"
#include "engine/variableresolver.h"

#include <QCommandLineParser>

namespace ringside::cli {

// Finds --agent (slug, name or file). An unknown agent is a usage error naming --agent; an agent
// file with problems prints each as "FILE: /pointer: message". Both return false with *exitCode set.
bool agentFrom(const QCommandLineParser &parser, const QString &command, CatalogueEntry *entry, int *exitCode);

// --customer, --order, --cart and --caller as the call's subject (no overrides).
CallSubject subjectFrom(const QCommandLineParser &parser);

} // namespace ringside::cli
