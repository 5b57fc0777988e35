#pragma once
// What `ringside-engine serve` runs with. ServeOptions is the command line as given (text, so the
// checks and their messages live here where tests reach them); serveConfigFrom() checks it and
// fills in the environment's secrets, giving the ServeConfig an EngineServer starts from.

#include "telephony/gatewayconfig.h"
#include "telephony/mediaprotocol.h"
#include "util/clock.h"
#include "util/result.h"

#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace ringside::server {

// Each field is one `serve` option; the defaults here are the options' defaults.
struct ServeOptions
{
    QString host = QStringLiteral("127.0.0.1");                 // --host
    std::optional<QString> port;                                // --port (required)
    std::optional<QString> token;                               // --token; unset: RINGSIDE_MONITOR_TOKEN
    std::optional<QString> operatorsFile;                       // --operators
    QString metricsToken;                                       // --metrics-token
    QStringList allowedOrigins;                                 // --allow-origin
    QString maxCalls = QStringLiteral("500");                   // --max-calls
    std::optional<QString> publicUrl;                           // --public-url; unset: RINGSIDE_PUBLIC_URL
    QStringList numbers;                                        // --number E164=AGENT
    QString defaultAgent = QStringLiteral("order-tracker");     // --default-agent
    QString agentsFolder;                                       // --agents
    QString brain = QStringLiteral("playbook");                 // --brain
    QString workers = QStringLiteral("0");                      // --workers
    QString escalationSlaSeconds = QStringLiteral("120");       // --escalation-sla
    bool speechRecognition = true;                              // --no-stt
    bool allowText = false;                                     // --allow-text
    // --no-campaigns leaves this empty; otherwise who places campaign calls (--campaign-provider).
    std::optional<telephony::MediaProtocol> campaignProvider = telephony::MediaProtocol::Twilio;
    Clock clock;                                                // --now
};

struct ServeConfig
{
    QHostAddress host;
    quint16 port = 0;                 // 0: a free one
    telephony::GatewayConfig gateway;
    std::optional<telephony::MediaProtocol> campaignProvider; // empty: no campaign dialer
};

// The checked configuration, or the first problem found as "--option: what is wrong". Secrets come from `environment`: TWILIO_AUTH_TOKEN,
// RINGSIDE_STREAM_SECRET, EXOTEL_STREAM_CREDENTIALS, RINGSIDE_MONITOR_TOKEN, RINGSIDE_PUBLIC_URL.
Result<ServeConfig> serveConfigFrom(const ServeOptions &options, const QProcessEnvironment &environment);

} // namespace ringside::server
