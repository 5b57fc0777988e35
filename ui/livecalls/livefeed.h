#pragma once

#include "monitorclient.h"
#include "services/eventbatcher.h"

#include "util/jsonqt.h"

#include <QHash>
#include <QObject>
#include <QThread>

#include <memory>

namespace ringside::ui {

class CallAudio;
class CallsModel;
class EscalationQueueModel;
class TranscriptModel;

// The console's side of a monitor feed: a MonitorClient and the operator's audio on their own
// network thread, the feed's messages carried to the UI thread in batches (every `batchMs`), and
// the models the Live Calls workspace shows — the calls table, the escalation queue and a
// transcript per call. Commands go out with an id; their answers come back as commandAnswered.
class LiveFeed : public QObject
{
    Q_OBJECT
public:
    explicit LiveFeed(int batchMs = 100, QObject *parent = nullptr);
    ~LiveFeed() override;

    void open(const MonitorEndpoint &endpoint);
    void close();
    // Pauses between reconnection attempts (tests shorten them).
    void setBackoff(int firstMs, int maxMs);

    // One feed message as if it had arrived (safe from any thread); the client uses it too.
    void push(json message);

    CallsModel *calls() const { return m_calls; }
    // The customer's full number of a call this operator holds (the engine sends it only to the
    // holder, in the takeover or accept ack; the feed shows it masked). Empty otherwise.
    QString heldNumber(const QString &callId) const { return m_heldNumbers.value(callId); }
    EscalationQueueModel *queue() const { return m_queue; }
    // The call's transcript, or null for a call the feed has not mentioned.
    TranscriptModel *transcript(const QString &callId) const;
    // The transcript shown in the workspace survives its call's end until another is shown.
    void setShownCall(const QString &callId);

    // Sends {"id", "command", "call_id", …fields}; returns the id its answer will carry.
    QString sendCommand(const QString &command, const QString &callId, json fields = json::object());

    // The operator's audio (on the network thread). A call another engine holds is heard and
    // spoken to through a second connection to that engine (its row's engineAddress): audio
    // does not travel between engines.
    void listen(const QString &callId, int sampleRate, bool on);
    void useMicrophone(const QString &callId, int sampleRate, bool on);

    MonitorClient::State state() const { return m_state; }
    QString stateDetail() const { return m_stateDetail; }
    QString operatorName() const { return m_operator; }
    qint64 escalationSlaMs() const { return m_slaMs; }
    int batchesApplied() const { return m_batches; }
    int messagesApplied() const { return m_messages; }

Q_SIGNALS:
    void stateChanged(ringside::ui::MonitorClient::State state, const QString &detail);
    void snapshotReceived();
    void commandAnswered(const QString &requestId, const QString &command, const QString &callId, bool ok,
                         const QString &code, const QString &message);
    void escalationArrived(const QString &callId, const QString &reason);
    void escalationAccepted(const QString &callId, const QString &operatorName);
    void callEnded(const QString &callId, const QString &outcome);
    // Something the operator should read (lagged feed, engine shutting down, unreadable message).
    void notice(const QString &text);
    void listenStatus(const QString &callId, bool playing, const QString &message);
    void microphoneStatus(const QString &callId, bool open, const QString &message);
    void batchApplied(int messages);

private:
    void apply(std::vector<json> batch);
    void applyOne(const json &m);
    void applySnapshot(const json &m);
    void applyQueue(const json &entries);
    void noticeRecordsWaiting(int waiting, const QString &error);
    TranscriptModel *ensureTranscript(const QString &callId);
    void dropTranscript(const QString &callId);
    QString describeCall(const QString &callId) const;
    // Network thread: the connection to the engine at `address` (opened or moved there) and a
    // command to send on it once connected.
    void sendDirect(const MonitorEndpoint &endpoint, const QByteArray &command);
    MonitorEndpoint directEndpoint(const QString &engineAddress) const;

    QThread m_thread;
    MonitorClient *m_client = nullptr; // lives on m_thread
    CallAudio *m_audio = nullptr;      // lives on m_thread
    MonitorClient *m_direct = nullptr; // lives on m_thread: another engine's /monitor, for audio
    QUrl m_directUrl;                  // m_thread only
    QList<QByteArray> m_directQueue;   // m_thread only: commands waiting for m_direct to connect
    bool m_audioDirect = false;        // m_thread only: the microphone speaks through m_direct
    MonitorEndpoint m_endpoint;        // UI thread: the attached engine, as opened
    EventBatcher<json> m_batcher;
    CallsModel *m_calls = nullptr;
    EscalationQueueModel *m_queue = nullptr;
    QHash<QString, TranscriptModel *> m_transcripts;
    QHash<QString, QString> m_heldNumbers;
    QString m_shownCall;
    MonitorClient::State m_state = MonitorClient::State::Disconnected;
    QString m_stateDetail;
    QString m_operator;
    qint64 m_slaMs = 0;
    int m_nextRequest = 1;
    int m_batches = 0;
    int m_messages = 0;
};

} // namespace ringside::ui
