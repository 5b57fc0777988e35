#pragma once

#include <QHash>
#include <QString>

namespace ringside::telephony {

// What one peer may cost the gateway before it has proved anything (docs/security.md). Every
// HTTP route, including routes registered later (platform webhooks), gets the header cap, the
// read timeouts and the default body cap unless its path has its own.
struct GatewayLimits
{
    // HTTP
    int maxHeaderBytes = 16 * 1024;               // request line and headers: 431 beyond
    qint64 maxBodyBytes = 1024 * 1024;            // any route without its own cap: 413 beyond
    QHash<QString, qint64> bodyBytesByPath = {    // path → cap
        { QStringLiteral("/twilio/voice"), 64 * 1024 },
    };
    qint64 maxInflightBodyBytes = 64 * 1024 * 1024; // all requests being read at once: 503 beyond
    int requestTimeoutMs = 10000;                 // a request's headers and body must arrive by then: 408
    int idleTimeoutMs = 30000;                    // a kept-alive connection with nothing to do is closed

    // Connections
    int maxPendingPerAddress = 64;                // not yet a call or a signed-in console, per IP
    int maxConnections = 4000;                    // all sockets (file descriptors)
    int maxCalls = 500;                           // concurrent calls; a stream beyond is refused
    int maxMonitors = 64;                         // consoles on /monitor

    // WebSockets
    qint64 maxMediaMessageBytes = 128 * 1024;     // a media frame is at most one second of 24 kHz PCM in base64
    qint64 maxMonitorMessageBytes = 256 * 1024;   // commands and operator audio
    int startTimeoutMs = 5000;                    // a media stream must send `start` by then
    int badFrameBudget = 100;                     // bad frames (leaking one a second) before a stream is closed
    int maxStreamEventsPerSecond = 100;           // marks, DTMF and typed turns per stream (media is not counted)
    int maxCommandsPerSecond = 50;                // per console
};

} // namespace ringside::telephony
