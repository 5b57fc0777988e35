#pragma once

#include "conversation/sessionevent.h"

#include <QDateTime>
#include <QString>

namespace ringside {

// What a call is, as known when it starts: the facts a call record opens with.
struct SessionOpening
{
    QString agent;       // the agent's name
    QString useCase;     // wismo, cod_confirmation, … (agent/agent.h useCaseName)
    QString direction;   // inbound | outbound
    QString channel;     // chat | voice | twilio | exotel | test_call
    QString language;    // BCP 47
    QString customerId;  // what the call is about, each empty when unknown
    QString orderId;
    QString cartId;
    QDateTime startedAt;
};

// Hears one session from its start to its end, synchronously on the session's thread: the
// opening, then every event the session emits, the last one always "end". Unlike the Session's
// event() signal it also hears the "end" of a session destroyed mid-call (the record must not be
// lost), so an observer must outlive the session it watches. The call record is written through
// this (analytics::CallRecorder): the engine itself knows nothing of how records are kept.
class SessionObserver
{
public:
    virtual ~SessionObserver() = default;
    virtual void sessionStarted(const SessionOpening &opening) = 0;
    // "end" carries what the record needs: outcome, handled_by, and when they apply
    // escalation_reason, revenue_minor + currency, order_id and customer_id.
    virtual void sessionEvent(const SessionEvent &event) = 0;
};

} // namespace ringside
