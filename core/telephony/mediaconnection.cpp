#include "telephony/mediaconnection.h"

#include "speech/mulaw.h"
#include "telephony/base64.h"

#include <QLoggingCategory>
#include <QMetaObject>

#include <chrono>
#include <cstring>

Q_LOGGING_CATEGORY(lcMedia, "ringside.telephony.media")

namespace ringside::telephony {

namespace {

constexpr std::size_t kExotelMaxChunk = 96000;

// Peer text in a log line: no line breaks or other control characters, bounded length.
QString loggable(const QString &text)
{
    QString out = text.left(160);
    for (QChar &c : out) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = QLatin1Char('?');
    }
    return out;
}

} // namespace

MediaConnection::MediaConnection(std::unique_ptr<QWebSocket> socket, QTcpSocket *transport, const ParseOptions &options,
                                 const GatewayLimits &limits, Handlers handlers)
    : m_transport(transport), m_socket(std::move(socket)), m_options(options), m_handlers(std::move(handlers)), m_limits(limits)
{
    m_sinceOpen.start();
    m_startDeadline.setSingleShot(true);
    connect(&m_startDeadline, &QTimer::timeout, this, [this] {
        if (!m_started)
            close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("no start within %1 ms").arg(m_limits.startTimeoutMs));
    });
    const std::size_t maxSamples = 24000; // one second at 24 kHz, the largest frame accepted
    m_pcm.resize(maxSamples);
    m_bytes.resize(OutFrame::kMaxSamples * 2);
    m_b64.resize(base64EncodedLength(kExotelMaxChunk));
    m_text.reserve(qsizetype(base64EncodedLength(OutFrame::kMaxSamples)) + 128);
    if (m_options.protocol == MediaProtocol::Exotel)
        m_exotel.resize(kExotelMaxChunk);
    if (m_transport) {
        // The connection owns it now: the WebSocket server's own clean-up (a deleteLater() on its
        // thread when it disconnects) would race with this connection's on another thread.
        QObject::disconnect(m_transport.get(), &QAbstractSocket::disconnected, nullptr, nullptr);
        m_transport->setParent(nullptr);
    }
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &MediaConnection::onText);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, &MediaConnection::onBinary);
    connect(m_socket.get(), &QWebSocket::disconnected, this, &MediaConnection::onDisconnected);
}

MediaConnection::~MediaConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

bool MediaConnection::canMove() const
{
    return m_transport || m_socket->state() == QAbstractSocket::UnconnectedState;
}

void MediaConnection::moveAllToThread(QThread *thread)
{
    moveToThread(thread);
    m_socket->moveToThread(thread);
    if (m_transport)
        m_transport->moveToThread(thread);
}

void MediaConnection::begin()
{
    if (m_limits.startTimeoutMs > 0)
        m_startDeadline.start(m_limits.startTimeoutMs);
    // A caller who gave up while the handshake waited to be handed over (a busy server) left a
    // socket whose disconnected() has come and gone: without this the connection is never
    // forgotten, and holds its buffers until the gateway stops.
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        QMetaObject::invokeMethod(this, &MediaConnection::onDisconnected, Qt::QueuedConnection);
}

void MediaConnection::reject(const QString &code, const QString &message)
{
    ++m_rejected;
    const qint64 now = m_sinceOpen.elapsed();
    m_badLevel = std::max(0.0, m_badLevel - double(now - m_badLevelAtMs) / 1000.0) + 1.0;
    m_badLevelAtMs = now;
    m_lastRejection = QStringLiteral("%1: %2").arg(code, loggable(message));
    if (!m_lastLog.isValid() || m_lastLog.elapsed() >= 1000) {
        qCWarning(lcMedia, "%s stream %s: frame rejected (%s %s); %d so far", qPrintable(protocolName(m_options.protocol)),
                  qPrintable(m_streamSid.isEmpty() ? QStringLiteral("(not started)") : m_streamSid), qPrintable(code),
                  qPrintable(loggable(message)), m_rejected);
        m_lastLog.start();
    }
    Q_EMIT frameRejected(code, message);
    if (m_badLevel >= m_limits.badFrameBudget)
        close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("too many invalid frames"));
}

