#include "telephony/gateway.h"

#include "telephony/callengine.h"
#include "telephony/mediaconnection.h"
#include "telephony/twilioweb.h"

#include "conversation/eventtype.h"
#include "util/phone.h"
#include "util/piimask.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QUrlQuery>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcGateway, "ringside.telephony.gateway")

namespace ringside::telephony {

Gateway::Gateway(GatewayConfig config, WorkerServices services, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_services(std::move(services))
    , m_signer(StreamSigner::keyFrom(m_config.streamSecret, m_config.twilioAuthToken))
    , m_monitor(m_config.monitorBufferBytes, m_config.monitorLagTimeoutMs, m_config.limits.maxCommandsPerSecond)
{
    m_monitor.snapshot = [this](const QString &op) { return snapshotFor(op); };
    m_monitor.onCommand = [this](MonitorHub::Consumer &c, const QString &cmd, const json &msg, json *extra) {
        return handleCommand(c, cmd, msg, extra);
    };
    m_monitor.onOperatorAudio = [this](MonitorHub::Consumer &c, const monitor::AudioFrame &f) { return handleOperatorAudio(c, f); };
    m_monitor.onListenersChanged = [this](const QString &callId, int n) {
        const auto it = m_calls.find(callId);
        if (it != m_calls.end())
            it->second.channel->listening.store(n > 0, std::memory_order_relaxed);
    };
    m_slaTimer.setInterval(250);
    connect(&m_slaTimer, &QTimer::timeout, this, &Gateway::onSlaTick);
    m_shutdownDeadline.setSingleShot(true);
    connect(&m_shutdownDeadline, &QTimer::timeout, this, &Gateway::finishShutdown);
    m_listenScratch.resize(48000);
}

Gateway::~Gateway()
{
    // Whatever is still live writes its record from its worker thread before the threads stop.
    for (std::size_t i = 0; i < m_workers.size(); ++i) {
        CallWorker *w = m_workers[i];
        QMetaObject::invokeMethod(w, [w] { w->dropAll(); }, Qt::BlockingQueuedConnection);
        m_threads[i]->quit();
        m_threads[i]->wait();
    }
    for (MediaConnection *c : std::as_const(m_connections))
        delete c;
}

void Gateway::start()
{
    if (!m_workers.empty())
        return;
    // More threads than cores by default: a recognizer final decodes on its call's thread for up to a
    // few hundred ms, and the other calls on that thread wait (measured: 24 spoken calls on 2 cores
    // had 56 late frames with 2 workers, 7 with 8).
    const int n = m_config.workers > 0 ? m_config.workers : 4 * std::max(1, QThread::idealThreadCount());
    m_connectionsByWorker.resize(std::size_t(n));
    m_load.assign(std::size_t(n), 0);
    for (int i = 0; i < n; ++i) {
        auto *thread = new QThread(this);
        thread->setObjectName(QStringLiteral("call-worker-%1").arg(i));
        auto *worker = new CallWorker(i, m_services);
        worker->moveToThread(thread);
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        connect(worker, &CallWorker::callStarted, this, &Gateway::onCallStarted);
        connect(worker, &CallWorker::callFailed, this, &Gateway::onCallFailed);
        connect(worker, &CallWorker::callEvent, this, &Gateway::onCallEvent);
        connect(worker, &CallWorker::callFinished, this, &Gateway::onCallFinished);
        connect(worker, &CallWorker::framesReady, this, &Gateway::onFramesReady);
        connect(worker, &CallWorker::drained, this, &Gateway::onWorkerDrained);
        thread->start(QThread::TimeCriticalPriority);
        m_threads.push_back(thread);
        m_workers.push_back(worker);
    }
    m_slaTimer.start();
}

void Gateway::addMediaStream(std::unique_ptr<QWebSocket> socket, MediaProtocol protocol, std::function<void()> established)
{
    if (m_shuttingDown) {
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("the gateway is shutting down"));
        socket.release()->deleteLater();
        return;
    }
    ParseOptions options;
    options.protocol = protocol;
    options.allowTextInjection = m_config.allowTextInjection;
    MediaConnection::Handlers h;
    h.established = std::move(established);
    h.start = [this](MediaConnection &c, const StreamStart &s, QString *refusal) { return onStreamStart(c, s, refusal); };
    h.markPlayed = [this](const QString &id, std::int64_t sample) {
        postToCall(id, [sample](CallEngine &e, qint64) { e.markPlayed(sample); });
    };
    h.dtmf = [this](const QString &id, const QString &digit) {
        postToCall(id, [digit](CallEngine &e, qint64 now) { e.dtmf(digit, now); });
    };
    h.text = [this](const QString &id, const QString &text) {
        postToCall(id, [text](CallEngine &e, qint64 now) { e.text(text, now); });
    };
    h.callerLeft = [this](const QString &id) { postToCall(id, [](CallEngine &e, qint64) { e.callerLeft(); }); };
    h.closed = [this](MediaConnection &c) { onConnectionClosed(c); };
    auto *connection = new MediaConnection(std::move(socket), options, m_config.limits, std::move(h), this);
    connection->setSendStats(m_sendStats);
    connect(connection, &MediaConnection::frameRejected, this, [this] { ++m_rejectedFrames; });
    m_connections.insert(connection);
}

void Gateway::addMonitor(std::unique_ptr<QWebSocket> socket, const QString &operatorName, bool fixedName)
{
    m_monitor.addConsumer(std::move(socket), operatorName, fixedName);
}

QString Gateway::shown(const QString &phone) const
{
    return m_config.maskPersonalData ? maskPhone(phone) : phone;
}

int Gateway::pickWorker() const
{
    return int(std::min_element(m_load.begin(), m_load.end()) - m_load.begin());
}

std::shared_ptr<CallChannel> Gateway::onStreamStart(MediaConnection &connection, const StreamStart &start, QString *refusal)
{
    if (m_shuttingDown || m_workers.empty()) {
        *refusal = QStringLiteral("the gateway is shutting down");
        return {};
    }
    if (int(m_calls.size()) >= m_config.limits.maxCalls) {
        *refusal = QStringLiteral("the gateway is carrying its limit of %1 calls").arg(m_config.limits.maxCalls);
        return {};
    }
    // Parameters: the stream's own, then the media URL's query (Exotel applets, `call --provider exotel`).
    QHash<QString, QString> params = start.customParameters;
    const QUrlQuery query(connection.requestUrl());
    const auto items = query.queryItems(QUrl::FullyDecoded);
    if (items.size() > kMaxStreamParameters) {
        *refusal = QStringLiteral("more than %1 stream parameters").arg(kMaxStreamParameters);
        return {};
    }
    for (const auto &item : items) {
        if (!params.contains(item.first))
            params.insert(item.first, item.second);
    }
    params.remove(QStringLiteral("sample-rate")); // Exotel's own (the audio format), not about the call
    // Who the call is with and about is believed only when the gateway signed it (docs/security.md).
    // Twilio streams always carry the signature of the TwiML that started them; an Exotel stream
    // (already Basic-authenticated) may name an agent unsigned, and nothing else.
    const bool hasSignature = params.contains(QLatin1String(StreamSigner::kParameter));
    if (connection.protocol() == MediaProtocol::Twilio || hasSignature) {
        QString why;
        const auto verdict = m_signer.verify(params, start.callSid, QDateTime::currentSecsSinceEpoch(), &why);
        if (verdict != StreamSigner::Verdict::Ok) {
            *refusal = QStringLiteral("stream not authorised: %1").arg(why);
            return {};
        }
    } else {
        for (auto it = params.cbegin(); it != params.cend(); ++it) {
            if (it.key() != QLatin1String("agent")) {
                *refusal = QStringLiteral("stream not authorised: %1 may only come signed (%2)").arg(it.key().left(40), QLatin1String(StreamSigner::kParameter));
                return {};
            }
        }
    }
    for (const auto &[id, call] : m_calls) {
        if (call.setup.streamSid == start.streamSid) {
            *refusal = QStringLiteral("streamSid %1 is already streaming").arg(start.streamSid);
            return {};
        }
    }
    CallSetup s;
    s.protocol = connection.protocol();
    s.streamSid = start.streamSid;
    s.callSid = start.callSid;
    s.from = start.from;
    s.to = start.to;
    s.callId = !s.callSid.isEmpty() && !m_calls.count(s.callSid) ? s.callSid : QStringLiteral("call-%1").arg(m_nextCallNumber++);
    s.direction = params.value(QStringLiteral("direction"));
    s.agent = params.value(QStringLiteral("agent"));
    if (s.agent.isEmpty())
        s.agent = m_config.numberAgents.value(toE164(s.to), m_config.numberAgents.value(s.to, m_config.defaultInboundAgent));
    s.customerId = params.value(QStringLiteral("customer"));
    s.orderId = params.value(QStringLiteral("order"));
    s.cartId = params.value(QStringLiteral("cart"));
    s.language = params.value(QStringLiteral("language")).left(35); // a BCP 47 tag
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (it.key().startsWith(QLatin1String("var.")) && it.key().size() > 4)
            s.variables.insert(it.key().mid(4), it.value());
    }
    s.sampleRate = start.sampleRate;
    s.startedAt = m_config.clock.now();

