#pragma once

#include "agent/jsonreader.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace ringside::ui {

// Every problem of a playbook's text, from the engine's own loader and validator (the same
// checks as `ringside-engine validate FILE.playbook.json`), with tools limited to the agent's.
// Builds the NLU analyser once; run it on the worker thread.
QList<JsonIssue> checkPlaybookText(const QByteArray &bytes, const QStringList &agentTools);

} // namespace ringside::ui
