#include "telephony/gatewayserver.h"

#include "telephony/twilioweb.h"

#include "analytics/prometheusexporter.h"
#include "storage/sqlutil.h"
#include "util/phone.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
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

// Constant-time, so the token cannot be guessed a character at a time.
bool sameSecret(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
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

} // namespace

GatewayServer::GatewayServer(Gateway &gateway, Database &db, QObject *parent)
    : QAbstractHttpServer(parent), m_gateway(gateway), m_db(db)
{
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, &GatewayServer::onNewWebSocket);
}

GatewayServer::~GatewayServer() = default;

quint16 GatewayServer::listenOn(const QHostAddress &address, quint16 port, QString *error)
{
    auto *tcp = new QTcpServer(this);
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

void GatewayServer::addRoute(const QString &path, ExtraRoute route)
{
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

bool GatewayServer::monitorAuthorised(const QHttpServerRequest &request) const
{
    const QString token = m_gateway.config().monitorToken;
    if (token.isEmpty())
        return true;
    const QByteArray expected = token.toUtf8();
    const QByteArray header = request.value(QByteArrayLiteral("authorization")).trimmed();
    if (header.startsWith("Bearer ") && sameSecret(header.mid(7).trimmed(), expected))
        return true;
    const QString query = QUrlQuery(request.url()).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    return !query.isEmpty() && sameSecret(query.toUtf8(), expected);
}

bool GatewayServer::exotelAuthorised(const QHttpServerRequest &request) const
{
    const QString creds = m_gateway.config().exotelCredentials;
    if (creds.isEmpty())
        return true;
    const QByteArray header = request.value(QByteArrayLiteral("authorization")).trimmed();
    return header.startsWith("Basic ") && sameSecret(QByteArray::fromBase64(header.mid(6).trimmed()), creds.toUtf8());
}

GatewayServer::Upgrade GatewayServer::upgradeFor(const QHttpServerRequest &request, QString *problem) const
{
    const QString path = request.url().path();
    if (path == QLatin1String("/twilio/media"))
        return Upgrade::TwilioMedia;
    if (path == QLatin1String("/exotel/media")) {
        if (!exotelAuthorised(request)) {
            *problem = QStringLiteral("401");
            return Upgrade::None;
        }
        return Upgrade::ExotelMedia;
    }
    if (path == QLatin1String("/monitor")) {
        if (!monitorAuthorised(request)) {
            *problem = QStringLiteral("401");
            return Upgrade::None;
        }
        return Upgrade::Monitor;
    }
    *problem = QStringLiteral("404");
    return Upgrade::None;
}

bool GatewayServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (request.value(QByteArrayLiteral("upgrade")).compare("websocket", Qt::CaseInsensitive) == 0) {
        QString problem;
        if (m_gateway.isShuttingDown())
            return false; // 503 from missingHandler
        return upgradeFor(request, &problem) != Upgrade::None; // true: the WebSocket handshake goes ahead
    }
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
    if (request.value(QByteArrayLiteral("upgrade")).compare("websocket", Qt::CaseInsensitive) == 0) {
        QString problem;
        if (m_gateway.isShuttingDown()) {
            responder.write(errorBody(QStringLiteral("shutting down")), kJson, Status::ServiceUnavailable);
            return;
        }
        upgradeFor(request, &problem);
        if (problem == QLatin1String("401")) {
            qCWarning(lcServer, "refused %s from %s: missing or wrong credentials", qPrintable(request.url().path()),
                      qPrintable(socket->peerAddress().toString()));
            responder.write({ { "WWW-Authenticate", "Bearer" }, { "Content-Type", kJson } }, Status::Unauthorized);
            return;
        }
    }
    responder.write(errorBody(QStringLiteral("no such endpoint: %1").arg(request.url().path())), kJson, Status::NotFound);
}

void GatewayServer::onNewWebSocket()
{
    while (hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> ws = nextPendingWebSocketConnection();
        if (!ws)
            continue;
        const QString path = ws->requestUrl().path();
        if (path == QLatin1String("/twilio/media")) {
            m_gateway.addMediaStream(std::move(ws), MediaProtocol::Twilio);
        } else if (path == QLatin1String("/exotel/media")) {
            m_gateway.addMediaStream(std::move(ws), MediaProtocol::Exotel);
        } else if (path == QLatin1String("/monitor")) {
            const QString op = QUrlQuery(ws->requestUrl()).queryItemValue(QStringLiteral("operator"), QUrl::FullyDecoded);
            m_gateway.addMonitor(std::move(ws), op);
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
    const FormFields fields = parseForm(request.body());
    const QByteArray token = m_gateway.config().twilioAuthToken;
    const QString url = externalUrl(request);
    if (!token.isEmpty()
        && !verifyTwilioSignature(token, url, fields, request.value(QByteArrayLiteral("x-twilio-signature")))) {
        qCWarning(lcServer, "POST /twilio/voice from %s: X-Twilio-Signature does not match %s; refused",
                  qPrintable(socket->peerAddress().toString()), qPrintable(url));
        responder.write(errorBody(QStringLiteral("X-Twilio-Signature: missing or wrong")), kJson, Status::Forbidden);
        return;
    }
    const QString callSid = formValue(fields, QStringLiteral("CallSid"));
    if (callSid.isEmpty()) {
        responder.write(errorBody(QStringLiteral("CallSid: required field is missing")), kJson, Status::BadRequest);
        return;
    }
    const QByteArray xml = QByteArrayLiteral("text/xml; charset=utf-8");
    if (m_gateway.isShuttingDown()) {
        responder.write(sayAndHangUpTwiml(QStringLiteral("Sorry, we cannot take your call right now. Please call again in a few minutes.")), xml);
        return;
    }
    const QString from = formValue(fields, QStringLiteral("From"));
    const QString to = formValue(fields, QStringLiteral("To"));
    // Outbound calls (`ringside-engine call`) name their agent and subject in the webhook URL's query.
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
    FormFields params = { { QStringLiteral("agent"), agent },
                          { QStringLiteral("from"), from },
                          { QStringLiteral("to"), to },
                          { QStringLiteral("direction"), outbound ? QStringLiteral("outbound") : QStringLiteral("inbound") } };
    for (const char *key : { "order", "cart", "customer" }) {
        const QString value = query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
        if (!value.isEmpty())
            params.append({ QLatin1String(key), value });
    }
    if (!token.isEmpty())
        params.append({ QLatin1String(kStreamAuthParameter), streamAuthValue(token, callSid) });
    qCInfo(lcServer, "%s call %s from %s to %s → agent %s", outbound ? "outbound" : "inbound", qPrintable(callSid), qPrintable(from), qPrintable(to), qPrintable(agent));
    responder.write(connectStreamTwiml(streamUrl, params), xml);
}

void GatewayServer::health(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const json body = { { "status", m_gateway.isShuttingDown() ? "shutting_down" : "ok" },
                        { "active_calls", m_gateway.activeCalls() },
                        { "escalation_queue", m_gateway.queueLength() },
                        { "monitors", m_gateway.monitorCount() },
                        { "calls_started", m_gateway.callsStarted() },
                        { "rejected_frames", m_gateway.rejectedFrames() },
                        { "frames_sent", m_gateway.sendStats().framesSent.load(std::memory_order_relaxed) },
                        { "late_frames", m_gateway.sendStats().framesLate.load(std::memory_order_relaxed) },
                        { "process_cpu_ms", processCpuMs() } };
    makeResponder(request, socket).write(QByteArray::fromStdString(body.dump()), kJson,
                                         m_gateway.isShuttingDown() ? Status::ServiceUnavailable : Status::Ok);
}

void GatewayServer::metrics(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto responder = makeResponder(request, socket);
    QString text;
    try {
        text = analytics::renderMetrics(m_db);
    } catch (const StorageError &e) {
        responder.write(QByteArray("# call records unavailable: ") + e.what() + '\n', "text/plain", Status::InternalServerError);
        return;
    }
    analytics::MetricsText live;
    live.family(QStringLiteral("ringside_live_calls"), QStringLiteral("gauge"), QStringLiteral("Calls connected to this gateway now."));
    live.sample(QString(), {}, m_gateway.activeCalls());
    live.family(QStringLiteral("ringside_escalation_queue_length"), QStringLiteral("gauge"), QStringLiteral("Escalated calls waiting for an operator."));
    live.sample(QString(), {}, m_gateway.queueLength());
    live.family(QStringLiteral("ringside_monitor_consoles"), QStringLiteral("gauge"), QStringLiteral("Consoles connected to /monitor."));
    live.sample(QString(), {}, m_gateway.monitorCount());
    live.family(QStringLiteral("ringside_media_frames_rejected_total"), QStringLiteral("counter"),
                QStringLiteral("Media-stream frames refused as malformed, foreign or out of order."));
    live.sample(QString(), {}, double(m_gateway.rejectedFrames()));
    live.family(QStringLiteral("ringside_process_cpu_seconds_total"), QStringLiteral("counter"),
                QStringLiteral("CPU time (user and system) this engine process has used."));
    live.sample(QString(), {}, double(processCpuMs()) / 1000.0);
    responder.write((text + live.text()).toUtf8(), QByteArray(analytics::kMetricsContentType));
}

} // namespace ringside::telephony
