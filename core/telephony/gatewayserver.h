#pragma once

#include "telephony/connectionguard.h"
#include "telephony/extraroute.h"
#include "telephony/gateway.h"
#include "telephony/operatorcredentials.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QPair>
#include <QPointer>

#include <functional>
#include <memory>

namespace ringside {
class Database;
}

namespace ringside::telephony {

class CachingTts;
class MetricsWorker;

// One port for everything a gateway serves (docs/telephony.md, docs/security.md):
//   POST /twilio/voice   Twilio's voice webhook → TwiML <Connect><Stream> whose parameters the
//                        gateway signs; refused (403) unless TWILIO_AUTH_TOKEN verifies the webhook
//   WS   /twilio/media   Twilio Media Streams          WS /exotel/media  the Exotel voicebot
//   WS   /monitor        consoles (token as "Authorization: Bearer T" or ?token=T; 401 without)
//   GET  /healthz        liveness and counts            GET /metrics     Prometheus text (token)
// Every connection passes a ConnectionGuard first (header and body caps, read timeouts, connections
// per address), whatever its route — routes added with addRoute() too. WebSocket upgrades are
// checked before the handshake completes, so an unknown path gets 404, a console without the
// token 401 and a browser page from another origin 403 — nothing reaches the gateway.
class GatewayServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    GatewayServer(Gateway &gateway, Database &db, QObject *parent = nullptr);
    ~GatewayServer() override;

    // Returns the port (0 on failure, with *error set). Bound beyond loopback with no console
    // credentials configured, the gateway makes a token up first (generatedMonitorToken()).
    quint16 listenOn(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_port; }
    // The token made up by listenOn() (an operator named "operator"), or empty.
    QString generatedMonitorToken() const { return m_generatedToken; }
    // Stops accepting connections (shutdown); live ones carry on.
    void stopListening();
    // Serves `path` (exact match, any method) with `route`: how other parts (shop webhooks) add
    // endpoints to this port. A body larger than `maxBodyBytes` (0: the default body cap) gets 413
    // before it is read.
    void addRoute(const QString &path, ExtraRoute route, qint64 maxBodyBytes = 0);

    const ConnectionLimiter &limiter() const { return *m_limiter; }
    // The reply cache whose size /metrics reports (ringside_tts_cache_*); null: none reported.
    // It must outlive this server.
    void setReplyCache(const CachingTts *cache) { m_replyCache = cache; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    enum class Upgrade { None, TwilioMedia, ExotelMedia, Monitor };
    struct Refusal
    {
        int status = 404;
        QString message;
    };
    Upgrade upgradeFor(const QHttpServerRequest &request, Refusal *refusal) const;
    void onNewWebSocket();
    void twilioVoice(const QHttpServerRequest &request, QTcpSocket *socket);
    void health(const QHttpServerRequest &request, QTcpSocket *socket);
    void metrics(const QHttpServerRequest &request, QTcpSocket *socket);
    QString externalUrl(const QHttpServerRequest &request) const;
    QString monitorIdentity(const QByteArray &authorization, const QUrl &url) const;
    bool exotelAuthorised(const QByteArray &authorization) const;
    QString shown(const QString &phone) const;

    void extraRoute(const ExtraRoute &route, const QHttpServerRequest &request, QTcpSocket *socket);

    Gateway &m_gateway;
    Database &m_db;
    std::shared_ptr<ConnectionLimiter> m_limiter;
    MonitorAccess m_access;
    std::unique_ptr<MetricsWorker> m_metrics;
    const CachingTts *m_replyCache = nullptr;
    QHash<QString, ExtraRoute> m_routes;
    // Guards of connections whose WebSocket handshake is under way, by the peer's address and port:
    // Qt hands over the QWebSocket without its QTcpSocket (which the guard is a child of).
    QHash<QPair<QHostAddress, quint16>, QPointer<ConnectionGuard>> m_upgrading;
    QString m_generatedToken;
    quint16 m_port = 0;
};

} // namespace ringside::telephony
