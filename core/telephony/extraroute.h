#pragma once
// Routes other parts serve on the gateway's port (the shop platforms' webhooks, SMS delivery
// reports), registered with GatewayServer::addRoute so those parts need not know about the server.
// A route is answered on the server thread: its handler must be quick (store and return).

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>

namespace ringside::telephony {

struct ExtraRequest
{
    QByteArray method;                      // "POST"
    QString path;
    QString query;                          // encoded, without '?'
    QHash<QByteArray, QByteArray> headers;  // names lower-case
    QByteArray body;
    QString peer;
    QString externalUrl;                    // the URL as the caller addressed it (for signatures)
};

struct ExtraReply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
};

using ExtraRoute = std::function<ExtraReply(const ExtraRequest &)>;

} // namespace ringside::telephony
