#include "telephony/gateway.h"

#include "telephony/callengine.h"
#include "telephony/mediaconnection.h"
#include "telephony/mediashard.h"
#include "telephony/recordhealth.h"
#include "telephony/twilioweb.h"

#include "analytics/recordwritequeue.h"
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
        if (n > 0)
            m_listened.insert(callId);
        else
            m_listened.remove(callId);
        m_listenedCount.store(int(m_listened.size()), std::memory_order_relaxed);
    };
    m_slaTimer.setInterval(250);
    connect(&m_slaTimer, &QTimer::timeout, this, &Gateway::onSlaTick);
    m_shutdownDeadline.setSingleShot(true);
    connect(&m_shutdownDeadline, &QTimer::timeout, this, &Gateway::finishShutdown);
    m_listenScratch.resize(48000);
    // The calls' records are written on one thread of their own, not on the workers that pace
    // the calls' audio.
    if (m_services.db && !m_services.recordWrites)
        m_services.recordWrites = std::make_shared<analytics::RecordWriteQueue>(*m_services.db);
    if (m_services.recordWrites)
        m_recordAlarm = std::make_unique<RecordAlarm>(m_services.recordWrites, m_monitor);
}

Gateway::~Gateway()
{
    // Whatever is still live closes its record before the threads stop.
    for (CallWorker *w : m_workers)
        QMetaObject::invokeMethod(w, [w] { w->dropAll(); }, Qt::BlockingQueuedConnection);
    // The records are written, and nothing queued behind them still needs a worker.
    if (m_services.recordWrites)
        m_services.recordWrites->waitIdle();
    for (QThread *thread : m_threads) {
        thread->quit();
        thread->wait();
    }
    // The sockets are let go on their own threads, then those threads stop.
    m_shards.reset();
    for (MediaLink &link : m_connections) {
        if (link.hooks.gone)
            link.hooks.gone();
    }
}

int Gateway::workerCount() const
{
    // More threads than cores by default: a recognizer final decodes on its call's thread for up to a
    // few hundred ms, and the other calls on that thread wait (measured: 24 spoken calls on 2 cores
    // had 56 late frames with 2 workers, 7 with 8).
    return m_config.workers > 0 ? m_config.workers : 4 * std::max(1, QThread::idealThreadCount());
}

int Gateway::mediaThreads() const
{
    return m_shards ? m_shards->count() : 0;
}

void Gateway::start()
{
    if (!m_workers.empty())
        return;
    const int n = workerCount();
    m_load.assign(std::size_t(n), 0);
    // One media I/O thread per core by default: one thread carrying every socket fell behind at
    // 500 text calls (docs/benchmarks.md, "Capacity").
    const int io = m_config.mediaThreads > 0 ? m_config.mediaThreads : std::max(1, QThread::idealThreadCount());
    m_shards = std::make_unique<MediaShards>(io, n);
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
        // Straight from the worker's thread, so nothing wakes for nothing: the shard that carries
        // this worker's calls queues one drain for itself (the local shard only while it holds
        // some), and this thread hears of it only while a console listens to some call.
        MediaShard *shard = m_shards->at(i % m_shards->count());
        connect(worker, &CallWorker::framesReady, shard, [shard](int w) { shard->notify(w); }, Qt::DirectConnection);
        MediaShard *local = m_shards->local();
        connect(worker, &CallWorker::framesReady, local, [local](int w) { local->notify(w); }, Qt::DirectConnection);
        connect(
                worker, &CallWorker::framesReady, this,
                [this](int w) {
                    if (m_listenedCount.load(std::memory_order_relaxed) > 0)
                        QMetaObject::invokeMethod(this, [this, w] { onFramesReady(w); }, Qt::QueuedConnection);
                },
                Qt::DirectConnection);
        connect(worker, &CallWorker::drained, this, &Gateway::onWorkerDrained);
        thread->start(QThread::TimeCriticalPriority);
        m_threads.push_back(thread);
        m_workers.push_back(worker);
    }
    m_slaTimer.start();
}

