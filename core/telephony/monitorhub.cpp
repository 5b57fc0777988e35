#include "telephony/monitorhub.h"

#include "util/remotejson.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcMonitor, "ringside.telephony.monitor")

namespace ringside::telephony {

MonitorHub::MonitorHub(int bufferLimitBytes, int lagTimeoutMs, int maxCommandsPerSecond, QObject *parent)
    : QObject(parent), m_bufferLimit(bufferLimitBytes), m_lagTimeoutMs(lagTimeoutMs), m_maxCommandsPerSecond(maxCommandsPerSecond)
{
    m_clock.start();
    m_lagTimer.setInterval(std::clamp(lagTimeoutMs / 4, 50, 1000));
    connect(&m_lagTimer, &QTimer::timeout, this, &MonitorHub::onLagTick);
}

MonitorHub::~MonitorHub()
{
    for (auto &[id, c] : m_consumers)
        c->socket->disconnect(this);
}

void MonitorHub::addConsumer(std::unique_ptr<QWebSocket> socket, const QString &operatorName, bool fixedName)
{
    auto c = std::make_unique<Consumer>();
    c->id = m_nextId++;
    c->fixedName = fixedName;
    c->operatorName = operatorName.trimmed().isEmpty() ? m_anonymousPrefix + QString::number(++m_anonymous) : operatorName.trimmed().left(64);
    c->socket = std::move(socket);
    const int id = c->id;
    QWebSocket *ws = c->socket.get();
    connect(ws, &QWebSocket::textMessageReceived, this, [this, id](const QString &t) { onText(id, t); });
    connect(ws, &QWebSocket::binaryMessageReceived, this, [this, id](const QByteArray &b) { onBinary(id, b); });
    connect(ws, &QWebSocket::bytesWritten, this, [this, id](qint64) { onBytesWritten(id); });
    connect(ws, &QWebSocket::disconnected, this, [this, id] { QMetaObject::invokeMethod(this, [this, id] { remove(id); }, Qt::QueuedConnection); });
    Consumer &ref = *c;
    m_consumers[id] = std::move(c);
    sendSnapshot(ref);
}

void MonitorHub::setAnonymousTag(const QString &tag)
{
    m_anonymousPrefix = tag.isEmpty() ? QStringLiteral("operator-") : QStringLiteral("operator-%1-").arg(tag);
}

void MonitorHub::sendSnapshot(Consumer &c)
{
    if (!snapshot)
        return;
    json s = snapshot(c.operatorName);
    deliver(c, QString::fromStdString(s.dump()));
}

bool MonitorHub::checkLag(Consumer &c)
{
    if (c.lagging) {
        dropIfStuck(c);
        ++c.skipped;
        return false;
    }
    if (c.socket->bytesToWrite() > m_bufferLimit) {
        c.lagging = true;
        ++m_lagEpisodes;
        c.skipped = 1;
        c.lagSince.start();
        if (!m_lagTimer.isActive())
            m_lagTimer.start();
        qCWarning(lcMonitor, "console %s: %lld bytes unsent; skipping its events until it catches up", qPrintable(c.operatorName),
                  c.socket->bytesToWrite());
        return false;
    }
    return true;
}

void MonitorHub::dropIfStuck(Consumer &c)
{
    if (!c.lagging || c.lagSince.elapsed() <= m_lagTimeoutMs || c.socket->state() == QAbstractSocket::UnconnectedState)
        return;
    qCWarning(lcMonitor, "console %s: still lagging after %d ms, %lld events skipped; disconnecting", qPrintable(c.operatorName),
              m_lagTimeoutMs, c.skipped);
    c.socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("too slow: events could not be delivered"));
    c.socket->abort();
}

void MonitorHub::onLagTick()
{
    bool anyLagging = false;
    for (auto &[id, c] : m_consumers) {
        dropIfStuck(*c);
        anyLagging |= c->lagging;
    }
    if (!anyLagging)
        m_lagTimer.stop();
}

