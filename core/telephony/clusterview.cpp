#include "telephony/clusterview.h"

#include "telephony/gateway.h"

#include "storage/clusterbus.h"
#include "storage/database.h"
#include "storage/engineregistry.h"
#include "storage/sqlutil.h"

#include <QLoggingCategory>
#include <QMutex>

#include <deque>

Q_LOGGING_CATEGORY(lcClusterView, "ringside.telephony.cluster")

namespace ringside::telephony {

namespace {

// Events are packed into one notification until it holds this much (the bus's inline limit is
// 7,800 bytes with the envelope): a busy engine sends a few notifications a second, not hundreds.
constexpr int kBatchBytes = 6000;
constexpr int kEnginesCheckMs = 3000;

json tagged(json summary, const QString &engine, const QString &address)
{
    summary["engine"] = engine.toStdString();
    summary["engine_address"] = address.toStdString();
    return summary;
}

} // namespace

// The database side, on a thread of its own: a NOTIFY is a round trip, which the gateway's thread
// (carrying every call's audio) must not wait for. Queued events leave in order, in batches.
class ClusterPublisher : public QObject
{
public:
    ClusterPublisher(ClusterBus &bus, Database &db, QString engineId, QString address, Clock clock)
        : m_bus(bus), m_db(db), m_engineId(std::move(engineId)), m_address(std::move(address)), m_clock(std::move(clock))
    {
    }

    // Any thread. `event` true: a monitor event (batched); otherwise a whole note for `channel`.
    void enqueue(const QString &channel, QByteArray utf8, bool event)
    {
        bool wake = false;
        {
            QMutexLocker lock(&m_mutex);
            wake = m_queue.empty();
            m_queue.push_back({ channel, std::move(utf8), event });
        }
        if (wake)
            QMetaObject::invokeMethod(this, [this] { drain(); }, Qt::QueuedConnection);
    }

    void drain()
    {
        std::deque<Item> items;
        {
            QMutexLocker lock(&m_mutex);
            items.swap(m_queue);
        }
        QByteArray batch;
        const QByteArray head = QByteArray::fromStdString(json({ { "address", m_address.toStdString() } }).dump());
        auto flush = [&] {
            if (batch.isEmpty())
                return;
            // {"address": …, "events": [e1, e2, …]}: the events are already JSON, joined as they are.
            send(QString::fromLatin1(ClusterView::kEventsChannel), head.left(head.size() - 1) + R"(,"events":[)" + batch + "]}");
            batch.clear();
        };
        for (Item &item : items) {
            if (!item.event) {
                flush();
                send(item.channel, item.utf8);
                continue;
            }
            if (!batch.isEmpty() && batch.size() + item.utf8.size() > kBatchBytes)
                flush();
            if (!batch.isEmpty())
                batch.append(',');
            batch.append(item.utf8);
        }
        flush();
    }

    // Engines whose calls the others should forget: marked dead or stopped, or silent past their
    // own dead-after time (an engine found dead by no dialer yet, e.g. all run --no-campaigns).
    QStringList goneEngines()
    {
        QStringList gone;
        try {
            const qint64 now = m_clock.nowMs();
            for (const EngineInfo &e : EngineRegistry(m_db).engines()) {
                if (e.id != m_engineId && (e.state == engine_state::dead || e.state == engine_state::stopped || e.silentAt(now)))
                    gone.append(e.id);
            }
        } catch (const StorageError &e) {
            qCWarning(lcClusterView, "cannot read the engines table: %s", e.what());
        }
        return gone;
    }

private:
    struct Item
    {
        QString channel;
        QByteArray utf8;
        bool event = false;
    };

    void send(const QString &channel, const QByteArray &utf8)
    {
        try {
            m_bus.publish(channel, utf8);
        } catch (const StorageError &e) {
            // The other engines' consoles miss this; their next snapshot of this engine is whole again.
            qCWarning(lcClusterView, "not published on %s: %s", qPrintable(channel), e.what());
        }
    }

