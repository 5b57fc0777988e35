#include "speech/cloud/deepgramstt.h"
#include "util/remotejson.h"

#include "util/jsonqt.h"

#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QWebSocket>

namespace ringside {

namespace {

QString controlMessage(const char *type)
{
    return QString::fromStdString(json{{"type", type}}.dump());
}

int wordCount(const QString &text)
{
    return int(text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
}

// "…Unhandled http status code: 401 (Unauthorized)." → 401; 0 when the text names no status.
int handshakeStatus(const QString &socketError)
{
    static const QRegularExpression re(QStringLiteral("status code:? *(\\d{3})"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(socketError);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

} // namespace

// One stream (start() to stop()); touched only on the worker thread after start() hands it over.
struct DeepgramStt::Stream
{
    std::shared_ptr<SttSink> sink;
    QUrl url;
    QByteArray authorization;
    bool interimResults = true;
    std::size_t maxPendingBytes = 0;

    bool open = false;
    bool failed = false;
    bool stopping = false;
    QList<Item> pending;          // sent once the socket opens
    std::size_t pendingBytes = 0;
    QString socketError;

    QStringList pieces;           // is_final transcripts since the last final()
    double confidenceWords = 0.0; // Σ confidence × words over pieces
    int words = 0;
    QString interim;              // the latest non-final transcript
    double interimConfidence = 0.0;
    bool closed = false;          // Deepgram ended the utterance and heard nothing after
    int finalsOwed = 0;           // finalize() calls not yet answered
};

DeepgramStt::DeepgramStt(DeepgramOptions options)
    : m_options(std::move(options))
    , m_worker(std::make_unique<NetworkWorker>(QStringLiteral("deepgram")))
{
}

DeepgramStt::~DeepgramStt()
{
    stop();
    m_worker->run([this] { teardown(); });
    m_worker.reset();
}

QStringList DeepgramStt::warnings() const
{
    std::lock_guard lock(m_infoMutex);
    return m_warnings;
}

QUrl DeepgramStt::listenUrl() const
{
    std::lock_guard lock(m_infoMutex);
    return m_url;
}

bool DeepgramStt::start(const SttConfig &config, Callbacks callbacks)
{
    auto stream = std::make_shared<Stream>();
    stream->sink = std::make_shared<SttSink>(std::move(callbacks));
    m_callerSink = stream->sink;
    auto refuse = [&](const QString &message) {
        stream->sink->error(message);
        stream->sink->kill();
        return false;
    };
    if (m_options.apiKey.isEmpty())
        return refuse(QStringLiteral("deepgram: no API key; set DEEPGRAM_API_KEY"));
    const QString scheme = m_options.url.scheme();
    if (!m_options.url.isValid() || (scheme != QLatin1String("wss") && scheme != QLatin1String("ws")))
        return refuse(QStringLiteral("deepgram: the listen URL '%1' is not ws:// or wss://")
                          .arg(m_options.url.toDisplayString()));
    if (config.sampleRate < 8000 || config.sampleRate > 48000)
        return refuse(QStringLiteral("deepgram: sampleRate %1 Hz is outside 8000–48000 Hz").arg(config.sampleRate));

    QStringList warnings;
    stream->url = deepgramListenUrl(m_options, config, &warnings);
    stream->authorization = "Token " + m_options.apiKey.toUtf8();
    stream->interimResults = config.interimResults;
    stream->maxPendingBytes = std::size_t(qMax(0, m_options.maxBufferedMs)) * std::size_t(config.sampleRate) / 1000u * 2u;
    {
        std::lock_guard lock(m_infoMutex);
        m_warnings = warnings;
        m_url = stream->url;
    }
    m_worker->post([this, stream] { open(stream); });
    return true;
}

void DeepgramStt::feed(const std::int16_t *samples, std::size_t n)
{
    if (n == 0)
        return;
    // linear16 is little-endian; so is every host Ringside builds for.
    QByteArray bytes(reinterpret_cast<const char *>(samples), qsizetype(n * sizeof(std::int16_t)));
    m_worker->post([this, bytes = std::move(bytes)]() mutable { send({true, std::move(bytes)}); });
}

void DeepgramStt::finalize()
{
    m_worker->post([this] { onFinalize(); });
}

void DeepgramStt::stop()
{
    if (m_callerSink)
        m_callerSink->kill(); // no callbacks once stop() returns
    m_callerSink.reset();
    m_worker->post([this] { closeStream(); });
}

// ---- worker thread ----

void DeepgramStt::teardown()
{
    if (m_socket) {
        QObject::disconnect(m_socket, nullptr, m_worker->context(), nullptr);
        if (m_socket->state() != QAbstractSocket::UnconnectedState)
            m_socket->abort();
        delete m_socket;
        m_socket = nullptr;
    }
    for (QTimer *t : {m_keepAlive, m_finalizeTimer, m_connectTimer})
        delete t;
    m_keepAlive = m_finalizeTimer = m_connectTimer = nullptr;
    m_stream.reset();
}

void DeepgramStt::open(const std::shared_ptr<Stream> &stream)
{
    teardown(); // a restart replaces the previous stream entirely
    m_stream = stream;
    QObject *ctx = m_worker->context();
    m_keepAlive = new QTimer(ctx);
    m_keepAlive->setInterval(qMax(100, m_options.keepAliveMs));
    QObject::connect(m_keepAlive, &QTimer::timeout, ctx, [this] {
        if (m_stream && m_stream->open)
            m_socket->sendTextMessage(controlMessage("KeepAlive"));
    });
    m_finalizeTimer = new QTimer(ctx);
    m_finalizeTimer->setSingleShot(true);
    QObject::connect(m_finalizeTimer, &QTimer::timeout, ctx, [this] {
        if (m_stream && m_stream->finalsOwed > 0)
            deliverFinal(); // Deepgram did not answer Finalize in time: deliver what was heard
    });
    m_connectTimer = new QTimer(ctx);
    m_connectTimer->setSingleShot(true);
    QObject::connect(m_connectTimer, &QTimer::timeout, ctx, [this] {
        fail(QStringLiteral("deepgram: no connection to %1 within %2 ms")
                 .arg(m_stream->url.host()).arg(m_options.connectTimeoutMs));
    });

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, ctx);
    QObject::connect(m_socket, &QWebSocket::connected, ctx, [this] { onConnected(); });
    QObject::connect(m_socket, &QWebSocket::disconnected, ctx, [this] { onDisconnected(); });
    QObject::connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), ctx, [this] { onSocketError(); });
    QObject::connect(m_socket, &QWebSocket::textMessageReceived, ctx, [this](const QString &t) { onText(t); });
    QNetworkRequest request(stream->url);
    request.setRawHeader("Authorization", stream->authorization);
    m_connectTimer->start(qMax(100, m_options.connectTimeoutMs));
    m_socket->open(request);
}

void DeepgramStt::onConnected()
{
    if (!m_stream || m_stream->failed || m_stream->stopping)
        return;
    m_connectTimer->stop();
    m_stream->open = true;
    for (const Item &item : std::as_const(m_stream->pending)) {
        if (item.binary)
            m_socket->sendBinaryMessage(item.data);
        else
            m_socket->sendTextMessage(QString::fromUtf8(item.data));
    }
    m_stream->pending.clear();
    m_stream->pendingBytes = 0;
    m_keepAlive->start();
}

void DeepgramStt::send(Item item)
{
    if (!m_stream || m_stream->failed || m_stream->stopping)
        return;
    if (m_stream->open) {
        if (item.binary) {
            m_socket->sendBinaryMessage(item.data);
            m_keepAlive->start(); // audio is flowing: the next KeepAlive is due keepAliveMs from now
        } else {
            m_socket->sendTextMessage(QString::fromUtf8(item.data));
        }
        return;
    }
    // Still opening: keep the newest maxBufferedMs of audio (and every control message).
    if (item.binary)
        m_stream->pendingBytes += std::size_t(item.data.size());
    m_stream->pending.append(std::move(item));
    while (m_stream->pendingBytes > m_stream->maxPendingBytes) {
        const auto it = std::find_if(m_stream->pending.begin(), m_stream->pending.end(),
                                     [](const Item &i) { return i.binary; });
        if (it == m_stream->pending.end())
            break;
        m_stream->pendingBytes -= std::size_t(it->data.size());
        m_stream->pending.erase(it);
    }
}

void DeepgramStt::onSocketError()
{
    if (!m_stream || m_stream->stopping)
        return;
    m_stream->socketError = m_socket->errorString();
    if (m_stream->open)
        return; // mid-stream: onDisconnected follows with the close code
    const int status = handshakeStatus(m_stream->socketError);
    if (status == 401 || status == 403)
        fail(QStringLiteral("deepgram: the key was refused (HTTP %1); check DEEPGRAM_API_KEY").arg(status));
    else if (status > 0)
        fail(QStringLiteral("deepgram: the server refused the stream (HTTP %1) at %2")
                 .arg(status).arg(m_stream->url.toDisplayString(QUrl::RemoveQuery)));
    else
        fail(QStringLiteral("deepgram: could not connect to %1: %2")
                 .arg(m_stream->url.toDisplayString(QUrl::RemoveQuery), m_stream->socketError));
}

void DeepgramStt::onDisconnected()
{
    if (!m_stream || m_stream->stopping || m_stream->failed)
        return;
    if (!m_stream->open) {
        onSocketError();
        return;
    }
    const int code = int(m_socket->closeCode());
    const QString reason = m_socket->closeReason();
    // The reason reads "Deepgram did not receive audio data or a text message within the timeout
    // window. See https://dpgr.am/net0001"; the docs call it NET-0001.
    if (reason.contains(QLatin1String("NET-0001"), Qt::CaseInsensitive)
        || reason.contains(QLatin1String("net0001"), Qt::CaseInsensitive))
        fail(QStringLiteral("deepgram: the stream was closed after 10 s without audio or KeepAlive (NET-0001)"));
    else if (code == QWebSocketProtocol::CloseCodeAbnormalDisconnection)
        fail(QStringLiteral("deepgram: the connection dropped mid-call%1")
                 .arg(m_stream->socketError.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_stream->socketError)));
    else
        fail(QStringLiteral("deepgram: the server closed the stream (code %1%2)")
                 .arg(code).arg(reason.isEmpty() ? QString() : QStringLiteral(": ") + reason));
}

void DeepgramStt::onText(const QString &text)
{
    if (!m_stream || m_stream->failed || m_stream->stopping)
        return;
    DeepgramMessage m;
    if (!parseDeepgramMessage(text.toUtf8(), &m))
        return; // tolerate what we cannot read; the stream goes on
    const QString &type = m.type;
    Stream &s = *m_stream;
    if (type == QLatin1String("Results")) {
        const QString &transcript = m.transcript;
        const double confidence = m.confidence;
        const bool isFinal = m.isFinal;
        const bool speechFinal = m.speechFinal;
        const bool fromFinalize = m.fromFinalize;
        if (isFinal) {
            if (!transcript.isEmpty()) {
                const int w = wordCount(transcript);
                s.pieces << transcript;
                s.words += w;
                s.confidenceWords += confidence * w;
                s.closed = false;
            }
            s.interim.clear();
            s.interimConfidence = 0.0;
        } else {
            s.interim = transcript;
            s.interimConfidence = confidence;
            if (!transcript.isEmpty())
                s.closed = false;
        }
        if (speechFinal)
            s.closed = true;
        if (s.interimResults && !transcript.isEmpty())
            s.sink->partial(joined());
        if (s.finalsOwed > 0 && (fromFinalize || speechFinal))
            deliverFinal();
    } else if (type == QLatin1String("UtteranceEnd")) {
        s.closed = true;
        if (s.finalsOwed > 0)
            deliverFinal();
    } else if (type == QLatin1String("Error") || type == QLatin1String("error")) {
        fail(QStringLiteral("deepgram: %1").arg(m.error));
    }
    // SpeechStarted and Metadata need nothing: the pipeline's VAD already marks the turn.
}

QString DeepgramStt::joined() const
{
    QStringList all = m_stream->pieces;
    if (!m_stream->interim.isEmpty())
        all << m_stream->interim;
    return all.join(QLatin1Char(' '));
}

void DeepgramStt::onFinalize()
{
    if (!m_stream)
        return; // stopped or never started: nobody is waiting
    Stream &s = *m_stream;
    ++s.finalsOwed;
    if (s.failed || s.stopping) {
        deliverFinal();
        return;
    }
    while (s.finalsOwed > 1) // a turn ended before the previous one's answer: that one is overdue
        deliverFinal();
    if (s.closed && s.interim.isEmpty()) {
        deliverFinal(); // Deepgram already ended this utterance: no round trip needed
        return;
    }
    send({false, controlMessage("Finalize").toUtf8()});
    m_finalizeTimer->start(qMax(1, m_options.finalizeTimeoutMs));
}

void DeepgramStt::deliverFinal()
{
    Stream &s = *m_stream;
    const QString text = joined();
    const int interimWords = wordCount(s.interim);
    const int words = s.words + interimWords;
    const double confidence = words > 0 ? (s.confidenceWords + s.interimConfidence * interimWords) / words : 0.0;
    s.pieces.clear();
    s.words = 0;
    s.confidenceWords = 0.0;
    s.interim.clear();
    s.interimConfidence = 0.0;
    s.closed = false;
    s.finalsOwed = qMax(0, s.finalsOwed - 1);
    if (s.finalsOwed == 0 && m_finalizeTimer)
        m_finalizeTimer->stop();
    s.sink->final(text, confidence);
}

void DeepgramStt::fail(const QString &message)
{
    if (!m_stream || m_stream->failed)
        return;
    Stream &s = *m_stream;
    s.failed = true;
    s.open = false;
    s.pending.clear();
    m_keepAlive->stop();
    m_connectTimer->stop();
    while (s.finalsOwed > 0) // turns already ended still get their (possibly partial) text
        deliverFinal();
    s.sink->error(message);
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
}

void DeepgramStt::closeStream()
{
    if (!m_stream)
        return;
    Stream &s = *m_stream;
    s.stopping = true;
    m_keepAlive->stop();
    m_finalizeTimer->stop();
    m_connectTimer->stop();
    if (s.open) {
        m_socket->sendTextMessage(controlMessage("CloseStream"));
        m_socket->flush();
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    } else if (m_socket->state() != QAbstractSocket::UnconnectedState) {
        m_socket->abort();
    }
    s.open = false;
}

} // namespace ringside