bool MonitorHub::deliver(Consumer &c, const QString &text)
{
    if (!checkLag(c))
        return false;
    c.socket->sendTextMessage(text);
    return true;
}

bool MonitorHub::deliverBinary(Consumer &c, const QByteArray &frame)
{
    if (!checkLag(c))
        return false;
    c.socket->sendBinaryMessage(frame);
    return true;
}

void MonitorHub::onBytesWritten(int id)
{
    const auto it = m_consumers.find(id);
    if (it == m_consumers.end())
        return;
    Consumer &c = *it->second;
    if (!c.lagging || c.socket->bytesToWrite() > m_bufferLimit / 4)
        return;
    c.lagging = false;
    deliver(c, QString::fromStdString(json{ { "type", "lagged" }, { "skipped", c.skipped } }.dump()));
    c.skipped = 0;
    sendSnapshot(c); // what it missed, summed up
}

void MonitorHub::broadcast(const json &message)
{
    broadcastRaw(QByteArray::fromStdString(message.dump()));
}

void MonitorHub::broadcastRaw(const QByteArray &utf8, const QString &privilegedOperator, const QByteArray &privilegedUtf8)
{
    if (onBroadcast)
        onBroadcast(utf8);
    if (m_consumers.empty())
        return;
    const QString text = QString::fromUtf8(utf8);
    QString privileged;
    for (auto &[id, c] : m_consumers) {
        if (!privilegedOperator.isEmpty() && c->operatorName == privilegedOperator) {
            if (privileged.isEmpty())
                privileged = QString::fromUtf8(privilegedUtf8);
            deliver(*c, privileged);
        } else {
            deliver(*c, text);
        }
    }
}

void MonitorHub::relay(const QByteArray &utf8)
{
    if (m_consumers.empty())
        return;
    const QString text = QString::fromUtf8(utf8);
    for (auto &[id, c] : m_consumers)
        deliver(*c, text);
}

void MonitorHub::completeCommand(int consumerId, const json &requestId, const QString &command, const json &problem, const json &extra)
{
    const auto it = m_consumers.find(consumerId);
    if (it == m_consumers.end())
        return;
    if (!problem.is_null() && problem.contains("code")) {
        reply(*it->second, { { "type", "error" }, { "id", requestId }, { "command", command }, { "code", stringAt(problem, "code") },
                             { "message", stringAt(problem, "message") } });
        return;
    }
    json ack = { { "type", "ack" }, { "id", requestId }, { "command", command } };
    if (extra.is_object())
        for (auto e = extra.begin(); e != extra.end(); ++e)
            ack[e.key()] = e.value();
    reply(*it->second, ack);
}

void MonitorHub::sendAudio(const QString &callId, const QByteArray &frame)
{
    for (auto &[id, c] : m_consumers) {
        if (c->listening.contains(callId))
            deliverBinary(*c, frame);
    }
}

int MonitorHub::listeners(const QString &callId) const
{
    return m_listenerCounts.value(callId);
}

int MonitorHub::laggingCount() const
{
    int n = 0;
    for (const auto &[id, c] : m_consumers)
        n += c->lagging ? 1 : 0;
    return n;
}

void MonitorHub::forgetCall(const QString &callId)
{
    for (auto &[id, c] : m_consumers)
        c->listening.remove(callId);
    m_listenerCounts.remove(callId);
}

void MonitorHub::closeAll(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    for (auto &[id, c] : m_consumers)
        c->socket->close(code, reason);
}

void MonitorHub::remove(int id)
{
    const auto it = m_consumers.find(id);
    if (it == m_consumers.end())
        return;
    std::unique_ptr<Consumer> c = std::move(it->second);
    m_consumers.erase(it);
    c->socket->disconnect(this);
    for (const QString &call : std::as_const(c->listening)) {
        const int n = std::max(0, m_listenerCounts.value(call) - 1);
        m_listenerCounts.insert(call, n);
        if (onListenersChanged)
            onListenersChanged(call, n);
    }
    c->socket.release()->deleteLater();
}

void MonitorHub::reply(Consumer &c, const json &message)
{
    deliver(c, QString::fromStdString(message.dump()));
}

