#pragma once

#include "telephony/extraroute.h"
#include "telephony/gateway.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

namespace ringside {
class Database;
}

namespace ringside::telephony {

// One port for everything a gateway serves (docs/telephony.md):
//   POST /twilio/voice   Twilio's voice webhook → TwiML <Connect><Stream> (signature-checked when
//                        the Twilio auth token is configured; a wrong signature gets 403)
//   WS   /twilio/media   Twilio Media Streams          WS /exotel/media  the Exotel voicebot
//   WS   /monitor        consoles (token as "Authorization: Bearer T" or ?token=T; 401 without)
//   GET  /healthz        liveness and counts            GET /metrics     Prometheus text
// WebSocket upgrades are checked before the handshake completes, so an unknown path gets 404 and
// a console without the token 401 — nothing reaches the gateway.
class GatewayServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    GatewayServer(Gateway &gateway, Database &db, QObject *parent = nullptr);
    ~GatewayServer() override;

    // Returns the port (0 on failure, with *error set).
    quint16 listenOn(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_port; }
    // Stops accepting connections (shutdown); live ones carry on.
    void stopListening();
    // Serves `path` (exact match, any method) with `route`: how other parts (shop webhooks) add
    // endpoints to this port.
    void addRoute(const QString &path, ExtraRoute route);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    enum class Upgrade { None, TwilioMedia, ExotelMedia, Monitor };
    Upgrade upgradeFor(const QHttpServerRequest &request, QString *problem) const;
    void onNewWebSocket();
    void twilioVoice(const QHttpServerRequest &request, QTcpSocket *socket);
    void health(const QHttpServerRequest &request, QTcpSocket *socket);
    void metrics(const QHttpServerRequest &request, QTcpSocket *socket);
    QString externalUrl(const QHttpServerRequest &request) const;
    bool monitorAuthorised(const QHttpServerRequest &request) const;
    bool exotelAuthorised(const QHttpServerRequest &request) const;

    void extraRoute(const ExtraRoute &route, const QHttpServerRequest &request, QTcpSocket *socket);

    Gateway &m_gateway;
    Database &m_db;
    quint16 m_port = 0;
    QHash<QString, ExtraRoute> m_routes;
};

} // namespace ringside::telephony
