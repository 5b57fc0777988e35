#pragma once

#include "telephony/gatewaylimits.h"
#include "telephony/operatorcredentials.h"

#include "util/clock.h"

#include <QByteArray>
#include <QHash>
#include <QProcessEnvironment>
#include <QString>

namespace ringside::telephony {

// How a gateway runs (docs/telephony.md lists each as a `serve` option).
struct GatewayConfig
{
    int workers = 0;                       // engine threads; 0: four per CPU core (see Gateway::start)
    int mediaThreads = 0;                  // media socket I/O threads (MediaShard); 0: one per CPU core
    int recognizerThreads = 0;             // threads decoding callers' speech; 0: one per CPU core
    QString brainKind = QStringLiteral("playbook");
    bool speechRecognition = true;         // false: nothing is recognized (text-injected load tests)
    bool allowTextInjection = false;       // accept {"event":"ringside.text"} on media streams
    QString monitorToken;                  // one console token (an operator named "operator"); see `operators`
    QList<OperatorCredential> operators;   // per-operator tokens: the identity comes from the token
    QString metricsToken;                  // another token /metrics accepts (a Prometheus scraper)
    QStringList allowedOrigins;            // browser Origins /monitor accepts ("https://console.example.com")
    QString publicUrl;                     // "https://voice.example.com": TwiML stream URLs, signatures
    QByteArray twilioAuthToken;            // TWILIO_AUTH_TOKEN: webhook signatures (and stream signing, when no secret)
    QByteArray streamSecret;               // RINGSIDE_STREAM_SECRET: signs stream parameters (docs/security.md)
    int streamSignatureTtlSeconds = 300;   // TwiML → stream start
    QString exotelCredentials;             // "KEY:TOKEN" Exotel must present (Basic) on /exotel/media; unset: refused
    bool maskPersonalData = true;          // numbers and addresses masked in logs and the feed
    GatewayLimits limits;
    QHash<QString, QString> numberAgents;  // called number (E.164) → agent
    QString defaultInboundAgent = QStringLiteral("order-tracker");
    QString agentsFolder;                  // the user's agent files (empty: shipped agents only)
    int escalationSlaMs = 120000;          // an escalated caller waits this long for an operator
    int shutdownGraceMs = 5000;            // SIGTERM: time for goodbyes to play
    int monitorBufferBytes = 4 << 20;      // per console: beyond this it is "lagged" and skips events
    int monitorLagTimeoutMs = 30000;       // a console lagged this long is disconnected
    Clock clock;
    // Keys and endpoints of the agents' cloud speech providers (docs/speech-cloud.md lists them).
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
};

} // namespace ringside::telephony
