#pragma once
// Everything needed to start a conversation with an agent, in one call: the variables from the
// store, the brain, and the Session wired to the tools and to the observer that keeps its record.
// Used by `chat`, `voice`, `test`, the console's Test Call, the benchmarks and the gateway.

#include "engine/brainfactory.h"
#include "engine/session.h"
#include "engine/variableresolver.h"
#include "util/result.h"

#include <memory>

namespace ringside {

struct SessionRequest
{
    Agent agent;
    QString agentPath;                          // for finding the agent's playbook
    QString brainKind = QStringLiteral("playbook");
    CallSubject subject;
    QString channel = QStringLiteral("chat");
    Clock clock;
    bool endOnEscalation = true;
    std::shared_ptr<const Playbook> playbook;   // a cached playbook; null: load the agent's
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment(); // the LLM brain's keys
};

struct EngineServices
{
    CommerceBackend &store;
    ToolRegistry &tools;
    SessionObserver *observer = nullptr;        // the call record (analytics::CallRecorder); outlives the session
    std::shared_ptr<const nlu::Analyser> analyser; // shared by every session; built when null
};

// A session ready to start(), or the first problem: an unknown ID (naming the option), a missing
// ID for an outbound agent, a playbook issue, an unknown brain. Notices (e.g. an unknown caller)
// are appended to *notices.
Result<std::unique_ptr<Session>> createSession(const SessionRequest &request, const EngineServices &services,
                                               QStringList *notices = nullptr);

} // namespace ringside
