#include "telephony/callworker.h"

#include "telephony/agentdirectory.h"
#include "telephony/callengine.h"

#include "analytics/callrecorder.h"
#include "analytics/recordwritequeue.h"
#include "calls/callassembly.h"
#include "conversation/eventtype.h"
#include "speech/cloud/fallbackstt.h"
#include "speech/cloud/speechproviders.h"
#include "speech/pocketsphinxstt.h"
#include "speech/pooledstt.h"

#include <QMetaObject>
#include <QTimer>

#include <chrono>

namespace ringside::telephony {

CallWorker::CallWorker(int index, WorkerServices services) : m_index(index), m_services(std::move(services)) {}

CallWorker::~CallWorker() = default;

qint64 CallWorker::monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void CallWorker::ensureThreadState()
{
    if (m_timer)
        return;
    // Made on the worker thread so the timer and the database connections belong to it.
    m_timer = new QTimer(this);
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(10);
    connect(m_timer, &QTimer::timeout, this, &CallWorker::onTick);
    m_assembly = std::make_unique<CallAssembly>(*m_services.db,
                                                CallServices{ m_services.analyser, m_services.clock, m_services.agentsFolder,
                                                             m_services.environment });
}

void CallWorker::postStart(const CallSetup &setup, std::shared_ptr<CallChannel> channel)
{
    QMetaObject::invokeMethod(this, [this, setup, channel] { startCall(setup, channel); }, Qt::QueuedConnection);
}

void CallWorker::post(const QString &callId, std::function<void(CallEngine &, qint64)> fn)
{
    QMetaObject::invokeMethod(
            this,
            [this, callId, fn = std::move(fn)] {
                const auto it = m_calls.find(callId);
                if (it == m_calls.end())
                    return;
                fn(*it->second, monotonicNs());
            },
            Qt::QueuedConnection);
}

void CallWorker::postShutdown(int graceMs)
{
    QMetaObject::invokeMethod(
            this,
            [this, graceMs] {
                m_shuttingDown = true;
                const qint64 now = monotonicNs();
                for (auto &[id, engine] : m_calls)
                    engine->shutdown(now, graceMs);
                if (m_calls.empty())
                    afterRecords([this] { Q_EMIT drained(m_index); });
            },
            Qt::QueuedConnection);
}

void CallWorker::startCall(const CallSetup &setup, const std::shared_ptr<CallChannel> &channel)
{
    ensureThreadState();
    if (m_shuttingDown) {
        Q_EMIT callFailed(setup.callId, QStringLiteral("the gateway is shutting down"));
        return;
    }
    const auto agent = m_services.agents->find(setup.agent);
    if (!agent.ok()) {
        Q_EMIT callFailed(setup.callId, QStringLiteral("agent: %1").arg(agent.error()));
        return;
    }
    CallRequest request;
    request.agent = agent->entry;
    request.playbook = agent->playbook;
    request.brainKind = m_services.brainKind;
    request.subject.customerId = setup.customerId;
    request.subject.orderId = setup.orderId;
    request.subject.cartId = setup.cartId;
    request.subject.callerPhone = setup.customerPhone();
    request.subject.overrides = setup.variables;
    request.language = setup.language;
    request.channel = protocolName(setup.protocol);
    request.endOnEscalation = false; // the call waits in the escalation queue
    request.line = SpeechLine{ setup.sampleRate, setup.sampleRate };
    QStringList notices;
    auto assembled = m_assembly->assemble(request, &notices);
    if (!assembled.ok()) {
        Q_EMIT callFailed(setup.callId, assembled.error());
        return;
    }
    auto call = std::make_unique<AssembledCall>(std::move(assembled).value());
    if (call->recorder && m_services.recordWrites)
        call->recorder->writeThrough(m_services.recordWrites); // before the session starts and inserts it
    std::unique_ptr<Session> session = std::move(call->session);

    const QString id = setup.callId;
    // The agent's own recognizer and synthesizer (callspeech.h: the one agent → speech rule). A
    // gateway without speech recognition hears nobody, whatever the agent names.
    std::unique_ptr<SttEngine> stt;
    std::shared_ptr<TtsEngine> tts;
    const FallbackStt *cloudStt = nullptr; // owned by the call's pipeline, which outlives its use
    QStringList speechNotices;
    bool canHear = false;
    if (m_services.speech) {
        CallSpeech speech = call->speech;
        if (!m_services.sttModel)
            speech.engines.sttProvider = QStringLiteral("embedded");
        // Any thread, once per call: the cloud synthesizer failed and espeak-ng speaks the rest.
        auto onTtsFallback = [this, id](const QString &reason) {
            post(id, [reason](CallEngine &e, qint64) { e.session().lineNotice(QStringLiteral("ttsProvider: %1").arg(reason)); });
        };
        SpeechChoice choice = chooseEngines(*m_services.speech, speech, onTtsFallback);
        speechNotices = choice.notices;
        if (m_services.sttModel) {
            stt = std::move(choice.stt);
            if (choice.cloudStt)
                cloudStt = dynamic_cast<const FallbackStt *>(stt.get());
            canHear = stt && (choice.cloudStt || PocketsphinxStt::configProblem(speech.pipeline.stt).isEmpty());
        }
        tts = std::move(choice.tts);
        if (!tts) {
            Q_EMIT callFailed(setup.callId, QStringLiteral("speech: %1").arg(choice.ttsProblem));
            return;
        }
    } else {
        // Decoded on the recognizer pool: this thread only copies the caller's audio into a ring.
        if (m_services.sttModel)
            stt = std::make_unique<PooledStt>(std::make_unique<PocketsphinxStt>(m_services.sttModel), *m_services.recognizers,
                                              &PocketsphinxStt::configProblem);
        canHear = stt && PocketsphinxStt::configProblem(call->speech.pipeline.stt).isEmpty();
        tts = std::shared_ptr<TtsEngine>(std::shared_ptr<void>(), m_services.tts); // the gateway's, not owned
    }
    for (const QString &n : std::as_const(speechNotices)) {
        if (!m_loggedNotices.contains(n)) { // the same missing key is logged once, not per call
            m_loggedNotices.insert(n);
            qInfo("call %s: %s", qPrintable(id), qPrintable(n));
        }
    }
    notices << speechNotices;

    const SessionConfig &cfg = session->config();
    json info = {
        { "agent", cfg.agent.name },
        { "agent_slug", agent->entry.slug },
        { "use_case", useCaseName(cfg.agent.useCase) },
        { "language", cfg.agent.language },
        { "direction", cfg.direction },
        { "customer_id", cfg.customerId },
        { "order_id", cfg.orderId },
        { "cart_id", cfg.cartId },
        { "brain", call->agent.brainKind },
        { "can_hear", canHear },
        { "stt", stt ? stt->name() : QString() },
        { "tts", tts->name() },
        { "notices", notices },
    };
    auto engine = std::make_unique<CallEngine>(setup, channel, std::move(session), call->speech.pipeline, std::move(stt), std::move(tts),
                                               [this, id](const QString &type, const QByteArray &j) { Q_EMIT callEvent(id, type, j); });
    if (cloudStt)
        engine->setHearingCheck([cloudStt] { return cloudStt->isHearing(); });
    CallEngine &e = *engine;
    m_calls[id] = std::move(engine);
    m_assembled[id] = std::move(call);
    Q_EMIT callStarted(id, QByteArray::fromStdString(info.dump()));
    e.start(monotonicNs());
    for (const QString &n : std::as_const(speechNotices))
        e.session().lineNotice(n); // kept in the call record
    if (!m_timer->isActive())
        m_timer->start();
}

void CallWorker::dropAll()
{
    m_shuttingDown = true;
    auto calls = std::move(m_calls);
    m_calls.clear();
    for (auto &[id, engine] : calls) {
        engine->callerLeft(); // ends the session now: "shutdown" was said, or is cut short
        finish(id, *engine);
    }
    calls.clear();
    m_assembled.clear();
    if (m_timer)
        m_timer->stop();
}

void CallWorker::onTick()
{
    const qint64 now = monotonicNs();
    bool produced = false;
    for (auto it = m_calls.begin(); it != m_calls.end();) {
        CallEngine &engine = *it->second;
        produced |= engine.tick(now);
        if (engine.isFinished()) {
            const QString id = it->first;
            finish(id, engine);
            it = m_calls.erase(it);
            m_assembled.erase(id);
        } else {
            ++it;
        }
    }
    if (produced)
        Q_EMIT framesReady(m_index);
    if (m_calls.empty()) {
        m_timer->stop();
        if (m_shuttingDown)
            afterRecords([this] { Q_EMIT drained(m_index); });
    }
}

void CallWorker::finish(const QString &callId, CallEngine &engine)
{
    QString outcome = engine.outcome();
    const auto found = m_assembled.find(callId);
    analytics::CallRecorder *recorder = found == m_assembled.end() ? nullptr : found->second->recorder.get();
    const QString recordId = recorder ? recorder->recordId() : QString();
    if (engine.callbackOffered() && !recordId.isEmpty()) {
        // The session closes an escalated call as "escalated"; the caller was offered a callback
        // instead, so the record says so, with the words they heard.
        const json line = { { "type", eventTypeName(EventType::Agent) }, { "text", engine.callbackText() }, { "by", "gateway" } };
        const auto amended = recorder->amendOutcome(QStringLiteral("callback"), line);
        if (amended.ok())
            outcome = QStringLiteral("callback");
        else
            qWarning("call %s: callback outcome not stored: %s", qPrintable(callId), qPrintable(amended.error()));
    }
    afterRecords([this, callId, outcome, recordId] { Q_EMIT callFinished(callId, outcome, recordId); });
}

void CallWorker::afterRecords(std::function<void()> fn)
{
    // On the queue's thread the signal is queued to its receivers like any from this thread, and
    // this worker outlives the queue's work (the gateway waits for it before stopping workers).
    if (m_services.recordWrites)
        m_services.recordWrites->post([fn = std::move(fn)](analytics::CallRecordStore &) { fn(); });
    else
        fn();
}

} // namespace ringside::telephony
