#include "testcallengine.h"

#include "services/backend.h"

#include "calls/callassembly.h"
#include "commerce/commercebackend.h"

#include <mutex>

namespace ringside::ui {

// Worker-thread state: the call as the worker's CallAssembly put it together (its store backend,
// tools and record keeper outlive its session).
struct TestCallEngine::Holder {
    AssembledCall call;
    // The UI-side engine while it lives; the worker connects to it only under the lock, and the
    // destructor clears it under the lock, so no connection is made to a destroyed object.
    std::mutex receiverLock;
    TestCallEngine *receiver = nullptr;
};

namespace {

// What the record id names: an order, a cart, a customer, else a phone number.
CallSubject subjectFor(CommerceBackend &store, const QString &recordId)
{
    CallSubject subject;
    const QString id = recordId.trimmed();
    if (id.isEmpty())
        return subject;
    const QString upper = id.toUpper();
    if (store.orderById(upper))
        subject.orderId = upper;
    else if (store.cartById(upper))
        subject.cartId = upper;
    else if (store.customerById(upper))
        subject.customerId = upper;
    else
        subject.callerPhone = id;
    return subject;
}

} // namespace

TestCallEngine::TestCallEngine(Backend &backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_holder(std::make_shared<Holder>())
{
    qRegisterMetaType<ringside::SessionEvent>();
    m_holder->receiver = this;
}

TestCallEngine::~TestCallEngine()
{
    {
        std::lock_guard lock(m_holder->receiverLock);
        m_holder->receiver = nullptr;
    }
    // The Session belongs to the worker: end and free it there. Its signals reach nobody now.
    m_backend.run([holder = m_holder](WorkerServices &) {
        if (holder->call.session) {
            QObject::disconnect(holder->call.session.get(), nullptr, nullptr, nullptr);
            if (!holder->call.session->isEnded())
                holder->call.session->end(QStringLiteral("hangup"));
        }
        holder->call = AssembledCall();
    });
}

void TestCallEngine::post(std::function<void(Holder &, WorkerServices &)> job)
{
    m_backend.run([holder = m_holder, job = std::move(job)](WorkerServices &services) { job(*holder, services); });
}

void TestCallEngine::start(const TestCallSetup &setup)
{
    const quint64 generation = ++m_generation;
    m_active = true;
    m_pendingTurns = 0;
    struct Outcome {
        QString error;
        QStringList notices;
        TestCallSubject subject;
    };
    auto future = m_backend.run([holder = m_holder, setup, generation](WorkerServices &services) {
        Outcome out;
        if (holder->call.session) {   // a previous call still open: hang it up first
            QObject::disconnect(holder->call.session.get(), nullptr, nullptr, nullptr);
            if (!holder->call.session->isEnded())
                holder->call.session->end(QStringLiteral("hangup"));
        }
        holder->call = AssembledCall();
        CallRequest request;
        request.agent.agent = setup.agent;
        request.agent.path = setup.agentPath;
        request.brainKind = setup.brain;
        request.subject = subjectFor(services.store(), setup.recordId);
        request.channel = QStringLiteral("test_call");
        request.clock = setup.now.isValid() ? Clock(setup.now) : Clock();
        request.endOnEscalation = true;   // nobody takes over a test call
        auto assembled = services.assembly().assemble(request, &out.notices);
        if (!assembled.ok()) {
            out.error = assembled.error();
            return out;
        }
        holder->call = std::move(assembled).value();
        Session *session = holder->call.session.get();
        out.subject = { session->config().customerId, session->config().orderId, session->config().cartId,
                        session->config().callerPhone };
        std::lock_guard lock(holder->receiverLock);
        TestCallEngine *self = holder->receiver;
        if (!self)
            return out;   // the console closed meanwhile
        // Queued to the UI thread, where `self` lives; Qt drops them if it is destroyed first.
        QObject::connect(session, &Session::eventOccurred, self, [self, generation](const SessionEvent &e) {
            if (self->m_generation == generation)
                Q_EMIT self->eventOccurred(e);
        });
        QObject::connect(session, &Session::turnFinished, self, [self, generation] {
            if (self->m_generation != generation || self->m_pendingTurns == 0)
                return;
            --self->m_pendingTurns;
            Q_EMIT self->turnAnswered();
        });
        QObject::connect(session, &Session::ended, self, [self, generation](const QString &outcome) {
            if (self->m_generation != generation)
                return;
            self->m_active = false;
            self->m_pendingTurns = 0;
            Q_EMIT self->ended(outcome);
        });
        session->start();
        return out;
    });
    whenReady(future, this,
              [this, generation](const Outcome &out) {
                  if (generation != m_generation)
                      return;
                  if (!out.error.isEmpty())
                      m_active = false;
                  m_subject = out.subject;
                  Q_EMIT started(out.error, out.notices);
              },
              [this, generation](const QString &error) {
                  if (generation != m_generation)
                      return;
                  m_active = false;
                  Q_EMIT started(error, {});
              });
}

void TestCallEngine::say(const QString &text)
{
    if (!m_active)
        return;
    ++m_pendingTurns;
    post([text](Holder &holder, WorkerServices &) {
        if (holder.call.session && !holder.call.session->isEnded())
            holder.call.session->userSaid(text);
    });
}

void TestCallEngine::interrupted(const QString &heardText)
{
    if (!m_active)
        return;
    post([heardText](Holder &holder, WorkerServices &) {
        if (holder.call.session && !holder.call.session->isEnded())
            holder.call.session->agentInterrupted(heardText);
    });
}

void TestCallEngine::end(const QString &reason)
{
    if (!m_active)
        return;
    post([reason](Holder &holder, WorkerServices &) {
        if (holder.call.session && !holder.call.session->isEnded())
            holder.call.session->end(reason);
    });
}

} // namespace ringside::ui