    ClusterBus &m_bus;
    Database &m_db;
    const QString m_engineId;
    const QString m_address;
    const Clock m_clock;
    QMutex m_mutex;
    std::deque<Item> m_queue;
};

ClusterView::ClusterView(Database &db, QString engineId, QString address, Gateway &gateway, int commandTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_engineId(std::move(engineId))
    , m_address(std::move(address))
    , m_gateway(gateway)
    , m_commandTimeoutMs(commandTimeoutMs)
    , m_bus(std::make_unique<ClusterBus>(db, m_engineId))
{
    m_thread.setObjectName(QStringLiteral("cluster-view"));
    m_clock.start();
    m_pendingTimer.setInterval(250);
    connect(&m_pendingTimer, &QTimer::timeout, this, &ClusterView::expirePending);
}

ClusterView::~ClusterView()
{
    m_gateway.attachClusterView(nullptr);
    if (m_publisher) {
        // What this engine said last (its calls ending on shutdown) still reaches the others.
        QMetaObject::invokeMethod(m_publisher, [p = m_publisher] { p->drain(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    m_bus.reset();
}

bool ClusterView::start()
{
    if (m_publisher || !m_bus->isAvailable())
        return false;
    connect(m_bus.get(), &ClusterBus::received, this, &ClusterView::onReceived);
    if (!m_bus->listen(QString::fromLatin1(kEventsChannel)) || !m_bus->listen(QString::fromLatin1(kCommandsChannel)))
        return false;
    m_publisher = new ClusterPublisher(*m_bus, m_db, m_engineId, m_address, m_gateway.config().clock);
    m_publisher->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_publisher, &QObject::deleteLater);
    m_thread.start();
    // The engines check runs on the publisher's thread; its answer comes back here, queued.
    auto *check = new QTimer;
    check->setInterval(kEnginesCheckMs);
    check->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, check, &QObject::deleteLater);
    connect(check, &QTimer::timeout, m_publisher, [this, p = m_publisher] {
        const QStringList gone = p->goneEngines();
        if (!gone.isEmpty())
            QMetaObject::invokeMethod(this, [this, gone] { dropEngines(gone); }, Qt::QueuedConnection);
    });
    QMetaObject::invokeMethod(check, qOverload<>(&QTimer::start), Qt::QueuedConnection);
    m_gateway.attachClusterView(this);
    // Calls that were live before this engine started: every other engine sends its own.
    publish(kCommandsChannel, { { "kind", "sync" }, { "to", "*" } });
    return true;
}

void ClusterView::publishEvent(const QByteArray &utf8)
{
    if (m_publisher)
        m_publisher->enqueue(QString(), utf8, true);
}

void ClusterView::publish(const char *channel, const json &note)
{
    if (m_publisher)
        m_publisher->enqueue(QString::fromLatin1(channel), QByteArray::fromStdString(note.dump()), false);
}

QString ClusterView::holderOf(const QString &callId) const
{
    for (const auto &[engine, remote] : m_remote)
        if (remote.calls.count(callId))
            return engine;
    return QString();
}

QString ClusterView::holderAddress(const QString &callId) const
{
    const auto it = m_remote.find(holderOf(callId));
    return it == m_remote.end() ? QString() : it->second.address;
}

json ClusterView::remoteCalls() const
{
    json out = json::array();
    for (const auto &[engine, remote] : m_remote)
        for (const auto &[id, call] : remote.calls)
            out.push_back(call);
    return out;
}

json ClusterView::remoteQueue() const
{
    json out = json::array();
    for (const auto &[engine, remote] : m_remote)
        for (const json &entry : remote.queue)
            out.push_back(entry);
    return out;
}

json ClusterView::remoteDialing() const
{
    json out = json::array();
    for (const auto &[engine, remote] : m_remote)
        for (const auto &[id, call] : remote.dialing)
            out.push_back(call);
    return out;
}

void ClusterView::onReceived(const QString &channel, const QString &fromEngine, const QByteArray &event)
{
    const json note = json::parse(event.constBegin(), event.constEnd(), nullptr, false);
    if (!note.is_object())
        return;
    if (channel == QLatin1String(kCommandsChannel)) {
        const QString kind = stringAt(note, "kind");
        if (kind == QLatin1String("sync")) {
            publishEvent(QByteArray::fromStdString(m_gateway.engineSnapshot().dump()));
            return;
        }
        if (stringAt(note, "to") != m_engineId)
            return; // for another engine
        if (kind == QLatin1String("command"))
            onCommand(fromEngine, note);
        else if (stringAt(note, "kind") == QLatin1String("result"))
            onResult(note);
        return;
    }
    if (channel != QLatin1String(kEventsChannel) || !note.contains("events") || !note["events"].is_array())
        return;
    RemoteEngine &remote = m_remote[fromEngine];
    remote.address = stringAt(note, "address");
    bool queueChanged = false;
    for (const json &message : note["events"]) {
        if (!message.is_object())
            continue;
        queueChanged |= applyEvent(fromEngine, remote, message);
    }
    if (queueChanged)
        m_gateway.relayQueue(); // the merged queue, for this engine's consoles only
}

bool ClusterView::applyEvent(const QString &engine, RemoteEngine &remote, json message)
{
    const QString type = stringAt(message, "type");
    const QString callId = stringAt(message, "call_id");
    if (type == QLatin1String("shutdown"))
        return false; // that engine's calls end one by one (call_ended); this engine is not shutting down
    if (type == QLatin1String("engine_snapshot")) {
        // That engine's whole view (asked for by an engine that started): new calls are announced.
        std::map<QString, json> calls;
        for (const json &c : message.value("calls", json::array())) {
            const QString id = stringAt(c, "call_id");
            calls[id] = tagged(c, engine, remote.address);
            if (!remote.calls.count(id))
                m_gateway.monitor().relay(QByteArray::fromStdString(json({ { "type", "call_started" }, { "call", calls[id] } }).dump()));
        }
        remote.calls = std::move(calls);
        remote.dialing.clear();
        for (const json &d : message.value("dialing", json::array()))
            remote.dialing[stringAt(d, "call_id")] = tagged(d, engine, remote.address);
        message = { { "type", "queue" }, { "entries", message.value("queue", json::array()) } };
    }
    if (type == QLatin1String("queue") || type == QLatin1String("engine_snapshot")) {
        json entries = json::array();
        if (message.contains("entries") && message["entries"].is_array())
            for (const json &e : message["entries"])
                entries.push_back(tagged(e, engine, remote.address));
        remote.queue = std::move(entries);
        return true; // relayed merged, by the caller
    }
    if (type == QLatin1String("call_started") && message.contains("call") && message["call"].is_object()) {
        message["call"] = tagged(message["call"], engine, remote.address);
        remote.calls[stringAt(message["call"], "call_id")] = message["call"];
        remote.dialing.erase(stringAt(message["call"], "call_id"));
    } else if (type == QLatin1String("call_state")) {
        const auto it = remote.calls.find(callId);
        if (it != remote.calls.end()) {
            it->second["state"] = message.value("state", json(nullptr));
            it->second["operator"] = message.value("operator", json(nullptr));
        }
    } else if (type == QLatin1String("call_ended") || type == QLatin1String("call_failed")) {
        remote.calls.erase(callId);
    } else if (type == QLatin1String("outbound_dialing") && message.contains("call") && message["call"].is_object()) {
        message["call"] = tagged(message["call"], engine, remote.address);
        remote.dialing[stringAt(message["call"], "call_id")] = message["call"];
    } else if (type == QLatin1String("outbound_progress") && message.value("finished", false)) {
        remote.dialing.erase(callId);
    }
    message = tagged(std::move(message), engine, remote.address);
    m_gateway.monitor().relay(QByteArray::fromStdString(message.dump()));
    return false;
}

void ClusterView::dropEngines(const QStringList &engineIds)
{
    bool queueChanged = false;
    for (const QString &engine : engineIds) {
        const auto it = m_remote.find(engine);
        if (it != m_remote.end()) {
            // Its consoles' view of those calls ends here: the engine that held them is gone.
            for (const auto &[id, call] : it->second.calls)
                m_gateway.monitor().relay(QByteArray::fromStdString(
                        tagged({ { "type", "call_ended" }, { "call_id", id }, { "outcome", "failed" }, { "record_id", "" }, { "engine_lost", true } },
                               engine, it->second.address)
                                .dump()));
            queueChanged |= !it->second.queue.empty();
            m_remote.erase(it);
        }
        for (auto p = m_pending.begin(); p != m_pending.end();) {
            if (p->engine != engine) {
                ++p;
                continue;
            }
            m_gateway.monitor().completeCommand(p->consumerId, p->requestId, p->command,
                                                { { "code", kEngineUnreachable }, { "message", QStringLiteral("engine %1 has stopped").arg(engine) } }, {});
            p = m_pending.erase(p);
        }
    }
    if (queueChanged)
        m_gateway.relayQueue();
}

void ClusterView::forward(int consumerId, const json &requestId, const QString &operatorName, const QString &command, const json &message)
{
    const QString engine = holderOf(stringAt(message, "call_id"));
    const QString request = QStringLiteral("%1/%2").arg(m_engineId).arg(++m_nextRequest);
    m_pending.insert(request, { consumerId, requestId, command, engine, m_clock.elapsed() + m_commandTimeoutMs });
    if (!m_pendingTimer.isActive())
        m_pendingTimer.start();
    json forwarded = message;
    forwarded.erase("id");
    publish(kCommandsChannel, { { "kind", "command" },
                                { "to", engine.toStdString() },
                                { "request", request.toStdString() },
                                { "operator", operatorName.toStdString() },
                                { "command", command.toStdString() },
                                { "message", forwarded } });
}

void ClusterView::onCommand(const QString &fromEngine, const json &note)
{
    json extra = json::object();
    const json message = note.value("message", json::object());
    const json problem = m_gateway.runForwardedCommand(stringAt(note, "operator"), stringAt(note, "command"), message, &extra);
    publish(kCommandsChannel, { { "kind", "result" },
                                { "to", fromEngine.toStdString() },
                                { "request", note.value("request", json(nullptr)) },
                                { "problem", problem },
                                { "extra", extra } });
}

void ClusterView::onResult(const json &note)
{
    const auto it = m_pending.find(stringAt(note, "request"));
    if (it == m_pending.end())
        return; // answered too late: the console already had its timeout
    const Pending p = *it;
    m_pending.erase(it);
    json extra = note.value("extra", json::object());
    if (extra.is_object())
        extra["engine"] = p.engine.toStdString();
    m_gateway.monitor().completeCommand(p.consumerId, p.requestId, p.command, note.value("problem", json(nullptr)), extra);
}

void ClusterView::expirePending()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->deadlineMs > now) {
            ++it;
            continue;
        }
        m_gateway.monitor().completeCommand(
                it->consumerId, it->requestId, it->command,
                { { "code", kEngineUnreachable },
                  { "message", QStringLiteral("engine %1 did not answer within %2 s").arg(it->engine).arg(m_commandTimeoutMs / 1000.0) } },
                {});
        it = m_pending.erase(it);
    }
    if (m_pending.isEmpty())
        m_pendingTimer.stop();
}

} // namespace ringside::telephony