bool MediaConnection::withinEventRate()
{
    const qint64 now = m_sinceOpen.elapsed();
    if (now - m_eventWindowMs >= 1000) {
        m_eventWindowMs = now;
        m_eventsInWindow = 0;
    }
    if (++m_eventsInWindow <= m_limits.maxStreamEventsPerSecond)
        return true;
    reject(QStringLiteral("rate"), QStringLiteral("more than %1 marks, digits or typed turns a second").arg(m_limits.maxStreamEventsPerSecond));
    return false;
}

void MediaConnection::onBinary(const QByteArray &)
{
    // Both protocols carry everything in JSON text frames.
    reject(m_options.protocol == MediaProtocol::Twilio ? QStringLiteral("31951") : QStringLiteral("malformed"),
           QStringLiteral("binary frame (the protocol sends JSON text frames only)"));
}

void MediaConnection::onText(const QString &message)
{
    if (m_closed)
        return;
    InboundMessage in;
    MediaError error;
    if (!parseInbound(message.toUtf8(), m_options, &in, m_pcm.data(), m_pcm.size(), &error)) {
        reject(error.code, error.message);
        return;
    }
    if (in.kind == InboundMessage::Kind::Connected)
        return;
    if (in.kind == InboundMessage::Kind::Start) {
        if (m_started) {
            reject(QStringLiteral("31951"), QStringLiteral("start: the stream has already started"));
            return;
        }
        m_startDeadline.stop();
        // The caller's audio streams into the channel at once (kept until the call starts on its
        // worker); the gateway answers with accept or refuse().
        m_channel = std::make_shared<CallChannel>(in.start.sampleRate);
        m_started = true;
        m_streamSid = in.start.streamSid;
        m_sidBytes = m_streamSid.toLatin1();
        m_options.sampleRate = m_channel->sampleRate;
        if (m_handlers.started)
            m_handlers.started(this, in.start, m_channel);
        return;
    }
    if (!m_started) {
        reject(QStringLiteral("31951"), QStringLiteral("%1 before start").arg(in.kind == InboundMessage::Kind::Media ? QStringLiteral("media") : QStringLiteral("event")));
        return;
    }
    if (in.streamSid != m_streamSid) {
        reject(QStringLiteral("31951"), QStringLiteral("streamSid \"%1\" is not this stream's").arg(in.streamSid.left(64)));
        return;
    }
    if (in.kind != InboundMessage::Kind::Media && in.kind != InboundMessage::Kind::Stop && !withinEventRate())
        return;
    switch (in.kind) {
    case InboundMessage::Kind::Media: {
        if (m_stopped)
            return;
        const std::size_t pushed = m_channel->inbound.push(m_pcm.data(), in.samples);
        if (pushed < in.samples)
            m_channel->inboundOverruns.fetch_add(std::uint32_t(in.samples - pushed), std::memory_order_relaxed);
        break;
    }
    case InboundMessage::Kind::Mark:
        // Only our own marks ("rs-<output sample>") mean anything.
        if (in.markName.startsWith(QLatin1String("rs-"))) {
            bool ok = false;
            QStringView number = QStringView(in.markName).mid(3);
            if (number.endsWith(QLatin1String("-end")))
                number.chop(4);
            const qint64 sample = number.toLongLong(&ok);
            if (ok && m_handlers.markPlayed)
                m_handlers.markPlayed(this, sample);
        }
        break;
    case InboundMessage::Kind::Dtmf:
        if (m_handlers.dtmf)
            m_handlers.dtmf(this, in.digit);
        break;
    case InboundMessage::Kind::Text:
        if (m_handlers.text)
            m_handlers.text(this, in.text);
        break;
    case InboundMessage::Kind::Stop:
        if (!m_stopped) {
            m_stopped = true;
            if (m_handlers.callerLeft)
                m_handlers.callerLeft(this);
        }
        break;
    case InboundMessage::Kind::Connected:
    case InboundMessage::Kind::Start:
        break;
    }
}

