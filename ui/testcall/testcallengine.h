#pragma once
// The engine side of a test call: one Session that lives on the console's worker thread (the
// Backend's), fed from the UI through queued jobs, its events coming back as queued signals.
// The UI thread never touches the Session, the store or the brain.

#include "agent/agent.h"
#include "conversation/sessionevent.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace ringside::ui {

class Backend;
class WorkerServices;

struct TestCallSetup {
    Agent agent;
    QString agentPath;     // for the agent's playbook (":/ringside/agents/…" or a user file)
    QString recordId;      // an order, cart or customer id, or a phone number; empty: none
    QString brain = QStringLiteral("playbook");
    QDateTime now;         // the call's clock starts here
};

// The ids the call turned out to be about (as the store knows them), for saving it as a scenario.
struct TestCallSubject {
    QString customerId;
    QString orderId;
    QString cartId;
    QString callerPhone;
};

class TestCallEngine final : public QObject
{
    Q_OBJECT
public:
    explicit TestCallEngine(Backend &backend, QObject *parent = nullptr);
    // Ends a running call (so its record is written) and frees the Session on the worker.
    ~TestCallEngine() override;

    // Resolves the record, builds the brain and starts the Session (greeting first). Emits
    // started("") then events, or started(error) when the call cannot be placed.
    void start(const TestCallSetup &setup);
    // One typed (or recognised) caller utterance.
    void say(const QString &text);
    // The caller heard only `heardText` of the last reply (barge-in).
    void interrupted(const QString &heardText);
    // Hangs up; the Session says goodbye unless the reason is "hangup".
    void end(const QString &reason = QStringLiteral("operator_end"));

    bool isActive() const { return m_active; }
    // Valid once started("") was emitted.
    const TestCallSubject &subject() const { return m_subject; }
    bool turnInProgress() const { return m_pendingTurns > 0; }

Q_SIGNALS:
    void started(const QString &error, const QStringList &notices);
    void eventOccurred(const ringside::SessionEvent &event);
    // A caller turn has been answered (the reply and its tool calls were all reported).
    void turnAnswered();
    void ended(const QString &outcome);

private:
    struct Holder;
    void post(std::function<void(Holder &, WorkerServices &)> job);

    Backend &m_backend;
    std::shared_ptr<Holder> m_holder;   // used only on the worker thread
    TestCallSubject m_subject;
    bool m_active = false;
    int m_pendingTurns = 0;
    quint64 m_generation = 0;           // events from an older call are dropped
};

} // namespace ringside::ui
