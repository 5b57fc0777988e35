#pragma once
// Sends the sms_outbox through Twilio Messages (Messages.json: To, From or MessagingServiceSid,
// Body, StatusCallback) or Exotel SMS (Sms/send.json: From, To, Body, DltEntityId, DltTemplateId,
// StatusCallback — India requires a DLT-registered template for every message). A message is marked
// 'sending' (committed) before the provider is called, so it is never sent twice: a 5xx or a
// request that certainly did not arrive is retried with backoff; one that may have arrived (a
// timeout) is looked up on Twilio before anything is repeated, and on Exotel is left 'in_doubt'
// for a person (operator task). Without keys nothing is sent and statistics say why.

#include "util/clock.h"
#include "util/jsonqt.h"

#include <QObject>
#include <QString>

#include <memory>

class QTimer;

namespace ringside {
class Database;
}

namespace ringside::platforms {

class HttpExchange;

struct SmsProviderConfig
{
    QString provider;            // twilio | exotel | "" (none configured)
    QString accountSid;
    QByteArray user;             // Basic auth user (Twilio AccountSid / Exotel API key)
    QByteArray secret;           // Twilio auth token / Exotel API token
    QString from;                // TWILIO_SMS_FROM / EXOTEL_SMS_FROM
    QString messagingServiceSid; // TWILIO_MESSAGING_SERVICE_SID (instead of From)
    QString dltEntityId;         // EXOTEL_DLT_ENTITY_ID
    QString dltTemplateId;       // EXOTEL_DLT_TEMPLATE_ID
    QString apiBase;
    QString statusCallback;      // {RINGSIDE_PUBLIC_URL}/sms/twilio/status when a public URL is known
    QString missing;             // why no provider is configured (the first missing variable)

    // RINGSIDE_SMS_PROVIDER chooses; otherwise Twilio when its keys are set, then Exotel.
    static SmsProviderConfig fromEnvironment();
};

class SmsSender : public QObject
{
    Q_OBJECT
public:
    SmsSender(Database &db, SmsProviderConfig config, Clock clock, QObject *parent = nullptr);
    ~SmsSender() override;

    // Sends every due message once; returns how many were attempted.
    int runDue();

public Q_SLOTS:
    void start(int pollMs = 2000);
    void wake();

private:
    Database &m_db;
    SmsProviderConfig m_config;
    Clock m_clock;
    std::unique_ptr<HttpExchange> m_http;
    QTimer *m_timer = nullptr;
};

// A delivery report (Twilio StatusCallback: MessageSid, MessageStatus, ErrorCode). False when no
// message has that sid.
bool recordSmsStatus(Database &db, const QString &providerSid, const QString &status, const QString &errorCode, qint64 nowMs);

// {"total", "sent", "delivered", "waiting", "failed", "in_doubt", "why_waiting": "…"} for
// `store stats` and the console.
json smsStatus(Database &db, const SmsProviderConfig &config, qint64 nowMs);

} // namespace ringside::platforms
