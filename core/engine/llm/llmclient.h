#pragma once
// The streaming chat client the LLM brain talks to. Subclasses know one wire format; this base
// owns the HTTP exchange, the timeouts, cancellation and turning failures into LlmError.
//
// Threading: a client lives on the thread that created it (or moveToThread) and makes its
// QNetworkAccessManager there; start(), cancel() and every signal happen on that thread.

#include "engine/llm/llmtypes.h"
#include "engine/llm/sseparser.h"

#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace ringside {

// 0 switches a limit off.
struct LlmTimeouts
{
    int firstByteMs = 15000; // connect + until the response headers arrive
    int idleMs = 15000;      // longest silence between two pieces of a streamed answer
    int totalMs = 60000;     // the whole answer
};

struct LlmClientOptions
{
    QUrl baseUrl;            // e.g. http://localhost:11434/v1 or https://generativelanguage.googleapis.com/v1beta
    QString apiKey;          // empty: no auth header (fine for local servers)
    LlmTimeouts timeouts;
    bool streaming = true;   // false: one JSON body, text arrives only with finished()
};

// Turns one provider's answer into an LlmResponse. One instance per request.
class LlmTurnParser
{
public:
    virtual ~LlmTurnParser() = default;

    struct Step
    {
        QString textDelta;              // text to speak now; may be empty
        bool done = false;              // the stream's end mark arrived: finish without waiting
        std::optional<LlmError> error;  // stop here
    };
    // One SSE `data:` payload.
    virtual Step onEvent(const QByteArray &data) = 0;
    // The stream ended cleanly at the HTTP level (or `done` was returned).
    virtual LlmOutcome finishStream() = 0;
    // A whole non-streamed JSON body.
    virtual LlmOutcome parseBody(const QByteArray &body) = 0;
};

class LlmClient : public QObject
{
    Q_OBJECT
public:
    // `network` may be shared between clients on the same thread; null makes a private one.
    explicit LlmClient(LlmClientOptions options, QNetworkAccessManager *network = nullptr,
                       QObject *parent = nullptr);
    ~LlmClient() override;

    virtual QString providerName() const = 0;

    // Sends one turn. Returns false (and emits nothing) if a request is already running.
    // Otherwise exactly one of finished()/failed() follows, never from inside start() itself.
    bool start(const LlmRequest &request);
    // Stops the running request: failed(Cancelled) is emitted before cancel() returns and nothing
    // else follows. Does nothing when idle.
    void cancel();
    bool isRunning() const { return m_running; }

    const LlmClientOptions &options() const { return m_options; }
    void setTimeouts(const LlmTimeouts &timeouts) { m_options.timeouts = timeouts; }
    void setStreaming(bool streaming) { m_options.streaming = streaming; }

signals:
    void textDelta(const QString &text);
    void finished(const ringside::LlmResponse &response);
    void failed(const ringside::LlmError &error);

protected:
    struct HttpCall
    {
        QNetworkRequest request; // URL and provider headers; Content-Type is set by the base
        QByteArray body;
    };
    // Builds the HTTP request, or explains why it cannot (InvalidRequest / Config).
    virtual std::optional<LlmError> prepare(const LlmRequest &request, bool streaming, HttpCall *call) = 0;
    virtual std::unique_ptr<LlmTurnParser> createParser(bool streaming) = 0;
    // For messages: the endpoint without its query (keys never go in URLs, but be safe).
    static QString endpointName(const QUrl &url);

private:
    void onMetaData();
    void onReadyRead();
    void onReplyFinished();
    void onTimeout(QTimer *timer);
    void decideMode();
    void consume(const QByteArray &bytes);
    void handleEvents(const QList<SseEvent> &events, quint64 serial);
    void succeed(LlmResponse response);
    void fail(LlmError error);
    void failLater(LlmError error);
    void teardown();

    enum class BodyMode { Undecided, Sse, Json, ErrorBody };

    LlmClientOptions m_options;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<LlmTurnParser> m_parser;
    std::unique_ptr<SseParser> m_sse;
    QTimer m_firstByteTimer;
    QTimer m_idleTimer;
    QTimer m_totalTimer;
    QElapsedTimer m_elapsed;
    QByteArray m_body;       // JSON or error body collected so far
    BodyMode m_mode = BodyMode::Undecided;
    int m_status = 0;
    bool m_running = false;
    bool m_streaming = true;
    quint64 m_serial = 0;    // bumps every start; stale queued work checks it
    QString m_endpoint;
};

} // namespace ringside
