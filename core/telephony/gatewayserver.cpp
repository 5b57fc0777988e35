#include "telephony/gatewayserver.h"

#include "telephony/cachingtts.h"
#include "telephony/metricsworker.h"
#include "telephony/recordhealth.h"
#include "telephony/streamsigner.h"
#include "telephony/twilioweb.h"

#include "analytics/prometheusexporter.h"
#include "util/phone.h"
#include "util/piimask.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpServer>
#include <QUrlQuery>
#include <QWebSocket>

#include <sys/resource.h>

Q_LOGGING_CATEGORY(lcServer, "ringside.telephony.server")

namespace ringside::telephony {

namespace {

using Status = QHttpServerResponder::StatusCode;

const QByteArray kJson = QByteArrayLiteral("application/json");

QByteArray errorBody(const QString &message)
{
    return QByteArray::fromStdString(json{ { "error", message } }.dump());
}

QString wsScheme(const QUrl &url)
{
    return url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("wss") ? QStringLiteral("wss") : QStringLiteral("ws");
}

// CPU time this process has used (user + system), for load tests that watch the engine.
qint64 processCpuMs()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return -1;
    const auto ms = [](const timeval &t) { return qint64(t.tv_sec) * 1000 + t.tv_usec / 1000; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

bool isUpgrade(const QHttpServerRequest &request)
{
    return request.value(QByteArrayLiteral("upgrade")).compare("websocket", Qt::CaseInsensitive) == 0;
}

QList<OperatorCredential> credentialsFrom(const GatewayConfig &config)
{
    QList<OperatorCredential> list = config.operators;
    if (!config.monitorToken.isEmpty())
        list.append(OperatorCredential::fromToken(QStringLiteral("operator"), config.monitorToken));
    return list;
}

// A response written straight to the socket, for answers that come back later (metrics).
void writeRaw(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &contentType, const QByteArray &body)
{
    QByteArray r = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + contentType
                   + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    socket->write(r + body);
}

} // namespace

GatewayServer::GatewayServer(Gateway &gateway, Database &db, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_gateway(gateway)
    , m_db(db)
    , m_limiter(std::make_shared<ConnectionLimiter>(gateway.config().limits))
    , m_access(credentialsFrom(gateway.config()), gateway.config().metricsToken, gateway.config().allowedOrigins)
    , m_metrics(std::make_unique<MetricsWorker>(db))
{
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, &GatewayServer::onNewWebSocket);
}

GatewayServer::~GatewayServer() = default;

quint16 GatewayServer::listenOn(const QHostAddress &address, quint16 port, QString *error)
{
    if (!address.isLoopback() && m_access.isOpen()) {
        // Beyond loopback the feed is never open: a token is made up and the caller prints it.
        m_generatedToken = m_access.generateToken(QStringLiteral("operator"));
        qCWarning(lcServer, "listening beyond loopback without console tokens: generated one for /monitor");
    }
    auto *tcp = new GuardedTcpServer(m_limiter, this, this);
    // A burst of connections is accepted (and judged) at once, not left half-open in the kernel.
    tcp->setListenBacklogSize(1024);
    if (!tcp->listen(address, port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(tcp->errorString());
        delete tcp;
        return 0;
    }
    tcp->setMaxPendingConnections(1024); // a burst of load-test calls connects at once
    bind(tcp);
    m_port = tcp->serverPort();
    return m_port;
}

void GatewayServer::addRoute(const QString &path, ExtraRoute route, qint64 maxBodyBytes)
{
    if (maxBodyBytes > 0)
        m_limiter->setBodyLimit(path, maxBodyBytes);
    m_routes.insert(path, std::move(route));
}

void GatewayServer::extraRoute(const ExtraRoute &route, const QHttpServerRequest &request, QTcpSocket *socket)
{
    static const QHash<QHttpServerRequest::Method, QByteArray> names = {
        { QHttpServerRequest::Method::Get, "GET" }, { QHttpServerRequest::Method::Post, "POST" },
        { QHttpServerRequest::Method::Put, "PUT" }, { QHttpServerRequest::Method::Delete, "DELETE" },
        { QHttpServerRequest::Method::Head, "HEAD" }, { QHttpServerRequest::Method::Patch, "PATCH" },
    };
    ExtraRequest r;
    r.method = names.value(request.method(), "OTHER");
    r.path = request.url().path();
    r.query = request.url().query(QUrl::FullyEncoded);
    for (const auto &[name, value] : request.headers())
        r.headers.insert(name.toLower(), value);
    r.body = request.body();
    r.peer = socket->peerAddress().toString();
    r.externalUrl = externalUrl(request);
    const ExtraReply reply = route(r);
    makeResponder(request, socket).write(reply.body, reply.contentType, static_cast<Status>(reply.status));
}

void GatewayServer::stopListening()
{
    for (QTcpServer *s : servers())
        s->close();
}

QString GatewayServer::shown(const QString &phone) const
{
    return m_gateway.config().maskPersonalData ? maskPhone(phone) : phone;
}

QString GatewayServer::monitorIdentity(const QByteArray &authorization, const QUrl &url) const
{
    const QUrlQuery query(url);
    const QString asked = query.queryItemValue(QStringLiteral("operator"), QUrl::FullyDecoded);
    if (m_access.isOpen())
        return asked.trimmed().isEmpty() ? QStringLiteral("?") : asked; // "?": anonymous, named by the hub
    return m_access.operatorFor(presentedToken(authorization, query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded)));
}

bool GatewayServer::exotelAuthorised(const QByteArray &authorization) const
{
    const QString creds = m_gateway.config().exotelCredentials;
    const QByteArray header = authorization.trimmed();
    return !creds.isEmpty() && header.startsWith("Basic ")
           && sameSecret(QByteArray::fromBase64(header.mid(6).trimmed()), creds.toUtf8());
}

GatewayServer::Upgrade GatewayServer::upgradeFor(const QHttpServerRequest &request, Refusal *refusal) const
{
    const QString path = request.url().path();
    const QByteArray authorization = request.value(QByteArrayLiteral("authorization"));
    if (path == QLatin1String("/twilio/media")) {
        if (!m_gateway.canVerifyStreams()) {
            *refusal = { 403, QStringLiteral("media streams are refused: no stream secret is configured (RINGSIDE_STREAM_SECRET or TWILIO_AUTH_TOKEN)") };
            return Upgrade::None;
        }
        return Upgrade::TwilioMedia;
    }
    if (path == QLatin1String("/exotel/media")) {
        if (m_gateway.config().exotelCredentials.isEmpty()) {
            *refusal = { 403, QStringLiteral("Exotel streams are refused: EXOTEL_STREAM_CREDENTIALS is not configured") };
            return Upgrade::None;
        }
        if (!exotelAuthorised(authorization)) {
            *refusal = { 401, QStringLiteral("missing or wrong credentials") };
            return Upgrade::None;
        }
        return Upgrade::ExotelMedia;
    }
    if (path == QLatin1String("/monitor")) {
        if (!m_access.originAllowed(request.value(QByteArrayLiteral("origin")))) {
            *refusal = { 403, QStringLiteral("Origin %1 may not open the monitor feed").arg(QString::fromUtf8(request.value(QByteArrayLiteral("origin")).left(100))) };
            return Upgrade::None;
        }
        if (monitorIdentity(authorization, request.url()).isEmpty()) {
            *refusal = { 401, QStringLiteral("missing or wrong credentials") };
            return Upgrade::None;
        }
        if (m_gateway.monitorCount() >= m_gateway.config().limits.maxMonitors) {
            *refusal = { 503, QStringLiteral("too many consoles are connected") };
            return Upgrade::None;
        }
        return Upgrade::Monitor;
    }
    *refusal = { 404, QStringLiteral("no such endpoint: %1").arg(path.left(100)) };
    return Upgrade::None;
}

bool GatewayServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ConnectionGuard *guard = ConnectionGuard::of(socket);
    if (isUpgrade(request)) {
        Refusal refusal;
        if (m_gateway.isShuttingDown() || upgradeFor(request, &refusal) == Upgrade::None) {
            if (guard)
                guard->requestHandled();
            return false; // missingHandler answers
        }
        if (guard) {
            guard->upgraded();
            for (auto it = m_upgrading.begin(); it != m_upgrading.end();) // handshakes that never finished
                it = it.value() ? std::next(it) : m_upgrading.erase(it);
            m_upgrading.insert({ socket->peerAddress(), socket->peerPort() }, guard);
        }
        return true; // the WebSocket handshake goes ahead
    }
    if (guard)
        guard->requestHandled();
    const QString path = request.url().path();
    if (const auto route = m_routes.constFind(path); route != m_routes.cend()) {
        extraRoute(*route, request, socket);
        return true;
    }
    if (path == QLatin1String("/twilio/voice")) {
        if (request.method() != QHttpServerRequest::Method::Post) {
            makeResponder(request, socket).write(errorBody(QStringLiteral("use POST")), kJson, Status::MethodNotAllowed);
            return true;
        }
        twilioVoice(request, socket);
        return true;
    }
    if (path == QLatin1String("/healthz")) {
        health(request, socket);
        return true;
    }
    if (path == QLatin1String("/metrics")) {
        metrics(request, socket);
        return true;
    }
    return false;
}

void GatewayServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto responder = makeResponder(request, socket);
    if (isUpgrade(request)) {
        if (m_gateway.isShuttingDown()) {
            responder.write(errorBody(QStringLiteral("shutting down")), kJson, Status::ServiceUnavailable);
            return;
        }
        Refusal refusal;
        upgradeFor(request, &refusal);
        if (refusal.status != 404)
            qCWarning(lcServer, "refused %s from %s: %s", qPrintable(request.url().path().left(100)),
                      qPrintable(socket->peerAddress().toString()), qPrintable(refusal.message));
        if (refusal.status == 401) {
            responder.write({ { "WWW-Authenticate", "Bearer" }, { "Content-Type", kJson } }, Status::Unauthorized);
            return;
        }
        responder.write(errorBody(refusal.message), kJson, static_cast<Status>(refusal.status));
        return;
    }
    responder.write(errorBody(QStringLiteral("no such endpoint: %1").arg(request.url().path().left(100))), kJson, Status::NotFound);
}