void MediaConnection::onDisconnected()
{
    if (m_gone)
        return; // the handlers hear of it once
    m_gone = true;
    if (m_started && !m_stopped) {
        m_stopped = true;
        if (m_handlers.callerLeft)
            m_handlers.callerLeft(this);
    }
    m_closed = true;
    if (m_handlers.closed)
        m_handlers.closed(this);
}

void MediaConnection::sendText(const QByteArray &utf8)
{
    m_socket->sendTextMessage(QString::fromLatin1(utf8)); // the server's messages are ASCII
}

void MediaConnection::sendMedia(const char *payloadB64, std::size_t length)
{
    writeMediaMessage(m_text, m_options.protocol, m_sidBytes, payloadB64, length);
    m_socket->sendTextMessage(m_text); // QWebSocket encodes it for the wire at once, keeping no reference
}

void MediaConnection::sendAudio(const std::int16_t *pcm, std::size_t n)
{
    if (m_options.protocol == MediaProtocol::Twilio) {
        muLawEncode(pcm, n, m_bytes.data());
        const std::size_t len = base64Encode(m_bytes.data(), n, m_b64.data());
        sendMedia(m_b64.data(), len);
        return;
    }
    // Exotel: little-endian PCM16, gathered into chunks of at least 3,200 bytes.
    for (std::size_t i = 0; i < n && m_exotelFill + 2 <= m_exotel.size(); ++i) {
        const auto v = std::uint16_t(pcm[i]);
        m_exotel[m_exotelFill++] = std::uint8_t(v & 0xff);
        m_exotel[m_exotelFill++] = std::uint8_t(v >> 8);
    }
    if (m_exotelFill >= kExotelMinChunk)
        flushExotel(false);
}

void MediaConnection::flushExotel(bool pad)
{
    if (m_exotelFill == 0)
        return;
    std::size_t size = m_exotelFill;
    if (pad || size % kExotelChunkQuantum != 0) {
        size = std::min(exotelChunkSize(size), m_exotel.size());
        std::memset(m_exotel.data() + m_exotelFill, 0, size - m_exotelFill); // silence
    }
    const std::size_t len = base64Encode(m_exotel.data(), size, m_b64.data());
    sendMedia(m_b64.data(), len);
    m_exotelFill = 0;
}

bool MediaConnection::drain()
{
    if (m_closed || !m_channel)
        return !m_closed;
    const qint64 now = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    while (auto f = m_channel->outbound.tryPop()) {
        if (m_closed)
            break;
        switch (f->kind) {
        case OutFrame::Kind::Audio:
            if (m_stopped)
                break;
            sendAudio(f->pcm, f->count);
            if (m_sendStats) {
                m_sendStats->framesSent.fetch_add(1, std::memory_order_relaxed);
                if (now - f->slotNs > SendStats::kLateNs)
                    m_sendStats->countLate(now - f->slotNs, f->queuedNs - f->slotNs);
            }
            break;
        case OutFrame::Kind::Mark:
            if (m_stopped)
                break;
            flushExotel(true); // the mark must follow all the audio it stands for
            sendText(markMessage(m_options.protocol, m_sidBytes,
                                 QByteArray("rs-") + QByteArray::number(qint64(f->outputSample)) + (f->endOfSpeech ? "-end" : "")));
            break;
        case OutFrame::Kind::Clear:
            m_exotelFill = 0;
            if (!m_stopped)
                sendText(clearMessage(m_options.protocol, m_sidBytes));
            break;
        case OutFrame::Kind::Hangup:
            flushExotel(true);
            close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("call ended"));
            break;
        }
    }
    return !m_closed;
}

void MediaConnection::refuse(const QString &reason)
{
    qCWarning(lcMedia, "stream %s refused: %s", qPrintable(m_streamSid), qPrintable(loggable(reason)));
    close(QWebSocketProtocol::CloseCodePolicyViolated, reason.left(120));
}

void MediaConnection::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_closed)
        return;
    m_closed = true;
    m_socket->close(code, reason);
}

} // namespace ringside::telephony
