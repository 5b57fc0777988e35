#pragma once
// The dialer's line to Twilio or Exotel: places a campaign call (the same request as
// `ringside-engine call`, plus the status callback, its events, AMD and ring time), and answers
// the question a dialer must ask before retrying a call whose lease ran out without a recorded
// call id: "does a call to this number, made since then, exist?". Also fetches one call's status
// (for calls whose callbacks never came). Callbacks run on the calling thread.
//   Twilio: GET {base}/2010-04-01/Accounts/{sid}/Calls.json?To=…&PageSize=50 (newest first),
//           GET …/Calls/{CallSid}.json
//   Exotel: GET {base}/v1/Accounts/{sid}/Calls.json?To=…&SortBy=DateCreated:desc (unverified),
//           GET …/Calls/{CallSid}.json

#include "campaigns/campaignrules.h"
#include "campaigns/scheduledcall.h"

#include "telephony/outboundcall.h"

#include <QDateTime>
#include <QUrl>

#include <functional>
#include <vector>

class QNetworkAccessManager;

namespace ringside::campaigns {

struct ProviderCallInfo
{
    QString callId;
    QString status;       // Twilio's names: queued ringing in-progress completed busy failed no-answer canceled
    QString to;
    QDateTime createdAt;
    int durationS = -1;
    QString answeredBy;
};

struct DialerIdentity
{
    telephony::MediaProtocol provider = telephony::MediaProtocol::Twilio;
    telephony::ProviderCredentials credentials;
    QString from;          // our number / caller id
    QUrl publicUrl;        // RINGSIDE_PUBLIC_URL: the gateway, its /twilio/voice and /twilio/status
    QByteArray callbackSecret; // signs Exotel status callback URLs (Twilio signs its own)

    // From the environment, as `ringside-engine call` reads it, plus RINGSIDE_PUBLIC_URL.
    static Result<DialerIdentity> fromEnvironment(telephony::MediaProtocol provider, const QString &publicUrl = QString());
    QString providerName() const;
};

class ProviderClient
{
public:
    ProviderClient(QNetworkAccessManager &network, DialerIdentity identity, int timeoutMs = 15000);

    const DialerIdentity &identity() const { return m_identity; }

    // The status callback URL for one planned call: {public}/twilio/status?sc=ID (Twilio signs the
    // whole URL) or {public}/exotel/status?sc=ID&sig=HMAC (Exotel does not sign).
    QString statusCallbackUrl(qint64 scheduledId) const;
    telephony::OutboundCall outboundCall(const ScheduledCall &call, const CampaignRules::Dialer &rules) const;

    void place(const ScheduledCall &call, const CampaignRules::Dialer &rules, std::function<void(Result<telephony::OutboundResult>)> done);
    void findCalls(const QString &to, const QDateTime &since, std::function<void(Result<std::vector<ProviderCallInfo>>)> done);
    void fetchCall(const QString &callId, std::function<void(Result<ProviderCallInfo>)> done);

private:
    void get(const QUrl &url, std::function<void(int status, const QByteArray &body, const QString &error)> done);

    QNetworkAccessManager &m_network;
    DialerIdentity m_identity;
    int m_timeoutMs;
};

// hex(HMAC-SHA256(secret, "sc=<id>")): the Exotel callback URL's proof that we made it.
QString exotelCallbackSignature(const QByteArray &secret, qint64 scheduledId);

// Exotel's statuses mapped to Twilio's names ("no-answer", "in-progress", …).
QString normaliseProviderStatus(const QString &status);

} // namespace ringside::campaigns
