#pragma once

#include "telephony/callchannel.h"
#include "telephony/callsetup.h"

#include "util/jsonqt.h"

#include <QByteArray>
#include <QString>

#include <deque>
#include <memory>

namespace ringside::telephony {

class MediaConnection;

// The server thread's view of one call: who it is, where it runs, its state for consoles, and
// its latest events so a console that connects mid-call sees the conversation so far.
struct LiveCall
{
    enum class State { Starting, Active, Queued, TakenOver, Ending };

    CallSetup setup;
    std::shared_ptr<CallChannel> channel;
    MediaConnection *connection = nullptr; // null once the provider's socket is gone
    int worker = -1;
    json info = json::object();            // what the worker reported at start (agent, use case, …)
    State state = State::Starting;
    QString operatorName;                  // who took the call over / accepted it
    qint64 queuedAtMs = 0;                 // wall clock (ms since epoch) when it entered the queue
    QString escalationReason;
    QString escalationSummary;
    std::deque<QByteArray> recent;         // newest last, at most kRecentEvents

    static constexpr std::size_t kRecentEvents = 60;

    void remember(const QByteArray &eventJson);
    // The call as the snapshot and call_started describe it (docs/monitor-protocol.md). With
    // `maskNumbers` the caller's and the called number are masked ("+91 •••• ••5678").
    json summary(qint64 nowMs, int listeners, bool withRecent, bool maskNumbers = true) const;
};

QString stateName(LiveCall::State state); // "starting" | "active" | "queued" | "taken_over" | "ending"

} // namespace ringside::telephony
