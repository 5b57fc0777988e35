#pragma once

#include "telephony/mediaprotocol.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace ringside::telephony {

// What the gateway knows about a call when its stream starts: enough to choose the agent and
// what the call is about. Filled from the `start` message's custom parameters (which the
// gateway's own TwiML or the `call` command put there).
struct CallSetup
{
    QString callId;         // the provider's call SID when it has one, else generated
    MediaProtocol protocol = MediaProtocol::Twilio;
    QString streamSid;
    QString callSid;
    QString agent;          // agent slug, name or file
    QString direction;      // inbound | outbound (empty: the agent's type)
    QString from;
    QString to;
    QString customerId;
    QString orderId;
    QString cartId;
    QString language;       // the language the call should be held in (a campaign's choice); empty: the agent's
    QHash<QString, QString> variables; // "var.<name>" parameters
    int sampleRate = 8000;
    QDateTime startedAt;

    // The customer's number: the caller on inbound calls, the called party on outbound ones.
    QString customerPhone() const { return direction == QLatin1String("outbound") ? to : from; }
};

} // namespace ringside::telephony