void Gateway::addMediaStream(std::unique_ptr<QWebSocket> socket, MediaProtocol protocol, MediaStreamHooks hooks)
{
    if (m_shuttingDown || !m_shards) {
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("the gateway is shutting down"));
        socket.release()->deleteLater();
        if (hooks.gone)
            hooks.gone();
        return;
    }
    ParseOptions options;
    options.protocol = protocol;
    options.allowTextInjection = m_config.allowTextInjection;
    // Called on the connection's thread: each forwards itself to this one, in order.
    MediaConnection::Handlers h;
    h.started = [this](MediaConnection *c, const StreamStart &s, std::shared_ptr<CallChannel> channel) {
        QMetaObject::invokeMethod(this, [this, c, s, channel] { onStreamStarted(c, s, channel); }, Qt::QueuedConnection);
    };
    h.markPlayed = [this](MediaConnection *c, std::int64_t sample) {
        QMetaObject::invokeMethod(this, [this, c, sample] { postToConnectionCall(c, [sample](CallEngine &e, qint64) { e.markPlayed(sample); }); },
                                  Qt::QueuedConnection);
    };
    h.dtmf = [this](MediaConnection *c, const QString &digit) {
        QMetaObject::invokeMethod(this, [this, c, digit] { postToConnectionCall(c, [digit](CallEngine &e, qint64 now) { e.dtmf(digit, now); }); },
                                  Qt::QueuedConnection);
    };
    h.text = [this](MediaConnection *c, const QString &text) {
        QMetaObject::invokeMethod(this, [this, c, text] { postToConnectionCall(c, [text](CallEngine &e, qint64 now) { e.text(text, now); }); },
                                  Qt::QueuedConnection);
    };
    h.callerLeft = [this](MediaConnection *c) {
        QMetaObject::invokeMethod(this, [this, c] { postToConnectionCall(c, [](CallEngine &e, qint64) { e.callerLeft(); }); }, Qt::QueuedConnection);
    };
    h.closed = [this](MediaConnection *c) { QMetaObject::invokeMethod(this, [this, c] { onConnectionClosed(c); }, Qt::QueuedConnection); };
    MediaLink link;
    link.protocol = protocol;
    link.url = socket->requestUrl();
    auto *connection = new MediaConnection(std::move(socket), hooks.transport, options, m_config.limits, std::move(h));
    link.hooks = std::move(hooks);
    connection->setSendStats(m_sendStats);
    connect(connection, &MediaConnection::frameRejected, this, [this] { ++m_rejectedFrames; });
    // A WebSocket whose TCP socket is unknown stays on this thread (it cannot be moved without it).
    MediaShard *shard = connection->canMove() ? m_shards->pick() : m_shards->local();
    link.shard = shard;
    m_shards->taken(shard);
    m_connections.insert(connection, std::move(link));
    if (shard->thread() != thread())
        connection->moveAllToThread(shard->thread());
    MediaShards::run(shard, [shard, connection] { shard->adopt(connection); });
}

void Gateway::addMonitor(std::unique_ptr<QWebSocket> socket, const QString &operatorName, bool fixedName)
{
    m_monitor.addConsumer(std::move(socket), operatorName, fixedName);
}

QString Gateway::shown(const QString &phone) const
{
    return m_config.maskPersonalData ? maskPhone(phone) : phone;
}

int Gateway::pickWorker(const MediaShard *shard) const
{
    // The workers paired with the connection's shard (worker i with shard i mod N): each worker's
    // frames then wake one I/O thread, not all of them.
    const int shards = m_shards ? m_shards->count() : 0;
    int best = -1;
    for (int w = 0; w < int(m_load.size()); ++w) {
        if (shard && shard->index() >= 0 && shards > 0 && w % shards != shard->index())
            continue;
        if (best < 0 || m_load[std::size_t(w)] < m_load[std::size_t(best)])
            best = w;
    }
    return best >= 0 ? best : int(std::min_element(m_load.begin(), m_load.end()) - m_load.begin());
}

void Gateway::onStreamStarted(MediaConnection *connection, const StreamStart &start, std::shared_ptr<CallChannel> channel)
{
    const auto link = m_connections.find(connection);
    if (link == m_connections.end())
        return; // already gone
    const QString refusal = takeCall(connection, *link, start, std::move(channel));
    if (!refusal.isEmpty()) {
        MediaShards::run(link->shard, [shard = link->shard, connection, refusal] {
            if (shard->holds(connection))
                connection->refuse(refusal);
        });
    }
}

