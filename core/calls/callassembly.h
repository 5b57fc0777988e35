#pragma once
// One call put together in one place. serve (the gateway's workers), chat, voice, tool, the
// console's Test Call and Try it, and the scenario runner all come through here, so the agent (or
// its variant for the call's language), the store backend, the tools, the brain, the call record
// and the speech set-up are chosen once. A new store backend plugs in behind
// platforms::storeBackendFor, a new speech provider behind SpeechProviders (callspeech.h).
//
// A CallAssembly belongs to one thread (its database connections do): make one per thread from
// the Database and the services every thread shares, then assemble() each call on that thread.

#include "calls/callspeech.h"

#include "agent/agentcatalogue.h"
#include "engine/callagent.h"
#include "engine/playbook.h"
#include "engine/session.h"
#include "engine/variableresolver.h"
#include "util/clock.h"
#include "util/result.h"

#include <QProcessEnvironment>
#include <QStringList>

#include <memory>
#include <optional>

namespace ringside {

class CommerceBackend;
class Database;
class ToolRegistry;
namespace analytics {
class CallRecorder;
class CallRecordStore;
}
namespace nlu {
class Analyser;
}

// What every thread's assembly shares: immutable or thread-safe, made once per process.
struct CallServices
{
    std::shared_ptr<const nlu::Analyser> analyser; // null: the assembly builds its own on first use (~10 ms)
    Clock clock;                                   // calls run on it unless a request says otherwise
    QString agentsFolder;                          // the user's agent files, where variants are looked up first
    // Provider keys: whether an LLM can take a call in a language the playbook brain does not
    // speak, and the key the LLM brain's client uses.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
};

// What a call is: the agent, what it is about, in which language, how it is carried.
struct CallRequest
{
    CatalogueEntry agent;
    std::shared_ptr<const Playbook> playbook; // the agent's playbook, cached; null: read from its file
    QString brainKind = QStringLiteral("playbook");
    CallSubject subject;
    // The language the call should be held in (a campaign's decision, `chat --language`); empty:
    // the agent's own. The agent's variant for it runs the call when one exists (engine/callagent.h).
    QString language;
    QString channel = QStringLiteral("chat"); // chat | voice | twilio | exotel | test_call | …
    // With nobody to take an escalated call (CLI, test calls) the call ends once handed over; the
    // gateway keeps it open for an operator.
    bool endOnEscalation = true;
    std::optional<Clock> clock;               // default: the shared one
    bool recorded = true;                     // keep a call record
    SpeechLine line;                          // for the speech set-up of a spoken call
};

// A ready call. The store, tools and recorder are declared first so that they outlive the session:
// a session destroyed mid-call still reports its end to the recorder. Move the session out (a
// gateway's CallEngine owns it) only while this object stays alive.
struct AssembledCall
{
    std::shared_ptr<CommerceBackend> store; // the backend the call's tools read and write
    std::shared_ptr<ToolRegistry> tools;
    std::unique_ptr<analytics::CallRecorder> recorder; // null when not recorded
    std::unique_ptr<Session> session;
    CallAgent agent;   // who runs the call: the agent or its variant, the brain, the language, and why
    CallSpeech speech; // from the agent that runs the call, the request's line and the session's hints

    QString recordId() const;

    AssembledCall();
    AssembledCall(AssembledCall &&) noexcept;
    AssembledCall &operator=(AssembledCall &&other) noexcept; // frees the old session before its recorder
    ~AssembledCall();
};

class CallAssembly
{
public:
    CallAssembly(Database &db, CallServices services);
    ~CallAssembly();
    CallAssembly(const CallAssembly &) = delete;
    CallAssembly &operator=(const CallAssembly &) = delete;

    // A session ready to start() with its recorder, or the first problem: an unknown ID (naming
    // the option), a missing ID for an outbound agent, a playbook issue, an unknown brain, an
    // unreadable store ("store: …"). Notices worth telling the operator (the variant that could
    // not be used, an unknown caller) go to *notices.
    Result<AssembledCall> assemble(const CallRequest &request, QStringList *notices = nullptr);

    // The agent that runs a call in request.language on request.brainKind: its variant for that
    // language when one exists and a brain can speak it, else the agent in its own language.
    CallAgent agentFor(const CallRequest &request);

    // Chooses the store backend again (after a shop was connected or disconnected). Calls already
    // assembled keep the backend they started with.
    void refreshStore();

    // Records of calls whose engine died mid-call become "interrupted"; returns how many. Run once
    // as an engine starts.
    int closeInterruptedCalls();

    // This thread's store backend, tools and call records, for work beside calls (a tool run by
    // hand, a subject looked up before a call).
    CommerceBackend &store() { return *m_store; }
    ToolRegistry &tools() { return *m_tools; }
    analytics::CallRecordStore &records() { return *m_records; }
    Database &database() { return m_db; }
    const CallServices &services() const { return m_services; }
    // New keys (the console's keychain changed): the calls assembled from now on use these.
    void setEnvironment(QProcessEnvironment environment) { m_services.environment = std::move(environment); }
    // The shared analyser (built on first use); null with *error when the lexicon does not load.
    std::shared_ptr<const nlu::Analyser> analyser(QString *error = nullptr);

private:
    Database &m_db;
    CallServices m_services;
    std::shared_ptr<CommerceBackend> m_store;
    std::shared_ptr<ToolRegistry> m_tools;
    std::unique_ptr<analytics::CallRecordStore> m_records;
    std::unique_ptr<AgentCatalogue> m_catalogue; // for variants, read on the first call that names a language
};

} // namespace ringside