    const int w = pickWorker();
    auto channel = std::make_shared<CallChannel>(s.sampleRate);
    LiveCall call;
    call.setup = s;
    call.channel = channel;
    call.connection = &connection;
    call.worker = w;
    m_calls.emplace(s.callId, std::move(call));
    ++m_load[std::size_t(w)];
    connection.setCallId(s.callId);
    connection.setWorker(w);
    m_connectionsByWorker[std::size_t(w)].insert(&connection);
    m_workers[std::size_t(w)]->postStart(s, channel);
    qCInfo(lcGateway, "call %s: %s stream %s from %s to %s, agent %s, worker %d", qPrintable(s.callId),
           qPrintable(protocolName(s.protocol)), qPrintable(s.streamSid), qPrintable(shown(s.from)), qPrintable(shown(s.to)),
           qPrintable(s.agent.left(64)), w);
    return channel;
}

void Gateway::postToCall(const QString &callId, std::function<void(CallEngine &, qint64)> fn)
{
    const auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return;
    m_workers[std::size_t(it->second.worker)]->post(callId, std::move(fn));
}

void Gateway::onCallStarted(const QString &callId, const QByteArray &infoJson)
{
    const auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return;
    LiveCall &call = it->second;
    call.info = json::parse(infoJson.constBegin(), infoJson.constEnd(), nullptr, false);
    if (!call.info.is_object())
        call.info = json::object();
    call.state = LiveCall::State::Active;
    ++m_callsStarted;
    m_dialing.erase(callId); // a campaign call that was ringing is live now
    m_monitor.broadcast({ { "type", "call_started" }, { "call", call.summary(nowMs(), 0, false, m_config.maskPersonalData) } });
    Q_EMIT callStarted(callId);
}