void GatewayServer::onNewWebSocket()
{
    const GatewayLimits &limits = m_gateway.config().limits;
    while (hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> ws = nextPendingWebSocketConnection();
        if (!ws)
            continue;
        const QString path = ws->requestUrl().path();
        QPointer<ConnectionGuard> guard = m_upgrading.take({ ws->peerAddress(), ws->peerPort() });
        const bool media = path == QLatin1String("/twilio/media") || path == QLatin1String("/exotel/media");
        // Media frames are small; a console sends commands and a little audio. Anything larger is
        // refused by Qt (close code 1009) before it is buffered.
        const qint64 cap = media ? limits.maxMediaMessageBytes : limits.maxMonitorMessageBytes;
        ws->setMaxAllowedIncomingFrameSize(quint64(cap));
        ws->setMaxAllowedIncomingMessageSize(quint64(cap));
        if (media) {
            // The socket moves to a media I/O thread; its guard stays here (the limiter is this
            // thread's) and is let go when the stream is gone.
            MediaStreamHooks hooks;
            if (guard) {
                hooks.transport = guard->socket();
                guard->setParent(nullptr);
                hooks.established = [guard] {
                    if (guard)
                        guard->establish();
                };
                hooks.gone = [guard] { delete guard.data(); };
            }
            m_gateway.addMediaStream(std::move(ws), path == QLatin1String("/twilio/media") ? MediaProtocol::Twilio : MediaProtocol::Exotel,
                                     std::move(hooks));
        } else if (path == QLatin1String("/monitor")) {
            const QString identity = monitorIdentity(ws->request().rawHeader("Authorization"), ws->requestUrl());
            if (identity.isEmpty()) { // checked at the handshake; never here
                ws->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("not signed in"));
                ws.release()->deleteLater();
                continue;
            }
            if (guard)
                guard->establish();
            // With credentials the name is the token's and cannot be changed; without, it is what
            // the console asked for ("?": none).
            m_gateway.addMonitor(std::move(ws), identity == QLatin1String("?") ? QString() : identity, !m_access.isOpen());
        } else {
            ws->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unknown path"));
            ws.release()->deleteLater();
        }
    }
}

