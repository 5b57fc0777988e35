#pragma once
// Placing an outbound call through the provider's REST API (../shared/reference/protocols.md):
//  - Twilio: POST {base}/2010-04-01/Accounts/{AccountSid}/Calls.json, form-encoded To, From, Url
//    (the gateway's /twilio/voice with the call's parameters in the query, so its TwiML carries the
//    stream URL, the agent and the per-call stream secret), optional StatusCallback; Basic auth
//    AccountSid:AuthToken.
//  - Exotel: POST {base}/v1/accounts/{sid}/calls/connect, form-encoded from (the customer),
//    callerid, streamurl ({wss}/exotel/media?agent=…&ringside_auth=…, signed), streamtype=bidirectional, optional
//    statuscallback; Basic auth ApiKey:ApiToken.
// buildOutboundRequest() is pure (tests read the exact request); placeOutboundCall() sends it.

#include "telephony/mediaprotocol.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace ringside::telephony {

struct OutboundCall
{
    MediaProtocol provider = MediaProtocol::Twilio;
    QString to;             // the customer, E.164
    QString from;           // our number (Twilio From / Exotel CallerId)
    QString agent;          // agent slug
    QString orderId;
    QString cartId;
    QString customerId;
    QUrl publicUrl;         // where the gateway is reachable: https://voice.example.com
    QString statusCallback; // optional
    // Campaign calls (core/campaigns) also ask for these; empty / 0 leaves them out.
    QString statusCallbackEvents;   // Twilio StatusCallbackEvent, e.g. "initiated ringing answered completed"
    QString machineDetection;       // Twilio MachineDetection: "Enable" or "DetectMessageEnd"
    int timeoutSeconds = 0;         // Twilio Timeout: seconds to let it ring
    QList<QPair<QString, QString>> webhookParameters; // added to the voice webhook's (or Exotel stream's) query
};

struct ProviderCredentials
{
    QString accountSid;     // Twilio AccountSid / Exotel account sid
    QString user;           // Basic auth user: Twilio AccountSid / Exotel API key
    QString secret;         // Twilio AuthToken / Exotel API token
    QString streamCredentials; // Exotel: KEY:TOKEN put in the stream URL (the gateway's EXOTEL_STREAM_CREDENTIALS)
    QByteArray streamSecret;   // Exotel: the gateway's RINGSIDE_STREAM_SECRET; the stream URL's parameters are signed with it
    QUrl apiBase;           // https://api.twilio.com, https://api.in.exotel.com (overridable for tests)

    // From the environment: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_API_BASE; or
    // EXOTEL_ACCOUNT_SID, EXOTEL_API_KEY, EXOTEL_API_TOKEN, EXOTEL_API_BASE,
    // EXOTEL_STREAM_CREDENTIALS, RINGSIDE_STREAM_SECRET. Fails naming the first variable that is missing.
    static Result<ProviderCredentials> fromEnvironment(MediaProtocol provider);
};

struct OutboundRequest
{
    QUrl url;
    QByteArray authorization; // "Basic …"
    QByteArray body;          // application/x-www-form-urlencoded
};

// Fails naming the field when the call cannot be placed as described (no To, no From, no URL…).
Result<OutboundRequest> buildOutboundRequest(const OutboundCall &call, const ProviderCredentials &credentials);

struct OutboundResult
{
    QString callSid;      // Twilio "sid" / Exotel Call.Sid
    QString status;       // "queued", "in-progress", …
    QByteArray rawBody;
};

// Sends the request and calls `done` (on the calling thread) with the provider's call id, or an
// error naming the HTTP status and the provider's own message. Times out after `timeoutMs`.
void placeOutboundCall(QNetworkAccessManager &network, MediaProtocol provider, const OutboundRequest &request, int timeoutMs,
                       std::function<void(Result<OutboundResult>)> done);

} // namespace ringside::telephony