void Gateway::onCallFailed(const QString &callId, const QString &error)
{
    const auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return;
    qCWarning(lcGateway, "call %s could not start: %s", qPrintable(callId), qPrintable(error));
    m_monitor.broadcast({ { "type", "call_failed" }, { "call_id", callId }, { "error", error } });
    if (it->second.connection)
        it->second.connection->close(QWebSocketProtocol::CloseCodeAbnormalDisconnection, error.left(120));
    --m_load[std::size_t(it->second.worker)];
    m_calls.erase(it);
}

void Gateway::onCallEvent(const QString &callId, const QString &type, const QByteArray &eventJson)
{
    const auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return;
    LiveCall &call = it->second;
    const EventType kind = eventTypeOf(type);
    // Tool arguments and results hold numbers, addresses and emails: consoles see them masked,
    // except the operator who holds the call.
    const bool personal = m_config.maskPersonalData && (kind == EventType::ToolCall || kind == EventType::ToolResult);
    QByteArray shownJson = eventJson;
    if (personal) {
        const json ev = json::parse(eventJson.constBegin(), eventJson.constEnd(), nullptr, false);
        if (!ev.is_discarded())
            shownJson = QByteArray::fromStdString(maskPersonalFields(ev).dump());
    }
    // Partials change many times a second and are stale at once: not kept for late consoles.
    if (kind != EventType::UserPartial)
        call.remember(shownJson);
    const QByteArray head = R"({"type":"call_event","call_id":)" + QByteArray::fromStdString(json(callId).dump()) + R"(,"event":)";
    if (personal && call.state == LiveCall::State::TakenOver && !call.operatorName.isEmpty())
        m_monitor.broadcastRaw(head + shownJson + '}', call.operatorName, head + eventJson + '}');
    else
        m_monitor.broadcastRaw(head + shownJson + '}');

    if (kind == EventType::User) {
        const json ev = json::parse(eventJson.constBegin(), eventJson.constEnd(), nullptr, false);
        Q_EMIT customerSaid(callId, call.setup.customerPhone(), stringAt(ev, "text"));
    }
    if (kind == EventType::Escalation && call.state != LiveCall::State::Ending) {
        const json ev = json::parse(eventJson.constBegin(), eventJson.constEnd(), nullptr, false);
        call.escalationReason = stringAt(ev, "reason");
        call.escalationSummary = stringAt(ev, "summary");
        call.queuedAtMs = nowMs();
        if (call.state != LiveCall::State::TakenOver) {
            setState(call, LiveCall::State::Queued);
            broadcastQueue();
        }
    } else if (kind == EventType::End) {
        const bool wasQueued = call.state == LiveCall::State::Queued;
        setState(call, LiveCall::State::Ending, call.operatorName);
        if (wasQueued)
            broadcastQueue();
    }
}