QString GatewayServer::externalUrl(const QHttpServerRequest &request) const
{
    // The URL Twilio called, as Twilio signed it: the public base when one is configured (a TLS
    // proxy in front), else what the Host header says.
    const QString publicUrl = m_gateway.config().publicUrl;
    QString base;
    if (!publicUrl.isEmpty()) {
        base = publicUrl;
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
    } else {
        const QByteArray proto = request.value(QByteArrayLiteral("x-forwarded-proto"));
        base = QStringLiteral("%1://%2").arg(proto.isEmpty() ? QStringLiteral("http") : QString::fromLatin1(proto),
                                             QString::fromLatin1(request.value(QByteArrayLiteral("host"))));
    }
    QString url = base + request.url().path();
    if (request.url().hasQuery())
        url += QLatin1Char('?') + request.url().query(QUrl::FullyEncoded);
    return url;
}

void GatewayServer::twilioVoice(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto responder = makeResponder(request, socket);
    const QByteArray token = m_gateway.config().twilioAuthToken;
    if (token.isEmpty()) {
        // Without the auth token nothing proves the webhook is Twilio's, and its answer carries
        // signed stream parameters: it is refused rather than signing what anyone asks for.
        qCWarning(lcServer, "POST /twilio/voice from %s refused: TWILIO_AUTH_TOKEN is not set", qPrintable(socket->peerAddress().toString()));
        responder.write(errorBody(QStringLiteral("TWILIO_AUTH_TOKEN is not configured: webhooks cannot be verified")), kJson, Status::Forbidden);
        return;
    }
    const FormFields fields = parseForm(request.body());
    const QString url = externalUrl(request);
    if (!verifyTwilioSignature(token, url, fields, request.value(QByteArrayLiteral("x-twilio-signature")))) {
        qCWarning(lcServer, "POST /twilio/voice from %s: X-Twilio-Signature does not match %s; refused",
                  qPrintable(socket->peerAddress().toString()), qPrintable(url.left(200)));
        responder.write(errorBody(QStringLiteral("X-Twilio-Signature: missing or wrong")), kJson, Status::Forbidden);
        return;
    }
    const QString callSid = formValue(fields, QStringLiteral("CallSid"));
    if (callSid.isEmpty()) {
        responder.write(errorBody(QStringLiteral("CallSid: required field is missing")), kJson, Status::BadRequest);
        return;
    }
    if (!isSafeStreamSid(callSid)) {
        responder.write(errorBody(QStringLiteral("CallSid: must be 1–64 letters, digits, '-', '_', '.' or ':'")), kJson, Status::BadRequest);
        return;
    }
    const QByteArray xml = QByteArrayLiteral("text/xml; charset=utf-8");
    if (m_gateway.isShuttingDown()) {
        responder.write(sayAndHangUpTwiml(QStringLiteral("Sorry, we cannot take your call right now. Please call again in a few minutes.")), xml);
        return;
    }
    const QString from = formValue(fields, QStringLiteral("From"));
    const QString to = formValue(fields, QStringLiteral("To"));
    // Outbound calls (`ringside-engine call`) name their agent and subject in the webhook URL's
    // query, which the signature covers.
    const QUrlQuery query(request.url());
    // Campaign calls with answering-machine detection: a machine hears the short voicemail (or
    // nothing) instead of the agent; the campaign retries it later (docs/campaigns.md).
    const QString answeredBy = formValue(fields, QStringLiteral("AnsweredBy"));
    if (query.queryItemValue(QStringLiteral("amd")) == QLatin1String("1")
        && (answeredBy.startsWith(QLatin1String("machine")) || answeredBy == QLatin1String("fax"))) {
        const QString voicemail = query.queryItemValue(QStringLiteral("voicemail"), QUrl::FullyDecoded);
        responder.write(voicemail.isEmpty() ? QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>")
                                            : sayAndHangUpTwiml(voicemail),
                        xml);
        return;
    }
    const auto &map = m_gateway.config().numberAgents;
    QString agent = query.queryItemValue(QStringLiteral("agent"), QUrl::FullyDecoded);
    if (agent.isEmpty())
        agent = map.value(toE164(to), map.value(to, m_gateway.config().defaultInboundAgent));
    const bool outbound = query.queryItemValue(QStringLiteral("direction")) == QLatin1String("outbound");
    const QUrl external(url);
    const QString streamUrl = QStringLiteral("%1://%2/twilio/media").arg(wsScheme(external), external.authority());
    QHash<QString, QString> params = { { QStringLiteral("agent"), agent },
                                       { QStringLiteral("from"), from },
                                       { QStringLiteral("to"), to },
                                       { QStringLiteral("direction"), outbound ? QStringLiteral("outbound") : QStringLiteral("inbound") } };
    for (const char *key : { "order", "cart", "customer", "language" }) {
        const QString value = query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
        if (!value.isEmpty())
            params.insert(QLatin1String(key), value);
    }
    m_gateway.signer().signInto(&params, callSid, m_gateway.config().streamSignatureTtlSeconds);
    // In a stable order, the signature last.
    FormFields ordered;
    for (const char *key : { "agent", "from", "to", "direction", "order", "cart", "customer", "language", "call_sid", "ringside_auth" }) {
        const auto it = params.constFind(QLatin1String(key));
        if (it != params.constEnd())
            ordered.append({ it.key(), it.value() });
    }
    qCInfo(lcServer, "%s call %s from %s to %s → agent %s", outbound ? "outbound" : "inbound", qPrintable(callSid), qPrintable(shown(from)),
           qPrintable(shown(to)), qPrintable(agent.left(64)));
    responder.write(connectStreamTwiml(streamUrl, ordered), xml);
}

