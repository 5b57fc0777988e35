#pragma once
// Gathers what decideCall() needs for a batch of calls with few queries: the calls with their
// order or cart state, their number's do-not-call entry and consent in one joined read, then the
// last two days' placed calls to those numbers (or all of them, when they are fewer). Only what the batch's numbers need is read (a
// do-not-call list of millions costs a claim of ten what it costs a claim of ten). What is the
// same for many calls is worked out once: the zones of a timezone value, the local day's bounds,
// whether the window is open now for calls of the same zones, country and kind (a queue holds few
// distinct ones).

#include "campaigns/calldecider.h"

#include <QHash>
#include <QVariantList>

#include <functional>
#include <vector>

namespace ringside {
class Database;
}

namespace ringside::campaigns {

class CampaignAgents;

// Calls and what deciding each needs; inputs[i].call points at calls[i]. The calls carry only the
// columns deciding reads (id, use case, attempt, subject ids, phone, zone, event, due time, lease
// generation; the agent only for callbacks, the customer only when there is no phone): read the
// whole row (CallQueue::byIds) before placing one.
struct DecisionBatch
{
    std::vector<ScheduledCall> calls;
    std::vector<DecisionInput> inputs;
};

class DecisionLoader
{
public:
    DecisionLoader(Database &db, const CampaignAgents *agents = nullptr) : m_db(db), m_agents(agents) {}

    // The calls of one claim (CallQueue::claimDueToken's token), each with its subject's state,
    // read in one query: what the dialer decides on.
    DecisionBatch loadClaimed(const QString &token, const QDateTime &now, const CampaignRules &rules);
    // The calls still scheduled and due at `now`, read the same way (what claims would take next).
    DecisionBatch loadDue(const QDateTime &now, const CampaignRules &rules);
    // The same calls handed to `decide` one at a time, in due order, read a page of `pageSize` at a
    // time (keyset pages; each page's query is closed before its calls are handed over, so `decide`
    // may use the database). A queue of 100,000 never holds more than a page in memory; an input
    // and its call live only until `decide` returns. Each is filled right before it is handed over,
    // so a call noted as placed (notePlaced) counts for the per-day cap of the calls after it.
    void forEachDue(const QDateTime &now, const CampaignRules &rules, const std::function<void(const DecisionInput &)> &decide,
                    int pageSize = 1024);

    // A call of the batch is being placed: the per-day cap counts it for the rest of the batch.
    void notePlaced(const QString &phone, const QDateTime &at) { m_placed[phone].append(at.toMSecsSinceEpoch()); }
    // Counts the calls noted as placed since the batch was read into `in.placedToday`: call it
    // right before deciding each input of a whole batch (forEachDue does it by itself).
    void recountPlaced(DecisionInput &in, const QDateTime &now) { in.placedToday = placedOnLocalDay(in.call->phone, in.call->timezone, in.party, now); }

private:
    struct DayBounds
    {
        qint64 from = 0;
        qint64 to = 0;
    };
    struct Window
    {
        int open = -1;
        QDateTime next;
        QString detail; // quietHoursDetail, when closed
    };
    int placedOnLocalDay(const QString &phone, const QString &zones, const CalledParty &party, const QDateTime &now);
    const QList<QTimeZone> &zonesOf(const QString &value);
    void fillWindow(DecisionInput &in, const CampaignRules &rules, const QDateTime &now);
    void prepare(const QDateTime &now);
    void readPlaced(const QString &callsWhere, const QVariantList &binds, std::size_t batchSize, const QDateTime &now);
    void fillCall(DecisionInput &in, const ScheduledCall &c, const QDateTime &now);
    std::size_t count(const QString &where, const QVariantList &binds);
    DecisionBatch loadWhere(const QString &where, const QVariantList &binds, const QDateTime &now, const CampaignRules &rules);

    Database &m_db;
    const CampaignAgents *m_agents;
    QHash<QString, QList<qint64>> m_placed; // phone → placed_at (ms) of the last two days, for the batch's numbers
    QHash<QString, QList<QTimeZone>> m_zones;
    QHash<QString, DayBounds> m_days;       // timezone value → today's bounds at `now`
    struct WindowKey
    {
        QString zones;
        QString country;
        int kind = 0;
        bool weekends = false;
        bool operator==(const WindowKey &) const = default;
        friend size_t qHash(const WindowKey &k, size_t seed = 0) { return qHashMulti(seed, k.zones, k.country, k.kind, k.weekends); }
    };
    QHash<WindowKey, Window> m_windows;     // the window at `now` for calls alike in these
    QHash<QString, QString> m_agentUseCases;
    qint64 m_memoNow = 0;                   // the instant the memos were made for
};

} // namespace ringside::campaigns
