#pragma once

#include "speech/cloud/cloudttsrequest.h"
#include "speech/cloud/networkworker.h"
#include "speech/cloud/ttsaudioconverter.h"
#include "speech/cloud/ttsjobbook.h"
#include "speech/ttsengine.h"

#include <QStringList>

#include <map>
#include <memory>

class QWebSocket;

namespace ringside {

// Cartesia over its WebSocket (wss://…/tts/websocket): one socket per engine, opened on first use
// and shared by every job; each sentence of a reply is its own context ("rs-<job>-<n>", a new
// context per turn as Cartesia asks), sent when the previous sentence is done, so chunks arrive
// in order. Audio chunks ({"type":"chunk","data":B64}) are passed on as they come; cancel() sends
// {"context_id":…,"cancel":true}. An {"type":"error"} fails that job; a refused or dropped socket
// fails every open job with one clear message each, and the next job opens a new socket.
//
// Network work runs on the engine's own thread; handlers are called from it.
class CartesiaWsTts final : public TtsEngine
{
public:
    explicit CartesiaWsTts(CartesiaOptions options);
    ~CartesiaWsTts() override;

    quint64 synthesize(const QString &text, const TtsConfig &config, ChunkHandler onChunk, ErrorHandler onError) override;
    void cancel(quint64 job) override;
    QString name() const override { return QStringLiteral("cartesia"); }

private:
    struct Job : TtsJobProgress
    {
        QString context;
    };

    // Worker thread only.
    void ensureSocket();
    void sendSentence(const std::shared_ptr<Job> &job);
    void sendText(const QByteArray &text);
    void onText(const QString &text);
    void onClosed(const QString &why);
    void emitAudio(Job &job, const QByteArray &audio, bool sentenceEnd);
    std::shared_ptr<Job> byContext(const QString &context) const;

    CartesiaOptions m_options;
    TtsJobBook m_book;
    std::unique_ptr<NetworkWorker> m_worker;
    QWebSocket *m_socket = nullptr;                  // worker thread
    bool m_open = false;
    QList<QByteArray> m_pending;                     // sent once the socket is open
    std::map<quint64, std::shared_ptr<Job>> m_jobs;  // worker thread
};

} // namespace ringside