void GatewayServer::health(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const SendStats &sent = m_gateway.sendStats();
    json lateBy = json::object(); // "20": late by 20–40 ms, …, "320": by more than 320 ms
    for (int b = 0; b < SendStats::kLateBuckets; ++b)
        lateBy[std::to_string(SendStats::kLateBucketMs[b])] = sent.lateByBucket[b].load(std::memory_order_relaxed);
    json body = { { "status", m_gateway.isShuttingDown() ? "shutting_down" : "ok" },
                  { "active_calls", m_gateway.activeCalls() },
                  { "escalation_queue", m_gateway.queueLength() },
                  { "monitors", m_gateway.monitorCount() },
                  { "calls_started", m_gateway.callsStarted() },
                  { "rejected_frames", m_gateway.rejectedFrames() },
                  { "frames_sent", m_gateway.sendStats().framesSent.load(std::memory_order_relaxed) },
                  { "late_frames", m_gateway.sendStats().framesLate.load(std::memory_order_relaxed) },
                  { "late_frames_by_ms", lateBy },
                  { "late_frames_queued_late", sent.framesQueuedLate.load(std::memory_order_relaxed) },
                  { "media_threads", m_gateway.mediaThreads() },
                  { "process_cpu_ms", processCpuMs() } };
    if (const analytics::RecordWriteQueue *records = m_gateway.recordWrites())
        body["call_records"] = recordWritesJson(records->state());
    makeResponder(request, socket).write(QByteArray::fromStdString(body.dump()), kJson,
                                         m_gateway.isShuttingDown() ? Status::ServiceUnavailable : Status::Ok);
}

