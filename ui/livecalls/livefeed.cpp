#include "livefeed.h"

#include "util/remotejson.h"

#include "callaudio.h"
#include "callsmodel.h"
#include "escalationqueuemodel.h"
#include "transcriptmodel.h"

#include <QDateTime>
#include <QSet>

namespace ringside::ui {

LiveFeed::LiveFeed(int batchMs, QObject *parent)
    : QObject(parent)
    , m_batcher(batchMs, [this](std::vector<json> batch) { apply(std::move(batch)); })
    , m_calls(new CallsModel(this))
    , m_queue(new EscalationQueueModel(this))
{
    m_queue->setCallDescriber([this](const QString &id) { return describeCall(id); });
    m_thread.setObjectName(QStringLiteral("live-calls-feed"));
    m_client = new MonitorClient;
    m_client->setMessageSink([this](json m) { m_batcher.push(std::move(m)); });
    m_direct = new MonitorClient;
    // From the holding engine only the answers to our own commands matter: the feed comes from ours.
    m_direct->setMessageSink([this](json m) {
        if (stringAt(m, "id").startsWith(QLatin1Char('d')))
            m_batcher.push(std::move(m));
    });
    MonitorClient *client = m_client;
    MonitorClient *direct = m_direct;
    m_audio = new CallAudio([this, client, direct](const QByteArray &frame) { return (m_audioDirect ? direct : client)->sendBinary(frame); });
    CallAudio *audio = m_audio;
    m_client->setAudioSink([audio](const telephony::monitor::AudioFrame &f) { audio->play(f); });
    m_direct->setAudioSink([audio](const telephony::monitor::AudioFrame &f) { audio->play(f); });
    m_client->moveToThread(&m_thread);
    m_direct->moveToThread(&m_thread);
    m_audio->moveToThread(&m_thread);
    connect(m_client, &MonitorClient::stateChanged, this, [this](MonitorClient::State s, const QString &detail) {
        m_state = s;
        m_stateDetail = detail;
        Q_EMIT stateChanged(s, detail);
    });
    connect(m_direct, &MonitorClient::stateChanged, m_direct, [this](MonitorClient::State s, const QString &detail) {
        if (s == MonitorClient::State::Connected) {
            for (const QByteArray &command : std::exchange(m_directQueue, {}))
                m_direct->sendText(command);
        } else if (s == MonitorClient::State::Refused) {
            m_directQueue.clear();
            m_batcher.push({ { "type", "client_error" }, { "message", tr("The engine holding this call refused the console: %1").arg(detail) } });
        }
    });
    connect(m_audio, &CallAudio::listenStatus, this, &LiveFeed::listenStatus);
    connect(m_audio, &CallAudio::microphoneStatus, this, &LiveFeed::microphoneStatus);
    m_thread.start();
}

LiveFeed::~LiveFeed()
{
    // The client and the audio die on their own thread, before the batcher they push into.
    MonitorClient *client = m_client;
    MonitorClient *direct = m_direct;
    CallAudio *audio = m_audio;
    QMetaObject::invokeMethod(m_client, [client, direct, audio] {
        delete audio;
        delete direct;
        delete client;
    }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void LiveFeed::open(const MonitorEndpoint &endpoint)
{
    m_endpoint = endpoint;
    MonitorClient *client = m_client;
    QMetaObject::invokeMethod(m_client, [client, endpoint] { client->open(endpoint); });
}

void LiveFeed::close()
{
    MonitorClient *client = m_client;
    CallAudio *audio = m_audio;
    QMetaObject::invokeMethod(m_client, [this, client, audio] {
        audio->stopListening();
        audio->stopMicrophone();
        client->close();
        m_direct->close();
        m_directUrl.clear();
        m_directQueue.clear();
        m_audioDirect = false;
    });
}

void LiveFeed::setBackoff(int firstMs, int maxMs)
{
    MonitorClient *client = m_client;
    QMetaObject::invokeMethod(m_client, [client, firstMs, maxMs] { client->setBackoff(firstMs, maxMs); });
}

void LiveFeed::push(json message)
{
    m_batcher.push(std::move(message));
}

TranscriptModel *LiveFeed::transcript(const QString &callId) const
{
    return m_transcripts.value(callId, nullptr);
}

void LiveFeed::setShownCall(const QString &callId)
{
    const QString previous = m_shownCall;
    m_shownCall = callId;
    // An ended call's transcript was kept only because it was on screen.
    if (!previous.isEmpty() && previous != callId && !m_calls->call(previous))
        dropTranscript(previous);
}

QString LiveFeed::sendCommand(const QString &command, const QString &callId, json fields)
{
    const QString id = QStringLiteral("c%1").arg(m_nextRequest++);
    json m = fields.is_object() ? std::move(fields) : json::object();
    m["id"] = id;
    m["command"] = command;
    if (!callId.isEmpty())
        m["call_id"] = callId;
    const QByteArray bytes = QByteArray::fromStdString(m.dump());
    MonitorClient *client = m_client;
    const QString notConnected = tr("not connected to an engine");
    QMetaObject::invokeMethod(m_client, [this, client, bytes, id, command, callId, notConnected] {
        if (!client->sendText(bytes))
            m_batcher.push({ { "type", "error" }, { "id", id }, { "command", command }, { "call_id", callId },
                             { "code", "not_connected" }, { "message", notConnected } });
    });
    return id;
}

MonitorEndpoint LiveFeed::directEndpoint(const QString &engineAddress) const
{
    // The engines table's address is http(s)://host:port; its console feed is /monitor there,
    // reached with the same token and operator name as the attached engine. A console that named
    // nobody takes the name the attached engine gave it: the holding engine matches a forwarded
    // take-over to the microphone by that name.
    MonitorEndpoint e = m_endpoint;
    if (e.operatorName.isEmpty())
        e.operatorName = m_operator;
    QUrl url(engineAddress);
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/monitor"));
    e.url = url;
    return e;
}

void LiveFeed::sendDirect(const MonitorEndpoint &endpoint, const QByteArray &command)
{
    if (m_directUrl != endpoint.url) {
        m_directUrl = endpoint.url;
        m_directQueue.clear();
        m_direct->open(endpoint);
    }
    if (m_direct->state() != MonitorClient::State::Connected || !m_direct->sendText(command))
        m_directQueue.append(command);
}

void LiveFeed::listen(const QString &callId, int sampleRate, bool on)
{
    const LiveCallRow *row = m_calls->call(callId);
    if (row && !row->engineAddress.isEmpty()) {
        // Another engine's call: asked there, heard from there.
        const QString id = QStringLiteral("d%1").arg(m_nextRequest++);
        const json command = { { "id", id.toStdString() }, { "command", telephony::monitor::command::listen }, { "call_id", callId.toStdString() }, { "on", on } };
        const MonitorEndpoint endpoint = directEndpoint(row->engineAddress);
        QMetaObject::invokeMethod(m_direct, [this, endpoint, bytes = QByteArray::fromStdString(command.dump())] { sendDirect(endpoint, bytes); });
    } else {
        sendCommand(QLatin1String(telephony::monitor::command::listen), callId, { { "on", on } });
    }
    CallAudio *audio = m_audio;
    QMetaObject::invokeMethod(m_audio, [audio, callId, sampleRate, on] {
        if (on)
            audio->startListening(callId, sampleRate);
        else
            audio->stopListening();
    });
}

void LiveFeed::useMicrophone(const QString &callId, int sampleRate, bool on)
{
    const LiveCallRow *row = m_calls->call(callId);
    const bool remote = row && !row->engineAddress.isEmpty();
    const MonitorEndpoint endpoint = remote ? directEndpoint(row->engineAddress) : MonitorEndpoint();
    CallAudio *audio = m_audio;
    QMetaObject::invokeMethod(m_audio, [this, audio, callId, sampleRate, on, remote, endpoint] {
        // The holding engine takes the operator's voice only on its own /monitor.
        m_audioDirect = remote && on;
        if (m_audioDirect && m_directUrl != endpoint.url) {
            m_directUrl = endpoint.url;
            m_directQueue.clear();
            m_direct->open(endpoint);
        }
        if (on)
            audio->startMicrophone(callId, sampleRate);
        else
            audio->stopMicrophone();
    });
}

TranscriptModel *LiveFeed::ensureTranscript(const QString &callId)
{
    TranscriptModel *&t = m_transcripts[callId];
    if (!t)
        t = new TranscriptModel(callId, this);
    return t;
}

void LiveFeed::dropTranscript(const QString &callId)
{
    if (TranscriptModel *t = m_transcripts.take(callId))
        t->deleteLater(); // a view may still hold it until the workspace switches models
}

QString LiveFeed::describeCall(const QString &callId) const
{
    const LiveCallRow *r = m_calls->call(callId);
    if (!r)
        return QString();
    return tr("%1 · %2").arg(r->agent, maskPhone(r->phone));
}

void LiveFeed::apply(std::vector<json> batch)
{
    m_calls->beginBatch();
    for (const json &m : batch)
        applyOne(m);
    m_calls->endBatch();
    ++m_batches;
    m_messages += int(batch.size());
    Q_EMIT batchApplied(int(batch.size()));
}

void LiveFeed::applySnapshot(const json &m)
{
    const qint64 serverNow = intAt(m, "server_time_ms");
    if (serverNow > 0)
        m_calls->setServerOffsetMs(serverNow - QDateTime::currentMSecsSinceEpoch());
    m_slaMs = intAt(m, "escalation_sla_ms");
    const QString op = stringAt(m, "operator");
    if (!op.isEmpty())
        m_operator = op;
    std::vector<LiveCallRow> rows;
    QSet<QString> live;
    {
        for (const json &c : arrayAt(m, "calls")) {
            LiveCallRow row = LiveCallRow::fromSummary(c);
            if (row.callId.isEmpty())
                continue;
            live.insert(row.callId);
            ensureTranscript(row.callId)->resetFrom(arrayAt(c, "recent"));
            rows.push_back(std::move(row));
        }
    }
    // Calls that ended while we were away: their transcripts go (the shown one is kept, marked).
    const QStringList known = m_transcripts.keys();
    for (const QString &id : known) {
        if (live.contains(id))
            continue;
        if (id == m_shownCall)
            m_transcripts.value(id)->markEnded(QString());
        else
            dropTranscript(id);
    }
    // Campaign calls still ringing (no transcript yet: they are not answered).
    for (const json &c : m.value("dialing", json::array())) {
        LiveCallRow row = LiveCallRow::fromSummary(c);
        if (!row.callId.isEmpty() && !live.contains(row.callId))
            rows.push_back(std::move(row));
    }
    m_calls->endBatch(); // what was staged before the snapshot is superseded by it
    m_calls->reset(std::move(rows));
    m_calls->beginBatch();
    applyQueue(arrayAt(m, "queue"));
    // A console that connects while the engine's records wait hears it now, not at the next change.
    if (const int waiting = intAt(m, "call_records_waiting"); waiting > 0)
        noticeRecordsWaiting(waiting, QString());
    Q_EMIT snapshotReceived();
}

void LiveFeed::noticeRecordsWaiting(int waiting, const QString &error)
{
    Q_EMIT notice(error.isEmpty() ? tr("The engine is keeping %n call record(s) its database has not taken yet; they are retried", nullptr, waiting)
                                  : tr("The engine cannot save call records (%1); %n kept and retried", nullptr, waiting).arg(error));
}

void LiveFeed::applyQueue(const json &entries)
{
    const QStringList arrived = m_queue->setEntries(entries, m_slaMs);
    for (const QString &id : arrived) {
        const int row = m_queue->rowOf(id);
        Q_EMIT escalationArrived(id, row >= 0 ? m_queue->at(row).reason : QString());
    }
}

void LiveFeed::applyOne(const json &m)
{
    const QString type = stringAt(m, "type");
    const QString callId = stringAt(m, "call_id");
    if (type == QLatin1String("call_event")) {
        if (!callId.isEmpty())
            ensureTranscript(callId)->apply(objectAt(m, "event"));
    } else if (type == QLatin1String("call_started")) {
        const json &call = objectAt(m, "call");
        const LiveCallRow row = LiveCallRow::fromSummary(call);
        if (!row.callId.isEmpty()) {
            ensureTranscript(row.callId);
            m_calls->upsert(row);
        }
    } else if (type == QLatin1String("outbound_dialing")) {
        // A campaign call the engine just placed: shown ringing until it is answered (call_started
        // replaces the row) or ends unanswered (outbound_progress, finished).
        const LiveCallRow row = LiveCallRow::fromSummary(m.value("call", json::object()));
        if (!row.callId.isEmpty() && !m_calls->call(row.callId))
            m_calls->upsert(row);
    } else if (type == QLatin1String("outbound_progress")) {
        const LiveCallRow *row = m_calls->call(callId);
        if (row && (row->state == QLatin1String("dialing") || row->state == QLatin1String("ringing"))) {
            if (m.value("finished", false)) {
                m_calls->remove(callId);
                Q_EMIT notice(tr("Campaign call to %1 ended unanswered (%2)").arg(maskPhone(row->phone), stringAt(m, "outcome")));
            } else if (stringAt(m, "status") == QLatin1String("ringing")) {
                m_calls->setState(callId, QStringLiteral("ringing"), QString());
            }
        }
    } else if (type == QLatin1String("call_state")) {
        m_calls->setState(callId, stringAt(m, "state"), stringAt(m, "operator"));
        if (stringAt(m, "operator") != m_operator)
            m_heldNumbers.remove(callId); // no longer ours: back to the masked number
    } else if (type == QLatin1String("call_ended") || type == QLatin1String("call_failed")) {
        m_calls->remove(callId);
        m_heldNumbers.remove(callId);
        const QString outcome = type == QLatin1String("call_failed") ? tr("failed: %1").arg(stringAt(m, "error")) : stringAt(m, "outcome");
        if (TranscriptModel *t = transcript(callId)) {
            t->markEnded(outcome);
            if (callId != m_shownCall)
                dropTranscript(callId);
        }
        Q_EMIT callEnded(callId, outcome);
    } else if (type == QLatin1String("queue")) {
        m_slaMs = intAt(m, "escalation_sla_ms", m_slaMs);
        applyQueue(arrayAt(m, "entries"));
    } else if (type == QLatin1String("escalation_accepted")) {
        Q_EMIT escalationAccepted(callId, stringAt(m, "operator"));
    } else if (type == QLatin1String("escalation_expired")) {
        Q_EMIT notice(tr("Nobody accepted %1 in time: the caller was offered a callback").arg(describeCall(callId).isEmpty() ? callId : describeCall(callId)));
    } else if (type == QLatin1String("snapshot")) {
        applySnapshot(m);
    } else if (type == QLatin1String("ack") || type == QLatin1String("error")) {
        const bool ok = type == QLatin1String("ack");
        const QString id = m.contains("id") && m["id"].is_string() ? stringAt(m, "id") : QString();
        if (ok && stringAt(m, "command") == QLatin1String(telephony::monitor::command::hello) && !stringAt(m, "operator").isEmpty())
            m_operator = stringAt(m, "operator");
        if (ok && !callId.isEmpty() && objectAt(m, "caller").is_object() && !objectAt(m, "caller").empty()) {
            const LiveCallRow *row = m_calls->call(callId);
            const bool outbound = row && row->direction == QLatin1String("outbound");
            m_heldNumbers.insert(callId, stringAt(objectAt(m, "caller"), outbound ? "to" : "from"));
        }
        Q_EMIT commandAnswered(id, stringAt(m, "command"), callId, ok, stringAt(m, "code"), stringAt(m, "message"));
    } else if (type == QLatin1String("lagged")) {
        Q_EMIT notice(tr("The console fell behind the engine; %1 events were skipped and the view was refreshed")
                          .arg(intAt(m, "skipped")));
    } else if (type == QLatin1String("shutdown")) {
        Q_EMIT notice(tr("The engine is shutting down; its calls are ending"));
    } else if (type == QLatin1String("call_records")) {
        // The engine's call records: refused by its store, waiting for its database, or written again.
        const int waiting = intAt(m, "waiting");
        if (const int refused = intAt(m, "newly_refused"); refused > 0)
            Q_EMIT notice(tr("The engine's store refused %n call record(s): %1", nullptr, refused).arg(stringAt(m, "error")));
        if (waiting > 0)
            noticeRecordsWaiting(waiting, stringAt(m, "error"));
        else if (intAt(m, "newly_refused") == 0)
            Q_EMIT notice(tr("The engine saves call records again"));
    } else if (type == QLatin1String("client_error")) {
        Q_EMIT notice(stringAt(m, "message"));
    }
}

} // namespace ringside::ui
