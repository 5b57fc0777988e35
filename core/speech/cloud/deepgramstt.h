#pragma once

#include "speech/cloud/deepgramrequest.h"
#include "speech/cloud/networkworker.h"
#include "speech/cloud/sttsink.h"
#include "speech/sttengine.h"

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <mutex>

class QTimer;
class QWebSocket;

namespace ringside {

// Deepgram live streaming recognition over a WebSocket (docs/speech-cloud.md).
//
// Audio goes out as binary linear16 frames as it is fed; the pipeline only feeds audio during the
// caller's turns, so a KeepAlive is sent whenever no audio has flowed for keepAliveMs. Deepgram's
// `is_final` pieces are collected until the pipeline calls finalize(), which delivers exactly one
// final() for them:
// - at once, when Deepgram has already closed the utterance (`speech_final` or UtteranceEnd) and
//   nothing was heard after it — no round trip;
// - otherwise after sending {"type":"Finalize"}, on the answer marked `from_finalize` (or a
//   `speech_final` / UtteranceEnd), or after finalizeTimeoutMs with the pieces and the latest
//   interim text. That bounds the added turn latency; the pipeline's own endpointer decides when a
//   turn ends, Deepgram's endpointing only lets the answer come sooner.
// A refused handshake (HTTP 401), a close or a dropped connection reports one clear error();
// finals still owed are delivered first with what was heard, and later finalize() calls answer
// "" at once, so the pipeline never waits on a dead stream. The engine does not reconnect by
// itself: FallbackStt decides (embedded recognizer, or a fresh stream when none can serve).
//
// All network work runs on the engine's own thread; callbacks come from it.
class DeepgramStt final : public SttEngine
{
public:
    explicit DeepgramStt(DeepgramOptions options);
    ~DeepgramStt() override;

    bool start(const SttConfig &config, Callbacks callbacks) override;
    void feed(const std::int16_t *samples, std::size_t n) override;
    void finalize() override;
    void setExpectation(SttExpectation) override {} // Deepgram has no mid-stream vocabulary switch
    void stop() override;
    QString name() const override { return QStringLiteral("deepgram"); }

    // Keywords left out for the model, from the last start().
    QStringList warnings() const;
    // The URL of the last start() (the key is in a header, never here).
    QUrl listenUrl() const;

private:
    struct Stream;
    struct Item
    {
        bool binary = false;
        QByteArray data;
    };

    // Worker thread only.
    void open(const std::shared_ptr<Stream> &stream);
    void teardown();
    void send(Item item);
    void onConnected();
    void onDisconnected();
    void onSocketError();
    void onText(const QString &text);
    void onFinalize();
    void deliverFinal();
    void fail(const QString &message);
    void closeStream();
    QString joined() const;

    DeepgramOptions m_options;
    std::unique_ptr<NetworkWorker> m_worker;

    mutable std::mutex m_infoMutex; // guards the two below
    QStringList m_warnings;
    QUrl m_url;

    // Caller thread.
    std::shared_ptr<SttSink> m_callerSink;

    // Worker thread.
    std::shared_ptr<Stream> m_stream;
    QWebSocket *m_socket = nullptr;
    QTimer *m_keepAlive = nullptr;
    QTimer *m_finalizeTimer = nullptr;
    QTimer *m_connectTimer = nullptr;
};

} // namespace ringside
