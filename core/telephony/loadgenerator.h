#pragma once

#include "telephony/loadscript.h"
#include "telephony/standincaller.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <map>
#include <memory>
#include <vector>

class QWebSocket;

namespace ringside::telephony {

// What a load run reports (ringside-engine loadgen; docs/telephony.md).
struct LoadReport
{
    int calls = 0;
    int answered = 0;             // the agent's voice reached the caller
    int droppedCalls = 0;         // closed by the gateway before the caller hung up (mid-script)
    int callsEndedByScript = 0;   // the agent ended the call after the whole script; another was placed
    qint64 framesSent = 0;
    qint64 framesReceived = 0;
    qint64 lateFrames = 0;        // outbound frames that came after the caller's buffer ran dry
    qint64 gapMs = 0;             // silence heard inside the agent's speech
    qint64 senderStalls = 0;      // this process fell behind its own 20 ms pace (it, not the engine, was slow)
    std::vector<int> turnLatenciesMs; // end of the caller's words → first agent audio, all calls
    std::map<QString, std::vector<int>> latenciesByKind; // the same by turn kind (script or file name)
    // The gateway's own count (from /healthz): frames that left more than 20 ms after their slot on
    // the call's 20 ms clock, and all frames sent; -1 when the gateway does not say.
    qint64 gatewayLateFrames = -1;
    qint64 gatewayFramesSent = -1;
    // The late ones by how late (lower bound in ms → frames: "20" is 20–40 ms, "320" above 320 ms);
    // empty when the gateway does not say.
    std::map<int, qint64> gatewayLateByMs;
    // Of the late frames, those their call's worker queued already late (-1: not said).
    qint64 gatewayLateQueuedLate = -1;
    // Identifiers read out (turns with an expected ID) and those the agent looked up (a tool call
    // naming the ID before the caller's next turn, seen on /monitor); -1 when /monitor was refused.
    int idsExpected = 0;
    int idsLookedUp = -1;
    double wallSeconds = 0;
    double engineCpuPercent = -1; // of one core, from the gateway's /healthz; -1 when unknown
    double localCpuPercent = 0;   // this process
    QString cpuSource;            // "gateway /healthz" or "local process"

    int percentile(double p) const; // -1 without latencies
    static int percentile(const std::vector<int> &values, double p);
    QString toText() const;
    json toJson() const;
};

// Runs C stand-in Twilio callers against a gateway for a while: each dials, waits for the agent to
// finish a sentence, speaks the next utterance (rotating through the set) at real-time pace,
// listens to the reply, and repeats until the duration is up; then hangs up. One 10 ms clock drives
// every caller. Emits finished() with the report.
class LoadGenerator : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QUrl url;                         // ws://host:port/twilio/media
        int calls = 1;
        int durationSeconds = 30;
        std::vector<std::vector<std::int16_t>> utterances; // 8 kHz PCM16, said by every caller; or
        std::vector<CallScript> scripts;  // caller n says scripts[n % size] turn by turn (kinds, expected IDs); or
        QStringList texts;                // typed turns (the gateway must allow ringside.text)
        QStringList utteranceKinds;       // optional, one per utterance: the kind latencies are reported under
        QString monitorToken;             // to watch /monitor for the IDs looked up (empty: no token)
        int rampMs = 50;                  // between dials, so connects do not arrive all at once
        QByteArray streamSecret;          // the gateway's RINGSIDE_STREAM_SECRET (or TWILIO_AUTH_TOKEN): calls are signed with it
    };

    explicit LoadGenerator(Config config, QObject *parent = nullptr);
    ~LoadGenerator() override;

    void start();
    const LoadReport &report() const { return m_report; }

    // The WAV (any rate, resampled to 8 kHz) and raw μ-law (.ulaw/.mulaw, 8 kHz) files in `dir`,
    // in name order. Fails naming the file that cannot be read, or when there is none.
    static Result<std::vector<std::vector<std::int16_t>>> readUtterances(const QString &dir, QStringList *names = nullptr);

Q_SIGNALS:
    void finished();

private:
    struct Caller;
    void dialNext();
    void dial(int slot);
    void onTick();
    void finish();
    void readEngineCpu(bool atEnd);
    void watchMonitor();
    void onMonitorMessage(const QString &text);
    const CallScript &scriptFor(int callerIndex) const;

    Config m_config;
    std::vector<std::unique_ptr<Caller>> m_callers; // every call placed, in order
    int m_slotsDialled = 0;
    QTimer m_clock;
    QTimer m_dialTimer;
    QElapsedTimer m_wall;
    QNetworkAccessManager m_network;
    qint64 m_engineCpuStartMs = -1;
    qint64 m_engineCpuEndMs = -1;
    qint64 m_localCpuStartMs = 0;
    int m_pendingCpuReads = 0;
    bool m_stopping = false;
    LoadReport m_report;
    std::unique_ptr<QWebSocket> m_monitor;
    bool m_monitorOpen = false;
    QHash<QString, int> m_callerByCallSid;
    std::vector<CallScript> m_scripts; // utterances and texts, as scripts
    qint64 m_gatewayLateStart = -1;
    qint64 m_gatewaySentStart = -1;
    std::map<int, qint64> m_gatewayLateByMsStart;
    qint64 m_gatewayQueuedLateStart = -1;
};

} // namespace ringside::telephony
