#pragma once

#include "util/jsonqt.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ringside::analytics {

// One call (typed chat, voice, phone gateway or console test call), as the engine reports it when
// the call ends — or with outcome "in_progress" while it is live (CallRecorder keeps it so, and
// names its process in liveOwner). Enum fields hold the exact strings of the call_records CHECK
// constraints; the lists below are the single source for them.
struct CallRecord {
    QString id;                  // empty on insert: a UUID is generated
    QString agent;               // the agent's name
    QString useCase;             // see useCases()
    QString direction;           // inbound | outbound
    QString channel = QStringLiteral("chat"); // see channels()
    QString language;            // BCP 47, "" = unknown
    QString customerId;          // empty = none
    QString orderId;
    QString cartId;
    QDateTime startedAt;         // ringing (outbound) or first contact (inbound); required
    QDateTime answeredAt;        // invalid = never connected
    QDateTime endedAt;           // invalid = still live
    QString outcome = QStringLiteral("in_progress"); // see outcomes()
    QString handledBy = QStringLiteral("ai");        // ai | human | ai_then_human
    QString escalationReason;
    QString cancelReason;        // see cancelReasons(); derived from tool calls when empty
    qint64 revenueMinor = 0;     // recovered (cart) or protected (COD) value, in minor units
    QString currency;            // ISO 4217, required when revenueMinor != 0
    std::optional<int> csat;     // 1–5 when asked
    std::optional<int> nps;      // 0–10 when asked
    QString orderStatus;         // the order's status during the call; filled from orders when empty
    QString carrier;             // the order's carrier during the call; filled from orders when empty
    bool returnInitiated = false;   // derived from a successful initiate_return tool call when false
    bool pickupScheduled = false;   // derived from a successful schedule_pickup tool call when false
    int turns = 0;               // 0 = the number of turn latencies
    std::vector<int> turnLatenciesMs; // end of customer speech → first agent audio, per turn
    json transcript = json::array();  // events the console shows
    json toolCalls = json::array();   // [{name, arguments, result}]
    QString liveOwner;           // while in progress: the process keeping it (liveowner.h); else empty

    // Filled by the store on read; ignored on write (it derives them).
    qint64 durationMs = 0;       // answered → ended
    bool firstAttempt = true;    // earliest call of its use case about this cart / order
    std::optional<int> latencyP50Ms;
    std::optional<int> latencyMaxMs;
};

// Filters for CallRecordStore::list and the CSV export. Empty fields do not filter.
struct CallFilter {
    QDateTime from;              // started_at >= from (invalid = open)
    QDateTime to;                // started_at <  to   (invalid = open)
    QString useCase;
    QString agent;
    QString channel;
    QString outcome;
    QString customerId;
    QString orderId;
};

// The allowed values, in the order the docs and the exports list them.
const QStringList &useCases();      // wismo delivery_update cod_confirmation cart_recovery returns other
const QStringList &directions();    // inbound outbound
const QStringList &channels();      // chat voice twilio exotel test_call
const QStringList &outcomes();      // the final outcomes: the calls' own (conversation/outcomes.h),
                                    // then "interrupted" (its engine stopped mid-call); no in_progress
const QStringList &handledByValues(); // ai human ai_then_human
const QStringList &cancelReasons(); // cancel_order reasons, then record_cart_abandonment_reason reasons
// Order statuses and carriers are the store's (commerce/commerceenums.h).
inline const QString kInProgress = QStringLiteral("in_progress");
inline const QString kInterrupted = QStringLiteral("interrupted");

// Problems with a record, each naming its field ("outcome: 'done' is not one of resolved, …").
// Empty when the record can be stored.
QStringList validateCallRecord(const CallRecord &record);

// Fills what the record's own tool calls say when the caller left it empty: cancel_reason from the
// last successful cancel_order / record_cart_abandonment_reason, returnInitiated from
// initiate_return, pickupScheduled from schedule_pickup, turns from the latencies.
void deriveFromToolCalls(CallRecord &record);

// Whether a tool call's result reports success: any result except an object with an "error" key
// or with "success" / "ok" set to false.
bool toolCallSucceeded(const json &toolCall);

} // namespace ringside::analytics