void GatewayServer::metrics(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QByteArray token = presentedToken(request.value(QByteArrayLiteral("authorization")),
                                            QUrlQuery(request.url()).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded));
    if (!m_access.metricsAllowed(token)) {
        makeResponder(request, socket).write({ { "WWW-Authenticate", "Bearer" }, { "Content-Type", kJson } }, Status::Unauthorized);
        return;
    }
    // The live gauges are read now, on this thread; the records are read on the metrics thread.
    analytics::MetricsText live;
    live.family(QStringLiteral("ringside_live_calls"), QStringLiteral("gauge"), QStringLiteral("Calls connected to this gateway now."));
    live.sample(QString(), {}, m_gateway.activeCalls());
    live.family(QStringLiteral("ringside_escalation_queue_length"), QStringLiteral("gauge"), QStringLiteral("Escalated calls waiting for an operator."));
    live.sample(QString(), {}, m_gateway.queueLength());
    live.family(QStringLiteral("ringside_media_connections"), QStringLiteral("gauge"),
                QStringLiteral("Provider media WebSockets this gateway holds, open or closing."));
    live.sample(QString(), {}, m_gateway.mediaConnections());
    live.family(QStringLiteral("ringside_monitor_consoles"), QStringLiteral("gauge"), QStringLiteral("Consoles connected to /monitor."));
    live.sample(QString(), {}, m_gateway.monitorCount());
    live.family(QStringLiteral("ringside_media_frames_rejected_total"), QStringLiteral("counter"),
                QStringLiteral("Media-stream frames refused as malformed, foreign or out of order."));
    live.sample(QString(), {}, double(m_gateway.rejectedFrames()));
    live.family(QStringLiteral("ringside_connections_refused_total"), QStringLiteral("counter"),
                QStringLiteral("Connections closed at once because their address or the gateway was full."));
    live.sample(QString(), {}, double(m_limiter->refused()));
    live.family(QStringLiteral("ringside_process_cpu_seconds_total"), QStringLiteral("counter"),
                QStringLiteral("CPU time (user and system) this engine process has used."));
    live.sample(QString(), {}, double(processCpuMs()) / 1000.0);
    if (const analytics::RecordWriteQueue *records = m_gateway.recordWrites())
        addRecordWriteMetrics(live, records->state());
    if (m_replyCache) {
        // What the reply cache holds, so a memory curve can be told apart from the cache filling.
        const CachingTts::Stats cache = m_replyCache->stats();
        live.family(QStringLiteral("ringside_tts_cache_bytes"), QStringLiteral("gauge"), QStringLiteral("Audio bytes the synthesized-reply cache holds."));
        live.sample(QString(), {}, double(cache.bytes));
        live.family(QStringLiteral("ringside_tts_cache_entries"), QStringLiteral("gauge"), QStringLiteral("Replies the synthesized-reply cache holds."));
        live.sample(QString(), {}, cache.entries);
        live.family(QStringLiteral("ringside_tts_cache_hits_total"), QStringLiteral("counter"), QStringLiteral("Replies served from the synthesized-reply cache."));
        live.sample(QString(), {}, double(cache.hits));
        live.family(QStringLiteral("ringside_tts_cache_misses_total"), QStringLiteral("counter"), QStringLiteral("Replies the synthesizer had to make."));
        live.sample(QString(), {}, double(cache.misses));
    }
    const QString liveText = live.text();
    QPointer<QTcpSocket> target(socket);
    m_metrics->render([target, liveText](const QString &text, const QString &error) {
        if (!target || target->state() != QAbstractSocket::ConnectedState)
            return;
        if (!error.isEmpty()) {
            writeRaw(target, 500, "Internal Server Error", "text/plain", "# call records unavailable: " + error.toUtf8() + '\n');
            return;
        }
        writeRaw(target, 200, "OK", QByteArray(analytics::kMetricsContentType), (text + liveText).toUtf8());
    });
}

} // namespace ringside::telephony