// Takes the stream's call (returns an empty string) or says why not.
QString Gateway::takeCall(MediaConnection *connection, MediaLink &link, const StreamStart &start, std::shared_ptr<CallChannel> channel)
{
    if (m_shuttingDown || m_workers.empty())
        return QStringLiteral("the gateway is shutting down");
    if (int(m_calls.size()) >= m_config.limits.maxCalls)
        return QStringLiteral("the gateway is carrying its limit of %1 calls").arg(m_config.limits.maxCalls);
    // Parameters: the stream's own, then the media URL's query (Exotel applets, `call --provider exotel`).
    QHash<QString, QString> params = start.customParameters;
    const QUrlQuery query(link.url);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    if (items.size() > kMaxStreamParameters)
        return QStringLiteral("more than %1 stream parameters").arg(kMaxStreamParameters);
    for (const auto &item : items) {
        if (!params.contains(item.first))
            params.insert(item.first, item.second);
    }
    params.remove(QStringLiteral("sample-rate")); // Exotel's own (the audio format), not about the call
    // Who the call is with and about is believed only when the gateway signed it (docs/security.md).
    // Twilio streams always carry the signature of the TwiML that started them; an Exotel stream
    // (already Basic-authenticated) may name an agent unsigned, and nothing else.
    const bool hasSignature = params.contains(QLatin1String(StreamSigner::kParameter));
    if (link.protocol == MediaProtocol::Twilio || hasSignature) {
        QString why;
        const auto verdict = m_signer.verify(params, start.callSid, QDateTime::currentSecsSinceEpoch(), &why);
        if (verdict != StreamSigner::Verdict::Ok)
            return QStringLiteral("stream not authorised: %1").arg(why);
    } else {
        for (auto it = params.cbegin(); it != params.cend(); ++it) {
            if (it.key() != QLatin1String("agent"))
                return QStringLiteral("stream not authorised: %1 may only come signed (%2)").arg(it.key().left(40), QLatin1String(StreamSigner::kParameter));
        }
    }
    for (const auto &[id, call] : m_calls) {
        if (call.setup.streamSid == start.streamSid)
            return QStringLiteral("streamSid %1 is already streaming").arg(start.streamSid);
    }
    CallSetup s;
    s.protocol = link.protocol;
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

    const int w = pickWorker(link.shard);
    LiveCall call;
    call.setup = s;
    call.channel = channel;
    call.connection = connection;
    call.worker = w;
    m_calls.emplace(s.callId, std::move(call));
    ++m_load[std::size_t(w)];
    link.callId = s.callId;
    m_workers[std::size_t(w)]->postStart(s, channel);
    MediaShards::run(link.shard, [shard = link.shard, connection, w] { shard->accept(connection, w); });
    if (link.hooks.established)
        link.hooks.established();
    qCInfo(lcGateway, "call %s: %s stream %s from %s to %s, agent %s, worker %d", qPrintable(s.callId),
           qPrintable(protocolName(s.protocol)), qPrintable(s.streamSid), qPrintable(shown(s.from)), qPrintable(shown(s.to)),
           qPrintable(s.agent.left(64)), w);
    return QString();
}

void Gateway::postToConnectionCall(MediaConnection *connection, std::function<void(CallEngine &, qint64)> fn)
{
    const auto link = m_connections.constFind(connection);
    if (link != m_connections.cend() && !link->callId.isEmpty())
        postToCall(link->callId, std::move(fn));
}

void Gateway::closeConnection(MediaConnection *connection, QWebSocketProtocol::CloseCode code, const QString &reason)
{
    const auto link = m_connections.constFind(connection);
    if (link == m_connections.cend())
        return;
    MediaShards::run(link->shard, [shard = link->shard, connection, code, reason] {
        if (shard->holds(connection))
            connection->close(code, reason);
    });
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
        closeConnection(it->second.connection, QWebSocketProtocol::CloseCodeAbnormalDisconnection, error.left(120));
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

// The media frames go out on the shards' threads; what is left here is the audio of the calls a
// console listens to.
void Gateway::onFramesReady(int worker)
{
    for (const QString &callId : std::as_const(m_listened)) {
        const auto it = m_calls.find(callId);
        if (it == m_calls.end() || it->second.worker != worker)
            continue;
        CallChannel &ch = *it->second.channel;
        const std::size_t n = ch.listen.pop(m_listenScratch.data(), m_listenScratch.size());
        if (n > 0 && ch.listening.load(std::memory_order_relaxed))
            m_monitor.sendAudio(it->first, monitor::encodeAudioFrame(monitor::AudioKind::CallAudio, it->first, ch.sampleRate,
                                                                     m_listenScratch.data(), n));
    }
}

void Gateway::onConnectionClosed(MediaConnection *connection)
{
    const auto link = m_connections.find(connection);
    if (link == m_connections.end())
        return;
    const auto it = m_calls.find(link->callId);
    if (it != m_calls.end() && it->second.connection == connection)
        it->second.connection = nullptr;
    MediaShard *shard = link->shard;
    m_shards->released(shard);
    std::function<void()> gone = std::move(link->hooks.gone);
    m_connections.erase(link);
    // Its last news has arrived (closed comes last): it can go, on its own thread.
    MediaShards::run(shard, [shard, connection] { shard->dispose(connection); });
    if (gone)
        gone();
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
    if (m_services.recordWrites)
        m_services.recordWrites->waitIdle(); // every record closed before `done` runs
    for (int i = 0; i < int(m_workers.size()); ++i)
        onFramesReady(i);
    // Each shard sends what is left (goodbyes, hang-ups) and closes the rest, before `done` runs.
    if (m_shards) {
        m_shards->everywhere([](MediaShard &shard) {
            shard.drainAll();
            shard.closeAll(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("the gateway is shutting down"));
        });
    }
    m_monitor.closeAll(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("the gateway is shutting down"));
    m_slaTimer.stop();
    auto done = std::exchange(m_shutdownDone, {});
    for (auto &fn : done)
        fn();
}

} // namespace ringside::telephony
