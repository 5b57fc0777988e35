#pragma once
// What a placed call's progress means for the campaign. Each provider status (callback or
// lookup) is applied once and in order: a SequenceNumber at or below the last one applied is a
// repeat or arrived late and changes nothing; nothing moves a finished call back. A final status
// sorts the attempt into its retry class:
//   no-answer, busy   → the rule's next attempt (COD: 2 h later, at most 2), else the chain ends
//   machine (AMD)     → tried again later (dialer.machineRetryMinutes), within the same cap
//   failed            → once more after dialer.failedRetryMinutes, then it stops
//   completed         → done, with the conversation's outcome (from the gateway's call record);
//                       but when the call's media never reached the agent there was no
//                       conversation: failed with talk time (we were silent), else no-answer
// When a COD chain ends without a conversation the order is marked `unconfirmed`. Every attempt
// that did not become a conversation gets a call record of its own (no_answer or failed), so
// analytics count it.

#include "campaigns/statusupdate.h"
#include "campaigns/scheduledcall.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace ringside {
class Database;
}

namespace ringside::campaigns {

class CampaignAgents;

class CallProgress
{
public:
    CallProgress(Database &db, const CampaignAgents &agents) : m_db(db), m_agents(agents) {}

    struct Applied
    {
        bool known = false;       // the call is one of ours
        bool ignored = false;     // a repeat, late, or after the end: nothing changed
        bool finished = false;    // this update ended the attempt
        qint64 id = 0;            // the scheduled call
        qint64 nextAttempt = 0;   // the retry it planned, if any
        QString outcome;
        QString note;
    };

    Applied apply(const StatusUpdate &update, const QDateTime &now);

    // The gateway's conversation for `callId` ended with `outcome`; its record is `recordId`.
    Applied conversationEnded(const QString &callId, const QString &outcome, const QString &recordId, const QDateTime &now);

    // The gateway's media stream for `callId` reached the agent (a conversation can take place).
    // Recorded once, as a "connected" event; a "completed" status without it was no conversation.
    Applied mediaConnected(const QString &callId, const QDateTime &now);

    // The provider refused to place the call (HTTP 4xx): it never existed. Fenced by `gen`.
    Applied placementRefused(const ScheduledCall &call, const QString &error, const QDateTime &now);

    // Finished attempts whose own call record is missing (a crash between the two writes) get it now.
    int repairMissingRecords(const QDateTime &now);

private:
    Applied finish(const ScheduledCall &row, const QString &retryClass, const QString &detail, const QDateTime &now);
    static bool agentCameOn(const QSqlDatabase &db, qint64 id);
    void writeAttemptRecord(qint64 id);

    Database &m_db;
    const CampaignAgents &m_agents;
};

} // namespace ringside::campaigns
