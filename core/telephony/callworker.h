#pragma once

#include "telephony/callchannel.h"
#include "telephony/callsetup.h"

#include "util/clock.h"

#include <QByteArray>
#include <QObject>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>

#include <functional>
#include <map>
#include <memory>

class QTimer;

namespace ringside {
struct AssembledCall;
class CallAssembly;
class Database;
class PocketsphinxModel;
class RecognizerPool;
class SpeechProviders;
class TtsEngine;
namespace analytics {
class RecordWriteQueue;
}
namespace nlu {
class Analyser;
}
} // namespace ringside

namespace ringside::telephony {

class AgentDirectory;
class CallEngine;

// What every worker shares; all of it is safe to use from several threads.
struct WorkerServices
{
    Database *db = nullptr;
    const AgentDirectory *agents = nullptr;
    std::shared_ptr<const nlu::Analyser> analyser;
    TtsEngine *tts = nullptr;
    std::shared_ptr<const PocketsphinxModel> sttModel; // null: no speech recognition
    std::shared_ptr<RecognizerPool> recognizers;       // where every call's speech is decoded
    // Each call's recognizer and synthesizer as its agent names them (cloud providers with keys
    // from the environment, the embedded engines above behind them). Null: the embedded ones only.
    std::shared_ptr<SpeechProviders> speech;
    // Where the calls' records are written (null: on the call's own thread, as anywhere else).
    std::shared_ptr<analytics::RecordWriteQueue> recordWrites;
    QString brainKind = QStringLiteral("playbook");
    QString agentsFolder; // the user's agents, where a call's language variant is looked up first
    Clock clock;
    // Provider keys for the calls' LLM brains (the gateway's environment, with the console's keychain).
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
};

// One engine thread: owns the CallEngines of the calls pinned to it and drives them all from one
// 10 ms timer (each call produces a frame per 20 ms of wall time, catching up after a late tick).
// Lives on its own QThread; the post* functions may be called from any thread. What happens is
// reported through queued signals, serialized to JSON here so the server thread only forwards.
class CallWorker : public QObject
{
    Q_OBJECT
public:
    CallWorker(int index, WorkerServices services);
    ~CallWorker() override;

    int index() const { return m_index; }

    void postStart(const CallSetup &setup, std::shared_ptr<CallChannel> channel);
    // Runs `fn` on the call's engine on the worker thread (dropped if the call is gone).
    void post(const QString &callId, std::function<void(CallEngine &, qint64 nowNs)> fn);
    // Ends every call politely (goodbye, then hang up); drained() once none is left.
    void postShutdown(int graceMs);

    // Worker thread only: closes every call at once (each session writes its record) and reports
    // them finished. The last step of a shutdown.
    void dropAll();

    static qint64 monotonicNs();

Q_SIGNALS:
    void callStarted(const QString &callId, const QByteArray &infoJson);
    void callFailed(const QString &callId, const QString &error);
    void callEvent(const QString &callId, const QString &type, const QByteArray &eventJson);
    void callFinished(const QString &callId, const QString &outcome, const QString &recordId);
    void framesReady(int worker);
    void drained(int worker);

private:
    void startCall(const CallSetup &setup, const std::shared_ptr<CallChannel> &channel);
    void onTick();
    void finish(const QString &callId, CallEngine &engine);
    void ensureThreadState();
    // Runs `fn` once the record writes queued so far are done (at once without a write queue), so
    // a call is announced finished only when its record is closed, and drained() comes after.
    void afterRecords(std::function<void()> fn);

    const int m_index;
    WorkerServices m_services;
    QTimer *m_timer = nullptr;
    std::unique_ptr<CallAssembly> m_assembly; // this thread's: store backend, tools, call records
    // Each call's assembly minus its session (which its CallEngine owns): the record keeper, which
    // outlives the engine because the session reports its end to it (declared first: freed last).
    std::map<QString, std::unique_ptr<AssembledCall>> m_assembled;
    std::map<QString, std::unique_ptr<CallEngine>> m_calls;
    bool m_shuttingDown = false;
    QSet<QString> m_loggedNotices; // speech notices already logged by this worker
};

} // namespace ringside::telephony