void Gateway::onCallFinished(const QString &callId, const QString &outcome, const QString &recordId)
{
    const auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return;
    m_monitor.broadcast({ { "type", "call_ended" }, { "call_id", callId }, { "outcome", outcome }, { "record_id", recordId } });
    m_monitor.forgetCall(callId);
    --m_load[std::size_t(it->second.worker)];
    m_calls.erase(it);
    qCInfo(lcGateway, "call %s ended: %s, record %s", qPrintable(callId), qPrintable(outcome), qPrintable(recordId));
    Q_EMIT callEnded(callId, outcome, recordId);
}

void Gateway::onFramesReady(int worker)
{
    if (worker < 0 || std::size_t(worker) >= m_connectionsByWorker.size())
        return;
    const QSet<MediaConnection *> connections = m_connectionsByWorker[std::size_t(worker)];
    for (MediaConnection *c : connections) {
        if (!m_connections.contains(c))
            continue;
        c->drain();
        const auto it = m_calls.find(c->callId());
        if (it == m_calls.end())
            continue;
        CallChannel &ch = *it->second.channel;
        const std::size_t n = ch.listen.pop(m_listenScratch.data(), m_listenScratch.size());
        if (n > 0 && ch.listening.load(std::memory_order_relaxed))
            m_monitor.sendAudio(it->first, monitor::encodeAudioFrame(monitor::AudioKind::CallAudio, it->first, ch.sampleRate,
                                                                     m_listenScratch.data(), n));
    }
}

void Gateway::onConnectionClosed(MediaConnection &connection)
{
    MediaConnection *c = &connection;
    m_connections.remove(c);
    if (c->worker() >= 0)
        m_connectionsByWorker[std::size_t(c->worker())].remove(c);
    const auto it = m_calls.find(c->callId());
    if (it != m_calls.end() && it->second.connection == c)
        it->second.connection = nullptr;
    c->deleteLater();
}

void Gateway::setState(LiveCall &call, LiveCall::State state, const QString &operatorName)
{
    call.state = state;
    call.operatorName = operatorName;
    m_monitor.broadcast({ { "type", "call_state" },
                          { "call_id", call.setup.callId },
                          { "state", stateName(state) },
                          { "operator", operatorName.isEmpty() ? json(nullptr) : json(operatorName) } });
}

void Gateway::shutdown(std::function<void()> done)
{
    if (done)
        m_shutdownDone.push_back(std::move(done));
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    qCInfo(lcGateway, "shutting down: ending %d call(s)", int(m_calls.size()));
    m_monitor.broadcast({ { "type", "shutdown" }, { "grace_ms", m_config.shutdownGraceMs } });
    if (m_workers.empty()) {
        finishShutdown();
        return;
    }
    for (CallWorker *w : m_workers)
        w->postShutdown(m_config.shutdownGraceMs);
    m_shutdownDeadline.start(m_config.shutdownGraceMs + 3000);
}

void Gateway::onWorkerDrained(int worker)
{
    m_drainedWorkers.insert(worker);
    if (m_shuttingDown && m_drainedWorkers.size() == int(m_workers.size()))
        finishShutdown();
}

void Gateway::finishShutdown()
{
    if (m_shutdownFinished)
        return;
    m_shutdownFinished = true;
    m_shutdownDeadline.stop();
    // Anything still live (a caller who never acknowledged the goodbye) is closed now; its
    // session writes the record on its own thread before this returns.
    for (CallWorker *w : m_workers)
        QMetaObject::invokeMethod(w, [w] { w->dropAll(); }, Qt::BlockingQueuedConnection);
    for (int i = 0; i < int(m_workers.size()); ++i)
        onFramesReady(i);
    for (MediaConnection *c : std::as_const(m_connections))
        c->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("the gateway is shutting down"));
    m_monitor.closeAll(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("the gateway is shutting down"));
    m_slaTimer.stop();
    auto done = std::exchange(m_shutdownDone, {});
    for (auto &fn : done)
        fn();
}

} // namespace ringside::telephony
