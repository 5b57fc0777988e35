#include "calls/callassembly.h"

#include "agent/jsonreader.h"
#include "analytics/callrecorder.h"
#include "analytics/callrecordstore.h"
#include "commerce/commercebackend.h"
#include "engine/nlu/analyser.h"
#include "engine/sessionfactory.h"
#include "platforms/storebackend.h"
#include "tools/toolcatalogue.h"
#include "tools/toolregistry.h"

#include <exception>

namespace ringside {

AssembledCall::AssembledCall() = default;
AssembledCall::AssembledCall(AssembledCall &&) noexcept = default;

AssembledCall &AssembledCall::operator=(AssembledCall &&other) noexcept
{
    if (this == &other)
        return *this;
    session.reset(); // a session still running reports its end to the recorder it had
    store = std::move(other.store);
    tools = std::move(other.tools);
    recorder = std::move(other.recorder);
    session = std::move(other.session);
    agent = std::move(other.agent);
    speech = std::move(other.speech);
    return *this;
}

AssembledCall::~AssembledCall()
{
    session.reset();
}

QString AssembledCall::recordId() const
{
    return recorder ? recorder->recordId() : QString();
}

CallAssembly::CallAssembly(Database &db, CallServices services)
    : m_db(db)
    , m_services(std::move(services))
    , m_records(std::make_unique<analytics::CallRecordStore>(db))
{
    refreshStore();
}

void CallAssembly::refreshStore()
{
    m_store = platforms::storeBackendFor(m_db); // the connected shop's mirror, or the embedded store
    m_tools = std::make_shared<ToolRegistry>(*m_store);
}

CallAssembly::~CallAssembly() = default;

int CallAssembly::closeInterruptedCalls()
{
    return m_records->closeInterruptedCalls();
}

std::shared_ptr<const nlu::Analyser> CallAssembly::analyser(QString *error)
{
    if (!m_services.analyser) {
        auto built = nlu::Analyser::builtin();
        if (!built.ok()) {
            if (error)
                *error = QStringLiteral("the built-in NLU lexicon does not load: %1").arg(built.error());
            return {};
        }
        m_services.analyser = std::make_shared<const nlu::Analyser>(std::move(built).value());
    }
    return m_services.analyser;
}

CallAgent CallAssembly::agentFor(const CallRequest &request)
{
    if (request.language.trimmed().isEmpty())
        return { request.agent, request.brainKind, request.agent.agent.language, QString() };
    if (!m_catalogue)
        m_catalogue = std::make_unique<AgentCatalogue>(m_services.agentsFolder, toolNames());
    CallAgent choice = agentForCall(*m_catalogue, request.agent, request.language, request.brainKind, m_services.environment);
    if (choice.entry.path != request.agent.path && !choice.entry.issues.isEmpty()) {
        // A variant file with problems does not take calls: the agent runs them in its own language.
        choice.note = QStringLiteral("agent \"%1\": its %2 variant (%3) has problems: %4; the call runs in %5")
                              .arg(request.agent.agent.name, choice.language, choice.entry.path,
                                   formatIssue(choice.entry.issues.constFirst()), request.agent.agent.language);
        choice.entry = request.agent;
        choice.brainKind = request.brainKind;
        choice.language = request.agent.agent.language;
    }
    return choice;
}

Result<AssembledCall> CallAssembly::assemble(const CallRequest &request, QStringList *notices)
{
    using R = Result<AssembledCall>;
    QString error;
    const std::shared_ptr<const nlu::Analyser> shared = analyser(&error);
    if (!shared)
        return R::failure(error);

    AssembledCall call;
    call.store = m_store;
    call.tools = m_tools;
    call.agent = agentFor(request);
    if (notices && !call.agent.note.isEmpty())
        *notices << call.agent.note;
    const bool sameAgent = call.agent.entry.path == request.agent.path;
    if (request.recorded)
        call.recorder = std::make_unique<analytics::CallRecorder>(*m_records);

    SessionRequest session;
    session.agent = call.agent.entry.agent;
    session.agentPath = call.agent.entry.path;
    session.playbook = sameAgent ? request.playbook : nullptr; // a variant reads its own
    session.brainKind = call.agent.brainKind;
    session.subject = request.subject;
    session.channel = request.channel;
    session.endOnEscalation = request.endOnEscalation;
    session.clock = request.clock.value_or(m_services.clock);
    session.environment = m_services.environment;
    const EngineServices services{ *m_store, *m_tools, call.recorder.get(), shared };
    try {
        auto created = createSession(session, services, notices);
        if (!created.ok())
            return R::failure(created.error());
        call.session = std::move(created).value();
        call.speech = speechFor(call.agent.entry.agent, request.line, speechHintsOf(*call.session));
    } catch (const std::exception &e) {
        return R::failure(QStringLiteral("store: %1").arg(QString::fromUtf8(e.what())));
    }
    return R(std::move(call));
}

} // namespace ringside