void MonitorHub::onText(int id, const QString &text)
{
    const auto it = m_consumers.find(id);
    if (it == m_consumers.end())
        return;
    Consumer &c = *it->second;
    auto error = [&](const json &requestId, const QString &command, const QString &code, const QString &message) {
        reply(c, { { "type", "error" }, { "id", requestId }, { "command", command }, { "code", code }, { "message", message } });
    };
    // A console that sends faster than any person clicks is slowed to a refusal per command.
    const qint64 now = m_clock.elapsed();
    if (now - c.windowStartMs >= 1000) {
        c.windowStartMs = now;
        c.commandsInWindow = 0;
    }
    if (++c.commandsInWindow > m_maxCommandsPerSecond) {
        if (c.commandsInWindow == m_maxCommandsPerSecond + 1)
            error(nullptr, QString(), QLatin1String(monitor::error::badRequest),
                  QStringLiteral("more than %1 commands a second; the rest of this second's are dropped").arg(m_maxCommandsPerSecond));
        return;
    }
    monitor::Command parsed;
    QString why;
    if (!monitor::parseCommand(text.toUtf8(), &parsed, &why)) {
        error(parsed.id, QString(), QLatin1String(monitor::error::badRequest), why);
        return;
    }
    const json &msg = parsed.message;
    const json requestId = parsed.id;
    const QString command = parsed.name;
    json ack = { { "type", "ack" }, { "id", requestId }, { "command", command } };
    if (command == QLatin1String(monitor::command::ping)) {
        reply(c, ack);
        return;
    }
    if (command == QLatin1String(monitor::command::hello)) {
        // A console signed in with a token is that token's operator, whatever it asks to be called.
        const QString name = stringAt(msg, "operator").trimmed();
        if (!name.isEmpty() && !c.fixedName)
            c.operatorName = name.left(64);
        ack["operator"] = c.operatorName;
        reply(c, ack);
        return;
    }
    if (command == QLatin1String(monitor::command::snapshot)) {
        reply(c, ack);
        sendSnapshot(c);
        return;
    }
    if (!onCommand) {
        error(requestId, command, QLatin1String(monitor::error::badRequest), QStringLiteral("commands are not available"));
        return;
    }
    json extra = json::object();
    const json problem = onCommand(c, command, msg, &extra);
    if (problem.is_object() && problem.value("pending", false))
        return; // answered by completeCommand()
    if (!problem.is_null() && problem.contains("code")) {
        error(requestId, command, stringAt(problem, "code"), stringAt(problem, "message"));
        return;
    }
    if (command == QLatin1String(monitor::command::listen)) {
        const QString call = stringAt(msg, "call_id");
        const bool on = boolAt(msg, "on", true);
        const bool was = c.listening.contains(call);
        if (on != was) {
            if (on)
                c.listening.insert(call);
            else
                c.listening.remove(call);
            const int n = std::max(0, m_listenerCounts.value(call) + (on ? 1 : -1));
            m_listenerCounts.insert(call, n);
            if (onListenersChanged)
                onListenersChanged(call, n);
        }
    }
    for (auto e = extra.begin(); e != extra.end(); ++e)
        ack[e.key()] = e.value();
    reply(c, ack);
}

void MonitorHub::onBinary(int id, const QByteArray &frame)
{
    const auto it = m_consumers.find(id);
    if (it == m_consumers.end())
        return;
    Consumer &c = *it->second;
    monitor::AudioFrame audio;
    QString problem;
    if (!monitor::decodeAudioFrame(frame, &audio, &problem))
        ;
    else if (audio.kind != monitor::AudioKind::OperatorAudio)
        problem = QStringLiteral("audio frame: consoles send kind 2 (operator audio)");
    else if (onOperatorAudio)
        problem = onOperatorAudio(c, audio);
    if (!problem.isEmpty())
        reply(c, { { "type", "error" }, { "id", nullptr }, { "command", "audio" }, { "code", monitor::error::badAudio }, { "message", problem } });
}

} // namespace ringside::telephony
